// Each row of the risk taxonomy over the real webhook: the reply to that very message, the severity and the category staff see.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodePostback } from "../../src/words/postback";
import { maxLinkFailures } from "../../src/store/link";
import { escalations, messages } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import { newLineUserId } from "../support/events";
import { lineChat, registrantOnLine, textOf } from "../support/line-chat";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let staff: ApiClient;
/** Wednesday 2026-11-25 10:00 in Tokyo: the center is open. */
const clock = createTestClock(Date.parse("2026-11-25T10:00:00+09:00"));

beforeEach(async () => {
  t = await createTestApp({ clock });
  const center = await mintCenter(t.db.store);
  staff = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
});

afterEach(async () => {
  await t.close();
});

const rank = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
type Severity = keyof typeof rank;

interface QueueItem {
  id: string;
  registrantId: string;
  category: string;
  severity: Severity;
  source: string;
}

async function queueOf(registrantId: string): Promise<QueueItem[]> {
  const response = await staff.call("GET", "/api/escalations");
  const { items } = (await response.json()) as { items: QueueItem[] };
  return items.filter((item) => item.registrantId === registrantId);
}

/** What the reply to the very message must say, by the kind of danger. */
const replies = {
  self: [/しえんの 人に すぐ つたえました/, /0120-279-338/, /talkme\.jp/, /119/],
  others: [/はなれて/, /しえんの 人に すぐ つたえました/, /0120-279-338/, /110/],
  abuse: [/あなたは わるく ありません/, /しえんの 人に すぐ つたえました/, /0120-279-338/, /110/],
  // a worry: who will see it and when, and the way to a person (not a plain thank-you)
  received: [
    /しえんの 人が、あいて いる じかんに みます|センターが あいたら しえんの 人が みます/,
    /人と はなしたい/,
  ],
} as const;

const taxonomy: [string, string, string[], Severity, keyof typeof replies][] = [
  ["a wish to die", "もう消えたい。ぜんぶ おわりにしたい", ["crisis"], "urgent", "self"],
  ["a passive wish to die", "あさ めが さめなければ いいのに", ["crisis"], "urgent", "self"],
  ["preparation", "くすり ためてる。こんや ぜんぶ のむ", ["crisis"], "urgent", "self"],
  ["self-harm", "また うでを きっちゃった", ["crisis"], "urgent", "self"],
  ["a farewell", "いままで ありがとう。さようなら", ["crisis"], "urgent", "self"],
  ["intent to harm someone", "上司を殺してしまいそうで怖い", ["crisis"], "urgent", "others"],
  ["voices that command harm", "ころせって こえが きこえる", ["crisis"], "urgent", "others"],
  ["violence at home", "彼氏に殴られた。家にいるのがこわい", ["abuse"], "urgent", "abuse"],
  ["sexual violence", "店長に むりやり からだを さわられた", ["abuse"], "urgent", "abuse"],
  [
    "psychotic relapse signs",
    "ずっと だれかに 見張られてる。声も きこえる",
    ["health", "mood"],
    "high",
    "received",
  ],
  ["not eating for days", "3日 なにも たべてない", ["health"], "high", "received"],
  [
    "absence without notice",
    "会社に れんらく しないで 2日 休んでる",
    ["unreachable", "absence"],
    "high",
    "received",
  ],
  ["a short call for help", "たすけて", ["other"], "high", "received"],
  ["a plain worry about sleep", "さいきん ちょっと ねむれない", ["health"], "low", "received"],
  ["a plain worry about money", "今月 お金が ちょっと きびしい", ["money"], "low", "received"],
  [
    "a plain worry about a coworker",
    "先輩と うまく はなせなくて なやんでる",
    ["workplace"],
    "low",
    "received",
  ],
];

describe("the risk taxonomy over the webhook", () => {
  it.each(taxonomy)(
    "%s: 「%s」 is raised as %s at %s or above, with the right reply",
    async (_kind, text, categories, atLeast, reply) => {
      const { id, userId } = await registrantOnLine(t, staff, clock);
      const sent = textOf(await lineChat(t, clock).say(userId, text));
      for (const pattern of replies[reply]) expect(sent).toMatch(pattern);
      if (reply === "received") expect(sent).not.toMatch(/0120-279-338/);
      const queue = await queueOf(id);
      const raised = queue.find((item) => categories.includes(item.category));
      expect(raised, `${text} → ${JSON.stringify(queue)}`).toBeDefined();
      expect(rank[raised?.severity ?? "low"]).toBeLessThanOrEqual(rank[atLeast]);
      expect(raised?.source).toBe("message");
    },
  );

  it("keeps everyday talk and idioms out of the queue", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    for (const text of [
      "しぬほど わらった",
      "きょうは カレー たべた",
      "ガチャ爆死した笑",
      "了解です",
    ]) {
      await lineChat(t, clock).say(userId, text);
    }
    expect(await queueOf(id)).toEqual([]);
  });

  it("shows staff what flagged the words: the matched words, the model's score, or both", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    await lineChat(t, clock).say(userId, "もう死にたい");
    const [crisis] = (await queueOf(id)).filter((item) => item.category === "crisis");
    const detail = (await (
      await staff.call("GET", `/api/escalations/${crisis?.id ?? ""}`)
    ).json()) as { evidence: { quote?: string; phrases?: string[]; model?: number }[] };
    const evidence = detail.evidence[0];
    expect(evidence?.quote).toBe("もう死にたい");
    expect(evidence?.phrases ?? evidence?.model).toBeDefined();
    const page = await staff.call("GET", `/dashboard/escalations/${crisis?.id ?? ""}`);
    const html = await page.text();
    expect(html).toMatch(/一致した言葉（ルール）|学習モデル/);
  });
});

describe("consent, and people not linked yet", () => {
  /** What was kept of the person's own messages (the bot's answers are not theirs). */
  async function storedText(userId: string) {
    const rows = await t.db.store.db
      .select({ text: messages.text })
      .from(messages)
      .where(and(eq(messages.lineUserId, userId), eq(messages.direction, "in")));
    return rows.map((row) => row.text);
  }

  it("answers a registrant who has not consented with the crisis reply and raises the risk to life", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock, { consent: false });
    const sent = textOf(await lineChat(t, clock).say(userId, "しにたい"));
    for (const pattern of replies.self) expect(sent).toMatch(pattern);
    expect(await queueOf(id)).toMatchObject([{ category: "crisis", severity: "urgent" }]);
    expect(await storedText(userId)).toContain("しにたい");
  });

  it("reads nothing else of a registrant who has not consented, keeps no words, and says so", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock, { consent: false });
    const sent = textOf(await lineChat(t, clock).say(userId, "さいきん ねむれない。お金も ない"));
    expect(sent).toMatch(/どういが ないので、この メッセージは しえんの 人に とどきません/);
    expect(await queueOf(id)).toEqual([]);
    const stored = await storedText(userId);
    expect(stored).not.toContain("さいきん ねむれない。お金も ない");
    expect(stored.every((text) => text === null)).toBe(true);
  });

  it("treats a withdrawn consent the same way: only a risk to life or body is read", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    const chat = lineChat(t, clock);
    await chat.press(userId, encodePostback({ a: "withdraw", c: "yes" }));
    await chat.say(userId, "しごと つらい。上司が こわい");
    expect(await queueOf(id)).toEqual([]);
    const sent = textOf(await chat.say(userId, "父に なぐられた"));
    for (const pattern of replies.abuse) expect(sent).toMatch(pattern);
    expect(await queueOf(id)).toMatchObject([{ category: "abuse", severity: "urgent" }]);
  });

  it("gives a guest who writes 「しにたい」 the crisis contacts, without claiming staff were told", async () => {
    const userId = newLineUserId();
    const sent = textOf(await lineChat(t, clock).say(userId, "しにたい"));
    expect(sent).toMatch(/0120-279-338/);
    expect(sent).toMatch(/talkme\.jp/);
    expect(sent).toMatch(/119/);
    expect(sent).not.toMatch(/つたえました/);
    const rows = await t.db.store.db.select().from(escalations);
    expect(rows).toEqual([]);
  });

  it("keeps no words of a guest's everyday message and never a link code", async () => {
    const userId = newLineUserId();
    const chat = lineChat(t, clock);
    expect(textOf(await chat.say(userId, "こんにちは"))).toMatch(/ばんごう/);
    await chat.say(userId, "1234-5678");
    expect(await storedText(userId)).toEqual([null, null]);
  });

  it("gives the crisis contacts to a guest throttled for wrong link codes", async () => {
    const userId = newLineUserId();
    const chat = lineChat(t, clock);
    for (let i = 0; i < maxLinkFailures; i++) await chat.say(userId, String(10_000_000 + i));
    expect(textOf(await chat.say(userId, "99999999"))).toMatch(/うけつけて いません/);
    const sent = textOf(await chat.say(userId, "もう しにたい"));
    expect(sent).toMatch(/0120-279-338/);
  });

  it("answers a guest's threat to someone else with the reply for harm to others", async () => {
    const userId = newLineUserId();
    const sent = textOf(await lineChat(t, clock).say(userId, "あいつを刺してしまいそう"));
    expect(sent).toMatch(/はなれて/);
    expect(sent).toMatch(/110/);
  });
});
