// The center's own settings: name, phone, opening hours per weekday, closed days, the year-end
// closure, reply templates, how long words are kept, the caseload guide and the handover policy
// with its responsible person. Read by every staff member; changed by supervisors, audited.
import * as z from "zod";
import { AppError } from "../core/errors";
import { formatMinute } from "../time/calendar";
import type { WeeklyHours } from "../store/schema";
import { findCenter, updateCenter } from "../store/staff";
import type { CenterScope } from "./scope";
import { minuteOfTime, timePattern } from "../time/calendar";

/** The week as the API names it, Sunday first as the calendar counts. */
export const weekdayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

const time = z.string().regex(timePattern, { message: "must be a time of day as HH:MM" });
const day = z
  .object({ opens: time, closes: time })
  .refine((hours) => minuteOfTime(hours.opens) < minuteOfTime(hours.closes), {
    message: "must close after it opens",
  });

const isDate = (value: string) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
};

/**
 * Days a person's message text is kept (and the words quoted on resolved escalations): a month at
 * least, so a conversation staff are following never loses its words; ten years at most.
 */
export const retentionDaysRange = { min: 30, max: 3650 } as const;
export const caseloadLimitRange = { min: 1, max: 200 } as const;
const caseloadProblem = `must be a whole number of people from ${caseloadLimitRange.min} to ${caseloadLimitRange.max}`;
const retentionProblem = `must be a whole number of days from ${retentionDaysRange.min} to ${retentionDaysRange.max}`;

export const handoverPolicyMax = 4000;
export const handoverResponsibleMax = 100;

export const centerSettingsSchema = z.object({
  name: z.string().trim().min(1, { message: "is required" }).max(100),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+()\- ]{0,20}$/, { message: "must be a phone number (digits and hyphens)" })
    .nullable(),
  hours: z.object(
    Object.fromEntries(weekdayKeys.map((key) => [key, day.nullable()])) as Record<
      WeekdayKey,
      z.ZodNullable<typeof day>
    >,
  ),
  closedDays: z
    .array(z.string().refine(isDate, { message: "must be dates as YYYY-MM-DD" }))
    .max(366),
  yearEndClosure: z.boolean(),
  replyTemplates: z.array(z.string().trim().min(1).max(500)).max(20),
  notifyAcknowledged: z.boolean().optional(),
  retentionDays: z
    .number({ message: retentionProblem })
    .int({ message: retentionProblem })
    .min(retentionDaysRange.min, { message: retentionProblem })
    .max(retentionDaysRange.max, { message: retentionProblem })
    .optional(),
  caseloadLimit: z
    .number({ message: caseloadProblem })
    .int({ message: caseloadProblem })
    .min(caseloadLimitRange.min, { message: caseloadProblem })
    .max(caseloadLimitRange.max, { message: caseloadProblem })
    .optional(),
  /**
   * The written policy on passing on what the next agency needs, and the person responsible for
   * it (引き継ぎ, 2024 Q&A 問59); left out, they stay.
   */
  handoverPolicy: z.string().trim().max(handoverPolicyMax).optional(),
  handoverResponsible: z.string().trim().max(handoverResponsibleMax).optional(),
});
export type CenterSettings = z.infer<typeof centerSettingsSchema>;

type CenterRow = NonNullable<Awaited<ReturnType<typeof findCenter>>>;

/** The stored row as the API and the settings page show it. */
export function settingsOf(row: CenterRow) {
  const hours = {} as Record<WeekdayKey, { opens: string; closes: string } | null>;
  weekdayKeys.forEach((key, weekday) => {
    const stored: readonly [number, number] | null = row.weeklyHours
      ? (row.weeklyHours[String(weekday)] ?? null)
      : row.openWeekdays.includes(weekday)
        ? [row.opensAt, row.closesAt]
        : null;
    hours[key] =
      stored === null ? null : { opens: formatMinute(stored[0]), closes: formatMinute(stored[1]) };
  });
  return {
    name: row.name,
    phone: row.phone,
    hours,
    closedDays: row.closedDays,
    yearEndClosure: row.yearEndClosure,
    replyTemplates: row.replyTemplates,
    notifyAcknowledged: row.notifyAcknowledged,
    retentionDays: row.retentionDays,
    caseloadLimit: row.caseloadLimit,
    handoverPolicy: row.handoverPolicy,
    handoverResponsible: row.handoverResponsible,
  };
}

export async function readCenterSettings(scope: CenterScope) {
  const row = await findCenter(scope.store.db, scope.centerId);
  if (!row) throw new AppError("not_found", "No such center");
  return settingsOf(row);
}

export async function saveCenterSettings(scope: CenterScope, input: CenterSettings) {
  const weeklyHours: WeeklyHours = {};
  weekdayKeys.forEach((key, weekday) => {
    const hours = input.hours[key];
    weeklyHours[String(weekday)] =
      hours === null ? null : [minuteOfTime(hours.opens), minuteOfTime(hours.closes)];
  });
  const open = Object.entries(weeklyHours).filter(
    (entry): entry is [string, [number, number]] => entry[1] !== null,
  );
  // the older columns keep the most common day, for anything that still reads them
  const first = open[0]?.[1];
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    await updateCenter(tx, scope.centerId, {
      name: input.name,
      phone: input.phone === null || input.phone === "" ? null : input.phone,
      weeklyHours,
      openWeekdays: open.map(([weekday]) => Number(weekday)),
      ...(first ? { opensAt: first[0], closesAt: first[1] } : {}),
      closedDays: [...new Set(input.closedDays)].sort(),
      yearEndClosure: input.yearEndClosure,
      replyTemplates: input.replyTemplates,
      ...(input.notifyAcknowledged === undefined
        ? {}
        : { notifyAcknowledged: input.notifyAcknowledged }),
      ...(input.retentionDays === undefined ? {} : { retentionDays: input.retentionDays }),
      ...(input.caseloadLimit === undefined ? {} : { caseloadLimit: input.caseloadLimit }),
      ...(input.handoverPolicy === undefined ? {} : { handoverPolicy: input.handoverPolicy }),
      ...(input.handoverResponsible === undefined
        ? {}
        : { handoverResponsible: input.handoverResponsible }),
    });
    await scope.audit(tx, "center.settings", "center", scope.centerId, now);
  });
  return readCenterSettings(scope);
}
