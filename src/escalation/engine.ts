// Signals become escalations: one open escalation per (registrant, category) absorbs the rest,
// severity only rises, and the acknowledge-by time follows the center's calendar.
import { linkSignal, insertSignal } from "../store/signals";
import type { Queryable, Tx } from "../store/db";
import {
  findUnresolved,
  insertEscalation,
  insertEscalationEvent,
  raiseSeverity,
} from "../store/escalations";
import type { centers, WeeklyHours } from "../store/schema";
import { findCenter } from "../store/staff";

type CenterRow = typeof centers.$inferSelect;
import { deadlinesFor, defaultCalendar, type CenterCalendar } from "../time/business-time";
import {
  categories,
  higherSeverity,
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
  const signalId = await insertSignal(tx, { ...signal, now });
  const existing = await findUnresolved(tx, signal.registrantId, signal.category);
  if (!existing) {
    const calendar = await centerCalendar(tx, signal.centerId);
    const escalation = await insertEscalation(tx, {
      ...signal,
      summary: summaryOf(signal),
      ...deadlinesFor(calendar, signal.severity, now),
      now,
    });
    await linkSignal(tx, signalId, escalation.id);
    return { escalationId: escalation.id, opened: true, raised: false, severity: signal.severity };
  }
  const current = existing.severity as Severity;
  const severity = higherSeverity(current, signal.severity);
  const raised = severity !== current;
  if (raised) {
    const calendar = await centerCalendar(tx, signal.centerId);
    await raiseSeverity(tx, existing.id, severity, deadlinesFor(calendar, severity, now), now);
  }
  await insertEscalationEvent(tx, existing.id, "signal", now, null, {
    ...signal.evidence,
    source: signal.source,
    severity: signal.severity,
    ...(raised ? { raisedFrom: current } : {}),
  });
  await linkSignal(tx, signalId, existing.id);
  return { escalationId: existing.id, opened: false, raised, severity };
}
