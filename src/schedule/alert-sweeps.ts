// The alert sweeps of each scheduler tick: re-escalate what nobody acknowledged in time, send
// alerts that had to wait (high ones outside opening hours), each open day's digest, and the alerts
// that a support period ends in 6 or 3 months.
import type { Clock } from "../core/clock";
import {
  alertEscalation,
  alertOverdue,
  alertPeriodEnd,
  alertWords,
  digestDue,
  periodAlertKey,
  pushAlert,
} from "../escalation/staff-alerts";
import { dateKey, isOpenAt, nextReescalation } from "../time/business-time";
import type { Severity } from "../vocabulary/categories";
import { calendarOf, centerCalendar } from "../escalation/engine";
import { describeError, type Logger } from "../core/log";
import {
  alertedKeys,
  digestOf,
  hasAlert,
  linkedStaff,
  listCenters,
} from "../store/staff-alert-ledger";
import { findRegistrantById, periodsEnding } from "../store/registrants";
import { findHandover } from "../store/handovers";
import { addDays } from "../time/dates";
import { periodAlertDue, periodAlertHorizonDays, supportPeriodRules } from "../time/support-period";
import type { Store } from "../store/db";
import { countUndelivered } from "../store/outbox";
import {
  awaitingAlert,
  dueForReescalation,
  insertEscalationEvent,
  raiseLevel,
} from "../store/escalations";

export interface AlertSweepDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  baseUrl: string;
}

/** How many escalations one tick handles per sweep; the next tick takes the rest. */
const batch = 100;
/** From this many months before the end a period alert names a missing handover. */
const handoverMonths = supportPeriodRules.handoverMonthsBeforeEnd;
/** Names listed in a digest; the rest are counted. */
const digestNames = 5;

export interface AlertSweepReport {
  reescalated: number;
  alerted: number;
  digests: number;
  periods: number;
}

export async function runAlertSweeps(deps: AlertSweepDeps): Promise<AlertSweepReport> {
  const report: AlertSweepReport = { reescalated: 0, alerted: 0, digests: 0, periods: 0 };
  // each sweep on its own: a failure in one must not keep the others from running
  const sweeps: [keyof AlertSweepReport, () => Promise<number>][] = [
    ["reescalated", () => reescalateOverdue(deps)],
    ["alerted", () => sendAwaitingAlerts(deps)],
    ["digests", () => sendDigests(deps)],
    ["periods", () => sendPeriodAlerts(deps)],
  ];
  for (const [name, sweep] of sweeps) {
    try {
      report[name] = await sweep();
    } catch (error) {
      deps.log.error("alerts.sweep_failed", { sweep: name, ...describeError(error) });
    }
  }
  return report;
}

/**
 * Every open escalation past its re-escalation time goes up a level: a timeline entry, a LINE
 * message to the center's supervisors, and the next time it happens if still nobody acknowledges.
 */
export async function reescalateOverdue(deps: AlertSweepDeps): Promise<number> {
  const now = deps.clock();
  const due = await dueForReescalation(deps.store.db, now, batch);
  let raised = 0;
  for (const escalation of due) {
    const done = await deps.store.write(async (tx) => {
      const calendar = await centerCalendar(tx, escalation.centerId);
      const next = nextReescalation(calendar, escalation.severity as Severity, now);
      const level = await raiseLevel(tx, escalation.id, escalation.level, next, now);
      // acknowledged, or raised by a concurrent sweep, since it was read
      if (level === null) return false;
      await insertEscalationEvent(tx, escalation.id, "reescalated", now, null, {
        level,
        overdueSince: escalation.ackDueAt,
      });
      await alertOverdue(tx, escalation, level, { baseUrl: deps.baseUrl, log: deps.log }, now);
      return true;
    });
    if (done) raised++;
  }
  return raised;
}

/** Urgent and high escalations whose alert has not gone out yet (high ones wait for opening). */
export async function sendAwaitingAlerts(deps: AlertSweepDeps): Promise<number> {
  const now = deps.clock();
  const waiting = await awaitingAlert(deps.store.db, batch);
  const open = new Map<string, boolean>();
  let sent = 0;
  for (const escalation of waiting) {
    // a high one at a closed center waits without a write (alertEscalation checks again inside)
    if (escalation.severity === "high") {
      const isOpen =
        open.get(escalation.centerId) ??
        isOpenAt(await centerCalendar(deps.store.db, escalation.centerId), now);
      open.set(escalation.centerId, isOpen);
      if (!isOpen) continue;
    }
    const rows = await deps.store.write((tx) =>
      alertEscalation(tx, escalation, { baseUrl: deps.baseUrl, log: deps.log }, now),
    );
    sent += rows.length;
  }
  return sent;
}

/**
 * Each open day from opening time, every linked staff member who wants it gets one message: how
 * many escalations wait for an acknowledgement, by severity, and the first few names. A day with
 * nothing waiting is marked done without a message.
 */
export async function sendDigests(deps: AlertSweepDeps): Promise<number> {
  const now = deps.clock();
  let sent = 0;
  for (const center of await listCenters(deps.store.db)) {
    if (!digestDue(calendarOf(center), now)) continue;
    const dedupKey = `digest:${dateKey(now)}`;
    const recipients = [];
    for (const recipient of await linkedStaff(deps.store.db, center.id)) {
      if (recipient.alertDigest && !(await hasAlert(deps.store.db, recipient.id, dedupKey))) {
        recipients.push(recipient);
      }
    }
    if (recipients.length === 0) continue;
    const undelivered = recipients.some((recipient) => recipient.role === "supervisor")
      ? await countUndelivered(deps.store.db, center.id)
      : 0;
    const url = `${deps.baseUrl}/dashboard`;
    for (const recipient of recipients) {
      const row = await deps.store.write(async (tx) => {
        // the names are read in the write that sends them: a person erased meanwhile is not named
        const digest = await digestOf(tx, center.id, digestNames);
        const total = Object.values(digest.counts).reduce((sum, n) => sum + n, 0);
        // supervisors also hear of undelivered messages; a day with nothing to tell sends nothing
        const failed = recipient.role === "supervisor" ? undelivered : 0;
        const names = digest.first.map((entry) => entry.registrantName);
        const message =
          total === 0 && failed === 0 ? null : alertWords.digest(digest.counts, names, url, failed);
        return pushAlert(
          tx,
          recipient,
          message,
          {
            escalationId: null,
            kind: "digest",
            dedupKey,
            about: digest.first.map((entry) => entry.registrantId),
          },
          { baseUrl: deps.baseUrl, log: deps.log },
          now,
        );
      });
      if (row) sent++;
    }
  }
  return sent;
}

/**
 * Support periods that end in 6 or in 3 months: the primary case worker and the center's
 * supervisors hear of it on LINE (those who take the daily digest: it is planning, not an
 * emergency, so it also waits for opening hours), once per alert and end date. Only people still
 * supported (active or paused) with an end date are looked at; never an employer.
 */
export async function sendPeriodAlerts(deps: AlertSweepDeps): Promise<number> {
  const now = deps.clock();
  const today = dateKey(now);
  const options = { baseUrl: deps.baseUrl, log: deps.log };
  let sent = 0;
  let writes = 0;
  for (const center of await listCenters(deps.store.db)) {
    if (!isOpenAt(calendarOf(center), now)) continue;
    const staff = (await linkedStaff(deps.store.db, center.id)).filter((r) => r.alertDigest);
    if (staff.length === 0) continue;
    const ending = await periodsEnding(
      deps.store.db,
      center.id,
      today,
      addDays(today, periodAlertHorizonDays),
    );
    const due = ending.flatMap((row) => {
      const endsOn = row.supportEndsOn;
      const alert = endsOn === null ? null : periodAlertDue(endsOn, now);
      if (endsOn === null || alert === null) return [];
      const key = periodAlertKey(row.id, alert.key, endsOn);
      return [{ ...row, supportEndsOn: endsOn, alert, key }];
    });
    if (due.length === 0) continue;
    // what each staff member already had: a sweep with nothing new to say writes nothing
    const had = new Map<string, Set<string>>();
    for (const member of staff) {
      const keys = due
        .filter((item) => isRecipient(member, item.caseworkerId))
        .map((item) => item.key);
      had.set(member.id, await alertedKeys(deps.store.db, member.id, keys));
    }
    for (const item of due) {
      const waiting = staff.filter((member) => !had.get(member.id)?.has(item.key));
      if (!waiting.some((member) => isRecipient(member, item.caseworkerId))) continue;
      // the next tick takes the rest
      if (writes++ >= batch) return sent;
      const rows = await deps.store.write(async (tx) => {
        // read again in the write that sends: a person ended, erased or given another end date
        // meanwhile is not named, and a new primary worker is the one told
        const current = await findRegistrantById(tx, item.id);
        if (
          !current ||
          current.status === "ended" ||
          current.supportEndsOn !== item.supportEndsOn
        ) {
          return [];
        }
        const recipients = waiting.filter((member) => isRecipient(member, current.caseworkerId));
        // from 3 months before the end (the handover rule's mark), no handover on record is said
        const handover = await findHandover(tx, current.id);
        const registrant = {
          id: current.id,
          displayName: current.displayName,
          supportEndsOn: item.supportEndsOn,
          handoverMissing:
            item.alert.months <= handoverMonths &&
            handover?.needed !== false &&
            handover?.packetGivenAt == null,
        };
        return alertPeriodEnd(tx, registrant, item.alert, recipients, options, now);
      });
      sent += rows.length;
    }
  }
  return sent;
}

/** Who hears that a support period ends: the person's primary case worker and every supervisor. */
function isRecipient(member: { id: string; role: string }, caseworkerId: string | null): boolean {
  return member.role === "supervisor" || member.id === caseworkerId;
}
