// Calendar dates as staff type them ("2027-03-31", Tokyo): checking, counting months as the Civil
// Code does, and days between two dates.
const dayMs = 24 * 60 * 60 * 1000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Years a date of a working life can fall in (and JavaScript's Date counts plainly). */
const firstYear = 1900;
const lastYear = 2999;

/** Whether `value` is a date that exists, written "YYYY-MM-DD" ("2027-02-30" is not). */
export function isDateKey(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < firstYear || year > lastYear || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function partsOf(date: string): [number, number, number] {
  const [year = 0, month = 0, day = 0] = date.split("-").map(Number);
  return [year, month, day];
}

function keyOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of a date that passed isDateKey. */
function dayNumber(date: string): number {
  const [year, month, day] = partsOf(date);
  return Date.UTC(year, month - 1, day) / dayMs;
}

function fromDayNumber(days: number): string {
  const date = new Date(days * dayMs);
  return keyOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * The same day `months` later (or earlier); when that month has no such day, the 1st of the month
 * after. So counted, a period of months from `date` ends the day before (民法143条: without such a
 * day the month's end closes it): hired 2024-04-01 → 2024-10-01; hired 2024-08-31 → 2025-03-01.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const [toYear, toMonth] = [Math.floor(index / 12), (index % 12) + 1];
  if (day <= daysInMonth(toYear, toMonth)) return keyOf(toYear, toMonth, day);
  return toMonth === 12 ? keyOf(toYear + 1, 1, 1) : keyOf(toYear, toMonth + 1, 1);
}

/** Whole days from `from` to `to`: 0 on the same day, negative when `to` has passed. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
