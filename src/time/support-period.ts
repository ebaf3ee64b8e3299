// The support period: its rules as data, the defaults and limits of a change, the days left, and
// which alert before the end is due.
import type { SupportProgram } from "../vocabulary/kinds";
import { dateKey } from "./business-time";
import { addDays, addMonths, daysBetween } from "./dates";

/**
 * 就労定着支援 starts after 6 months in the job and lasts at most 3 years (報酬告示; 留意事項通知
 * 障発第1031001号 as revised 2024-03-29: ../shared/CASE-RULES.md). Staff hear of the end 6 and 3
 * months ahead: since 2024 what the next agency needs is shared, with consent, at least 3 months
 * before the end (Q&A 2024-03-29 問59). A center's own support has no limit. Read from third-party
 * copies of the texts: a rule change is a new version here, not a silent edit.
 */
export const supportPeriodRules = {
  version: "2024-04",
  retention: { startsAfterMonths: 6, lastsAtMostMonths: 36 },
  alertMonthsBeforeEnd: [6, 3],
  /** The handover is shared with the next agency at least this long before the end (問59). */
  handoverMonthsBeforeEnd: 3,
} as const;

export interface SupportPeriod {
  program: SupportProgram | null;
  /** Tokyo dates, "YYYY-MM-DD". */
  hiredOn: string | null;
  supportStartsOn: string | null;
  supportEndsOn: string | null;
}

export type PeriodProblem = "period_end_before_start" | "period_too_long";

export type ResolvedPeriod =
  { ok: true; period: SupportPeriod } | { ok: false; problem: PeriodProblem; latestEnd?: string };

/** The last day 定着支援 that starts on `start` may run. */
export function latestRetentionEnd(start: string): string {
  return addDays(addMonths(start, supportPeriodRules.retention.lastsAtMostMonths), -1);
}

/**
 * The period after a change (a field left out keeps its value, null clears it). For 定着支援 an
 * empty start is the hiring date + 6 months and an empty end the start + 3 years − 1 day; the end
 * may not come before the start, nor, for 定着支援, more than 3 years after it.
 */
export function resolvePeriod(
  stored: SupportPeriod,
  change: Partial<SupportPeriod>,
): ResolvedPeriod {
  const period: SupportPeriod = {
    program: change.program === undefined ? stored.program : change.program,
    hiredOn: change.hiredOn === undefined ? stored.hiredOn : change.hiredOn,
    supportStartsOn:
      change.supportStartsOn === undefined ? stored.supportStartsOn : change.supportStartsOn,
    supportEndsOn: change.supportEndsOn === undefined ? stored.supportEndsOn : change.supportEndsOn,
  };
  const retention = period.program === "retention";
  if (retention && period.supportStartsOn === null && period.hiredOn !== null) {
    period.supportStartsOn = addMonths(
      period.hiredOn,
      supportPeriodRules.retention.startsAfterMonths,
    );
  }
  if (retention && period.supportEndsOn === null && period.supportStartsOn !== null) {
    period.supportEndsOn = latestRetentionEnd(period.supportStartsOn);
  }
  const { supportStartsOn: start, supportEndsOn: end } = period;
  if (start !== null && end !== null) {
    if (end < start) return { ok: false, problem: "period_end_before_start" };
    const latestEnd = latestRetentionEnd(start);
    if (retention && end > latestEnd) return { ok: false, problem: "period_too_long", latestEnd };
  }
  return { ok: true, period };
}

/** Whole Tokyo days from today to the last day of support (0 on it, negative after); null without one. */
export function daysLeft(endsOn: string | null, now: number): number | null {
  return endsOn === null ? null : daysBetween(dateKey(now), endsOn);
}

/**
 * The latest alert before the end that is due today ("6m" from 6 months before, "3m" from 3), or
 * null before the first and after the end. One missed sweep does not skip an alert: it is due
 * until the next one is.
 */
export function periodAlertDue(
  endsOn: string,
  now: number,
): { key: string; months: number } | null {
  const today = dateKey(now);
  if (today > endsOn) return null;
  const nearestFirst = [...supportPeriodRules.alertMonthsBeforeEnd].sort((a, b) => a - b);
  for (const months of nearestFirst) {
    if (today >= addMonths(endsOn, -months)) return { key: `${months}m`, months };
  }
  return null;
}

/** How far ahead the alerts look, in days: the earliest alert's months, and a few days more. */
export const periodAlertHorizonDays = Math.max(...supportPeriodRules.alertMonthsBeforeEnd) * 31 + 1;
