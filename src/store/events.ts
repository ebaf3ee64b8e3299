// The processed-events ledger and the inbound message log.
import type { EventOutcome } from "../vocabulary/kinds";
import { processedEvents } from "./schema";
import { placeholders, template, type Queryable, type Statement } from "./db";
import { eq, sql, type SQLWrapper } from "drizzle-orm";

export interface EventRecord {
  webhookEventId: string;
  eventType: string;
  lineUserId: string | null;
  outcome: EventOutcome;
  reason: string | null;
  redelivered: boolean;
  eventTimestamp: number;
  receivedAt: number;
}

/**
 * Records an event as processed by one who knows it was not (it read the ledger first): a plain
 * insert, so a concurrent claim of the same event makes the whole write fail and be redone.
 */
export function recordEvent(q: Queryable, record: EventRecord): Statement {
  return insertEvent(q, record);
}

const eventShape: Record<keyof EventRecord, true> = {
  webhookEventId: true,
  eventType: true,
  lineUserId: true,
  outcome: true,
  reason: true,
  redelivered: true,
  eventTimestamp: true,
  receivedAt: true,
};

const insertEvent = template<EventRecord>((q) =>
  q.insert(processedEvents).values(placeholders(eventShape)),
);

/** Which of these event keys (a JSON array: SQL or a placeholder) the ledger already has. */
export function claimedAmong(q: Queryable, keys: SQLWrapper) {
  return q
    .select({ key: processedEvents.webhookEventId })
    .from(processedEvents)
    .where(sql`${processedEvents.webhookEventId} in (select value from json_each(${keys}))`);
}

export async function findEvent(db: Queryable, webhookEventId: string) {
  const rows = await db
    .select()
    .from(processedEvents)
    .where(eq(processedEvents.webhookEventId, webhookEventId));
  return rows[0] ?? null;
}
