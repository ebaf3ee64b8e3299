// The crisis safety net: the reply to the very message gives contacts, and an urgent escalation opens.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/core/config";
import { encodePostback } from "../../src/words/postback";
import { consentTextVersion } from "../../src/words/registrant";
import { centers, escalationEvents, escalations } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import { newLineUserId, textEvent, webhookBody } from "../support/events";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";
import { textOf, type Sent } from "../support/line-chat";

let t: TestApp;
let staff: ApiClient;
let centerId: string;
/** Tuesday 2026-11-24 23:30 in Tokyo: the center is closed. */
const night = Date.parse("2026-11-24T23:30:00+09:00");

beforeEach(async () => {
  t = await createTestApp({ clock: createTestClock(night) });
  centerId = (await mintCenter(t.db.store)).id;
  staff = await loginAs(t, await mintStaff(t.db.store, centerId, "caseworker"));
});

afterEach(async () => {
  await t.close();
});

async function send(userId: string, event: Record<string, unknown>) {
  const token = t.mock.issueReplyToken(userId);
  const response = await t.postWebhook(webhookBody({ ...event, replyToken: token }));
  expect(response.status).toBe(200);
  await t.background.drain();
  const reply = t.mock.requests.filter((r) => r.endpoint === "reply").at(-1);
  return textOf((reply?.messages ?? []) as Sent);
}

const say = (userId: string, text: string) =>
  send(userId, textEvent(userId, text, { timestamp: night }));

async function registrantOnLine() {
  const { linkCode } = (await (
    await staff.call("POST", "/api/registrants", { displayName: "山田 花子" })
  ).json()) as { linkCode: string };
  const userId = newLineUserId();
  await say(userId, linkCode);
  await send(userId, {
    type: "postback",
    mode: "active",
    timestamp: night,
    webhookEventId: crypto.randomUUID(),
    deliveryContext: { isRedelivery: false },
    source: { type: "user", userId },
    postback: { data: encodePostback({ a: "consent", v: consentTextVersion, c: "yes" }) },
  });
  return userId;
}

describe("the crisis safety net", () => {
  it("answers 「もう死にたい」 at night with two contacts and a phone number, and opens an urgent escalation", async () => {
    const userId = await registrantOnLine();
    const reply = await say(userId, "もう死にたい");
    expect(reply).toContain("しえんの 人に すぐ つたえました");
    expect(reply).toContain("0120-279-338");
    expect(reply).toContain("https://talkme.jp/");
    expect(reply).not.toContain("センター：");
    const queue = (await (await staff.call("GET", "/api/escalations")).json()) as {
      items: { category: string; severity: string; ackDueAt: string; id: string }[];
    };
    expect(queue.items[0]).toMatchObject({ category: "crisis", severity: "urgent" });
    expect(Date.parse(queue.items[0]?.ackDueAt ?? "")).toBe(night);
    const detail = (await (
      await staff.call("GET", `/api/escalations/${queue.items[0]?.id ?? ""}`)
    ).json()) as { evidence: { quote?: string; phrases?: string[] }[] };
    expect(detail.evidence[0]?.quote).toBe("もう死にたい");
  });

  it("adds the center's own phone while it is open", async () => {
    await t.db.store.write((tx) =>
      tx.update(centers).set({ phone: "042-000-0000" }).where(eq(centers.id, centerId)),
    );
    const userId = await registrantOnLine();
    expect(await say(userId, "しにたい")).not.toContain("042-000-0000");
    const clock = createTestClock(Date.parse("2026-11-25T10:00:00+09:00"));
    t.deps.clock = clock;
    expect(await say(userId, "消えたい")).toContain("042-000-0000");
  });

  it("does not treat an idiom as a crisis", async () => {
    const userId = await registrantOnLine();
    const reply = await say(userId, "きょうは しぬほど ねむい");
    expect(reply).toContain("メッセージ ありがとうございます");
    const rows = await t.db.store.db
      .select()
      .from(escalations)
      .where(eq(escalations.category, "crisis"));
    expect(rows).toEqual([]);
  });

  it("keeps a burst of 20 alarming messages in one escalation with 20 pieces of evidence", async () => {
    const userId = await registrantOnLine();
    for (let i = 0; i < 20; i++) await say(userId, `死にたい ${i}`);
    const rows = await t.db.store.db
      .select()
      .from(escalations)
      .where(eq(escalations.category, "crisis"));
    expect(rows).toHaveLength(1);
    const evidence = await t.db.store.db
      .select()
      .from(escalationEvents)
      .where(eq(escalationEvents.escalationId, rows[0]?.id ?? ""));
    expect(evidence.filter((e) => e.kind === "signal")).toHaveLength(20);
  });

  it("answers a crisis during a check-in in full, and the check-in waits", async () => {
    const userId = await registrantOnLine();
    await say(userId, "チェックイン");
    const reply = await say(userId, "生きるのがつらい。もう消えたい");
    expect(reply).toContain("0120-279-338");
    const again = await say(userId, "まあまあ");
    expect(again).toContain("ねむれて");
  });

  it("reads the free message at the end of a check-in too", async () => {
    const userId = await registrantOnLine();
    await say(userId, "チェックイン");
    for (const answer of [
      "まあまあ",
      "まあまあ",
      "ふつう",
      "のめて いる",
      "ぜんぶ いけた",
      "なし",
    ]) {
      await say(userId, answer);
    }
    const reply = await say(userId, "ODしちゃった");
    expect(reply).toContain("0120-279-338");
    expect(reply).toContain("おわりです");
    const rows = await t.db.store.db
      .select()
      .from(escalations)
      .where(eq(escalations.category, "crisis"));
    expect(rows.map((row) => row.source)).toEqual(["checkin"]);
  });
});

describe("CRISIS_CONTACTS", () => {
  const base = { LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: "t" };

  it("replaces the default contacts", () => {
    const contacts = [
      { name: "A", kind: "phone", contact: "0120-000-000" },
      { name: "B", kind: "chat", contact: "https://example.jp/chat" },
    ];
    expect(
      loadConfig({ ...base, CRISIS_CONTACTS: JSON.stringify(contacts) }).crisisContacts,
    ).toEqual(contacts);
  });

  it.each([
    ["not JSON", "{"],
    ["only one contact", JSON.stringify([{ name: "A", kind: "phone", contact: "1" }])],
    [
      "no chat",
      JSON.stringify([
        { name: "A", kind: "phone", contact: "1" },
        { name: "B", kind: "phone", contact: "2" },
      ]),
    ],
  ])("refuses %s, naming the variable", (_name, value) => {
    expect(() => loadConfig({ ...base, CRISIS_CONTACTS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, CRISIS_CONTACTS: value })).toThrow(/^CRISIS_CONTACTS/);
  });
});
