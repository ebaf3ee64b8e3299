// A registrant's profile as staff keep it: reading aid, how to reach them, whom to call, their
// clinic, notes and the primary case worker. Every change is audited; another center's case
// worker (or a deactivated one) cannot be made theirs.
import * as z from "zod";
import { AppError, notFound } from "../core/errors";
import { findRegistrant, updateRegistrantProfile } from "../store/registrants";
import { findStaffInCenter } from "../store/staff";
import type { CenterScope } from "./scope";

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
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    if (Object.keys(set).length > 0) {
      await updateRegistrantProfile(tx, registrantId, set);
    }
    await scope.audit(tx, "registrant.profile", "registrant", registrantId, now);
  });
  return profileOf({ ...row, ...set });
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
