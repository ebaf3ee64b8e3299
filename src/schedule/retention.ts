// The daily retention job (issue 13): removes what is kept no longer than it is needed, in
// bounded batches, and logs only how many rows it changed.
//
// When it runs: once a Tokyo day, from the first tick between 03:00 and 03:10 (the quietest
// hour). No table records a run, so nothing stops two instances (or, on Workers, each cron
// minute of that window) from both running it, and nothing needs to: every batch re-checks its
// own condition as it writes, so the second run finds nothing left and changes nothing. Within
// one process the store remembers the day it finished, so a Node ticker runs it once; a run
// that stopped at its cap goes on at the next tick, and one that failed tries again 15 minutes
// later, whatever the hour, until it finishes. A day missed altogether (no tick in the window)
// is caught up the next day: every rule is "older than", never "on this day".
import type { Clock } from "../core/clock";
import { sessionIdleMs } from "../staff/sessions";
import { dateKey } from "../time/business-time";
import { describeError, type Logger } from "../core/log";
import { insertAudit } from "../store/audit";
import type { Store, Tx } from "../store/db";
import { eraseRegistrantData } from "../store/erasure";
import {
  clearExpiredText,
  dayMs,
  deleteSentOutbox,
  clearExpiredAnswers,
  findEndedPastRetention,
  findExpiredAnswers,
  findEscalationsWithOldWords,
  findExpiredText,
  findSentOutbox,
  pruneHandledOutbox,
  pruneLinkFailures,
  pruneLoginFailures,
  pruneProcessedEvents,
  pruneSessions,
  scrubEscalationWords,
  shortestRetentionDays,
  type MessageCursor,
} from "../store/retention";
import { tokyoParts } from "../time/calendar";

/** The audit trail's actor for what the scheduler does on its own. */
export const systemActor = "system";

export interface RetentionDeps {
  store: Store;
  clock: Clock;
  log: Logger;
}

/**
 * How long each kind is kept, when not a center's own period (message text and the words
 * quoted on resolved escalations: centers.retention_days).
 */
export const keptFor = {
  /**
   * Failed logins and wrong link codes: their longest windows are 15 minutes (per client) and
   * an hour (per LINE user); a day is longer than any of them.
   */
  failures: dayMs,
  /**
   * A processed event's id only has to outlive LINE's redeliveries of that event (which come
   * marked deliveryContext.isRedelivery). We found no published figure for how long LINE keeps
   * redelivering a webhook that failed; a week is a wide margin, and an id forgotten too early
   * costs one event handled twice, not a lost one.
   */
  processedEvents: 7 * dayMs,
  /** A message LINE accepted is needed only for delivery, and it holds the words sent. */
  sentOutbox: 30 * dayMs,
  /** A message LINE refused, from when a supervisor marked it handled. */
  handledOutbox: 90 * dayMs,
};

export interface RetentionCounts {
  sessions: number;
  loginFailures: number;
  linkFailures: number;
  processedEvents: number;
  messageTexts: number;
  /** Check-in answers typed as words (「ひとこと」) emptied. */
  answerWords: number;
  sentOutbox: number;
  handledOutbox: number;
  evidenceSignals: number;
  evidenceEvents: number;
  employerWords: number;
  /** People whose support ended longer ago than their center's period, erased. */
  erasedRegistrants: number;
}

export interface RetentionReport {
  counts: RetentionCounts;
  /** Every kind ran to the end (none stopped at its cap, none failed). */
  finished: boolean;
  /** The kinds that failed this run. */
  failed: string[];
}

export interface RetentionLimits {
  /** Rows one statement changes at most. */
  batch: number;
  /** Webhook events one batch deletes at most (with the messages pointing at them). */
  eventBatch: number;
  /** Escalations one statement scrubs at most (each may have several signals). */
  escalationBatch: number;
  /** People erased per batch (each is one transaction over all their rows). */
  erasureBatch: number;
  /** Batches per kind per run; the next tick goes on. */
  maxBatches: number;
}

export const defaultLimits: RetentionLimits = {
  batch: 500,
  eventBatch: 500,
  escalationBatch: 100,
  erasureBatch: 20,
  maxBatches: 10,
};

/** Runs `step` (one batch; it returns how many rows it found) until a short batch or the cap. */
async function drain(step: () => Promise<number>, full: number, maxBatches: number) {
  for (let round = 0; round < maxBatches; round++) {
    if ((await step()) < full) return true;
  }
  return false;
}

/** One pass over every kind; each kind on its own, so one failure leaves the others to run. */
export async function pruneExpired(
  deps: RetentionDeps,
  limits: RetentionLimits = defaultLimits,
): Promise<RetentionReport> {
  const { store } = deps;
  const now = deps.clock();
  const { batch, maxBatches } = limits;
  const counts: RetentionCounts = {
    sessions: 0,
    loginFailures: 0,
    linkFailures: 0,
    processedEvents: 0,
    messageTexts: 0,
    answerWords: 0,
    sentOutbox: 0,
    handledOutbox: 0,
    evidenceSignals: 0,
    evidenceEvents: 0,
    employerWords: 0,
    erasedRegistrants: 0,
  };
  /** A kind whose statement finds its rows by an index: what it changed is what it found. */
  const indexed = (
    key: keyof RetentionCounts,
    statement: (tx: Tx) => Promise<number>,
    full = batch,
  ) =>
    drain(
      async () => {
        const changed = await store.write(statement);
        counts[key] += changed;
        return changed;
      },
      full,
      maxBatches,
    );
  /** A kind that must search: a read finds the rows, without the write lock; a write takes them. */
  const searched = <T>(
    key: keyof RetentionCounts,
    find: () => Promise<T[]>,
    take: (tx: Tx, found: T[]) => Promise<number>,
  ) =>
    drain(
      async () => {
        const found = await find();
        counts[key] += await store.write((tx) => take(tx, found));
        return found.length;
      },
      batch,
      maxBatches,
    );

  /**
   * Words kept by a center's own period: a cursor walks the rows older than the shortest period,
   * oldest first, past those a longer period still keeps; a write clears what is still due.
   */
  const pastPeriod = async (
    key: "messageTexts" | "answerWords",
    find: (
      db: Store["db"],
      args: { now: number; upTo: number; cursor: MessageCursor | null; limit: number },
    ) => Promise<MessageCursor[]>,
    clear: (tx: Tx, ids: number[], now: number) => Promise<number>,
  ) => {
    const upTo = now - (await shortestRetentionDays(store.db)) * dayMs;
    let cursor: MessageCursor | null = null;
    return searched(
      key,
      async () => {
        const found = await find(store.db, { now, upTo, cursor, limit: batch });
        cursor = found.at(-1) ?? cursor;
        return found;
      },
      (tx, found) =>
        clear(
          tx,
          found.map((row) => row.id),
          now,
        ),
    );
  };

  const kinds: [string, () => Promise<boolean>][] = [
    [
      "sessions",
      () =>
        indexed("sessions", (tx) =>
          pruneSessions(tx, { now, idleSince: now - sessionIdleMs }, batch),
        ),
    ],
    [
      "loginFailures",
      () => indexed("loginFailures", (tx) => pruneLoginFailures(tx, now - keptFor.failures, batch)),
    ],
    [
      "linkFailures",
      () => indexed("linkFailures", (tx) => pruneLinkFailures(tx, now - keptFor.failures, batch)),
    ],
    [
      "processedEvents",
      () =>
        indexed(
          "processedEvents",
          (tx) => pruneProcessedEvents(tx, now - keptFor.processedEvents, limits.eventBatch),
          limits.eventBatch,
        ),
    ],
    ["messageTexts", () => pastPeriod("messageTexts", findExpiredText, clearExpiredText)],
    ["answerWords", () => pastPeriod("answerWords", findExpiredAnswers, clearExpiredAnswers)],
    [
      "sentOutbox",
      () => {
        const before = now - keptFor.sentOutbox;
        return searched(
          "sentOutbox",
          () => findSentOutbox(store.db, before, batch),
          (tx, ids) => deleteSentOutbox(tx, ids, before),
        );
      },
    ],
    [
      "handledOutbox",
      () =>
        indexed("handledOutbox", (tx) =>
          pruneHandledOutbox(tx, now - keptFor.handledOutbox, batch),
        ),
    ],
    [
      "endedRegistrants",
      () =>
        drain(
          async () => {
            const people = await findEndedPastRetention(store.db, now, limits.erasureBatch);
            for (const person of people) {
              await store.write(async (tx) => {
                await eraseRegistrantData(tx, person);
                // the scheduler is the actor: the audit keeps the event, their random id only
                await insertAudit(tx, {
                  centerId: person.centerId,
                  actorStaffId: systemActor,
                  action: "registrant.erase_retention",
                  subjectType: "registrant",
                  subjectId: person.id,
                  at: now,
                  people: [],
                });
              });
              counts.erasedRegistrants += 1;
            }
            return people.length;
          },
          limits.erasureBatch,
          maxBatches,
        ),
    ],
    [
      "escalationWords",
      () =>
        drain(
          async () => {
            const ids = await findEscalationsWithOldWords(store.db, now, limits.escalationBatch);
            const scrubbed = await store.write((tx) => scrubEscalationWords(tx, ids, now));
            counts.evidenceSignals += scrubbed.signals;
            counts.evidenceEvents += scrubbed.events;
            counts.employerWords += scrubbed.reports;
            return ids.length;
          },
          limits.escalationBatch,
          maxBatches,
        ),
    ],
  ];

  let finished = true;
  const failed: string[] = [];
  for (const [kind, run] of kinds) {
    try {
      if (!(await run())) finished = false;
    } catch (error) {
      finished = false;
      failed.push(kind);
      deps.log.error("retention.failed", { kind, ...describeError(error) });
    }
  }
  return { counts, finished, failed };
}

/** 03:00 Tokyo, and how many minutes after it a tick may still start the day's run. */
export const retentionStartMinute = 3 * 60;
export const retentionWindowMinutes = 10;
/** After a failure, the next try. */
export const retentionRetryMs = 15 * 60_000;

export interface LastRun {
  /** The Tokyo date the run started on. */
  day: string;
  finished: boolean;
  /** When an unfinished run goes on. */
  nextAt: number;
}

/** Whether a tick at `now` runs the job, given this process's last run on the same database. */
export function retentionDue(now: number, last: LastRun | undefined): boolean {
  if (last && !last.finished) return now >= last.nextAt;
  const minute = tokyoParts(now).minute;
  const inWindow =
    minute >= retentionStartMinute && minute < retentionStartMinute + retentionWindowMinutes;
  return inWindow && last?.day !== dateKey(now);
}

/** Each store's last run in this process; a store built per request (Workers) starts afresh. */
const lastRuns = new WeakMap<Store, LastRun>();

/** Runs the job when it is due; null when it was not. Logs counts only, never what was removed. */
export async function runRetention(
  deps: RetentionDeps,
  limits: RetentionLimits = defaultLimits,
): Promise<RetentionReport | null> {
  const now = deps.clock();
  if (!retentionDue(now, lastRuns.get(deps.store))) return null;
  const report = await pruneExpired(deps, limits);
  lastRuns.set(deps.store, {
    day: dateKey(now),
    finished: report.finished,
    nextAt: report.failed.length > 0 ? now + retentionRetryMs : now,
  });
  deps.log.info("retention.pruned", {
    ...report.counts,
    finished: report.finished,
    failedKinds: report.failed.length,
  });
  return report;
}
