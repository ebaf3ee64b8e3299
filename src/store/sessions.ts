// Staff sessions and failed-login records.
import { and, count, eq, gte, lt, type SQL } from "drizzle-orm";
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

/** The limits a password check must fit in, counted over recorded attempts. */
export interface AttemptLimits {
  perEmail: { max: number; windowMs: number };
  perClient: { max: number; windowMs: number };
  /** Password hash checks from everyone per minute. */
  perMinute: number;
}

/**
 * Counts and records one password attempt in the caller's write transaction, so concurrent
 * attempts are counted one after another: at most the limit of them ever reach a hash check. The
 * row stands as a failure unless the attempt succeeds and removes it. False when over a limit.
 */
export async function reserveAttempt(
  tx: Tx,
  attempt: { email: string; client: string; now: number },
  limits: AttemptLimits,
): Promise<number | null> {
  const { email, client, now } = attempt;
  const counted = async (condition: SQL | undefined) => {
    const rows = await tx.select({ n: count() }).from(loginFailures).where(condition);
    return rows[0]?.n ?? 0;
  };
  if (
    (await counted(
      and(eq(loginFailures.email, email), gte(loginFailures.at, now - limits.perEmail.windowMs)),
    )) >= limits.perEmail.max ||
    (await counted(
      and(eq(loginFailures.client, client), gte(loginFailures.at, now - limits.perClient.windowMs)),
    )) >= limits.perClient.max ||
    (await counted(gte(loginFailures.at, now - 60_000))) >= limits.perMinute
  ) {
    return null;
  }
  // old rows go as new ones come: a day is longer than any window
  await tx.delete(loginFailures).where(lt(loginFailures.at, now - 24 * 60 * 60 * 1000));
  const rows = await tx
    .insert(loginFailures)
    .values({ email, client, at: now })
    .returning({ id: loginFailures.id });
  return rows[0]?.id ?? null;
}

/** A successful attempt is not a failure. */
export async function dropAttempt(tx: Tx, id: number): Promise<void> {
  await tx.delete(loginFailures).where(eq(loginFailures.id, id));
}

export async function clearFailures(tx: Tx, email: string): Promise<void> {
  await tx.delete(loginFailures).where(eq(loginFailures.email, email));
}
