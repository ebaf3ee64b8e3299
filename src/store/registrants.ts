// Registrants, employers, their contacts and employments: always read within one center.
import { and, asc, desc, eq } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { checkins, employerContacts, employers, employments, registrants } from "./schema";

export type RegistrantRow = typeof registrants.$inferSelect;

export async function insertRegistrant(
  tx: Tx,
  input: { centerId: string; displayName: string; now: number },
): Promise<RegistrantRow> {
  const rows = await tx
    .insert(registrants)
    .values({
      id: crypto.randomUUID(),
      centerId: input.centerId,
      displayName: input.displayName,
      createdAt: input.now,
    })
    .returning();
  const row = rows[0];
  if (!row) throw new Error("registrant insert returned no row");
  return row;
}

export async function listRegistrants(db: Queryable, centerId: string) {
  return db
    .select()
    .from(registrants)
    .where(eq(registrants.centerId, centerId))
    .orderBy(asc(registrants.displayName));
}

export async function findRegistrant(db: Queryable, centerId: string, id: string) {
  const rows = await db
    .select()
    .from(registrants)
    .where(and(eq(registrants.centerId, centerId), eq(registrants.id, id)));
  return rows[0] ?? null;
}

export async function latestCheckin(db: Queryable, registrantId: string) {
  const rows = await db
    .select({
      id: checkins.id,
      status: checkins.status,
      sentAt: checkins.sentAt,
      completedAt: checkins.completedAt,
    })
    .from(checkins)
    .where(eq(checkins.registrantId, registrantId))
    .orderBy(desc(checkins.sentAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertEmployer(tx: Tx, centerId: string, name: string, now: number) {
  const id = crypto.randomUUID();
  await tx.insert(employers).values({ id, centerId, name, createdAt: now });
  return { id };
}

export async function findEmployer(db: Queryable, centerId: string, id: string) {
  const rows = await db
    .select()
    .from(employers)
    .where(and(eq(employers.centerId, centerId), eq(employers.id, id)));
  return rows[0] ?? null;
}

export async function listEmployers(db: Queryable, centerId: string) {
  return db
    .select()
    .from(employers)
    .where(eq(employers.centerId, centerId))
    .orderBy(asc(employers.name));
}

export async function insertEmployerContact(
  tx: Tx,
  input: { centerId: string; employerId: string; displayName: string; now: number },
) {
  const id = crypto.randomUUID();
  await tx.insert(employerContacts).values({
    id,
    centerId: input.centerId,
    employerId: input.employerId,
    displayName: input.displayName,
    createdAt: input.now,
  });
  return { id };
}

/** Links a registrant to an employer; linking twice is a no-op. Returns true when new. */
export async function insertEmployment(
  tx: Tx,
  registrantId: string,
  employerId: string,
  now: number,
): Promise<boolean> {
  const rows = await tx
    .insert(employments)
    .values({ registrantId, employerId, createdAt: now })
    .onConflictDoNothing()
    .returning({ registrantId: employments.registrantId });
  return rows.length === 1;
}

export async function employersOf(db: Queryable, registrantId: string) {
  return db
    .select({ id: employers.id, name: employers.name })
    .from(employments)
    .innerJoin(employers, eq(employers.id, employments.employerId))
    .where(eq(employments.registrantId, registrantId));
}
