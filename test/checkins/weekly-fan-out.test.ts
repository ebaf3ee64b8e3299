// The weekly fan-out writes check-ins and multicasts only: each conversation begins with the
// person's first answer; two runs at once and a failure mid-batch still send each check-in once.
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendCheckinNow, sendDueCheckins } from "../../src/checkins/send";
import { AppError } from "../../src/core/errors";
import { silentLogger } from "../../src/core/log";
import {
  answers,
  checkins,
  conversations,
  outbox,
  pushUsage,
  registrants,
} from "../../src/store/schema";
import { encodePostback } from "../../src/words/postback";
import { mintDueRegistrants } from "../support/due";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { stickerEvent } from "../support/events";
import { buttonsOf, lineChat, registrantOnLine, textOf } from "../support/line-chat";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let clock: TestClock;
let staff: ApiClient;

/** Monday 2026-11-23 10:00 in Tokyo; the default slot is Friday 18:00. */
const monday = Date.parse("2026-11-23T10:00:00+09:00");
const friday = Date.parse("2026-11-27T18:00:00+09:00");
const settings = { reminderAfterHours: 24, pushBudgetPerMonth: undefined };

beforeEach(async () => {
  clock = createTestClock(monday);
  t = await createTestApp({ clock });
  const center = await mintCenter(t.db.store);
  staff = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
});

afterEach(async () => {
  await t.close();
});

const db = () => t.db.store.db;
const chat = () => lineChat(t, clock);
const deps = () => ({ ...t.deps, settings });

async function conversationOf(userId: string) {
  const rows = await db().select().from(conversations).where(eq(conversations.lineUserId, userId));
  return rows[0] ?? null;
}

async function checkinsOf(registrantId: string) {
  return db().select().from(checkins).where(eq(checkins.registrantId, registrantId));
}

/** A linked, consenting registrant whose Friday check-in has been sent (and not yet answered). */
async function sentCheckin() {
  const person = await registrantOnLine(t, staff, clock);
  clock.set(friday + 30_000);
  expect(await sendDueCheckins(deps())).toMatchObject({ started: 1 });
  return person;
}

/** Registrants due at Friday 18:00, linked and following, written directly. */
function dueRegistrants(n: number) {
  return mintDueRegistrants(t.db.store, n, friday);
}

describe("a check-in whose conversation was not created when it was sent", () => {
  it("begins with the first answer, which is recorded and moves to the next question", async () => {
    const { id, userId } = await sentCheckin();
    expect(await conversationOf(userId)).toBeNull();
    const [checkin] = await checkinsOf(id);
    expect(checkin?.status).toBe("sent");

    const next = await chat().press(
      userId,
      encodePostback({ a: "ans", w: checkin?.weekKey ?? "", q: "condition", v: "3" }),
    );
    expect(textOf(next)).toContain("ねむれて");
    const saved = await conversationOf(userId);
    expect(saved?.flow).toBe("checkin");
    expect(saved?.state).toMatchObject({ checkinId: checkin?.id, step: "sleep" });
    const recorded = await db()
      .select()
      .from(answers)
      .where(eq(answers.checkinId, checkin?.id ?? ""));
    expect(recorded.map((row) => [row.question, row.value])).toEqual([["condition", "3"]]);
    expect((await checkinsOf(id))[0]?.status).toBe("in_progress");

    // and the rest goes on in the saved conversation to the end
    let messages = next;
    for (let i = 0; i < 12 && (await conversationOf(userId)) !== null; i++) {
      const pick = buttonsOf(messages)
        .filter((button) => button.data && !/v=(talk|skip|done)/.test(button.data))
        .at(-1);
      messages = await chat().press(userId, pick?.data ?? "");
    }
    expect(await conversationOf(userId)).toBeNull();
    const done = await checkinsOf(id);
    expect(done.map((row) => row.status)).toEqual(["completed"]);
  });

  it("begins with words that are not an answer too, asking its first question again", async () => {
    const { id, userId } = await sentCheckin();
    const sent = await chat().send(userId, stickerEvent(userId, { timestamp: clock() }));
    expect(textOf(sent)).toContain("ありがとうございます");
    expect(buttonsOf(sent).some((button) => button.label === "🙂 まあまあ")).toBe(true);
    expect((await conversationOf(userId))?.state).toMatchObject({
      checkinId: (await checkinsOf(id))[0]?.id,
      step: "condition",
    });
  });

  it("is continued by 「チェックイン」 (the reminder's button), not doubled by a second check-in", async () => {
    const { id, userId } = await sentCheckin();
    const asked = await chat().say(userId, "チェックイン");
    expect(buttonsOf(asked).some((button) => button.label === "🙂 まあまあ")).toBe(true);
    expect(await checkinsOf(id)).toHaveLength(1);
    expect((await conversationOf(userId))?.flow).toBe("checkin");
  });

  it("takes over a conversation saved before it was sent, as the fan-out used to", async () => {
    const { id, userId } = await registrantOnLine(t, staff, clock);
    // a conversation a deploy retired, left from before the send
    await t.db.store.write((tx) =>
      tx
        .insert(conversations)
        .values({ lineUserId: userId, flow: "retired", state: {}, updatedAt: clock() }),
    );
    clock.set(friday + 30_000);
    expect(await sendDueCheckins(deps())).toMatchObject({ started: 1 });
    const [checkin] = await checkinsOf(id);
    const next = await chat().press(
      userId,
      encodePostback({ a: "ans", w: checkin?.weekKey ?? "", q: "condition", v: "3" }),
    );
    expect(textOf(next)).toContain("ねむれて");
    expect((await conversationOf(userId))?.state).toMatchObject({
      checkinId: checkin?.id,
      step: "sleep",
    });
  });

  it("keeps the person out of a second check-in until it is answered or missed", async () => {
    const { id, userId } = await sentCheckin();
    const refused = await t.db.store
      .write((tx) => sendCheckinNow(tx, id, clock(), silentLogger))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).reason).toBe("checkin_in_progress");
    // moved to Saturday, due again: still in this week's check-in, so skipped
    await t.db.store.write((tx) =>
      tx.update(registrants).set({ nextCheckinAt: clock() }).where(eq(registrants.id, id)),
    );
    clock.advance(60_000);
    expect(await sendDueCheckins(deps())).toMatchObject({ started: 0, skipped: 1 });
    expect(await checkinsOf(id)).toHaveLength(1);
    expect(await conversationOf(userId)).toBeNull();
  });
});

describe("the fan-out in batches", () => {
  it("sends each check-in once when two runs race over several batches", async () => {
    const people = await dueRegistrants(23);
    clock.set(friday + 1_000);
    const results = await Promise.all([
      sendDueCheckins(deps(), 5),
      sendDueCheckins(deps(), 5),
      sendDueCheckins(deps(), 7),
    ]);
    expect(results.reduce((sum, result) => sum + result.started, 0)).toBe(23);
    const rows = await db().select().from(checkins);
    expect(rows).toHaveLength(23);
    expect(new Set(rows.map((row) => row.registrantId)).size).toBe(23);
    const queued = await db().select().from(outbox).where(eq(outbox.kind, "multicast"));
    const recipients = queued.flatMap((row) => row.recipients);
    expect(recipients.sort()).toEqual(people.map((person) => person.line).sort());
    const [usage] = await db().select().from(pushUsage);
    expect(usage?.messages).toBe(23);
    const moved = await db()
      .select()
      .from(registrants)
      .where(eq(registrants.nextCheckinAt, Date.parse("2026-12-04T18:00:00+09:00")));
    expect(moved).toHaveLength(23);
  });

  it("leaves nothing half-written when a batch fails, and the next run sends it once", async () => {
    const people = await dueRegistrants(12);
    clock.set(friday + 1_000);
    // the batch's last statement fails: its claims, check-ins and multicasts are written by then
    await db().run(
      sql.raw(
        "CREATE TRIGGER injected_fault BEFORE INSERT ON push_usage BEGIN SELECT RAISE(ABORT, 'injected fault'); END",
      ),
    );
    const failed = await sendDueCheckins(deps(), 1_000).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(String((failed as Error).cause)).toContain("injected fault");
    expect(await db().select().from(checkins)).toEqual([]);
    expect(await db().select().from(outbox)).toEqual([]);
    expect(await db().select().from(pushUsage)).toEqual([]);
    const stillDue = await db()
      .select()
      .from(registrants)
      .where(eq(registrants.nextCheckinAt, friday));
    expect(stillDue).toHaveLength(12);

    await db().run(sql.raw("DROP TRIGGER injected_fault"));
    expect(await sendDueCheckins(deps(), 1_000)).toMatchObject({ started: 12 });
    expect(await sendDueCheckins(deps(), 1_000)).toMatchObject({ started: 0 });
    const queued = await db().select().from(outbox);
    expect(queued.flatMap((row) => row.recipients).sort()).toEqual(
      people.map((person) => person.line).sort(),
    );
    expect(await db().select().from(checkins)).toHaveLength(12);
  });
});
