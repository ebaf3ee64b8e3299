// The processed-events ledger and the inbound message log.
import type { EventOutcome } from "../vocabulary/kinds";
import { processedEvents } from "./schema";
import type { Queryable, Tx } from "./db";
import { eq } from "drizzle-orm";

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

/** Marks an event processed. False when it already was: the caller must then do nothing. */
export async function claimEvent(tx: Tx, record: EventRecord): Promise<boolean> {
  const inserted = await tx
    .insert(processedEvents)
    .values(record)
    .onConflictDoNothing()
    .returning({ id: processedEvents.webhookEventId });
  return inserted.length === 1;
}

export async function findEvent(db: Queryable, webhookEventId: string) {
  const rows = await db
    .select()
    .from(processedEvents)
    .where(eq(processedEvents.webhookEventId, webhookEventId));
  return rows[0] ?? null;
}
