// Times as staff read them: Tokyo wall-clock dates and "3時間前"-style ages.
import { formatMonthDayTime } from "./calendar";

const dateTime = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

const yearOnly = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric" });

const dateWithWeekday = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "long",
  day: "numeric",
  weekday: "short",
});

const minute = 60 * 1000;
const hour = 60 * minute;
const day = 24 * hour;

function ms(time: string | number): number {
  return typeof time === "number" ? time : Date.parse(time);
}

/** "2026/11/20 18:00" in Japan time, whatever the server's zone. */
export function formatDateTime(time: string | number): string {
  return dateTime.format(ms(time));
}

/** "11/20 18:00" when it falls in the current year (Japan time), else with the year. */
export function formatNear(time: string | number, now: number): string {
  const same = yearOnly.format(ms(time)) === yearOnly.format(now);
  return same ? formatMonthDayTime(ms(time)) : dateTime.format(ms(time));
}

/** "2026年12月4日(金)", for a registrant's sheet. */
export function formatDate(time: string | number): string {
  return dateWithWeekday.format(ms(time));
}

/** How long ago, coarsely: the queue needs "is this old?", not the second. */
export function ago(time: string | number, now: number): string {
  const elapsed = Math.max(0, now - ms(time));
  if (elapsed < minute) return "たった今";
  if (elapsed < hour) return `${Math.floor(elapsed / minute)}分前`;
  if (elapsed < day) return `${Math.floor(elapsed / hour)}時間前`;
  return `${Math.floor(elapsed / day)}日前`;
}

/** Machine-readable time for <time datetime>. */
export function isoTime(time: string | number): string {
  return new Date(ms(time)).toISOString();
}

/** Times leave the API as ISO 8601 in UTC: unambiguous for outside programs. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}
