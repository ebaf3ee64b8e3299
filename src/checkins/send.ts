// The weekly rhythm: due check-ins go out (multicast, through the outbox), reminders, missed weeks.
import type { Clock } from "../core/clock";
import { AppError } from "../core/errors";
import { openingMessages, startCheckin } from "../flows/checkin";
import type { Logger } from "../core/log";
import { raiseSignal } from "../escalation/engine";
import type { Store, Tx } from "../store/db";
import { queueOutbound, queueOutboundAmong } from "../outbox/queue";
import { sendFresh, sweepLeaseMs } from "../outbox/delivery";
import type { LineApi } from "../line/api";
import type { OutboxRow } from "../store/outbox";
import { findRegistrantById } from "../store/registrants";
import { claimDueBatch, clearCheckinConversation, countDue } from "../store/schedule";
import { countPushes, pushesThisMonth } from "../store/push-budget";
import {
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
  /** When given, the fan-out sends its own multicasts as each batch commits (sendDueCheckins). */
  line?: LineApi | undefined;
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
 * is not written here: it begins with the person's first answer (readInbound).
 * Someone already in a check-in is skipped this week: only one is ever open.
 *
 * Each write claims up to `batchSize` people (claimDueBatch: read and claimed inside the write,
 * so two runs never claim the same person). With `deps.line`, a write's multicasts are held for
 * this run and leave as soon as it commits, paced by the LineApi (on Node from a thread of its
 * own, as the embedded database blocks this one; elsewhere the write yields between its
 * multicasts so that they can leave) while the next write goes on. The first and the last write
 * take fewer people, so that sending starts early and little is left after the last commit.
 * Whatever is not sent (a crash, LINE down) stays in the outbox with its retry key, for the sweep
 * once the hold runs out.
 * Without `deps.line` the sweep sends them all.
 */
export async function sendDueCheckins(
  deps: ScheduleDeps,
  batchSize = 25_000,
): Promise<{ started: number; skipped: number; multicasts: number }> {
  let started = 0;
  let skipped = 0;
  let multicasts = 0;
  let due = await countDue(deps.store.db, deps.clock());
  if (due === 0) return { started, skipped, multicasts };
  const line = deps.line;
  const sending: Promise<void>[] = [];
  const small = Math.min(batchSize, smallBatch);
  let first = true;
  try {
    for (;;) {
      const asked = !line ? batchSize : first ? small : nextLimit(due, batchSize, small);
      first = false;
      const result = await deps.store.write((tx) => startDue(tx, deps, asked));
      if (line) {
        const delivery = { store: deps.store, line, clock: deps.clock, log: deps.log };
        // one sendFresh each, so the multicasts wait for the pacer, not for each other's answer
        for (const row of result.queued) sending.push(sendFresh(delivery, [row]));
      }
      started += result.started;
      multicasts += result.multicasts;
      skipped += result.claimed - result.started;
      due -= result.claimed;
      if (result.claimed < asked) break;
    }
  } finally {
    // sendFresh records its own failures; the rows stay in the outbox for the sweep
    await Promise.all(sending);
  }
  if (started > 0) deps.log.info("checkins.sent", { started, skipped, multicasts });
  return { started, skipped, multicasts };
}

/**
 * The first and the last write's people when sending as it goes: a few multicasts leave within
 * milliseconds of the start, and few are left to send after the last commit.
 */
const smallBatch = 5 * multicastLimit;

/**
 * The next write's people, with about `due` still due (countDue, less those claimed since):
 * whole batches, then all but a small batch, then that. If people are still due when the count
 * has run out (made due meanwhile), whole batches until a write claims fewer than it asked for.
 */
function nextLimit(due: number, batchSize: number, small: number): number {
  if (due <= small) return due > 0 ? due : batchSize;
  return Math.min(batchSize, due - small);
}

/**
 * One write of the fan-out: claims up to `limit` people, starts their check-ins and queues their
 * multicasts (held for this run to send, when it has a LineApi).
 */
async function startDue(tx: Tx, deps: ScheduleDeps, limit: number) {
  // the time is read inside the write, so a check-in is sent after every conversation
  // saved before it and before every one saved after it (see pendingCheckinWhere)
  const now = deps.clock();
  const week = weekKey(now);
  const batch = await claimDueBatch(tx, {
    now,
    limit,
    slotBases: weeklySlotBases(now),
    weekKey: week,
  });
  const opening = openingMessages(week);
  const queued: OutboxRow[] = [];
  const recipients = batch.lineUserIds;
  for (let from = 0; from < recipients.length; from += multicastLimit) {
    // the previous write's multicasts leave in between
    if (deps.line && from > 0) await nextTurn();
    const row = await queueOutboundAmong(
      tx,
      {
        kind: "multicast",
        recipients: recipients.slice(from, from + multicastLimit),
        messages: opening,
        purpose: "checkin",
        leaseUntil: deps.line ? now + sweepLeaseMs : undefined,
        now,
      },
      batch.employerContacts,
      deps.log,
    );
    if (row) queued.push(row);
  }
  if (batch.started > 0) await countPushes(tx, monthKey(now), batch.started);
  return {
    claimed: batch.claimed,
    started: batch.started,
    multicasts: Math.ceil(recipients.length / multicastLimit),
    queued,
  };
}

/** After I/O and due timers: setImmediate on Node; a zero timeout where it does not exist. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === "function") setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** For each weekday, its latest Tokyo midnight at or before `now` (see claimDueBatch). */
function weeklySlotBases(now: number): number[] {
  return Array.from({ length: 7 }, (_, weekday) => nextWeeklySlot(now, weekday, 0) - weekMs);
}

const weekMs = 7 * 24 * 60 * 60 * 1000;

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
