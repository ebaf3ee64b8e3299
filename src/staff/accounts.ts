// Staff account verbs outside a session: bootstrap a center with its first supervisor, and the
// operator's password reset.
import * as z from "zod";
import type { Store } from "../store/db";
import { AppError } from "../core/errors";
import { deleteAllSessions } from "../store/sessions";
import {
  createCenter,
  createStaff,
  findStaffByEmail,
  hasAnyStaff,
  setDeactivated,
  setPasswordHash,
} from "../store/staff";
import { generatePassword, hashPassword } from "./password";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "is not an email address" }).max(254));

export const bootstrapInputSchema = z.object({
  center: z.string().trim().min(1, { message: "is required" }).max(100),
  email: emailSchema,
  displayName: z.string().trim().min(1).max(60).optional(),
});

export interface BootstrapResult {
  centerId: string;
  staffId: string;
  email: string;
  /** Shown once, here; only its hash is stored. */
  password: string;
}

export async function bootstrap(
  store: Store,
  input: z.infer<typeof bootstrapInputSchema>,
  now: number,
): Promise<BootstrapResult> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return store.write(async (tx) => {
    const center = await createCenter(tx, input.center, now);
    const { id } = await createStaff(tx, {
      centerId: center.id,
      email: input.email,
      displayName: input.displayName ?? input.email,
      role: "supervisor",
      passwordHash,
      now,
    });
    return { centerId: center.id, staffId: id, email: input.email, password };
  });
}

/**
 * Emulator mode only: a fresh local database gets a demo center and supervisor (with a random
 * password, printed once by `npm start`) so a newcomer can try the whole product at once.
 * Returns null when the database already has staff.
 */
export async function ensureDemoSupervisor(store: Store, now: number) {
  if (await hasAnyStaff(store.db)) return null;
  return bootstrap(
    store,
    { center: "デモセンター", email: "demo@tsunagi.local", displayName: "デモ 支援員" },
    now,
  );
}

/**
 * For a locked-out last supervisor: the operator resets a password by email from the CLI (no
 * session exists to audit it under; the CLI's output is the record).
 */
export async function resetPasswordByEmail(store: Store, email: string) {
  const member = await findStaffByEmail(store.db, email.trim().toLowerCase());
  if (!member) throw new AppError("not_found", `No staff account has the email ${email}`);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await store.write(async (tx) => {
    await setPasswordHash(tx, member.id, passwordHash);
    await deleteAllSessions(tx, member.id);
    // a locked-out supervisor must be able to log in again
    await setDeactivated(tx, member.id, null);
  });
  return { staffId: member.id, email: member.email, password };
}
