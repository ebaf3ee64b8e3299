// Read-only looks into the database for assertions.
import { count, eq } from "drizzle-orm";
import type { Store } from "../../src/store/db";
import { lineAccounts, messages, outbox, processedEvents } from "../../src/store/schema";

export async function countRows(
  store: Store,
  table: typeof processedEvents | typeof outbox | typeof messages | typeof lineAccounts,
): Promise<number> {
  const rows = await store.db.select({ n: count() }).from(table);
  return rows[0]?.n ?? 0;
}

export async function eventRows(store: Store) {
  return store.db.select().from(processedEvents);
}

export async function outboxRows(store: Store) {
  return store.db.select().from(outbox).orderBy(outbox.id);
}

export async function accountOf(store: Store, lineUserId: string) {
  const rows = await store.db
    .select()
    .from(lineAccounts)
    .where(eq(lineAccounts.lineUserId, lineUserId));
  return rows[0] ?? null;
}

export { lineAccounts, messages, outbox, processedEvents };
