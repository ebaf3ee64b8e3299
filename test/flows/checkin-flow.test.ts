// The weekly check-in as a table of (state, input) → (state, replies, effects): every path walked.
import { describe, expect, it } from "vitest";
import { testClassifier } from "../support/classifier";
import { startCheckin } from "../../src/flows/checkin";
import { checkinStateSchema, type CheckinState } from "../../src/flows/states";
import { questions, skipChoice, talkChoice } from "../../src/words/checkin-questions";
import { foldWords } from "../../src/core/fold";
import { encodePostback } from "../../src/words/postback";
import { createFlowRegistry } from "../../src/flows/registry";
import { respond } from "../../src/flows/router";
import type { Effect, FlowContext, Inbound, RegistrantContext, Step } from "../../src/flows/types";
import type { OutMessage } from "../../src/line/message";
import type { QuestionKey } from "../../src/vocabulary/kinds";
import { actionsOf } from "../../src/words/buttons";
import { textOf, type Sent } from "../support/line-chat";
import { consentTextVersion } from "../../src/words/registrant";

const week = "2026-W47";
const flows = createFlowRegistry();
const registrant: RegistrantContext = {
  id: "r1",
  status: "active",
  consented: true,
  checkinWeekday: 5,
  checkinMinute: 1080,
};
const ctx: FlowContext = {
  now: Date.parse("2026-11-20T18:05:00+09:00"),
  role: "registrant",
  registrant,
  newId: () => "new-id",
  classifier: testClassifier,
};

function begin(): CheckinState {
  return checkinStateSchema.parse(
    startCheckin({ checkinId: "c1", weekKey: week, origin: "scheduled" }).state,
  );
}

function tap(question: QuestionKey, value: string, w = week): Inbound {
  return {
    type: "postback",
    data: encodePostback({ a: "ans", w, q: question, v: value }),
    params: {},
  };
}

function step(state: CheckinState | null, input: Inbound): Step {
  return respond(flows, state ? { flow: "checkin", state } : null, input, ctx);
}

const texts = (replies: OutMessage[]) => textOf(replies as Sent);

function buttons(reply: OutMessage | undefined): { label: string; data?: string; text?: string }[] {
  return actionsOf(reply).map((item) => {
    const action = item as { label?: string; data?: string; text?: string };
    return { label: action.label ?? "", data: action.data, text: action.text };
  });
}

function answers(effects: Effect[]) {
  return effects.flatMap((effect) =>
    effect.type === "recordAnswer" ? [[effect.question, effect.value, effect.score]] : [],
  );
}

function signals(effects: Effect[]) {
  return effects.flatMap((effect) =>
    effect.type === "signal" ? [[effect.signal.category, effect.signal.severity]] : [],
  );
}

/** Walks a whole check-in by buttons, returning every step. */
function walk(taps: Inbound[]): Step[] {
  let state: CheckinState | null = begin();
  const out: Step[] = [];
  for (const input of taps) {
    const next = step(state, input);
    out.push(next);
    state = next.state ? checkinStateSchema.parse(next.state) : null;
  }
  return out;
}

describe("starting", () => {
  it("opens with a greeting and the first question, and creates the check-in", () => {
    const start = startCheckin({ checkinId: "c1", weekKey: week, origin: "self" });
    expect(start.effects).toEqual([
      { type: "startCheckin", checkinId: "c1", weekKey: week, origin: "self" },
    ]);
    expect(texts(start.replies)).toMatch(/チェックイン[\s\S]*あと 7つ[\s\S]*からだの ちょうし/);
    expect(buttons(start.replies.at(-1)).map((b) => b.label)).toEqual([
      "😄 とても いい",
      "🙂 まあまあ",
      "😐 すこし わるい",
      "😣 わるい",
      "スキップ",
      "🙋 人と はなしたい",
    ]);
  });
});

describe("a whole check-in by buttons", () => {
  it("asks one question per message, counts down, records every answer and ends", () => {
    const steps = walk([
      tap("condition", "3"),
      tap("sleep", "2"),
      tap("mood", "4"),
      tap("medication", "as_prescribed"),
      tap("attendance", "all"),
      tap("worries", "money"),
      tap("worries", "done"),
      tap("message", "none"),
    ]);
    expect(steps.map((s) => s.replies.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(steps.slice(0, 6).map((s) => texts(s.replies).split("\n")[0])).toEqual([
      "（あと 6つ）",
      "（あと 5つ）",
      "（あと 4つ）",
      "（あと 3つ）",
      "（あと 2つ）",
      "（あと 2つ）",
    ]);
    expect(texts(steps[6]?.replies ?? [])).toMatch(/^（さいご）/);
    expect(steps.flatMap((s) => answers(s.effects))).toEqual([
      ["condition", "3", 3],
      ["sleep", "2", 2],
      ["mood", "4", 4],
      ["medication", "as_prescribed", null],
      ["attendance", "all", null],
      ["worries", '["money"]', null],
      ["message", "none", null],
    ]);
    const last = steps.at(-1);
    expect(last?.state).toBeNull();
    expect(last?.effects).toContainEqual({ type: "completeCheckin", checkinId: "c1" });
    expect(texts(last?.replies ?? [])).toContain("おわりです");
    expect(steps.flatMap((s) => signals(s.effects))).toEqual([["money", "normal"]]);
  });

  it("offers buttons on every step, and each button moves the conversation on", () => {
    let state: CheckinState | null = begin();
    let seen = 0;
    while (state && seen < 20) {
      const asked = step(state, { type: "sticker" });
      const options = buttons(asked.replies.at(-1));
      expect(options.length).toBeGreaterThan(0);
      // the last real choice: on the worries that is なし, which ends the multi-select
      const first = options
        .filter((b) => b.data !== undefined && !/v=(talk|skip|done)/.test(b.data))
        .at(-1);
      expect(first?.data).toBeDefined();
      const next = step(state, { type: "postback", data: first?.data ?? "", params: {} });
      expect(next.state).not.toEqual(state);
      state = next.state ? checkinStateSchema.parse(next.state) : null;
      seen++;
    }
    expect(seen).toBeGreaterThanOrEqual(questions.length);
  });
});

describe("every choice of every question", () => {
  const order = questions.map((q) => q.key);
  const cases = questions.flatMap((question) =>
    [...question.choices, ...(question.key === "message" ? [] : [skipChoice]), talkChoice].map(
      (choice) => [question.key, choice.value, choice.score ?? null] as const,
    ),
  );

  it.each(cases)("%s = %s is recorded or followed up, never lost", (question, value, score) => {
    const result = step({ ...begin(), step: question }, tap(question, value));
    if (question === "attendance" && (value === "late" || value === "absent")) {
      expect(result.state).toMatchObject({ step: "attendance_days", attendance: value });
      expect(answers(result.effects)).toEqual([]);
      return;
    }
    if (question === "worries" && !["none", "skip", "talk"].includes(value)) {
      expect(result.state).toMatchObject({ step: "worries", worries: [value] });
      expect(answers(result.effects)).toEqual([]);
      return;
    }
    const stored = question === "worries" && value === "none" ? "[]" : value;
    expect(answers(result.effects)).toEqual([[question, stored, score]]);
    const next = order[order.indexOf(question) + 1];
    if (next) expect(result.state).toMatchObject({ step: next });
    else expect(result.state).toBeNull();
  });
});

describe("follow-ups and multi-select", () => {
  it.each([
    ["late", "2", "late:2", [["absence", "normal"]]],
    ["late", "1", "late:1", [["absence", "low"]]],
    ["absent", "1", "absent:1", [["absence", "normal"]]],
    ["absent", "3", "absent:3", [["absence", "high"]]],
  ])("asks how many days after %s, records %s days as %s", (kind, days, value, raised) => {
    const [asked, told] = walk([
      tap("condition", "3"),
      tap("sleep", "3"),
      tap("mood", "3"),
      tap("medication", "as_prescribed"),
      tap("attendance", kind),
      tap("attendance", `${kind}:${days}`),
    ]).slice(4);
    expect(texts(asked?.replies ?? [])).toMatch(kind === "late" ? /ちこく/ : /やすみ/);
    expect(answers(told?.effects ?? [])).toEqual([["attendance", value, null]]);
    expect(signals(told?.effects ?? [])).toEqual(raised);
    expect(told?.state).toMatchObject({ step: "worries" });
  });

  it("adds worries, shows what is chosen, and raises one signal per worry", () => {
    let state: CheckinState = { ...begin(), step: "worries" };
    for (const worry of ["money", "sns", "family"]) {
      state = checkinStateSchema.parse(step(state, tap("worries", worry)).state);
    }
    expect(state.worries).toEqual(["money", "sns", "family"]);
    const shown = step(state, { type: "sticker" });
    expect(texts(shown.replies)).toContain("えらんだ もの：おかね、SNS・ネット、かぞく");
    const labels = buttons(shown.replies.at(-1)).map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining(["✓ SNS・ネット", "✓ おかね", "しごと"]));
    // the way out and the way to a person are on the card, not behind a sideways scroll
    expect(labels).toEqual(expect.arrayContaining(["✅ これで おわり", "🙋 人と はなしたい"]));
    expect(shown.replies.at(-1)?.type).toBe("flex");
    const done = step(state, tap("worries", "done"));
    expect(answers(done.effects)).toEqual([["worries", '["money","sns","family"]', null]]);
    expect(signals(done.effects)).toEqual([
      ["money", "normal"],
      ["sns", "normal"],
      ["family", "normal"],
    ]);
  });

  it("asks before taking off a worry tapped a second time, and keeps it unless told", () => {
    let state: CheckinState = { ...begin(), step: "worries", worries: ["money", "sns"] };
    const asked = step(state, tap("worries", "money"));
    expect(asked.state).toEqual(state);
    expect(texts(asked.replies)).toContain("「おかね」は もう えらんで います。\nはずしますか？");
    const choices = buttons(asked.replies.at(-1));
    expect(choices.map((b) => b.label)).toEqual(["はずす", "そのまま"]);

    const kept = step(state, { type: "postback", data: choices[1]?.data ?? "", params: {} });
    expect(checkinStateSchema.parse(kept.state).worries).toEqual(["money", "sns"]);
    const off = step(state, { type: "postback", data: choices[0]?.data ?? "", params: {} });
    state = checkinStateSchema.parse(off.state);
    expect(state.worries).toEqual(["sns"]);
    expect(texts(off.replies)).toContain("えらんだ もの：SNS・ネット");
    // a made-up worry is refused, nothing chosen changes
    const odd = step(state, tap("worries", "lottery"));
    expect(checkinStateSchema.parse(odd.state).worries).toEqual(["sns"]);
    expect(odd.effects).toEqual([{ type: "rejectPostback", reason: "unknown-answer" }]);
  });

  it("takes the hiragana labels and the old kanji ones typed for a worry", () => {
    let state: CheckinState = { ...begin(), step: "worries" };
    for (const typed of ["しごと", "お金", "ｶｿﾞｸ", " 体調・病院 "]) {
      state = checkinStateSchema.parse(step(state, { type: "text", text: typed }).state);
    }
    expect(state.worries).toEqual(["work", "money", "family", "health"]);
  });

  it("asks for a person whenever they want, and goes on", () => {
    const result = step({ ...begin(), step: "mood" }, tap("mood", "talk"));
    expect(texts(result.replies)).toContain("しえんの 人に つたえました");
    expect(signals(result.effects)).toEqual([["other", "high"]]);
    expect(result.state).toMatchObject({ step: "medication" });
  });

  it.each([
    ["condition", "1", [["health", "normal"]]],
    ["sleep", "1", [["health", "normal"]]],
    ["mood", "1", [["mood", "normal"]]],
    ["mood", "2", []],
    ["medication", "not_taking", [["medication", "normal"]]],
    ["medication", "forgot_sometimes", [["medication", "low"]]],
  ] as const)("raises the table's signal for %s = %s", (question, value, raised) => {
    const result = step({ ...begin(), step: question }, tap(question, value));
    expect(signals(result.effects)).toEqual(raised);
  });
});

describe("the close", () => {
  const center = {
    phone: "03-1234-5678",
    openNow: false,
    nextOpenAt: Date.parse("2026-11-23T09:00:00+09:00"),
    hours: "げつ〜きん 9:00〜17:30",
  };
  const at = (state: Partial<CheckinState>): CheckinState => ({
    ...begin(),
    step: "message",
    ...state,
  });

  it("is cheerful only for a check-in that raised nothing", () => {
    const done = step(at({}), tap("message", "none"));
    expect(texts(done.replies)).toContain("また らいしゅう");
    expect(done.effects.filter((e) => e.type === "recordConsent")).toEqual([]);
  });

  it("says who will see a worry and when, and offers a person, after an earlier answer raised it", () => {
    // つらい on the mood question, then the rest
    let state: CheckinState = { ...begin(), step: "mood" };
    const mood = step(state, tap("mood", "1"));
    state = checkinStateSchema.parse(mood.state);
    expect(state.flagged).toBe(true);
    const close = respond(
      flows,
      { flow: "checkin", state: { ...state, step: "message" } },
      tap("message", "none"),
      { ...ctx, center },
    );
    const text = texts(close.replies);
    expect(text).not.toContain("また らいしゅう");
    expect(text).toContain("しえんの 人が みます");
    expect(text).toContain("げつ〜きん 9:00〜17:30");
    expect(text).toMatch(
      /11がつ 23にち（げつ）9じ に あきます|11がつ 23にち（げつ）9じに あきます/,
    );
    expect(buttons(close.replies.at(-1)).map((b) => b.label)).toEqual([
      "🙋 人と はなしたい",
      "ヘルプ",
    ]);
  });

  it("is kind after a worrying free message at the end", () => {
    const close = respond(
      flows,
      { flow: "checkin", state: at({}) },
      { type: "text", text: "最近ねむれなくて、しごとに いきたくない" },
      { ...ctx, center: { ...center, openNow: true, nextOpenAt: ctx.now } },
    );
    expect(close.effects.some((e) => e.type === "signal")).toBe(true);
    const text = texts(close.replies);
    expect(text).not.toContain("また らいしゅう");
    expect(text).toContain("センターの しえんの 人が、あいて いる じかんに みます");
    expect(buttons(close.replies.at(-1))[0]?.label).toBe("🙋 人と はなしたい");
  });

  it("asks someone on an older consent text the current one once, at the end", () => {
    const older = {
      ...ctx,
      registrant: { ...registrant, consentVersion: 1, renewalAsked: false },
    };
    const close = respond(flows, { flow: "checkin", state: at({}) }, tap("message", "none"), older);
    expect(close.effects).toContainEqual({
      type: "recordConsent",
      decision: "asked",
      textVersion: consentTextVersion,
      historyOnly: true,
    });
    expect(texts(close.replies)).toContain("せつめいが すこし かわりました");
    expect(buttons(close.replies.at(-1)).map((b) => b.label)).toEqual([
      "どういする",
      "どういしない",
    ]);
    // asked once: the next time, nothing
    const asked = { ...older, registrant: { ...older.registrant, renewalAsked: true } };
    const later = respond(flows, { flow: "checkin", state: at({}) }, tap("message", "none"), asked);
    expect(texts(later.replies)).not.toContain("かわりました");
    expect(later.effects.filter((e) => e.type === "recordConsent")).toEqual([]);
  });
});

describe("typing instead of tapping", () => {
  it("takes a typed word that matches a button", () => {
    const result = step(begin(), { type: "text", text: " まあまあ " });
    expect(answers(result.effects)).toEqual([["condition", "3", 3]]);
  });

  it("folds typed words the way keywords are folded: katakana, width, marks and emoji", () => {
    // 「スキップ」 typed in hiragana, half-width katakana, or with a mark
    for (const text of ["すきっぷ", "ｽｷｯﾌﾟ", "スキップ！", "スキップ👍"]) {
      const result = step(begin(), { type: "text", text });
      expect(answers(result.effects), text).toEqual([["condition", "skip", null]]);
    }
    expect(foldWords("チェックイン ✅")).toBe(foldWords("ちぇっくいん"));
  });

  it("takes the free message as typed, and finishes", () => {
    const result = step(
      { ...begin(), step: "message" },
      { type: "text", text: "上司に ほめられた" },
    );
    expect(answers(result.effects)).toEqual([["message", "上司に ほめられた", null]]);
    expect(result.state).toBeNull();
  });

  it("keeps other words as a message for staff and asks the question again", () => {
    const state = { ...begin(), step: "sleep" as const };
    const result = step(state, { type: "text", text: "きょうは あめ でした" });
    expect(result.state).toEqual(state);
    expect(texts(result.replies)).toMatch(/メッセージ ありがとうございます[\s\S]*ねむれて/);
    expect(answers(result.effects)).toEqual([]);
  });

  it("handles 停止 during a check-in and still asks the question", () => {
    const result = step(begin(), { type: "text", text: "停止" });
    expect(result.effects).toContainEqual({ type: "setPaused", paused: true });
    expect(texts(result.replies)).toMatch(/おやすみ[\s\S]*からだの ちょうし/);
  });

  it("asks again when they ask for a check-in during one", () => {
    const state = { ...begin(), step: "mood" as const };
    const result = step(state, { type: "text", text: "チェックイン" });
    expect(result.state).toEqual(state);
    expect(result.effects).toEqual([]);
    expect(texts(result.replies)).toContain("きもち");
  });
});

describe("bad and stale input", () => {
  it("answers an old week's button politely and changes nothing", () => {
    const state = { ...begin(), step: "mood" as const };
    const result = step(state, tap("mood", "3", "2026-W40"));
    expect(result.state).toEqual(state);
    expect(result.effects).toEqual([]);
    expect(texts(result.replies)).toMatch(/もう おわって います[\s\S]*きもち/);
  });

  it("keeps the first answer when an earlier question's button is tapped again", () => {
    const state = { ...begin(), step: "mood" as const };
    const result = step(state, tap("condition", "1"));
    expect(result.state).toEqual(state);
    expect(result.effects).toEqual([]);
  });

  it("rejects a value that does not belong to the question", () => {
    const state = begin();
    const result = step(state, tap("condition", "as_prescribed"));
    expect(result.state).toEqual(state);
    expect(result.effects).toEqual([{ type: "rejectPostback", reason: "unknown-answer" }]);
  });

  it("rejects tampered days on the follow-up", () => {
    const state: CheckinState = { ...begin(), step: "attendance_days", attendance: "late" };
    const result = step(state, tap("attendance", "late:99"));
    expect(result.effects).toEqual([{ type: "rejectPostback", reason: "attendance-days" }]);
    expect(result.state).toEqual(state);
  });

  it("rejects unreadable postback data without crashing", () => {
    const state = begin();
    const result = step(state, { type: "postback", data: "a=ans&w=<script>&q=x", params: {} });
    expect(result.state).toEqual(state);
    expect(result.effects).toEqual([{ type: "rejectPostback", reason: "unreadable" }]);
  });

  it("acknowledges a sticker or a photo and asks again", () => {
    const state = begin();
    for (const input of [{ type: "sticker" }, { type: "media", media: "image" }] as Inbound[]) {
      const result = step(state, input);
      expect(result.state).toEqual(state);
      expect(texts(result.replies)).toMatch(/ありがとうございます[\s\S]*からだの ちょうし/);
    }
  });

  it("restarts politely from a state of an older version", () => {
    const result = respond(
      flows,
      { flow: "checkin", state: { ...begin(), version: 0 } },
      { type: "text", text: "こんにちは" },
      ctx,
    );
    expect(result.state).toBeNull();
    expect(texts(result.replies)).toMatch(/ごめんなさい/);
  });
});
