// Signals become escalations: one open escalation per (registrant, category) absorbs the rest,
// severity only rises, and the acknowledge-by time follows the center's calendar.
import { insertSignal } from "../store/signals";
import type { Queryable, Statement, Tx } from "../store/db";
import {
  findUnresolved,
  insertEscalation,
  insertEscalationEvent,
  raiseSeverity,
  stillUnresolved,
  type UnresolvedEscalation,
} from "../store/escalations";
import type { centers, WeeklyHours } from "../store/schema";
import { findCenter } from "../store/staff";

type CenterRow = typeof centers.$inferSelect;
import { deadlinesFor, defaultCalendar, type CenterCalendar } from "../time/business-time";
import {
  categories,
  higherSeverity,
  severities,
  type Category,
  type Severity,
  type Source,
} from "../vocabulary/categories";

export interface RaisedSignal {
  centerId: string;
  registrantId: string;
  category: Category;
  severity: Severity;
  source: Source;
  evidence: Record<string, unknown>;
}

export interface Raised {
  escalationId: string;
  /** True when this signal opened a new escalation. */
  opened: boolean;
  /** True when the escalation's severity went up (it needs a fresh acknowledgement). */
  raised: boolean;
  severity: Severity;
}

export async function centerCalendar(db: Queryable, centerId: string): Promise<CenterCalendar> {
  return calendarOf(await findCenter(db, centerId));
}

/** A center row's calendar (the default one for a center that is gone). */
export function calendarOf(center: CenterRow | null): CenterCalendar {
  if (!center) return defaultCalendar;
  return {
    opensAt: center.opensAt,
    closesAt: center.closesAt,
    openWeekdays: center.openWeekdays,
    yearEndClosure: center.yearEndClosure,
    ackBusinessHours: center.ackBusinessHours,
    weeklyHours: center.weeklyHours === null ? undefined : weekdayHours(center.weeklyHours),
    closedDays: center.closedDays,
  };
}

/** The stored hours ("0" … "6" keys) as the calendar reads them. */
function weekdayHours(stored: WeeklyHours): Record<number, [number, number] | null> {
  const hours: Record<number, [number, number] | null> = {};
  for (let weekday = 0; weekday < 7; weekday++) hours[weekday] = stored[String(weekday)] ?? null;
  return hours;
}

function summaryOf(signal: RaisedSignal): string {
  const reason = typeof signal.evidence.reason === "string" ? signal.evidence.reason : "";
  return reason === "" ? categories[signal.category] : `${categories[signal.category]}：${reason}`;
}

/** Records a signal and files it under the right escalation, inside the caller's transaction. */
export async function raiseSignal(tx: Tx, signal: RaisedSignal, now: number): Promise<Raised> {
  const existing = await findUnresolved(tx, signal.registrantId, signal.category);
  const calendar = await centerCalendar(tx, signal.centerId);
  const planned = raiseStatements(tx, signal, existing, calendar, now);
  for (const statement of planned.statements) await statement;
  return planned.raised;
}

/**
 * Raising a signal as statements, for one who read the person's unresolved escalation in this
 * category (`existing`, or null) and their center's calendar: one unresolved escalation per
 * person and category absorbs the rest, severity only rises. The statements fail the batch they
 * are in if what was read changed (resolved since, or another opened at once); `escalation` is
 * the unresolved escalation as it will be, for the next signal of the same request.
 */
export function raiseStatements(
  q: Queryable,
  signal: RaisedSignal,
  existing: UnresolvedEscalation | null,
  calendar: CenterCalendar,
  now: number,
): { statements: Statement[]; raised: Raised; escalation: UnresolvedEscalation } {
  if (!existing) {
    const id = crypto.randomUUID();
    const deadlines = deadlinesFor(calendar, signal.severity, now);
    return {
      statements: [
        ...insertEscalation(q, id, { ...signal, summary: summaryOf(signal), ...deadlines, now }),
        insertSignal(q, { ...signal, escalationId: id, now }),
      ],
      raised: { escalationId: id, opened: true, raised: false, severity: signal.severity },
      escalation: {
        id,
        severity: signal.severity,
        severityRank: severities.indexOf(signal.severity),
        status: "open",
        ackDueAt: deadlines.ackDueAt,
        alertedRank: null,
      },
    };
  }
  const current = existing.severity as Severity;
  const severity = higherSeverity(current, signal.severity);
  const raised = severity !== current;
  const deadlines = raised ? deadlinesFor(calendar, severity, now) : null;
  return {
    statements: [
      ...(deadlines
        ? raiseSeverity(q, existing.id, severity, deadlines, now)
        : stillUnresolved(q, existing.id)),
      insertEscalationEvent(q, existing.id, "signal", now, null, {
        ...signal.evidence,
        source: signal.source,
        severity: signal.severity,
        ...(raised ? { raisedFrom: current } : {}),
      }),
      insertSignal(q, { ...signal, escalationId: existing.id, now }),
    ],
    raised: { escalationId: existing.id, opened: false, raised, severity },
    escalation: deadlines
      ? {
          ...existing,
          severity,
          severityRank: severities.indexOf(severity),
          status: "open",
          ackDueAt: deadlines.ackDueAt,
        }
      : existing,
  };
}
