// The weekly rhythm: due check-ins go out (multicast, through the outbox), reminders, missed weeks.
import type { Clock } from "../core/clock";
import { AppError } from "../core/errors";
import { freshCheckinState, openingMessages, startCheckin } from "../flows/checkin";
import type { Logger } from "../core/log";
import { raiseSignal } from "../escalation/engine";
import type { Store, Tx } from "../store/db";
import { queueOutbound } from "../outbox/queue";
import { findRegistrantById } from "../store/registrants";
import {
  clearCheckinConversation,
  dueRegistrants,
  setNextCheckin,
  stillDue,
  upsertConversations,
  type DueRegistrant,
} from "../store/schedule";
import { countPushes, pushesThisMonth } from "../store/push-budget";
import {
  insertCheckins,
  markMissed,
  markReminded,
  openCheckinsBefore,
  recentStatuses,
  unremindedSentBefore,
  usersInCheckin,
} from "../store/checkins";
import { insertCheckin } from "../store/checkins";
import { findAccount } from "../store/accounts";
import { saveConversation } from "../store/conversations";
import { monthKey, nextWeeklySlot, weekKey } from "../time/calendar";
import { withButtons } from "../words/buttons";

export interface ScheduleDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  settings: ScheduleSettings;
}

export interface ScheduleSettings {
  /** Hours without an answer before one reminder; 0 turns reminders off. */
  reminderAfterHours: number;
  /** Paid messages a month (push and multicast recipients); undefined: no limit. */
  pushBudgetPerMonth: number | undefined;
}

/** LINE takes at most 500 recipients per multicast. */
export const multicastLimit = 500;
/** Unanswered this long, a check-in counts as missed. */
export const missedAfterMs = 72 * 60 * 60 * 1000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Sends every due weekly check-in: one check-in row and conversation per person, and the
 * opening messages (the same for everyone that week) as multicasts of up to 500 through the
 * outbox. Someone already in a check-in is skipped this week: only one is ever open.
 */
export async function sendDueCheckins(
  deps: ScheduleDeps,
  batchSize = 5_000,
): Promise<{ started: number; skipped: number; multicasts: number }> {
  let started = 0;
  let skipped = 0;
  let multicasts = 0;
  for (;;) {
    const now = deps.clock();
    const listed = await dueRegistrants(deps.store.db, now, batchSize);
    if (listed.length === 0) break;
    const busy = await usersInCheckin(
      deps.store.db,
      listed.map((row) => row.lineUserId),
    );
    const week = weekKey(now);
    const result = await deps.store.write(async (tx) => {
      const claimed = await stillDue(
        tx,
        listed.map((row) => row.id),
        now,
      );
      const due = listed.filter((row) => claimed.has(row.id));
      const sending = due.filter((row) => row.following && !busy.has(row.lineUserId));
      const rows = sending.map((row) => ({ ...row, checkinId: crypto.randomUUID() }));
      await insertCheckins(
        tx,
        rows.map((row) => ({ id: row.checkinId, registrantId: row.id, weekKey: week, now })),
      );
      await upsertConversations(
        tx,
        rows.map((row) => ({
          lineUserId: row.lineUserId,
          state: freshCheckinState({ checkinId: row.checkinId, weekKey: week }),
          now,
        })),
      );
      await advanceSchedules(
        tx,
        due.filter((row) => row.following),
        now,
      );
      // blocked since: no more check-ins until they follow again (which sets the next one)
      await setNextCheckin(
        tx,
        due.filter((row) => !row.following).map((row) => row.id),
        null,
      );
      const groups = chunks(
        rows.map((row) => row.lineUserId),
        multicastLimit,
      );
      for (const recipients of groups) {
        await queueOutbound(
          tx,
          {
            kind: "multicast",
            recipients,
            messages: openingMessages(week),
            purpose: "checkin",
            now,
          },
          deps.log,
        );
      }
      await countPushes(tx, monthKey(now), rows.length);
      return {
        started: rows.length,
        multicasts: groups.length,
        skipped: due.length - sending.length,
      };
    });
    started += result.started;
    multicasts += result.multicasts;
    skipped += result.skipped;
    if (listed.length < batchSize) break;
  }
  if (started > 0) deps.log.info("checkins.sent", { started, skipped, multicasts });
  return { started, skipped, multicasts };
}

/** Moves each registrant's next check-in a week on (grouped by their day and time). */
async function advanceSchedules(tx: Tx, due: DueRegistrant[], now: number): Promise<void> {
  const groups = new Map<string, DueRegistrant[]>();
  for (const row of due) {
    const key = `${row.checkinWeekday}:${row.checkinMinute}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const rows of groups.values()) {
    const first = rows[0];
    if (!first) continue;
    const next = nextWeeklySlot(now, first.checkinWeekday, first.checkinMinute);
    await setNextCheckin(
      tx,
      rows.map((row) => row.id),
      next,
    );
  }
}

/**
 * One reminder for check-ins unanswered after the configured hours. Reminders are the first
 * thing to go when the month's paid-message budget would be exceeded (and that is logged).
 */
export async function sendReminders(deps: ScheduleDeps, limit = 5_000): Promise<number> {
  const hours = deps.settings.reminderAfterHours;
  if (hours <= 0) return 0;
  const now = deps.clock();
  const rows = (await unremindedSentBefore(deps.store.db, now - hours * 3_600_000, limit)).filter(
    (row) => row.following && row.lineUserId !== null,
  );
  if (rows.length === 0) return 0;
  const budget = deps.settings.pushBudgetPerMonth;
  const month = monthKey(now);
  if (
    budget !== undefined &&
    (await pushesThisMonth(deps.store.db, month)) + rows.length > budget
  ) {
    deps.log.warn("checkins.reminders_skipped_budget", { reminders: rows.length, budget });
    // marked as reminded so the same reminders are not weighed again every tick
    await deps.store.write((tx) =>
      markReminded(
        tx,
        rows.map((row) => row.id),
        now,
      ),
    );
    return 0;
  }
  return deps.store.write(async (tx) => {
    // read again inside the write: a check-in answered, closed by the end of support or erased
    // since the first read is not reminded
    const due = (await unremindedSentBefore(tx, now - hours * 3_600_000, limit)).filter(
      (row) => row.following && row.lineUserId !== null,
    );
    if (due.length === 0) return 0;
    await markReminded(
      tx,
      due.map((row) => row.id),
      now,
    );
    for (const recipients of chunks(
      due.flatMap((row) => (row.lineUserId === null ? [] : [row.lineUserId])),
      multicastLimit,
    )) {
      await queueOutbound(
        tx,
        { kind: "multicast", recipients, messages: reminderMessages(), purpose: "reminder", now },
        deps.log,
      );
    }
    await countPushes(tx, month, due.length);
    return due.length;
  });
}

function reminderMessages() {
  return [
    withButtons("こんしゅうの チェックインが まだ です。\nつづきを しませんか？（2ふん くらい）", [
      { label: "つづける", text: "チェックイン" },
    ]),
  ];
}

/**
 * Check-ins unanswered for 72 hours are missed: the conversation ends, and a run of missed
 * weeks raises a signal (two in a row: unreachable/normal; three or more: unreachable/high).
 */
export async function sweepMissed(deps: ScheduleDeps, limit = 5_000): Promise<number> {
  const now = deps.clock();
  const stale = await openCheckinsBefore(deps.store.db, now - missedAfterMs, limit);
  for (const checkin of stale) {
    await deps.store.write(async (tx) => {
      await markMissed(tx, checkin.id);
      if (checkin.lineUserId) await clearCheckinConversation(tx, checkin.lineUserId, checkin.id);
      const statuses = await recentStatuses(tx, checkin.registrantId, 3);
      const run = statuses.findIndex((status) => status !== "missed");
      const missedInARow = run === -1 ? statuses.length : run;
      if (missedInARow >= 2) {
        await raiseSignal(
          tx,
          {
            centerId: checkin.centerId,
            registrantId: checkin.registrantId,
            category: "unreachable",
            severity: missedInARow >= 3 ? "high" : "normal",
            source: "missed",
            evidence: {
              reason: `チェックインに ${missedInARow}回 続けて 答えがない`,
              weekKey: checkin.weekKey,
            },
          },
          now,
        );
      }
    });
  }
  return stale.length;
}

/**
 * A check-in now, asked for by staff: pushed to the one person (it costs a message), in the
 * caller's transaction (which records who asked). Refused with 409 while they are paused or
 * ended, not consenting, unreachable, or already in a check-in — all read inside the write, so a
 * pause that lands first always wins.
 */
export async function sendCheckinNow(
  tx: Tx,
  registrantId: string,
  now: number,
  log: Logger,
): Promise<{ id: string }> {
  const registrant = await findRegistrantById(tx, registrantId);
  if (!registrant) throw new AppError("not_found", "No such registrant");
  if (registrant.status === "paused")
    throw new AppError("conflict", "Check-ins are paused", { reason: "paused" });
  if (registrant.status === "ended")
    throw new AppError("conflict", "Support has ended", { reason: "support_ended" });
  const lineUserId = registrant.lineUserId;
  if (lineUserId === null)
    throw new AppError("conflict", "Not linked on LINE yet", { reason: "not_linked" });
  if (registrant.consentedAt === null)
    throw new AppError("conflict", "No consent to check-ins", { reason: "not_consented" });
  const account = await findAccount(tx, lineUserId);
  if (!account?.following)
    throw new AppError("conflict", "Unreachable on LINE (blocked)", { reason: "unreachable" });
  if ((await usersInCheckin(tx, [lineUserId])).size > 0) {
    throw new AppError("conflict", "A check-in is already in progress", {
      reason: "checkin_in_progress",
    });
  }
  const id = crypto.randomUUID();
  const week = weekKey(now);
  const step = startCheckin({ checkinId: id, weekKey: week, origin: "staff" });
  await insertCheckin(tx, { id, registrantId, origin: "staff", weekKey: week, now });
  await saveConversation(tx, lineUserId, step.state, now);
  await queueOutbound(
    tx,
    { kind: "push", recipients: [lineUserId], messages: step.replies, purpose: "checkin", now },
    log,
  );
  await countPushes(tx, monthKey(now), 1);
  return { id };
}

/** Everything the weekly rhythm needs in one tick. */
export async function runCheckinSchedule(deps: ScheduleDeps) {
  const sent = await sendDueCheckins(deps);
  const reminded = await sendReminders(deps);
  const missed = await sweepMissed(deps);
  return { ...sent, reminded, missed };
}
