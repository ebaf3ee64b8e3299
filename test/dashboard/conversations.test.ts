// Every message reaches a person: the conversation, the unread inbox and a staff reply on LINE,
// over the real webhook, the staff API and the mock Messaging API.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverDue } from "../../src/outbox/delivery";
import { auditLog, centers, outbox, pushUsage } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { testClassifier } from "../support/classifier";
import { createTestClock } from "../support/clock";
import { stickerEvent, unfollowEvent, webhookBody } from "../support/events";
import { buttonsOf, lineChat, registrantOnLine, textOf } from "../support/line-chat";
import {
  loginAs,
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  type ApiClient,
} from "../support/staff";

let t: TestApp;
let staff: ApiClient;
let staffId: string;
/** Wednesday 2026-11-25 10:00 in Tokyo: the center is open. */
const clock = createTestClock(Date.parse("2026-11-25T10:00:00+09:00"));

async function setUp(env: Record<string, string> = {}) {
  t = await createTestApp({ clock, env });
  const center = await mintCenter(t.db.store);
  const member = await mintStaff(t.db.store, center.id, "caseworker");
  staffId = member.id;
  staff = await loginAs(t, member);
}

afterEach(async () => {
  await t.close();
});

interface Item {
  id: number;
  direction: string;
  kind: string;
  text: string | null;
  staffId: string | null;
  answers?: { question: string; answer: string }[];
}

async function conversation(
  id: string,
  query = "",
): Promise<{ items: Item[]; nextBefore: number | null }> {
  const response = await staff.call("GET", `/api/registrants/${id}/messages${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { items: Item[]; nextBefore: number | null };
}

async function inbox() {
  const response = await staff.call("GET", "/api/inbox");
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Record<string, unknown>[] }).items;
}

const reply = (id: string, body: unknown, headers?: Record<string, string>) =>
  staff.call("POST", `/api/registrants/${id}/messages`, body, headers);

/** Words the classifier raises nothing for: only the inbox brings them to a person. */
const plainWords = "しごとの ことで ききたい ことが あります";

describe("a plain message", () => {
  beforeEach(() => setUp());

  it("is one the classifier raises nothing for (the premise of these tests)", () => {
    for (const text of [
      plainWords,
      "こんど しりょうを みせたいです",
      "あした めんだん よろしく おねがいします",
    ]) {
      expect(testClassifier.classify(text).findings, text).toEqual([]);
    }
  });

  it("leaves the person unread in the inbox, with the words and the bot's answer in the conversation", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    const chat = lineChat(t, clock);
    const sent = await chat.say(userId, plainWords);
    expect(textOf(sent)).toMatch(/しえんの 人が よみます/);

    const items = await inbox();
    expect(items).toEqual([
      {
        registrantId: id,
        displayName: "山田 花子",
        unread: 1,
        oldestUnreadAt: new Date(clock()).toISOString(),
        topSeverity: null,
      },
    ]);
    const { items: messages } = await conversation(id);
    const last = messages.slice(-2);
    expect(last.map((m) => [m.direction, m.kind])).toEqual([
      ["in", "text"],
      ["out", "bot"],
    ]);
    expect(last[0]?.text).toBe(plainWords);
    expect(last[1]?.text).toMatch(/しえんの 人が よみます/);
  });

  it("is not unread when an escalation took it up, nor for a sticker", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    const chat = lineChat(t, clock);
    await chat.say(userId, "さいきん ぜんぜん ねむれない");
    await chat.send(userId, stickerEvent(userId, { timestamp: clock() }));
    expect(await inbox()).toEqual([]);
    const kinds = (await conversation(id)).items.map((m) => m.kind);
    expect(kinds).toContain("sticker");
  });

  it("is not shown, nor unread, when the person has not consented: only that they wrote", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock, { consent: false });
    await lineChat(t, clock).say(userId, "めんだんの じかんを かえたい");
    expect(await inbox()).toEqual([]);
    const written = (await conversation(id)).items.filter((m) => m.direction === "in");
    expect(written.at(-1)).toMatchObject({ kind: "text", text: null });
  });

  it("counts several unread messages and puts a person with an urgent matter first", async () => {
    const first = await registrantOnLine(t, staff, clock, { displayName: "一番 早い" });
    const second = await registrantOnLine(t, staff, clock, { displayName: "二番 目" });
    const chat = lineChat(t, clock);
    await chat.say(first.userId, "こんど しりょうを みせたいです");
    clock.advance(60_000);
    await chat.say(first.userId, "しごとの ことで ききたい ことが あります");
    clock.advance(60_000);
    await chat.say(second.userId, "あした めんだん よろしく おねがいします");
    await chat.say(second.userId, "もう しにたい");
    const items = await inbox();
    expect(items.map((item) => [item.displayName, item.unread, item.topSeverity])).toEqual([
      ["二番 目", 1, "urgent"],
      ["一番 早い", 2, null],
    ]);
  });

  it("shows a completed check-in as one card with its questions and answers", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    const chat = lineChat(t, clock);
    let sent = await chat.say(userId, "チェックイン");
    for (let step = 0; step < 12 && !/ありがとう/.test(textOf(sent)); step++) {
      const labels = buttonsOf(sent).map((action) => action.label);
      const pick =
        labels.find((label) => /おわり|ない|よい|のんだ|いけた|とくに/.test(label)) ??
        labels[0] ??
        "";
      sent = await chat.tap(userId, sent, pick);
    }
    const cards = (await conversation(id)).items.filter((m) => m.kind === "checkin");
    expect(cards).toHaveLength(1);
    expect(cards[0]?.answers?.map((a) => a.question)).toContain("体調");
  });
});

describe("a staff reply", () => {
  beforeEach(() => setUp());

  it("reaches the person on LINE, shows under the staff member's name and marks them read", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    await lineChat(t, clock).say(userId, "めんだんの じかんを かえたいです");
    const before = t.mock.messagesTo(userId).length;

    const response = await reply(id, { text: "あとで でんわします" });
    expect(response.status).toBe(202);
    const { id: messageId } = (await response.json()) as { id: number };
    await t.background.drain();

    expect(t.mock.messagesTo(userId).slice(before)).toEqual([
      { type: "text", text: "あとで でんわします" },
    ]);
    const last = (await conversation(id)).items.at(-1);
    expect(last).toMatchObject({
      id: messageId,
      direction: "out",
      kind: "staff",
      staffId,
      text: "あとで でんわします",
    });
    expect(await inbox()).toEqual([]);
    const usage = await t.db.store.db.select().from(pushUsage);
    expect(usage[0]?.messages).toBe(1);
    const audited = await t.db.store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "conversation.reply"));
    expect(audited).toHaveLength(1);
  });

  it("sends once when the same form is submitted twice", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    const before = t.mock.messagesTo(userId).length;
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([
      reply(id, { text: "げんき ですか", clientKey: key }),
      reply(id, { text: "げんき ですか", clientKey: key }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    const ids = [((await a.json()) as { id: number }).id, ((await b.json()) as { id: number }).id];
    expect(ids[0]).toBe(ids[1]);
    await t.background.drain();
    expect(t.mock.messagesTo(userId).slice(before)).toHaveLength(1);
    expect((await conversation(id)).items.filter((m) => m.kind === "staff")).toHaveLength(1);
  });

  it("takes the idempotency key from a header too", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    const before = t.mock.messagesTo(userId).length;
    const headers = { "idempotency-key": crypto.randomUUID() };
    expect((await reply(id, { text: "こんにちは" }, headers)).status).toBe(202);
    expect((await reply(id, { text: "こんにちは" }, headers)).status).toBe(202);
    await t.background.drain();
    expect(t.mock.messagesTo(userId).slice(before)).toHaveLength(1);
  });

  it("shows markup as the text it is", async () => {
    const { id } = await registrantOnLine(t, staff, clock);
    const text = "<script>alert(1)</script> & 'quotes'";
    expect((await reply(id, { text })).status).toBe(202);
    expect((await conversation(id)).items.at(-1)?.text).toBe(text);
  });
});

describe("a reply that cannot go", () => {
  it("answers 409 unreachable for a person who blocked the account or is not linked, and queues nothing", async () => {
    await setUp();
    const { id, userId } = await registrantOnLine(t, staff, clock);
    const rowsBefore = (await t.db.store.db.select().from(outbox)).length;
    await t.postWebhook(webhookBody(unfollowEvent(userId, { timestamp: clock() })));
    const blocked = await reply(id, { text: "だいじょうぶ ですか" });
    expect(blocked.status).toBe(409);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe("unreachable");

    const center = await staff.call("GET", "/api/me");
    const { centerId } = (await center.json()) as { centerId: string };
    const unlinked = await mintRegistrant(t.db.store, centerId, "未連携 さん");
    const response = await reply(unlinked.id, { text: "こんにちは" });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unreachable");
    expect((await t.db.store.db.select().from(outbox)).length).toBe(rowsBefore);
  });

  it("answers 409 push_budget when the month's budget is spent", async () => {
    await setUp({ PUSH_BUDGET_PER_MONTH: "1" });
    const { id } = await registrantOnLine(t, staff, clock);
    expect((await reply(id, { text: "ひとつめ" })).status).toBe(202);
    const second = await reply(id, { text: "ふたつめ" });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe("push_budget");
    expect((await conversation(id)).items.filter((m) => m.kind === "staff")).toHaveLength(1);
  });

  it("answers 400 for an empty reply and one over 5,000 characters", async () => {
    await setUp();
    const { id } = await registrantOnLine(t, staff, clock);
    expect((await reply(id, { text: "   " })).status).toBe(400);
    expect((await reply(id, { text: "あ".repeat(5_001) })).status).toBe(400);
    expect((await reply(id, { text: "あ".repeat(5_000) })).status).toBe(202);
    expect((await reply(id, {})).status).toBe(400);
  });

  it("answers 404 for another center's person, for reading, replying and marking read", async () => {
    await setUp();
    const other = await mintCenter(t.db.store, "よそのセンター");
    const stranger = await mintRegistrant(t.db.store, other.id, "よその 人");
    expect((await reply(stranger.id, { text: "こんにちは" })).status).toBe(404);
    expect((await staff.call("GET", `/api/registrants/${stranger.id}/messages`)).status).toBe(404);
    expect((await staff.call("POST", `/api/registrants/${stranger.id}/read`)).status).toBe(404);
  });

  it("answers 400 for a before that is not a message id", async () => {
    await setUp();
    const { id } = await registrantOnLine(t, staff, clock);
    expect((await staff.call("GET", `/api/registrants/${id}/messages?before=abc`)).status).toBe(
      400,
    );
  });
});

describe("reading", () => {
  beforeEach(() => setUp());

  it("pages back through a long conversation, oldest first within each page", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    const chat = lineChat(t, clock);
    for (let i = 0; i < 30; i++) await chat.say(userId, `めも ${i}`);
    const page = await conversation(id);
    expect(page.items).toHaveLength(50);
    const ids = page.items.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(page.nextBefore).toBe(ids[0]);
    const older = await conversation(id, `?before=${page.nextBefore}`);
    expect(older.items.every((m) => m.id < (ids[0] ?? 0))).toBe(true);
    expect(older.items.map((m) => m.text)).toContain("めも 0");
  });

  it("audits every read, and marking read empties the inbox", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    await lineChat(t, clock).say(userId, "しつもんが あります");
    await conversation(id);
    expect((await staff.call("POST", `/api/registrants/${id}/read`)).status).toBe(200);
    expect(await inbox()).toEqual([]);
    const actions = (await t.db.store.db.select().from(auditLog)).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(["conversation.read", "conversation.mark_read", "inbox.read"]),
    );
  });
});

describe("when staff acknowledge what a person's words raised", () => {
  beforeEach(() => setUp());

  async function acknowledgeAll(registrantId: string) {
    const response = await staff.call("GET", "/api/escalations");
    const { items } = (await response.json()) as {
      items: { id: string; registrantId: string; category: string }[];
    };
    const theirs = items.filter((item) => item.registrantId === registrantId);
    for (const item of theirs) {
      expect((await staff.call("POST", `/api/escalations/${item.id}/acknowledge`)).status).toBe(
        200,
      );
    }
    await deliverDue(t.deps);
    return theirs.map((item) => item.category);
  }

  it("tells the person a person has read it, once, and shows it in the conversation", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    await lineChat(t, clock).say(userId, "さいきん ぜんぜん ねむれない");
    const before = t.mock.messagesTo(userId).length;
    expect(await acknowledgeAll(id)).not.toEqual([]);
    const told = textOf(t.mock.messagesTo(userId).slice(before) as never);
    expect(told).toContain("しえんの 人が あなたの メッセージを よみました");
    expect((await conversation(id)).items.at(-1)?.text).toContain("よみました");
  });

  it("says nothing while a suspicion of abuse is open, whichever item is acknowledged", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    await lineChat(t, clock).say(userId, "おやに なぐられた");
    const before = t.mock.messagesTo(userId).length;
    expect(await acknowledgeAll(id)).toContain("abuse");
    expect(textOf(t.mock.messagesTo(userId).slice(before) as never)).not.toContain("よみました");
  });

  it("says nothing for what a check-in or an employer raised", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    const { centerId } = (await (await staff.call("GET", "/api/me")).json()) as {
      centerId: string;
    };
    await mintEscalation(t.db.store, { centerId, registrantId: id, source: "checkin" });
    await mintEscalation(t.db.store, {
      centerId,
      registrantId: id,
      source: "employer",
      category: "absence",
    });
    const before = t.mock.messagesTo(userId).length;
    expect(await acknowledgeAll(id)).toHaveLength(2);
    expect(t.mock.messagesTo(userId).slice(before)).toEqual([]);
  });

  it("says nothing when the center turned it off", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    const { centerId } = (await (await staff.call("GET", "/api/me")).json()) as {
      centerId: string;
    };
    await t.db.store.write((tx) =>
      tx.update(centers).set({ notifyAcknowledged: false }).where(eq(centers.id, centerId)),
    );
    await lineChat(t, clock).say(userId, "さいきん ぜんぜん ねむれない");
    const before = t.mock.messagesTo(userId).length;
    await acknowledgeAll(id);
    expect(t.mock.messagesTo(userId).slice(before)).toEqual([]);
  });
});

describe("what changed since a page was drawn", () => {
  beforeEach(() => setUp());

  it("counts new escalations and newly unread people, and refuses a since that is not a time", async () => {
    const drawn = clock();
    const { userId } = await registrantOnLine(t, staff, clock);
    const counts = async () =>
      (await (await staff.call("GET", `/api/changes?since=${drawn}`)).json()) as Record<
        string,
        number
      >;
    clock.advance(1_000);
    const chat = lineChat(t, clock);
    await chat.say(userId, plainWords);
    expect(await counts()).toMatchObject({ newEscalations: 0, newUnread: 1 });
    await chat.say(userId, "もう しにたい");
    expect(await counts()).toMatchObject({ newEscalations: 1, newUnread: 1 });
    for (const since of ["", "abc", "-5", "1.5"]) {
      expect((await staff.call("GET", `/api/changes?since=${since}`)).status).toBe(400);
    }
  });
});
