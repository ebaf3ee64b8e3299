// LINE's five-message limit, one policy: nothing is cut, the first five reply, the rest are pushed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { processEvent } from "../../src/bot/pipeline";
import { webhookEventSchema } from "../../src/bot/events";
import { freshCheckinState } from "../../src/flows/checkin";
import { createFlowRegistry } from "../../src/flows/registry";
import { checkinStateSchema, type CheckinState } from "../../src/flows/states";
import type { Flow } from "../../src/flows/types";
import { maxMessagesPerSend, planSends, type OutMessage } from "../../src/line/message";
import { sendFresh } from "../../src/outbox/delivery";
import { saveConversation } from "../../src/store/conversations";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { newLineUserId, textEvent } from "../support/events";

const numbered = (n: number): OutMessage[] =>
  Array.from({ length: n }, (_, i) => ({ type: "text", text: `${i + 1}` }));

describe("planSends", () => {
  it("is the limit LINE documents: five messages to a send", () => {
    expect(maxMessagesPerSend).toBe(5);
  });

  it("sends nothing for no messages", () => {
    expect(planSends([], true)).toEqual([]);
  });

  it("answers with one reply of up to five", () => {
    expect(planSends(numbered(5), true)).toEqual([{ kind: "reply", messages: numbered(5) }]);
  });

  it("replies with the first five and pushes the rest, in order", () => {
    const messages = numbered(12);
    expect(planSends(messages, true)).toEqual([
      { kind: "reply", messages: messages.slice(0, 5) },
      { kind: "push", messages: messages.slice(5, 10) },
      { kind: "push", messages: messages.slice(10) },
    ]);
  });

  it("pushes everything when there is no reply token", () => {
    expect(planSends(numbered(7), false).map((send) => send.kind)).toEqual(["push", "push"]);
  });

  it.each([1, 4, 5, 6, 10, 11, 23])(
    "never cuts a message and never exceeds the limit (%i messages)",
    (n) => {
      const messages = numbered(n);
      const sends = planSends(messages, true);
      expect(sends.flatMap((send) => send.messages)).toEqual(messages);
      for (const send of sends) {
        expect(send.messages.length).toBeGreaterThan(0);
        expect(send.messages.length).toBeLessThanOrEqual(maxMessagesPerSend);
      }
      expect(sends.filter((send) => send.kind === "reply")).toHaveLength(1);
    },
  );
});

describe("a reply longer than one send", () => {
  let t: TestApp;
  let clock: TestClock;

  beforeEach(async () => {
    clock = createTestClock();
    t = await createTestApp({ clock });
  });

  afterEach(async () => {
    await t.close();
  });

  /** A conversation with more to say than LINE takes at once. */
  const talkative = (replies: OutMessage[]): Flow<CheckinState> => ({
    name: "checkin",
    parse: (saved) => checkinStateSchema.safeParse(saved).data ?? null,
    step: () => ({ state: null, replies, effects: [] }),
  });

  it("reaches the person in full: five in the reply, the rest pushed after it", async () => {
    const userId = newLineUserId();
    const replies = numbered(7);
    await t.db.store.write((tx) =>
      saveConversation(
        tx,
        userId,
        freshCheckinState({ checkinId: "c1", weekKey: "2026-W47" }),
        clock(),
      ),
    );
    const event = webhookEventSchema.parse(
      textEvent(userId, "こんにちは", {
        replyToken: t.mock.issueReplyToken(userId),
        timestamp: clock(),
      }),
    );
    const result = await processEvent(
      { ...t.deps, flows: createFlowRegistry([talkative(replies)]) },
      event,
    );
    await sendFresh(t.deps, result.outbox);

    const sent = t.mock.sentTo(userId);
    expect(sent.map((request) => [request.endpoint, request.messages.length])).toEqual([
      ["reply", 5],
      ["push", 2],
    ]);
    expect(t.mock.messagesTo(userId)).toEqual(replies);
  });
});
