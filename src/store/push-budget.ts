// The month's paid pushes, counted as they are queued: LINE's free message allowance is per month.
import { eq, sql } from "drizzle-orm";
import type { Queryable, Statement } from "./db";
import { pushUsage } from "./schema";

export async function pushesThisMonth(db: Queryable, month: string): Promise<number> {
  const rows = await db.select().from(pushUsage).where(eq(pushUsage.month, month));
  return rows[0]?.messages ?? 0;
}

export function countPushes(q: Queryable, month: string, messages: number): Statement {
  return q
    .insert(pushUsage)
    .values({ month, messages })
    .onConflictDoUpdate({
      target: pushUsage.month,
      set: { messages: sql`${pushUsage.messages} + ${messages}` },
    });
}
