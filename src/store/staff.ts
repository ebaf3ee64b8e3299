// Centers and staff accounts.
import { eq } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { centers, staff, type StaffRole } from "./schema";

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
}

export async function createCenter(tx: Tx, name: string, now: number) {
  const id = crypto.randomUUID();
  await tx.insert(centers).values({ id, name, createdAt: now });
  return { id, name };
}

export async function createStaff(
  tx: Tx,
  input: {
    centerId: string;
    email: string;
    displayName: string;
    role: StaffRole;
    passwordHash: string;
    now: number;
  },
) {
  const taken = await findStaffByEmail(tx, input.email);
  if (taken) throw new EmailTakenError("email already in use");
  const id = crypto.randomUUID();
  await tx.insert(staff).values({
    id,
    centerId: input.centerId,
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    passwordHash: input.passwordHash,
    createdAt: input.now,
  });
  return { id };
}

export async function findStaffByEmail(db: Queryable, email: string) {
  const rows = await db.select().from(staff).where(eq(staff.email, email));
  return rows[0] ?? null;
}
