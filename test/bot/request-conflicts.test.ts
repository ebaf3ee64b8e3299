// A webhook request reads first and writes once at the end: when what it read changes in between
// (a concurrent request for the same person, staff resolving an escalation), its write fails as a
// whole and it reads again. Nothing is lost, nothing is doubled, and it gives up with a 500 (LINE
// redelivers) rather than loop.
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Statement } from "../../src/store/db";
import {
  conversations,
  escalations,
  processedEvents,
  registrants,
  signals,
} from "../../src/store/schema";
import { encodePostback } from "../../src/words/postback";
import { consentTextVersion } from "../../src/words/registrant";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import { newLineUserId, textEvent, webhookBody } from "../support/events";
import { countRows } from "../support/queries";
import { isRequestBatch } from "../support/write-count";
import { loginAs, mintCenter, mintEscalation, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let staff: ApiClient;
/** Tuesday 2026-11-24 14:00 in Tokyo: the center is open. */
const day = Date.parse("2026-11-24T14:00:00+09:00");

beforeEach(async () => {
  t = await createTestApp({ clock: createTestClock(day) });
  const centerId = (await mintCenter(t.db.store)).id;
  staff = await loginAs(t, await mintStaff(t.db.store, centerId, "caseworker"));
});

afterEach(async () => {
  await t.close();
});

async function post(...events: Record<string, unknown>[]) {
  const response = await t.postWebhook(webhookBody(...events));
  await t.background.drain();
  return response.status;
}

const text = (userId: string, words: string) =>
  textEvent(userId, words, { timestamp: day, replyToken: t.mock.issueReplyToken(userId) });

/** A registrant linked on LINE who has consented. */
async function registrantOnLine() {
  const { id, linkCode } = (await (
    await staff.call("POST", "/api/registrants", { displayName: "山田 花子" })
  ).json()) as { id: string; linkCode: string };
  const userId = newLineUserId();
  expect(await post(text(userId, linkCode))).toBe(200);
  expect(
    await post({
      type: "postback",
      mode: "active",
      timestamp: day,
      webhookEventId: crypto.randomUUID(),
      deliveryContext: { isRedelivery: false },
      source: { type: "user", userId },
      replyToken: t.mock.issueReplyToken(userId),
      postback: { data: encodePostback({ a: "consent", v: consentTextVersion, c: "yes" }) },
    }),
  ).toBe(200);
  return { id, userId };
}

/**
 * Runs `meanwhile` just before each of the next `times` batches lands, as a concurrent writer
 * would; counts the batches sent.
 */
function beforeCommits(times: number, meanwhile: () => Promise<unknown>) {
  const store = t.db.store;
  const commit = store.commit.bind(store);
  const sent = { batches: 0 };
  store.commit = async (statements: Statement[]) => {
    // a request's batch (not the replies marked sent after it)
    if (isRequestBatch(statements)) {
      sent.batches++;
      if (sent.batches <= times) await meanwhile();
    }
    return commit(statements);
  };
  return sent;
}

async function unresolved(registrantId: string) {
  return t.db.store.db
    .select()
    .from(escalations)
    .where(
      and(
        eq(escalations.registrantId, registrantId),
        sql`${escalations.status} in ('open', 'acknowledged')`,
      ),
    );
}

describe("a request whose reads changed before its write", () => {
  it("reads again when the person's conversation was saved in between, and takes the event once", async () => {
    const { userId } = await registrantOnLine();
    expect(await post(text(userId, "チェックイン"))).toBe(200);
    const [before] = await t.db.store.db
      .select()
      .from(conversations)
      .where(eq(conversations.lineUserId, userId));
    expect(before?.flow).toBe("checkin");

    // someone else saves the conversation between this request's read and its write, once
    const sent = beforeCommits(1, () =>
      t.db.store.db
        .update(conversations)
        .set({ version: sql`${conversations.version} + 1` })
        .where(eq(conversations.lineUserId, userId)),
    );
    const repliesBefore = t.mock.sentTo(userId).length;
    expect(await post(text(userId, "げんき"))).toBe(200);
    expect(sent.batches).toBe(2);
    expect(await countRows(t.db.store, processedEvents)).toBe(3 + 1);
    const [after] = await t.db.store.db
      .select()
      .from(conversations)
      .where(eq(conversations.lineUserId, userId));
    expect(after?.version).toBe((before?.version ?? 0) + 2);
    // one reply to the one event
    expect(t.mock.sentTo(userId)).toHaveLength(repliesBefore + 1);
  });

  it("opens a new escalation when staff resolved the open one in between", async () => {
    const { id, userId } = await registrantOnLine();
    expect(await post(text(userId, "しにたい"))).toBe(200);
    const [first] = await unresolved(id);
    expect(first?.severity).toBe("urgent");

    beforeCommits(1, () =>
      t.db.store.db
        .update(escalations)
        .set({ status: "resolved", resolvedAt: day })
        .where(eq(escalations.registrantId, id)),
    );
    expect(await post(text(userId, "もう しにたい"))).toBe(200);
    const open = await unresolved(id);
    expect(open).toHaveLength(1);
    expect(open[0]?.id).not.toBe(first?.id);
    // the resolved one kept its one signal; the new one has the new signal
    const filed = await t.db.store.db.select().from(signals).where(eq(signals.registrantId, id));
    expect(filed.filter((signal) => signal.escalationId === first?.id)).toHaveLength(1);
    expect(filed.filter((signal) => signal.escalationId === open[0]?.id)).toHaveLength(1);
  });

  it("joins the escalation another request opened in between, keeping one unresolved", async () => {
    const { id, userId } = await registrantOnLine();
    let opened = "";
    const sent = beforeCommits(1, async () => {
      const [registrant] = await t.db.store.db
        .select({ centerId: registrants.centerId })
        .from(registrants)
        .where(eq(registrants.id, id));
      opened = (
        await mintEscalation(t.db.store, {
          centerId: registrant?.centerId ?? "",
          registrantId: id,
          category: "crisis",
          severity: "urgent",
          now: day,
        })
      ).id;
    });
    expect(await post(text(userId, "しにたい"))).toBe(200);
    expect(sent.batches).toBe(2);
    const open = await unresolved(id);
    expect(open.map((row) => row.id)).toEqual([opened]);
    const filed = await t.db.store.db.select().from(signals).where(eq(signals.registrantId, id));
    expect(filed.map((signal) => signal.escalationId)).toEqual([opened]);
  });

  it("keeps one unresolved escalation when two requests open one at once", async () => {
    const { id, userId } = await registrantOnLine();
    const statuses = await Promise.all([
      post(text(userId, "しにたい")),
      post(text(userId, "きえたい")),
    ]);
    expect(statuses).toEqual([200, 200]);
    const open = await unresolved(id);
    expect(open).toHaveLength(1);
    const filed = await t.db.store.db.select().from(signals).where(eq(signals.registrantId, id));
    expect(filed).toHaveLength(2);
    expect(new Set(filed.map((signal) => signal.escalationId))).toEqual(new Set([open[0]?.id]));
  });

  it("gives up with a 500 and nothing written when its reads keep changing, and LINE's redelivery lands", async () => {
    const { userId } = await registrantOnLine();
    expect(await post(text(userId, "チェックイン"))).toBe(200);
    const ledger = await countRows(t.db.store, processedEvents);
    const bump = () =>
      t.db.store.db
        .update(conversations)
        .set({ version: sql`${conversations.version} + 1` })
        .where(eq(conversations.lineUserId, userId));
    const sent = beforeCommits(99, bump);
    const event = text(userId, "げんき");
    expect(await post(event)).toBe(500);
    expect(sent.batches).toBe(5);
    expect(await countRows(t.db.store, processedEvents)).toBe(ledger);

    sent.batches = 99; // the concurrent writer is done
    expect(await post({ ...event, deliveryContext: { isRedelivery: true } })).toBe(200);
    expect(await countRows(t.db.store, processedEvents)).toBe(ledger + 1);
  });
});
