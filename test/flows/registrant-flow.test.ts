// A linked registrant outside a check-in: consent, pause and resume, the weekly day, the menu.
import { describe, expect, it } from "vitest";
import { testClassifier } from "../support/classifier";
import { encodePostback } from "../../src/words/postback";
import { consentTextVersion } from "../../src/words/registrant";
import { createFlowRegistry } from "../../src/flows/registry";
import { respond } from "../../src/flows/router";
import type { FlowContext, Inbound, RegistrantContext } from "../../src/flows/types";
import type { OutMessage } from "../../src/line/message";
import { actionsOf } from "../../src/words/buttons";
import { textOf, type Sent } from "../support/line-chat";
import { commandOf } from "../../src/words/keywords";

const flows = createFlowRegistry();

function ctx(registrant: Partial<RegistrantContext> = {}): FlowContext {
  return {
    now: Date.parse("2026-11-23T10:00:00+09:00"),
    role: "registrant",
    registrant: {
      id: "r1",
      status: "active",
      consented: true,
      checkinWeekday: 5,
      checkinMinute: 1080,
      ...registrant,
    },
    newId: () => "checkin-1",
    classifier: testClassifier,
  };
}

const say = (text: string): Inbound => ({ type: "text", text });
const press = (data: string): Inbound => ({ type: "postback", data, params: {} });

const texts = (replies: OutMessage[]) => textOf(replies as Sent);

function labels(reply: OutMessage | undefined): string[] {
  return actionsOf(reply).map((action) => (action as { label: string }).label);
}

describe("consent", () => {
  const yes = press(encodePostback({ a: "consent", v: consentTextVersion, c: "yes" }));
  const no = press(encodePostback({ a: "consent", v: consentTextVersion, c: "no" }));

  it("records consent with the text's version and says when the questions come", () => {
    const step = respond(flows, null, yes, ctx({ consented: false }));
    expect(step.effects).toEqual([
      { type: "recordConsent", decision: "given", textVersion: consentTextVersion },
    ]);
    expect(texts(step.replies)).toContain("金ようび 18:00");
  });

  it("does not record a second consent when the button is tapped twice", () => {
    const step = respond(flows, null, yes, ctx({ consented: true }));
    expect(step.effects).toEqual([]);
    expect(texts(step.replies)).toContain("もう どうい");
  });

  it("respects a no, and says how to agree later", () => {
    const step = respond(flows, null, no, ctx({ consented: false }));
    expect(step.effects).toEqual([
      { type: "recordConsent", decision: "declined", textVersion: consentTextVersion },
    ]);
    expect(texts(step.replies)).toContain("しつもんは おくりません");
    expect(labels(step.replies.at(-1))).toContain("どういする");
  });

  it("asks again with today's text when an old consent message is answered", () => {
    const old = press(encodePostback({ a: "consent", v: consentTextVersion + 5, c: "yes" }));
    const step = respond(flows, null, old, ctx({ consented: false }));
    expect(step.effects).toEqual([]);
    expect(labels(step.replies.at(-1))).toEqual(["どういする", "どういしない"]);
  });

  it("accepts 同意する typed", () => {
    const step = respond(flows, null, say("同意する"), ctx({ consented: false }));
    expect(step.effects).toEqual([
      { type: "recordConsent", decision: "given", textVersion: consentTextVersion },
    ]);
  });

  it("withdraws only after a confirmation", () => {
    const asked = respond(flows, null, say("同意をやめる"), ctx());
    expect(asked.effects).toEqual([]);
    expect(labels(asked.replies.at(-1))).toEqual(["やめる", "つづける"]);
    const confirmed = respond(
      flows,
      null,
      press(encodePostback({ a: "withdraw", c: "yes" })),
      ctx(),
    );
    expect(confirmed.effects).toEqual([
      { type: "recordConsent", decision: "withdrawn", textVersion: consentTextVersion },
    ]);
    const kept = respond(flows, null, press(encodePostback({ a: "withdraw", c: "no" })), ctx());
    expect(kept.effects).toEqual([]);
  });

  it("never starts a check-in without consent", () => {
    const step = respond(flows, null, say("チェックイン"), ctx({ consented: false }));
    expect(step.state).toBeNull();
    expect(step.effects).toEqual([]);
    expect(labels(step.replies.at(-1))).toEqual(["どういする", "どういしない"]);
  });
});

describe("a consent on an older text", () => {
  const older = (more: Partial<RegistrantContext> = {}) => ctx({ consentVersion: 1, ...more });
  const yes = press(encodePostback({ a: "consent", v: consentTextVersion, c: "yes" }));
  const no = press(encodePostback({ a: "consent", v: consentTextVersion, c: "no" }));

  it("takes the current text with 「どういする」", () => {
    const step = respond(flows, null, yes, older());
    expect(step.effects).toEqual([
      { type: "recordConsent", decision: "given", textVersion: consentTextVersion },
    ]);
    expect(texts(step.replies)).toContain("ありがとうございます");
  });

  it("keeps the old consent when the new text is declined, by button or in words", () => {
    for (const input of [no, say("どういしない"), say("同意しない")]) {
      const step = respond(flows, null, input, older());
      expect(step.effects).toEqual([
        {
          type: "recordConsent",
          decision: "declined",
          textVersion: consentTextVersion,
          historyOnly: true,
        },
      ]);
      expect(texts(step.replies)).toContain("いままでの まま");
    }
  });

  it("reads other words as words, not as an answer to the new text", () => {
    const step = respond(flows, null, say("いいと おもいます"), older());
    expect(step.effects.some((effect) => effect.type === "recordConsent")).toBe(false);
  });
});

describe("the menu", () => {
  it("starts a check-in the person asked for, at no cost", () => {
    const step = respond(flows, null, say("ちぇっくいん"), ctx());
    expect(step.state).toMatchObject({
      flow: "checkin",
      checkinId: "checkin-1",
      step: "condition",
    });
    expect(step.effects).toEqual([
      { type: "startCheckin", checkinId: "checkin-1", weekKey: "2026-W48", origin: "self" },
    ]);
  });

  it("pauses with a confirmation, and resumes", () => {
    const paused = respond(flows, null, say("停止"), ctx());
    expect(paused.effects).toEqual([{ type: "setPaused", paused: true }]);
    expect(texts(paused.replies)).toContain("おやすみ");
    const again = respond(flows, null, say("停止"), ctx({ status: "paused" }));
    expect(again.effects).toEqual([]);
    const resumed = respond(flows, null, say("再開"), ctx({ status: "paused" }));
    expect(resumed.effects).toEqual([{ type: "setPaused", paused: false }]);
    const noCheckin = respond(flows, null, say("チェックイン"), ctx({ status: "paused" }));
    expect(noCheckin.state).toBeNull();
    expect(texts(noCheckin.replies)).toContain("また はじめる");
    expect(labels(noCheckin.replies.at(-1))).toContain("また はじめる");
  });

  it("explains what the bot does and how to reach a person, with a button for each", () => {
    const step = respond(flows, null, say("ヘルプ"), ctx());
    expect(texts(step.replies)).toMatch(
      /チェックイン[\s\S]*そうだんする[\s\S]*おやすみする[\s\S]*でんわ/,
    );
    const card = step.replies[0];
    expect(card?.type).toBe("flex");
    const actions = labels(card);
    expect(actions).toEqual([
      "チェックイン",
      "そうだんする",
      "おやすみする",
      "ようびを かえる",
      "どういを やめる",
    ]);
    // every button sends words the bot understands
    for (const action of actionsOf(card)) {
      expect(commandOf((action as { text: string }).text)).not.toBeNull();
    }
    // paused, or not consenting: the buttons that fit
    const paused = respond(flows, null, say("へるぷ"), ctx({ status: "paused", consented: false }));
    expect(labels(paused.replies[0])).toEqual([
      "チェックイン",
      "そうだんする",
      "また はじめる",
      "ようびを かえる",
      "どういする",
    ]);
  });

  it.each([
    ["おやすみする", "pause"],
    ["お休みする", "pause"],
    ["停止", "pause"],
    ["ﾃｲｼ", "pause"],
    ["また はじめる", "resume"],
    ["またはじめる", "resume"],
    ["再開", "resume"],
    ["さいかい", "resume"],
    ["そうだんする", "talk"],
    ["相談する", "talk"],
    ["ｿｳﾀﾞﾝ", "talk"],
    ["人と はなしたい", "talk"],
    ["ようびを かえる", "schedule"],
    ["曜日を変える", "schedule"],
    ["どういを やめる", "withdraw"],
    ["同意をやめる", "withdraw"],
    ["どういする", "consent"],
    ["同意する", "consent"],
    ["ど う い し な い", "decline"],
    ["同意しない", "decline"],
    ["ＨＥＬＰ", "help"],
    ["ヘルプ　", "help"],
    ["ばんごうを おくる", "code"],
  ] as const)(
    "reads 「%s」 as %s, in kana or kanji, full or half width, with or without spaces",
    (typed, command) => {
      expect(commandOf(typed)).toBe(command);
    },
  );

  it("answers the guests' 「ばんごうを おくる」 from an old menu: this LINE is linked already", () => {
    const step = respond(flows, null, say("ばんごうを おくる"), ctx());
    expect(texts(step.replies)).toContain("もう つながって います");
    expect(step.effects).toEqual([]);
  });

  it("does not take words that mean something else for a keyword", () => {
    // good night, and wanting to quit a job, are words for a person, not commands
    for (const words of ["おやすみ", "やめたい", "しごとを やめたい"]) {
      expect(commandOf(words)).toBeNull();
      const step = respond(flows, null, say(words), ctx());
      expect(step.effects.some((effect) => effect.type === "setPaused")).toBe(false);
    }
  });

  it("takes 「どういしない」 typed: recorded before any consent, a question when consented", () => {
    const before = respond(flows, null, say("どういしない"), ctx({ consented: false }));
    expect(before.effects).toEqual([
      { type: "recordConsent", decision: "declined", textVersion: consentTextVersion },
    ]);
    const after = respond(flows, null, say("同意しない"), ctx());
    expect(after.effects).toEqual([]);
    expect(labels(after.replies.at(-1))).toEqual(["やめる", "つづける"]);
  });

  it("says a worry it read will be seen, when, and offers a person", () => {
    const center = {
      phone: "03-1234-5678",
      openNow: false,
      nextOpenAt: Date.parse("2026-11-24T09:00:00+09:00"),
      hours: "げつ〜きん 9:00〜17:30",
    };
    const step = respond(flows, null, say("しごとで ミスが つづいて、上司に おこられて つらい"), {
      ...ctx(),
      center,
    });
    expect(step.effects.some((effect) => effect.type === "signal")).toBe(true);
    const text = texts(step.replies);
    expect(text).toContain("しえんの 人が みます");
    expect(text).toContain("あした 9じ");
    expect(text).toContain("げつ〜きん 9:00〜17:30");
    expect(labels(step.replies.at(-1))[0]).toBe("🙋 人と はなしたい");
    // words that raise nothing get the plain thanks
    const plainWords = respond(flows, null, say("きょうは カレーを たべた"), { ...ctx(), center });
    expect(texts(plainWords.replies)).not.toContain("人と はなしたい");
  });

  it("changes the weekly day and time with two taps", () => {
    const day = respond(flows, null, say("曜日を変える"), ctx());
    expect(labels(day.replies.at(-1))).toHaveLength(7);
    const monday = respond(flows, null, press(encodePostback({ a: "day", d: 1 })), ctx());
    expect(labels(monday.replies.at(-1))).toContain("あさ 8:00");
    const set = respond(flows, null, press(encodePostback({ a: "time", d: 1, m: 480 })), ctx());
    expect(set.effects).toEqual([{ type: "setSchedule", weekday: 1, minute: 480 }]);
    expect(texts(set.replies)).toContain("月ようび 08:00");
  });

  it("tells staff when the person asks for someone", () => {
    const step = respond(flows, null, say("相談する"), ctx());
    expect(step.effects).toMatchObject([
      { type: "signal", signal: { category: "other", severity: "high", source: "message" } },
    ]);
  });

  it("thanks for free words, stickers and photos, with buttons", () => {
    for (const input of [
      say("きょうは カレーを たべた"),
      { type: "sticker" },
      { type: "media", media: "image" },
    ] as Inbound[]) {
      const step = respond(flows, null, input, ctx());
      expect(step.replies.length).toBeGreaterThan(0);
      expect(labels(step.replies.at(-1)).length).toBeGreaterThan(0);
      // words go to the inbox for a person; a sticker or a photo (not readable) does not
      expect(step.effects).toEqual(input.type === "text" ? [{ type: "forStaff" }] : []);
    }
  });

  it("answers a finished check-in's button politely", () => {
    const old = press(encodePostback({ a: "ans", w: "2026-W40", q: "mood", v: "3" }));
    const step = respond(flows, null, old, ctx());
    expect(step.effects).toEqual([]);
    expect(texts(step.replies)).toContain("もう おわって います");
  });

  it.each(["a=consent&v=1&c=maybe", "a=day&d=9", "a=time&d=1&m=-5", "garbage", "a=nuke"])(
    "rejects the tampered postback %s and logs it",
    (data) => {
      const step = respond(flows, null, press(data), ctx());
      expect(step.effects).toEqual([{ type: "rejectPostback", reason: "unreadable" }]);
      expect(texts(step.replies)).toContain("よみとれません");
    },
  );

  it("records a block, and welcomes them back on unblock", () => {
    expect(respond(flows, null, { type: "unfollow" }, ctx()).effects).toEqual([
      { type: "setFollowing", following: false },
    ]);
    const back = respond(flows, null, { type: "follow", unblocked: true }, ctx());
    expect(back.effects).toEqual([{ type: "setFollowing", following: true }]);
    expect(texts(back.replies)).toContain("また つながって");
  });
});
