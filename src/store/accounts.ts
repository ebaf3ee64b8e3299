// LINE accounts the bot knows, and what it knows them as.
import { and, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { lineAccounts } from "./schema";

export type LineAccount = typeof lineAccounts.$inferSelect;

/** Records that a LINE user was heard from, creating them as a guest the first time. */
export async function touchAccount(
  tx: Tx,
  lineUserId: string,
  now: number,
): Promise<Pick<LineAccount, "role" | "personId">> {
  const rows = await tx
    .insert(lineAccounts)
    .values({ lineUserId, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({
      target: lineAccounts.lineUserId,
      set: { lastSeenAt: sql`max(${lineAccounts.lastSeenAt}, ${now})` },
    })
    .returning({ role: lineAccounts.role, personId: lineAccounts.personId });
  const account = rows[0];
  if (!account) throw new Error("account upsert returned no row");
  return account;
}

export async function setFollowing(
  tx: Tx,
  lineUserId: string,
  following: boolean,
  now: number,
): Promise<void> {
  await tx
    .update(lineAccounts)
    .set({ following, unfollowedAt: following ? null : now })
    .where(eq(lineAccounts.lineUserId, lineUserId));
}

export async function findAccount(db: Queryable, lineUserId: string): Promise<LineAccount | null> {
  const rows = await db.select().from(lineAccounts).where(eq(lineAccounts.lineUserId, lineUserId));
  return rows[0] ?? null;
}

/** Which of these LINE users are employer contacts (the sender's allow-list applies to them). */
export async function employerAccountsAmong(
  db: Queryable,
  lineUserIds: string[],
): Promise<Set<string>> {
  if (lineUserIds.length === 0) return new Set();
  // one JSON parameter rather than one per id: a multicast names 500 people, and SQLite binds
  // and plans one value list far faster than 500 (the weekly fan-out makes 200 of these)
  const rows = await db
    .select({ lineUserId: lineAccounts.lineUserId })
    .from(lineAccounts)
    .where(
      and(
        eq(lineAccounts.role, "employer_contact"),
        sql`${lineAccounts.lineUserId} in (select value from json_each(${JSON.stringify(lineUserIds)}))`,
      ),
    );
  return new Set(rows.map((row) => row.lineUserId));
}
