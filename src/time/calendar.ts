// Japan time without a library: Japan keeps no daylight saving, so Tokyo is always UTC+9.
const offsetMs = 9 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;
const weekMs = 7 * dayMs;

export interface TokyoParts {
  year: number;
  month: number;
  day: number;
  /** 0 Sunday … 6 Saturday */
  weekday: number;
  /** minutes since Tokyo midnight */
  minute: number;
}

export function tokyoParts(ms: number): TokyoParts {
  const shifted = new Date(ms + offsetMs);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** Tokyo midnight at the start of the day containing `ms`, as UTC ms. */
export function tokyoMidnight(ms: number): number {
  return Math.floor((ms + offsetMs) / dayMs) * dayMs - offsetMs;
}

/** The first moment strictly after `after` that is `weekday` at `minute`, Tokyo time. */
export function nextWeeklySlot(after: number, weekday: number, minute: number): number {
  const midnight = tokyoMidnight(after);
  const daysAhead = (weekday - tokyoParts(after).weekday + 7) % 7;
  let slot = midnight + daysAhead * dayMs + minute * 60_000;
  if (slot <= after) slot += weekMs;
  return slot;
}

/** ISO 8601 week of the Tokyo date containing `ms`, e.g. "2026-W47". */
export function weekKey(ms: number): string {
  const { year, month, day } = tokyoParts(ms);
  const date = new Date(Date.UTC(year, month - 1, day));
  // ISO weeks belong to the year of their Thursday
  const isoWeekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  date.setUTCDate(date.getUTCDate() + 4 - isoWeekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / dayMs + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export const weekdayNames = ["日", "月", "火", "水", "木", "金", "土"] as const;

/** "18:00" from minutes after midnight. */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** The Japan-time month of `ms` ("2026-11"): the push budget counts by it. */
export function monthKey(ms: number): string {
  const { year, month } = tokyoParts(ms);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * The instants a Japan-time month ("2026-11") spans: from its first midnight (inclusive) to the
 * next month's (exclusive). Null for anything that is not a month from 2000 to 2099.
 */
export function monthSpan(month: string): { from: number; to: number } | null {
  const match = /^(20\d\d)-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    from: Date.UTC(year, index, 1) - offsetMs,
    to: Date.UTC(year, index + 1, 1) - offsetMs,
  };
}

const tokyo = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", ...options });

const monthDayTime = tokyo({
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const monthDayWeekdayTime = tokyo({
  month: "numeric",
  day: "numeric",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
});
const monthDay = tokyo({ month: "numeric", day: "numeric" });

/** "11/25 11:00" in Japan time, whatever the server's zone. */
export function formatMonthDayTime(ms: number): string {
  return monthDayTime.format(ms);
}

/** "11/25(水) 11:00" in Japan time: a deadline someone outside the center reads. */
export function formatMonthDayWeekdayTime(ms: number): string {
  return monthDayWeekdayTime.format(ms);
}

/** "11/24" in Japan time. */
export function formatMonthDay(ms: number): string {
  return monthDay.format(ms);
}

/** "HH:MM", 00:00 to 23:59: a preferred check-in time, Japan time. */
export const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a time that matched timePattern. */
export function minuteOfTime(time: string): number {
  const [hours = "0", minutes = "0"] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}
