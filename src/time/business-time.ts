// Acknowledge-by times on a center's calendar: opening hours, closed weekdays, Japanese public
// holidays (@holiday-jp/holiday_jp) and the year-end closure, all in Japan time.
import holidayJp from "@holiday-jp/holiday_jp";
import { tokyoMidnight, tokyoParts } from "./calendar";
import type { Severity } from "../vocabulary/categories";

export interface CenterCalendar {
  /** Minutes after Tokyo midnight. */
  opensAt: number;
  closesAt: number;
  /** 0 Sunday … 6 Saturday. */
  openWeekdays: number[];
  /** Closed from 12/29 to 1/3, as most centers are. */
  yearEndClosure: boolean;
  /**
   * Hours per weekday (0 Sunday … 6), [opens, closes] in minutes, null when closed; when given,
   * it decides instead of opensAt, closesAt and openWeekdays.
   */
  weeklyHours?: Partial<Record<number, readonly [number, number] | null>> | undefined;
  /** Extra closed days, Tokyo dates ("2026-08-13"). */
  closedDays?: readonly string[] | undefined;
  /** Business hours allowed before an acknowledgement, by severity (urgent is always 0). */
  ackBusinessHours: Record<Exclude<Severity, "urgent">, number>;
}

export const defaultCalendar: CenterCalendar = {
  opensAt: 9 * 60,
  closesAt: 17 * 60 + 30,
  openWeekdays: [1, 2, 3, 4, 5],
  yearEndClosure: true,
  // high: 2 business hours; normal: 1 business day; low: 3 business days (of 8.5 hours)
  ackBusinessHours: { high: 2, normal: 8.5, low: 25.5 },
};

const dayMs = 24 * 60 * 60 * 1000;

/** The Tokyo date of `ms`, as "2026-11-24". */
export function dateKey(ms: number): string {
  const { year, month, day } = tokyoParts(ms);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The opening hours on a weekday, [opens, closes] in minutes, or null when closed that weekday. */
export function hoursOnWeekday(
  calendar: CenterCalendar,
  weekday: number,
): readonly [number, number] | null {
  if (calendar.weeklyHours) return calendar.weeklyHours[weekday] ?? null;
  return calendar.openWeekdays.includes(weekday) ? [calendar.opensAt, calendar.closesAt] : null;
}

/** The opening hours on the Tokyo day containing `ms`, or null when the center is closed then. */
export function hoursOn(calendar: CenterCalendar, ms: number): readonly [number, number] | null {
  const { month, day, weekday } = tokyoParts(ms);
  const hours = hoursOnWeekday(calendar, weekday);
  if (hours === null) return null;
  if (calendar.yearEndClosure && ((month === 12 && day >= 29) || (month === 1 && day <= 3))) {
    return null;
  }
  const date = dateKey(ms);
  if (calendar.closedDays?.includes(date)) return null;
  return holidayJp.isHoliday(date) ? null : hours;
}

/** Whether the center opens at all on the Tokyo day containing `ms`. */
export function isOpenDay(calendar: CenterCalendar, ms: number): boolean {
  return hoursOn(calendar, ms) !== null;
}

/** Whether the center is open at the instant `ms`. */
export function isOpenAt(calendar: CenterCalendar, ms: number): boolean {
  const hours = hoursOn(calendar, ms);
  if (hours === null) return false;
  const { minute } = tokyoParts(ms);
  return minute >= hours[0] && minute < hours[1];
}

/** When the center is next open: `ms` itself while it is open; null if it never opens. */
export function nextOpening(calendar: CenterCalendar, ms: number): number | null {
  try {
    return addBusinessMinutes(calendar, ms, 0);
  } catch {
    return null;
  }
}

/** `from` plus `minutes` of opening time, skipping nights, closed days, holidays, year end. */
export function addBusinessMinutes(
  calendar: CenterCalendar,
  from: number,
  minutes: number,
): number {
  let left = minutes;
  let cursor = from;
  // a year of closed days at most: a calendar with no open day must not loop for ever
  for (let days = 0; days < 400; days++) {
    const midnight = tokyoMidnight(cursor);
    const hours = hoursOn(calendar, cursor);
    if (hours !== null) {
      const start = Math.max(cursor, midnight + hours[0] * 60_000);
      const end = midnight + hours[1] * 60_000;
      if (start < end) {
        const available = (end - start) / 60_000;
        if (left <= available) return start + left * 60_000;
        left -= available;
      }
    }
    cursor = midnight + dayMs;
  }
  throw new Error("the center calendar has no opening hours");
}

/** When an escalation of this severity, opened at `now`, must be acknowledged. */
export function ackDeadline(calendar: CenterCalendar, severity: Severity, now: number): number {
  if (severity === "urgent") return now;
  return addBusinessMinutes(calendar, now, calendar.ackBusinessHours[severity] * 60);
}

/** Urgent escalations are due at once; staff have this long before the supervisors are told. */
export const urgentGraceMs = 15 * 60_000;
/** An unacknowledged urgent escalation goes up a level this often, day or night. */
export const urgentRepeatMs = 30 * 60_000;

/** The deadlines of an escalation opened (or raised to this severity) at `now`. */
export function deadlinesFor(calendar: CenterCalendar, severity: Severity, now: number) {
  const ackDueAt = ackDeadline(calendar, severity, now);
  return { ackDueAt, reescalateAt: severity === "urgent" ? now + urgentGraceMs : ackDueAt };
}

/**
 * When an escalation raised a level at `now` is raised again if still nobody acknowledges it:
 * urgent every half hour at any time; the others after another full allowance of business time.
 */
export function nextReescalation(calendar: CenterCalendar, severity: Severity, now: number) {
  return severity === "urgent" ? now + urgentRepeatMs : ackDeadline(calendar, severity, now);
}

/** What a reply may say about the center: its phone, and whether and when it is open. */
export interface CenterNow {
  phone: string | null;
  openNow: boolean;
  /** The next opening (ms), when it is closed now; null when it never opens. */
  nextOpenAt: number | null;
  /** The opening hours in plain words for registrants (「げつ〜きん 9:00〜17:30」). */
  hours?: string | undefined;
}
