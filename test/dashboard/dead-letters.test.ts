// Nothing dropped silently: a message LINE will not take appears on the supervisors' page with the
// person and what it was; a crisis reply that could not go puts the person's matter back at the
// top; supervisors send it again or mark it handled.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendDigests } from "../../src/schedule/alert-sweeps";
import { deliverDue } from "../../src/outbox/delivery";
import { escalationEvents, escalations, outbox } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import { lineChat, registrantOnLine } from "../support/line-chat";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let boss: ApiClient;
let worker: ApiClient;
const clock = createTestClock(Date.parse("2026-11-25T10:00:00+09:00"));

beforeEach(async () => {
  t = await createTestApp({ clock });
  const center = await mintCenter(t.db.store);
  boss = await loginAs(t, await mintStaff(t.db.store, center.id, "supervisor"));
  worker = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
});

afterEach(async () => {
  await t.close();
});

interface Letter {
  id: number;
  purpose: string;
  person: { type: string; name: string } | null;
  error: string | null;
  handledAt: string | null;
}

async function letters(client = boss): Promise<Letter[]> {
  const response = await client.call("GET", "/api/outbox/failed");
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Letter[] }).items;
}

/** A person whose crisis reply LINE refuses (a 400 is not retried). */
async function undeliveredCrisis() {
  const { id, userId } = await registrantOnLine(t, worker, clock, { displayName: "山田 花子" });
  t.mock.failNext(1, 400);
  await lineChat(t, clock).send(userId, {
    type: "message",
    mode: "active",
    timestamp: clock(),
    webhookEventId: crypto.randomUUID(),
    deliveryContext: { isRedelivery: false },
    source: { type: "user", userId },
    message: { id: "1", type: "text", quoteToken: "q", text: "もう しにたい" },
  });
  await deliverDue(t.deps);
  return { id, userId };
}

describe("a crisis reply LINE would not take", () => {
  it("is listed for supervisors with the person, and their crisis goes back to the top, due now", async () => {
    const { id } = await undeliveredCrisis();
    const crisis = await t.db.store.db
      .select()
      .from(escalations)
      .where(eq(escalations.registrantId, id));
    const row = crisis.find((escalation) => escalation.category === "crisis");
    expect(row).toMatchObject({ status: "open", ackDueAt: clock() });
    const notes = await t.db.store.db
      .select()
      .from(escalationEvents)
      .where(eq(escalationEvents.escalationId, row?.id ?? ""));
    expect(JSON.stringify(notes.map((note) => note.detail))).toContain(
      "危機対応の返信が LINE で届きませんでした",
    );

    const [letter] = await letters();
    expect(letter).toMatchObject({
      purpose: "crisis",
      person: { type: "registrant", name: "山田 花子" },
      error: "http-400",
      handledAt: null,
    });
    const page = await (await boss.call("GET", "/dashboard/undelivered")).text();
    expect(page).toContain("危機対応の返信");
    expect(page).toContain("山田 花子");
  });

  it("can be sent again (as a push) or marked handled, each audited", async () => {
    const { userId } = await undeliveredCrisis();
    const [letter] = await letters();
    const before = t.mock.messagesTo(userId).length;
    expect((await boss.call("POST", `/api/outbox/${letter?.id}/retry`)).status).toBe(200);
    await deliverDue(t.deps);
    expect(t.mock.messagesTo(userId).length).toBeGreaterThan(before);
    const [row] = await t.db.store.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, letter?.id ?? 0));
    expect(row).toMatchObject({ status: "sent", kind: "push" });
    expect(await letters()).toEqual([]);

    await undeliveredCrisis();
    const [second] = await letters();
    expect((await boss.call("POST", `/api/outbox/${second?.id}/handled`)).status).toBe(200);
    expect((await letters())[0]?.handledAt).not.toBeNull();
  });
});

describe("the boundary", () => {
  it("shows another center nothing, and answers 404 to its retries and 403 to a caseworker", async () => {
    await undeliveredCrisis();
    const [letter] = await letters();
    const other = await loginAs(
      t,
      await mintStaff(t.db.store, (await mintCenter(t.db.store, "よそ")).id, "supervisor"),
    );
    expect(await letters(other)).toEqual([]);
    expect((await other.call("POST", `/api/outbox/${letter?.id}/retry`)).status).toBe(404);
    expect((await other.call("POST", "/api/outbox/abc/handled")).status).toBe(404);
    expect((await worker.call("GET", "/api/outbox/failed")).status).toBe(403);
  });
});

describe("a weekly multicast LINE would not take", () => {
  it("is listed as one row with how many of the center's people it was for, and goes again as a multicast", async () => {
    const a = await registrantOnLine(t, worker, clock, { displayName: "一 太郎" });
    const b = await registrantOnLine(t, worker, clock, { displayName: "二 花子" });
    const stranger = `U${crypto.randomUUID().replaceAll("-", "")}`;
    const [row] = await t.db.store.write((tx) =>
      tx
        .insert(outbox)
        .values({
          retryKey: crypto.randomUUID(),
          kind: "multicast",
          recipients: [a.userId, b.userId, stranger],
          messages: [{ type: "text", text: "こんしゅうの チェックイン です" }],
          purpose: "checkin",
          nextAttemptAt: clock(),
          createdAt: clock(),
        })
        .returning({ id: outbox.id }),
    );
    t.mock.failNext(1, 400);
    await deliverDue(t.deps);
    const [letter] = await letters();
    expect(letter).toMatchObject({
      id: row?.id,
      purpose: "checkin",
      person: { type: "registrants", name: "登録者 2人" },
    });
    // a center with none of its people on it sees nothing
    const nobody = await loginAs(
      t,
      await mintStaff(t.db.store, (await mintCenter(t.db.store, "よそ")).id, "supervisor"),
    );
    expect(await letters(nobody)).toEqual([]);

    const retried = await boss.call("POST", `/api/outbox/${row?.id}/retry`);
    expect(retried.status).toBe(200);
    const { id: sentId } = (await retried.json()) as { id: number };
    await deliverDue(t.deps);
    const [sent] = await t.db.store.db.select().from(outbox).where(eq(outbox.id, sentId));
    expect(sent).toMatchObject({ status: "sent", kind: "multicast" });
    expect(sent?.recipients.sort()).toEqual([a.userId, b.userId].sort());
    // the one who is nobody's registrant stays on the failed row, sent to by no center
    const [left] = await t.db.store.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, row?.id ?? 0));
    expect(left).toMatchObject({ status: "failed", recipients: [stranger] });
    expect(t.mock.messagesTo(b.userId).slice(-1)).toMatchObject([
      { text: "こんしゅうの チェックイン です" },
    ]);
  });
});

describe("the daily digest", () => {
  it("tells supervisors, not case workers, how many messages wait undelivered", async () => {
    await undeliveredCrisis();
    const phone = async (client: ApiClient) => {
      const { linkCode } = (await (await client.call("POST", "/api/me/line-link-code")).json()) as {
        linkCode: string;
      };
      const userId = `U${crypto.randomUUID().replaceAll("-", "")}`;
      await lineChat(t, clock).say(userId, linkCode);
      return userId;
    };
    const bossPhone = await phone(boss);
    const workerPhone = await phone(worker);
    await sendDigests({ ...t.deps, baseUrl: "https://tsunagi.example" });
    await deliverDue(t.deps);
    const said = (userId: string) =>
      (t.mock.messagesTo(userId) as { text?: string }[]).map((m) => m.text ?? "").join("\n");
    expect(said(bossPhone)).toContain("届かなかったメッセージ：1件");
    expect(said(workerPhone)).toContain("きょうの未確認");
    expect(said(workerPhone)).not.toContain("届かなかったメッセージ");
  });
});

describe("a multicast shared by two centers", () => {
  it("is split when one center acts: each sends again or closes only its own people", async () => {
    const ours = await registrantOnLine(t, worker, clock, { displayName: "一 太郎" });
    const elsewhere = await mintCenter(t.db.store, "よそ");
    const theirWorker = await loginAs(t, await mintStaff(t.db.store, elsewhere.id, "caseworker"));
    const theirBoss = await loginAs(t, await mintStaff(t.db.store, elsewhere.id, "supervisor"));
    const theirs = await registrantOnLine(t, theirWorker, clock, { displayName: "他 花子" });
    const [row] = await t.db.store.write((tx) =>
      tx
        .insert(outbox)
        .values({
          retryKey: crypto.randomUUID(),
          kind: "multicast",
          recipients: [ours.userId, theirs.userId],
          messages: [{ type: "text", text: "こんしゅうの チェックイン です" }],
          purpose: "checkin",
          nextAttemptAt: clock(),
          createdAt: clock(),
        })
        .returning({ id: outbox.id }),
    );
    t.mock.failNext(1, 400);
    await deliverDue(t.deps);
    expect((await letters(theirBoss)).map((letter) => letter.person?.name)).toEqual(["登録者 1人"]);

    // the other center closes its part: this center's stays open, and this center's retry
    // goes to this center's person only
    expect((await theirBoss.call("POST", `/api/outbox/${row?.id}/handled`)).status).toBe(200);
    const mine = await letters();
    expect(mine).toHaveLength(1);
    expect(mine[0]?.handledAt).toBeNull();
    const before = t.mock.messagesTo(theirs.userId).length;
    expect((await boss.call("POST", `/api/outbox/${mine[0]?.id}/retry`)).status).toBe(200);
    await deliverDue(t.deps);
    expect(t.mock.messagesTo(ours.userId).slice(-1)).toMatchObject([
      { text: "こんしゅうの チェックイン です" },
    ]);
    expect(t.mock.messagesTo(theirs.userId)).toHaveLength(before);
    const theirsNow = await letters(theirBoss);
    expect(theirsNow).toHaveLength(1);
    expect(theirsNow[0]?.handledAt).not.toBeNull();
  });
});
