// A registrant's profile as staff keep it: reading aid, how to reach them, whom to call, their
// clinic, notes, the primary case worker and the support period. Every change is audited; another
// center's case worker (or a deactivated one) cannot be made theirs.
import * as z from "zod";
import { AppError, notFound } from "../core/errors";
import { findRegistrant, updateRegistrantProfile } from "../store/registrants";
import { findStaffInCenter } from "../store/staff";
import type { CenterScope } from "./scope";
import { periodAfter, periodChangeOf, periodFields, periodOf } from "./support-period";

const phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^[0-9+()\- ]*$/, { message: "must be a phone number (digits and hyphens)" });
const optional = (max: number) => z.string().trim().max(max).nullable().optional();

export const profileSchema = z
  .object({
    displayName: z.string().trim().min(1, { message: "is required" }).max(60).optional(),
    kana: optional(60),
    phone: phone.nullable().optional(),
    email: z
      .union([z.literal(""), z.email({ message: "is not an email address" }).max(254)])
      .nullable()
      .optional(),
    emergencyContact: z
      .object({
        name: z.string().trim().min(1, { message: "is required" }).max(60),
        relation: z.string().trim().max(30),
        phone,
      })
      .nullable()
      .optional(),
    clinic: optional(200),
    notes: optional(2000),
    caseworkerId: z.string().min(1).max(64).nullable().optional(),
    ...periodFields,
  })
  .strict();
export type ProfileChange = z.infer<typeof profileSchema>;

/** Empty text is no value. */
const blank = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null || value.trim() === "" ? null : value;

export async function updateProfile(
  scope: CenterScope,
  registrantId: string,
  change: ProfileChange,
) {
  const row = await findRegistrant(scope.store.db, scope.centerId, registrantId);
  if (!row) throw notFound("registrant", registrantId);
  const periodChange = periodChangeOf(change);
  const touchesPeriod = Object.keys(periodChange).length > 0;
  if (change.caseworkerId) {
    const worker = await findStaffInCenter(scope.store.db, scope.centerId, change.caseworkerId);
    if (!worker || worker.deactivatedAt !== null) {
      throw new AppError(
        "bad_request",
        "caseworkerId is not an active staff member of this center",
      );
    }
  }
  const values = {
    displayName: change.displayName,
    kana: blank(change.kana),
    phone: blank(change.phone),
    email: blank(change.email),
    emergencyContact: change.emergencyContact,
    clinic: blank(change.clinic),
    notes: blank(change.notes),
    caseworkerId: change.caseworkerId,
  };
  const set = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  const touchesProfile = Object.keys(set).length > 0;
  const now = scope.clock();
  const after = await scope.store.write(async (tx) => {
    // the period's defaults and limits read what is stored in the write that changes it
    const current = touchesPeriod ? await findRegistrant(tx, scope.centerId, registrantId) : row;
    if (!current) throw notFound("registrant", registrantId);
    const period = touchesPeriod ? periodAfter(current, periodChange) : {};
    if (touchesProfile || touchesPeriod) {
      await updateRegistrantProfile(tx, registrantId, { ...set, ...period });
    }
    if (touchesProfile || !touchesPeriod) {
      await scope.audit(tx, "registrant.profile", "registrant", registrantId, now);
    }
    if (touchesPeriod) await scope.audit(tx, "registrant.period", "registrant", registrantId, now);
    return { ...current, ...set, ...period };
  });
  // the period comes back when it was changed (its defaults were worked out here)
  return touchesPeriod ? { ...profileOf(after), period: periodOf(after, now) } : profileOf(after);
}

/** What the registrant page and the API show of the profile. */
export function profileOf(row: NonNullable<Awaited<ReturnType<typeof findRegistrant>>>) {
  return {
    kana: row.kana,
    phone: row.phone,
    email: row.email,
    emergencyContact: row.emergencyContact,
    clinic: row.clinic,
    notes: row.notes,
    caseworkerId: row.caseworkerId,
  };
}
