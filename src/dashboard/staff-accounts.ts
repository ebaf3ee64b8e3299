// Staff account verbs: bootstrap a center with its first supervisor.
import * as z from "zod";
import type { Store } from "../store/db";
import { createCenter, createStaff, hasAnyStaff } from "../store/staff";
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
