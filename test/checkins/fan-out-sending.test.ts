// The weekly fan-out sending as it goes: each write's multicasts leave once it committed, held
// from the sweep meanwhile; a failure or a crash between the commit and the send sends nobody twice.
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendDueCheckins } from "../../src/checkins/send";
import { silentLogger } from "../../src/core/log";
import type { LineApi } from "../../src/line/api";
import { deliverDue, sweepLeaseMs } from "../../src/outbox/delivery";
import { checkins, lineAccounts, outbox, registrants } from "../../src/store/schema";
import { nextWeeklySlot } from "../../src/time/calendar";
import { mintDueRegistrants } from "../support/due";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";

let t: TestApp;
let clock: TestClock;

/** Friday 2026-11-27 18:00 in Tokyo: the default slot. */
const friday = Date.parse("2026-11-27T18:00:00+09:00");
const settings = { reminderAfterHours: 24, pushBudgetPerMonth: undefined };

beforeEach(async () => {
  clock = createTestClock(friday + 1_000);
  t = await createTestApp({ clock });
});

afterEach(async () => {
  await t.close();
});

const db = () => t.db.store.db;

/** Registrants due at Friday 18:00, linked and following, written directly. */
function dueRegistrants(n: number, slot: { weekday?: number; minute?: number } = {}) {
  return mintDueRegistrants(t.db.store, n, friday, slot);
}

function multicastRecipients(): string[] {
  return t.mock.requests
    .filter((request) => request.endpoint === "multicast")
    .flatMap((request) => request.recipients);
}

describe("the fan-out with a LineApi", () => {
  it("sends each write's multicasts once it committed, every person once, with a retry key", async () => {
    const people = await dueRegistrants(1_203);
    const result = await sendDueCheckins({ ...t.deps, settings }, 500);
    expect(result).toEqual({ started: 1_203, skipped: 0, multicasts: 3 });
    const sent = t.mock.requests.filter((request) => request.endpoint === "multicast");
    expect(sent.map((request) => request.recipients.length).sort()).toEqual([203, 500, 500]);
    expect(multicastRecipients().sort()).toEqual(people.map((person) => person.line).sort());
    const rows = await db().select().from(outbox);
    expect(rows.map((row) => [row.status, row.attempts, row.leaseUntil])).toEqual(
      rows.map(() => ["sent", 1, null]),
    );
    expect(sent.map((request) => request.retryKey).sort()).toEqual(
      rows.map((row) => row.retryKey).sort(),
    );
    // version 7 ids: the time first, in the order of the registrants within a write
    const started = await db().select().from(checkins);
    const time = clock().toString(16).padStart(12, "0");
    const prefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
    for (const row of started) {
      expect(row.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(row.id.startsWith(prefix)).toBe(true);
    }
    expect(new Set(started.map((row) => row.id)).size).toBe(1_203);
    const firstWrite = started.slice(0, 500).sort((x, y) => (x.id < y.id ? -1 : 1));
    const byRegistrant = [...firstWrite].sort((x, y) => (x.registrantId < y.registrantId ? -1 : 1));
    expect(firstWrite.map((row) => row.id)).toEqual(byRegistrant.map((row) => row.id));
  });

  it("keeps the last write small, so that little is left to send after its commit", async () => {
    await dueRegistrants(1_203);
    expect(await sendDueCheckins({ ...t.deps, settings }, 500)).toMatchObject({ started: 1_203 });
    // writes of 500, 203 and 500 people (not 500, 500 and 203): the multicasts in queued order
    const rows = await db().select().from(outbox).orderBy(outbox.id);
    expect(rows.map((row) => row.recipients.length)).toEqual([500, 203, 500]);
  });

  it("takes an employer contact off the check-in multicast, read with the claim", async () => {
    const people = await dueRegistrants(3);
    const contact = people[0]?.line ?? "";
    await db()
      .update(lineAccounts)
      .set({ role: "employer_contact" })
      .where(eq(lineAccounts.lineUserId, contact));
    const logged: string[] = [];
    const log = { ...silentLogger, error: (event: string) => void logged.push(event) };
    await sendDueCheckins({ ...t.deps, log, settings });
    expect(multicastRecipients().sort()).toEqual(
      people
        .slice(1)
        .map((person) => person.line)
        .sort(),
    );
    expect(logged).toEqual(["outbound.blocked_for_employer"]);
  });

  it("reaches each person once when two runs race, both sending", async () => {
    const people = await dueRegistrants(37);
    const results = await Promise.all([
      sendDueCheckins({ ...t.deps, settings }, 5),
      sendDueCheckins({ ...t.deps, settings }, 7),
    ]);
    expect(results.reduce((sum, result) => sum + result.started, 0)).toBe(37);
    expect(multicastRecipients().sort()).toEqual(people.map((person) => person.line).sort());
    expect(await db().select().from(checkins)).toHaveLength(37);
  });

  it("leaves what a crash kept from LINE to the sweep after the hold, sent once with its key", async () => {
    const people = await dueRegistrants(12);
    // the process dies between the commit and the call to LINE
    const dying: LineApi = {
      ...t.deps.line,
      multicast: () => Promise.reject(new Error("process died")),
    };
    const result = await sendDueCheckins({ ...t.deps, line: dying, log: silentLogger, settings });
    expect(result.started).toBe(12);
    expect(multicastRecipients()).toEqual([]);
    const [held] = await db().select().from(outbox);
    expect(held).toMatchObject({ status: "pending", leaseUntil: friday + 1_000 + sweepLeaseMs });
    // another run finds nobody due, and the sweep leaves the held row alone
    expect(await sendDueCheckins({ ...t.deps, settings })).toMatchObject({ started: 0 });
    expect(await deliverDue(t.deps)).toBe(0);
    clock.advance(sweepLeaseMs);
    expect(await deliverDue(t.deps)).toBe(1);
    expect(await deliverDue(t.deps)).toBe(0);
    expect(multicastRecipients().sort()).toEqual(people.map((person) => person.line).sort());
    expect(t.mock.requests.map((request) => request.retryKey)).toEqual([held?.retryKey]);
  });

  it("keeps what was sent when a later write fails, and the next run sends only the rest", async () => {
    const people = await dueRegistrants(12);
    // the second write fails at its last statement, after the first one's multicast left
    await db().run(
      sql.raw(`CREATE TRIGGER injected_fault BEFORE INSERT ON push_usage
        WHEN (SELECT count(*) FROM checkins) > 5
        BEGIN SELECT RAISE(ABORT, 'injected fault'); END`),
    );
    const failed = await sendDueCheckins({ ...t.deps, settings }, 5).catch(
      (error: unknown) => error,
    );
    expect(String((failed as Error).cause)).toContain("injected fault");
    expect(multicastRecipients()).toHaveLength(5);
    expect(await db().select().from(checkins)).toHaveLength(5);

    await db().run(sql.raw("DROP TRIGGER injected_fault"));
    expect(await sendDueCheckins({ ...t.deps, settings }, 5)).toMatchObject({ started: 7 });
    expect(multicastRecipients().sort()).toEqual(people.map((person) => person.line).sort());
    expect(await db().select().from(checkins)).toHaveLength(12);
  });
});

describe("the next slot, moved in SQL", () => {
  it("is nextWeeklySlot's for every weekday, earlier and later today included", async () => {
    // Friday 18:00 sharp in Tokyo: Friday 17:00 and 18:00 are next week's, 19:00 today's
    clock.set(friday);
    const slots = [0, 1, 2, 3, 4, 5, 6].flatMap((weekday) =>
      [0, 17 * 60, 18 * 60, 19 * 60, 23 * 60 + 59].map((minute) => ({ weekday, minute })),
    );
    const groups = await Promise.all(slots.map(async (slot) => dueRegistrants(1, slot)));
    await sendDueCheckins({ ...t.deps, settings });
    for (const [i, slot] of slots.entries()) {
      const [row] = await db()
        .select({ next: registrants.nextCheckinAt })
        .from(registrants)
        .where(eq(registrants.id, groups[i]?.[0]?.id ?? ""));
      expect({ ...slot, next: row?.next }).toEqual({
        ...slot,
        next: nextWeeklySlot(clock(), slot.weekday, slot.minute),
      });
    }
  });

  it("is none for someone who stopped following, who is claimed but sent nothing", async () => {
    const [person] = await dueRegistrants(1);
    await db()
      .update(lineAccounts)
      .set({ following: false })
      .where(eq(lineAccounts.lineUserId, person?.line ?? ""));
    expect(await sendDueCheckins({ ...t.deps, settings })).toEqual({
      started: 0,
      skipped: 1,
      multicasts: 0,
    });
    const [row] = await db()
      .select()
      .from(registrants)
      .where(eq(registrants.id, person?.id ?? ""));
    expect(row?.nextCheckinAt).toBeNull();
    expect(t.mock.requests).toEqual([]);
  });
});
