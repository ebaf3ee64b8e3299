// Centers and staff accounts.
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { centers, staff } from "./schema";
import { type StaffRole } from "../vocabulary/kinds";

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

export async function findStaffInCenter(db: Queryable, centerId: string, id: string) {
  const rows = await db
    .select()
    .from(staff)
    .where(and(eq(staff.centerId, centerId), eq(staff.id, id)));
  return rows[0] ?? null;
}

export async function listStaff(db: Queryable, centerId: string) {
  return db
    .select({
      id: staff.id,
      email: staff.email,
      displayName: staff.displayName,
      role: staff.role,
      deactivatedAt: staff.deactivatedAt,
      createdAt: staff.createdAt,
    })
    .from(staff)
    .where(eq(staff.centerId, centerId))
    .orderBy(staff.displayName);
}

/** Deactivates (a time) or reactivates (null) an account; its history stays. */
export async function setDeactivated(tx: Tx, staffId: string, at: number | null) {
  await tx.update(staff).set({ deactivatedAt: at }).where(eq(staff.id, staffId));
}

export async function setRole(tx: Tx, staffId: string, role: StaffRole) {
  await tx.update(staff).set({ role }).where(eq(staff.id, staffId));
}

/** Active supervisors of a center: there must always be one. */
export async function activeSupervisors(db: Queryable, centerId: string) {
  const rows = await db
    .select({ id: staff.id })
    .from(staff)
    .where(
      and(eq(staff.centerId, centerId), eq(staff.role, "supervisor"), isNull(staff.deactivatedAt)),
    );
  return rows.map((row) => row.id);
}

export async function setPasswordHash(tx: Tx, staffId: string, passwordHash: string) {
  await tx.update(staff).set({ passwordHash }).where(eq(staff.id, staffId));
}

export async function findCenter(db: Queryable, id: string) {
  const rows = await db.select().from(centers).where(eq(centers.id, id));
  return rows[0] ?? null;
}

export async function hasAnyStaff(db: Queryable): Promise<boolean> {
  const rows = await db.select({ id: staff.id }).from(staff).limit(1);
  return rows.length > 0;
}

/** Changes a center's own settings (name, phone, hours, closed days, templates…). */
export async function updateCenter(
  tx: Tx,
  centerId: string,
  values: Partial<Omit<typeof centers.$inferInsert, "id" | "createdAt">>,
) {
  await tx.update(centers).set(values).where(eq(centers.id, centerId));
}
