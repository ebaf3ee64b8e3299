// A registrant's support period as staff set it (program, hiring date, start, end) and see it (with
// the days left). The rules, defaults and limits are time/support-period.ts's.
import * as z from "zod";
import { AppError } from "../core/errors";
import type { RegistrantRow } from "../store/registrants";
import { isDateKey } from "../time/dates";
import { daysLeft, resolvePeriod, type SupportPeriod } from "../time/support-period";
import { supportPrograms } from "../vocabulary/kinds";

const date = z
  .string()
  .refine(isDateKey, { message: "must be a real date as YYYY-MM-DD" })
  .nullable()
  .optional();

/** The period's fields of PATCH /api/registrants/:id: a field left out stays, null clears it. */
export const periodFields = {
  program: z.enum(supportPrograms).nullable().optional(),
  hiredOn: date,
  supportStartsOn: date,
  supportEndsOn: date,
};

export const periodKeys = ["program", "hiredOn", "supportStartsOn", "supportEndsOn"] as const;

/** The fields of a change that touch the period; empty when it touches none. */
export function periodChangeOf(change: Partial<SupportPeriod>): Partial<SupportPeriod> {
  return Object.fromEntries(
    periodKeys.flatMap((key) => (change[key] === undefined ? [] : [[key, change[key]]])),
  );
}

/**
 * The period to store after a change, with the 定着支援 defaults filled in; an end before the start,
 * or more than 3 years after it for 定着支援, is refused (400, with a reason for the page).
 */
export function periodAfter(row: RegistrantRow, change: Partial<SupportPeriod>): SupportPeriod {
  const resolved = resolvePeriod(storedPeriod(row), change);
  if (resolved.ok) return resolved.period;
  if (resolved.problem === "period_end_before_start") {
    throw new AppError("bad_request", "supportEndsOn must not be before supportStartsOn", {
      reason: resolved.problem,
    });
  }
  throw new AppError(
    "bad_request",
    `supportEndsOn must be at most 3 years after supportStartsOn for retention support (by ${resolved.latestEnd ?? "?"})`,
    { reason: resolved.problem },
  );
}

function storedPeriod(row: RegistrantRow): SupportPeriod {
  return {
    program: row.program,
    hiredOn: row.hiredOn,
    supportStartsOn: row.supportStartsOn,
    supportEndsOn: row.supportEndsOn,
  };
}

/** What the registrant page and the API show of the period: the dates and the days left. */
export function periodOf(row: RegistrantRow, now: number) {
  return { ...storedPeriod(row), daysLeft: daysLeft(row.supportEndsOn, now) };
}

export type PeriodView = ReturnType<typeof periodOf>;
