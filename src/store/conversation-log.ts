// A registrant's conversation as staff read it, and whether the center has read it yet.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { placeholders, suffixed, template, type Queryable, type Statement, type Tx } from "./db";
import { escalations, messages, registrants } from "./schema";
import { type MessageDirection } from "../vocabulary/kinds";

export type MessageRow = typeof messages.$inferSelect;

export interface NewLogMessage {
  lineUserId: string;
  registrantId: string | null;
  direction: MessageDirection;
  messageType: string;
  text: string | null;
  webhookEventId?: string | null;
  staffId?: string | null;
  refId?: string | null;
  clientKey?: string | null;
  now: number;
}

function valuesOf(row: NewLogMessage) {
  return {
    lineUserId: row.lineUserId,
    registrantId: row.registrantId,
    direction: row.direction,
    messageType: row.messageType,
    text: row.text,
    webhookEventId: row.webhookEventId ?? null,
    staffId: row.staffId ?? null,
    refId: row.refId ?? null,
    clientKey: row.clientKey ?? null,
    createdAt: row.now,
  };
}

/** Several rows of one event in one statement (the person's message and the bot's answer). */
export function logMessages(q: Queryable, rows: NewLogMessage[]): Statement | undefined {
  if (rows.length === 0) return undefined;
  let insert = insertRows.get(rows.length);
  if (!insert) {
    const count = rows.length;
    insert = template((db) =>
      db
        .insert(messages)
        .values(Array.from({ length: count }, (_, i) => placeholders(messageShape, `_${i}`))),
    );
    insertRows.set(count, insert);
  }
  const values: Record<string, unknown> = {};
  rows.forEach((row, i) => Object.assign(values, suffixed(valuesOf(row), `_${i}`)));
  return insert(q, values);
}

/** Inserts of so many rows, each built once. */
const insertRows = new Map<number, (q: Queryable, values: Record<string, unknown>) => Statement>();
const messageShape = valuesOf({
  lineUserId: "",
  registrantId: null,
  direction: "in",
  messageType: "",
  text: null,
  now: 0,
});

/**
 * A staff reply, once per idempotency key: null when that key was used already (the first
 * submit's message stands and nothing more is sent).
 */
export async function logStaffMessage(tx: Tx, row: NewLogMessage): Promise<number | null> {
  const inserted = await tx
    .insert(messages)
    .values(valuesOf(row))
    .onConflictDoNothing({ target: messages.clientKey })
    .returning({ id: messages.id });
  return inserted[0]?.id ?? null;
}

export async function findByClientKey(db: Queryable, clientKey: string) {
  const rows = await db.select().from(messages).where(eq(messages.clientKey, clientKey));
  return rows[0] ?? null;
}

/** Up to `limit` of one conversation's messages before the id `before` (or the newest), oldest first. */
async function pageMessages(
  db: Queryable,
  owner: SQL | undefined,
  before: number | undefined,
  limit: number,
): Promise<MessageRow[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(before === undefined ? owner : and(owner, lt(messages.id, before)))
    .orderBy(desc(messages.id))
    .limit(limit);
  return rows.reverse();
}

/** A registrant's conversation (messages_registrant_idx). */
export function pageConversation(
  db: Queryable,
  registrantId: string,
  before: number | undefined,
  limit: number,
): Promise<MessageRow[]> {
  return pageMessages(db, eq(messages.registrantId, registrantId), before, limit);
}

/** An employer contact's conversation: their LINE account's messages that are nobody else's. */
export function pageContactConversation(
  db: Queryable,
  lineUserId: string,
  before: number | undefined,
  limit: number,
): Promise<MessageRow[]> {
  return pageMessages(
    db,
    and(eq(messages.lineUserId, lineUserId), isNull(messages.registrantId)),
    before,
    limit,
  );
}

/** One more message for a person that nothing in the queue absorbed. */
export function markUnread(q: Queryable, registrantId: string, now: number): Statement {
  return q
    .update(registrants)
    .set({
      unreadCount: sql`${registrants.unreadCount} + 1`,
      unreadSince: sql`coalesce(${registrants.unreadSince}, ${now})`,
    })
    .where(eq(registrants.id, registrantId));
}

export async function markRead(tx: Tx, registrantId: string): Promise<void> {
  await tx
    .update(registrants)
    .set({ unreadCount: 0, unreadSince: null })
    .where(eq(registrants.id, registrantId));
}

/** People with unread messages: an open urgent or high matter first, then the oldest unread. */
export async function listInbox(db: Queryable, centerId: string, limit: number) {
  const people = await db
    .select({
      registrantId: registrants.id,
      displayName: registrants.displayName,
      unread: registrants.unreadCount,
      oldestUnreadAt: registrants.unreadSince,
    })
    .from(registrants)
    .where(and(eq(registrants.centerId, centerId), isNotNull(registrants.unreadSince)))
    .orderBy(asc(registrants.unreadSince))
    .limit(limit);
  if (people.length === 0) return [];
  const ranks = await db
    .select({
      registrantId: escalations.registrantId,
      rank: sql<number>`min(${escalations.severityRank})`,
    })
    .from(escalations)
    .where(
      and(
        inArray(
          escalations.registrantId,
          people.map((person) => person.registrantId),
        ),
        inArray(escalations.status, ["open", "acknowledged"]),
      ),
    )
    .groupBy(escalations.registrantId);
  const rankOf = new Map(ranks.map((row) => [row.registrantId, row.rank]));
  return people
    .map((person) => ({ ...person, topRank: rankOf.get(person.registrantId) ?? null }))
    .sort((a, b) => {
      const pressingA = a.topRank !== null && a.topRank <= 1 ? 0 : 1;
      const pressingB = b.topRank !== null && b.topRank <= 1 ? 0 : 1;
      return pressingA - pressingB || (a.oldestUnreadAt ?? 0) - (b.oldestUnreadAt ?? 0);
    });
}

export async function countUnreadPeople(db: Queryable, centerId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)` })
    .from(registrants)
    .where(and(eq(registrants.centerId, centerId), isNotNull(registrants.unreadSince)));
  return rows[0]?.n ?? 0;
}

/** People whose unread messages began after `since`. */
export async function countUnreadSince(db: Queryable, centerId: string, since: number) {
  const rows = await db
    .select({ n: sql<number>`count(*)` })
    .from(registrants)
    .where(and(eq(registrants.centerId, centerId), gt(registrants.unreadSince, since)));
  return rows[0]?.n ?? 0;
}
