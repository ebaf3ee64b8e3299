// Conversations as tables of (saved state, input) → (state, replies, effects).
import { describe, expect, it } from "vitest";
import { testClassifier } from "../support/classifier";
import { createFlowRegistry } from "../../src/flows/registry";
import { respond } from "../../src/flows/router";
import type { Flow, FlowContext, Inbound } from "../../src/flows/types";
import type { OutMessage } from "../../src/line/message";

const guest: FlowContext = {
  now: 0,
  role: "guest",
  newId: () => "id-1",
  classifier: testClassifier,
};
const noFlows = createFlowRegistry();

function texts(replies: OutMessage[]): string {
  return replies
    .map((reply) => (reply.type === "text" ? reply.text : `[${reply.type}]`))
    .join("\n");
}

describe("a guest with no conversation", () => {
  it("welcomes in words for anyone the center gives a code to, not only its registrants", () => {
    const welcome = texts(
      respond(noFlows, null, { type: "follow", unblocked: false }, guest).replies,
    );
    expect(welcome).toContain("センターから もらった ばんごう");
    expect(welcome).not.toContain("しえんの 人");
  });

  it.each<[string, Inbound, RegExp, unknown[]]>([
    [
      "follow",
      { type: "follow", unblocked: false },
      /ともだち ついか.*\n.*ばんごう/s,
      [{ type: "setFollowing", following: true }],
    ],
    [
      "unblock",
      { type: "follow", unblocked: true },
      /また つながって[\s\S]*ばんごう/,
      [{ type: "setFollowing", following: true }],
    ],
    ["a greeting", { type: "text", text: "こんにちは" }, /ばんごう/, []],
    ["ヘルプ", { type: "text", text: " ヘルプ " }, /つなぎ は/, []],
    ["help", { type: "text", text: "HELP" }, /つなぎ は/, []],
    ["a sticker", { type: "sticker" }, /スタンプ ありがとうございます[\s\S]*ばんごう/, []],
    ["a photo", { type: "media", media: "image" }, /おくって くれて[\s\S]*ばんごう/, []],
    ["a stray postback", { type: "postback", data: "x=1", params: {} }, /ばんごう/, []],
    // the guest menu's tile, typed or tapped
    [
      "ばんごうを おくる",
      { type: "text", text: "ばんごうを おくる" },
      /はじめに、センターから もらった ばんごう/,
      [],
    ],
    // a linked person's buttons, tapped before linking or from an old menu: not linked yet
    ["チェックイン", { type: "text", text: "チェックイン" }, /まだ つながって いません/, []],
    ["そうだんする", { type: "text", text: "そうだんする" }, /まだ つながって いません/, []],
    ["おやすみする", { type: "text", text: "ｵﾔｽﾐｽﾙ" }, /まだ つながって いません/, []],
  ])("answers %s", (_name, input, expected, effects) => {
    const step = respond(noFlows, null, input, guest);
    expect(step.state).toBeNull();
    expect(texts(step.replies)).toMatch(expected);
    expect(step.effects).toEqual(effects);
  });

  it("says nothing to someone who blocked the account, and records it", () => {
    const step = respond(noFlows, null, { type: "unfollow" }, guest);
    expect(step.replies).toEqual([]);
    expect(step.effects).toEqual([{ type: "setFollowing", following: false }]);
  });

  it("offers a button with every message it asks something in", () => {
    for (const input of [{ type: "text", text: "?" }, { type: "sticker" }] as Inbound[]) {
      const last = respond(noFlows, null, input, guest).replies.at(-1);
      expect(last?.quickReply?.items?.length).toBeGreaterThan(0);
    }
  });

  it("keeps every message within LINE's 5000-character limit and a reply within 5 messages", () => {
    for (const input of [{ type: "follow", unblocked: false }, { type: "sticker" }] as Inbound[]) {
      const { replies } = respond(noFlows, null, input, guest);
      expect(replies.length).toBeLessThanOrEqual(5);
      for (const reply of replies)
        if (reply.type === "text") expect(reply.text.length).toBeLessThan(5000);
    }
  });
});

describe("saved state", () => {
  const counter: Flow<{ flow: string; version: number; n: unknown }> = {
    name: "counter",
    parse: (state) =>
      typeof state === "object" && state !== null && (state as { version?: unknown }).version === 2
        ? (state as { flow: string; version: number; n: number })
        : null,
    step: (state) => ({
      state: { ...state, n: Number(state.n) + 1 },
      replies: [{ type: "text", text: `n=${Number(state.n) + 1}` }],
      effects: [],
    }),
  };
  const flows = createFlowRegistry([counter]);

  it("hands the input to the flow the state belongs to", () => {
    const step = respond(
      flows,
      { flow: "counter", state: { flow: "counter", version: 2, n: 1 } },
      { type: "text", text: "x" },
      guest,
    );
    expect(step.state).toEqual({ flow: "counter", version: 2, n: 2 });
  });

  it.each([
    ["an old version", { flow: "counter", state: { flow: "counter", version: 1, n: 1 } }],
    ["a damaged row", { flow: "counter", state: "{{{" }],
    ["a flow that no longer exists", { flow: "retired", state: { flow: "retired", version: 1 } }],
  ])("restarts politely from %s instead of crashing", (_name, saved) => {
    const step = respond(flows, saved, { type: "text", text: "こんにちは" }, guest);
    expect(step.state).toBeNull();
    expect(texts(step.replies)).toMatch(/ごめんなさい[\s\S]*ばんごう/);
  });
});
