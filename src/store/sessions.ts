// Staff sessions and failed-login records.
import { and, count, eq, gte, lt } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { loginFailures, sessions, staff } from "./schema";

export type SessionRow = typeof sessions.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;

export async function insertSession(tx: Tx, row: SessionRow): Promise<void> {
  await tx.insert(sessions).values(row);
}

export async function findSession(
  db: Queryable,
  tokenHash: string,
): Promise<{ session: SessionRow; staff: StaffRow } | null> {
  const rows = await db
    .select({ session: sessions, staff })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(eq(sessions.tokenHash, tokenHash));
  return rows[0] ?? null;
}

export async function touchSession(tx: Tx, tokenHash: string, now: number): Promise<void> {
  await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of one staff member but the given one (after a password change). */
export async function deleteOtherSessions(tx: Tx, staffId: string, keepTokenHash: string) {
  const all = await tx.select().from(sessions).where(eq(sessions.staffId, staffId));
  for (const row of all) {
    if (row.tokenHash !== keepTokenHash) await deleteSession(tx, row.tokenHash);
  }
}

/** Ends every login of one staff member (deactivation, a password reset by a supervisor). */
export async function deleteAllSessions(tx: Tx, staffId: string) {
  await tx.delete(sessions).where(eq(sessions.staffId, staffId));
}

export async function deleteExpiredSessions(tx: Tx, now: number): Promise<void> {
  await tx.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function countRecentFailures(db: Queryable, email: string, since: number) {
  const rows = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gte(loginFailures.at, since)));
  return rows[0]?.n ?? 0;
}

export async function recordFailure(tx: Tx, email: string, now: number): Promise<void> {
  await tx.insert(loginFailures).values({ email, at: now });
}

export async function clearFailures(tx: Tx, email: string): Promise<void> {
  await tx.delete(loginFailures).where(eq(loginFailures.email, email));
}
