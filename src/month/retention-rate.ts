// 就労定着率 and the fee band it falls in: of everyone who used 就労定着支援 in the three fiscal
// years before this one, the share still in work on the last day of the previous fiscal year
// (CASE-RULES.md). Read from what Tsunagi holds, so an estimate; the bands are rows of fee_bands.
import { dateKey } from "../time/business-time";
import { addMonths } from "../time/dates";
import { latestRetentionEnd } from "../time/support-period";
import type { EndReason, SupportProgram } from "../vocabulary/kinds";

/** The year 就労定着支援 began (April 2018): no fiscal year before it has a rate. */
export const firstFiscalYear = 2018;

/** The fiscal year (April to March) a Tokyo date "YYYY-MM-DD" falls in: 2027-03-31 → 2026. */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/**
 * What fiscal year `fy` (from April `fy`) is judged on: the users of the three fiscal years before
 * it (April fy−3 … March 31 fy), in work or not on that last day.
 */
export function retentionWindow(fy: number) {
  const to = `${String(fy)}-03-31`;
  return { from: `${String(fy - 3)}-04-01`, to, asOf: to };
}

/** One registrant as the rate needs them. */
export interface RetentionPerson {
  id: string;
  displayName: string;
  program: SupportProgram | null;
  /** Tokyo dates "YYYY-MM-DD". */
  hiredOn: string | null;
  supportStartsOn: string | null;
  supportEndsOn: string | null;
  /** When the registrant was created (ms): their start when neither start nor hiring is known. */
  createdAt: number;
  /** When support ended (ms) and why; null while it goes on. */
  endedAt: number | null;
  endedReason: EndReason | null;
  /** The last day of each job on record (one per employments row), null while it goes on. */
  jobsEndedOn: (string | null)[];
}

/** One row of fee_bands. */
export interface FeeBand {
  program: SupportProgram;
  /** The fiscal year's first month it applies from ("2024-04"). */
  effectiveFrom: string;
  /** The band runs from this percentage (inclusive) up to the next band's. */
  minPercent: number;
  units: number;
  source: string;
}

/**
 * Why a person is or is not counted, and in work or not:
 * - counted, in work: `retained`;
 * - counted, not in work: `hired_after_year_end`, `left_job` (support ended for leaving the job
 *   by the year's end), `jobs_ended` (every job on record ended by then);
 * - not counted: `no_hire_date` (cannot be judged), `not_in_window` (their support did not overlap
 *   the three years), `not_retention` (another program).
 */
export type RetentionReason =
  | "retained"
  | "hired_after_year_end"
  | "left_job"
  | "jobs_ended"
  | "no_hire_date"
  | "not_in_window"
  | "not_retention";

export interface RetentionReading {
  registrantId: string;
  displayName: string;
  /** In the denominator. */
  included: boolean;
  /** In the numerator. */
  retained: boolean;
  reason: RetentionReason;
  /** The date behind the reason (hiring, the job's or support's end), when there is one. */
  on: string | null;
  hiredOn: string | null;
  /** The support period as read, after the fallbacks (null for another program). */
  supportFrom: string | null;
  supportTo: string | null;
}

/**
 * The support period as the rate reads it. Start: the recorded start, else 6 months after hiring
 * (the rule's start), else the day they were registered. End: the recorded end, else 3 years less
 * a day after the start (the rule's longest), and never after the day support ended.
 */
export function periodAsRead(person: RetentionPerson): { from: string; to: string } {
  const from =
    person.supportStartsOn ??
    (person.hiredOn === null ? dateKey(person.createdAt) : addMonths(person.hiredOn, 6));
  const recordedTo = person.supportEndsOn ?? latestRetentionEnd(from);
  const endedOn = person.endedAt === null ? null : dateKey(person.endedAt);
  const to = endedOn !== null && endedOn < recordedTo ? endedOn : recordedTo;
  return { from, to };
}

/** One person read against fiscal year `fy`. */
export function readPerson(person: RetentionPerson, fy: number): RetentionReading {
  const window = retentionWindow(fy);
  const base = {
    registrantId: person.id,
    displayName: person.displayName,
    hiredOn: person.hiredOn,
  };
  const out = (included: boolean, retained: boolean, reason: RetentionReason, on: string | null) =>
    ({ included, retained, reason, on }) as const;
  if (person.program !== "retention") {
    return {
      ...base,
      ...out(false, false, "not_retention", null),
      supportFrom: null,
      supportTo: null,
    };
  }
  const period = periodAsRead(person);
  const withPeriod = { ...base, supportFrom: period.from, supportTo: period.to };
  // a period that ends before it starts (support ended before it began) was never used
  const used = period.from <= period.to && period.from <= window.to && period.to >= window.from;
  if (!used) return { ...withPeriod, ...out(false, false, "not_in_window", null) };
  if (person.hiredOn === null) return { ...withPeriod, ...out(false, false, "no_hire_date", null) };
  const asOf = window.asOf;
  if (person.hiredOn > asOf) {
    return { ...withPeriod, ...out(true, false, "hired_after_year_end", person.hiredOn) };
  }
  const endedOn = person.endedAt === null ? null : dateKey(person.endedAt);
  if (person.endedReason === "left_job" && endedOn !== null && endedOn <= asOf) {
    return { ...withPeriod, ...out(true, false, "left_job", endedOn) };
  }
  // no job on record says nothing about an end; one still open means still in work
  const ends = person.jobsEndedOn;
  if (ends.length > 0 && ends.every((end) => end !== null && end <= asOf)) {
    const last = ends.reduce<string>(
      (latest, end) => (end !== null && end > latest ? end : latest),
      "",
    );
    return { ...withPeriod, ...out(true, false, "jobs_ended", last) };
  }
  return { ...withPeriod, ...out(true, true, "retained", person.hiredOn) };
}

/**
 * The rate in percent with one decimal, cut down, never rounded up: 94.96 % reads 94.9 %, so the
 * figure shown never looks like a band it does not reach. Null without users (no rate, not 0 %).
 */
export function ratePercent(retained: number, users: number): number | null {
  if (users === 0) return null;
  const tenths = retained * 1000;
  return (tenths - (tenths % users)) / users / 10;
}

/**
 * The bands in force in fiscal year `fy`: the rows of the latest version that took effect on or
 * before its April, highest first. Empty when no version applies yet.
 */
export function bandsInForce(bands: FeeBand[], fy: number): FeeBand[] {
  const april = `${String(fy)}-04`;
  const applicable = bands.filter(
    (band) => band.program === "retention" && band.effectiveFrom <= april,
  );
  const latest = applicable.reduce<string>(
    (max, band) => (band.effectiveFrom > max ? band.effectiveFrom : max),
    "",
  );
  return applicable
    .filter((band) => band.effectiveFrom === latest)
    .sort((a, b) => b.minPercent - a.minPercent);
}

/**
 * The band `retained` of `users` falls in, compared exactly (minPercent × users ≤ retained × 100,
 * in integers): 95 % is in the ≥ 95 band, 94.99 % is not. Null without users or without bands.
 */
export function bandFor(inForce: FeeBand[], retained: number, users: number): FeeBand | null {
  if (users === 0) return null;
  return inForce.find((band) => band.minPercent * users <= retained * 100) ?? null;
}

/** Fiscal year `fy`'s rate and band, with everyone read and why. */
export function readRetentionRate(people: RetentionPerson[], bands: FeeBand[], fy: number) {
  const readings = people.map((person) => readPerson(person, fy));
  const users = readings.filter((reading) => reading.included).length;
  const retained = readings.filter((reading) => reading.retained).length;
  const inForce = bandsInForce(bands, fy);
  const window = retentionWindow(fy);
  return {
    fiscalYear: fy,
    window: { from: window.from, to: window.to },
    asOf: window.asOf,
    users,
    retained,
    /** Counted neither way: no hiring date to judge by. */
    undetermined: readings.filter((reading) => reading.reason === "no_hire_date").length,
    rate: ratePercent(retained, users),
    band: bandFor(inForce, retained, users),
    bands: inForce,
    people: readings,
  };
}

export type RetentionRate = ReturnType<typeof readRetentionRate>;
