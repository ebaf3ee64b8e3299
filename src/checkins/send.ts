// The weekly rhythm: due check-ins go out (multicast, through the outbox), reminders, missed weeks.
import type { Clock } from "../core/clock";
import { AppError } from "../core/errors";
import { openingMessages, startCheckin } from "../flows/checkin";
import type { Logger } from "../core/log";
import { raiseSignal } from "../escalation/engine";
import type { Store, Tx } from "../store/db";
import { queueOutbound } from "../outbox/queue";
import { findRegistrantById } from "../store/registrants";
import {
  claimDue,
  clearCheckinConversation,
  dueRegistrants,
  type DueRegistrant,
} from "../store/schedule";
import { countPushes, pushesThisMonth } from "../store/push-budget";
import {
  insertCheckins,
  markMissed,
  markReminded,
  missedAfterMs,
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
export { missedAfterMs };

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Sends every due weekly check-in: one check-in row per person and the opening messages (the
 * same for everyone that week) as multicasts of up to 500 through the outbox. The conversation
 * is not written here: it begins with the person's first answer (loadConversationOrCheckin).
 * Someone already in a check-in is skipped this week: only one is ever open.
 */
export async function sendDueCheckins(
  deps: ScheduleDeps,
  batchSize = 25_000,
): Promise<{ started: number; skipped: number; multicasts: number }> {
  let started = 0;
  let skipped = 0;
  let multicasts = 0;
  for (;;) {
    const listed = await dueRegistrants(deps.store.db, deps.clock(), batchSize);
    if (listed.length === 0) break;
    const result = await deps.store.write(async (tx) => {
      // the time is read inside the write, so a check-in is sent after every conversation
      // saved before it and before every one saved after it (see pendingCheckinWhere)
      const now = deps.clock();
      const week = weekKey(now);
      const slots = new Map<string, number>();
      const nextOf = (row: DueRegistrant) => {
        const key = `${row.checkinWeekday}:${row.checkinMinute}`;
        let next = slots.get(key);
        if (next === undefined) {
          next = nextWeeklySlot(now, row.checkinWeekday, row.checkinMinute);
          slots.set(key, next);
        }
        return next;
      };
      // read again inside the write: what another run claimed first is not sent twice; and
      // the next check-in moves a week on (blocked since: none until they follow again)
      const claimed = await claimDue(
        tx,
        listed.map((row) => ({
          rowid: row.rowid,
          id: row.id,
          next: row.following ? nextOf(row) : null,
        })),
        now,
      );
      const ours = listed.filter((row) => claimed.has(row.rowid));
      const due = ours.filter((row) => row.following);
      const busy = await usersInCheckin(
        tx,
        due.map((row) => row.lineUserId),
        now,
      );
      const sending = due.filter((row) => !busy.has(row.lineUserId));
      // in key order, so the rows land in order in the check-ins' indexes
      sending.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      const ids = timeOrderedIds(now, sending.length);
      await insertCheckins(
        tx,
        sending.map((row, i) => ({ id: ids[i] ?? crypto.randomUUID(), registrantId: row.id })),
        week,
        now,
      );
      const groups = chunks(
        sending.map((row) => row.lineUserId),
        multicastLimit,
      );
      const opening = openingMessages(week);
      for (const recipients of groups) {
        await queueOutbound(
          tx,
          {
            kind: "multicast",
            recipients,
            messages: opening,
            purpose: "checkin",
            now,
          },
          deps.log,
        );
      }
      await countPushes(tx, monthKey(now), sending.length);
      return {
        started: sending.length,
        multicasts: groups.length,
        skipped: ours.length - sending.length,
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

/**
 * UUIDs whose first 48 bits are the time (RFC 9562 version 7) and the rest a random UUID's:
 * a run's check-ins land at the end of the primary key's index, not at as many random places
 * in it as there are people.
 */
function timeOrderedIds(now: number, count: number): string[] {
  const time = now.toString(16).padStart(12, "0").slice(-12);
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
  const ids: string[] = [];
  // a random UUID is xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx: its variant N is already v7's
  for (let i = 0; i < count; i++) ids.push(prefix + crypto.randomUUID().slice(15));
  return ids.sort();
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
  if ((await usersInCheckin(tx, [lineUserId], now)).size > 0) {
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
