// Conversation state per LINE user: read before a flow step, written in the same transaction.
import { and, desc, eq, sql } from "drizzle-orm";
import * as z from "zod";
import { pendingCheckinWhere } from "./checkins";
import { writeGuard, type Queryable, type Statement, type Tx } from "./db";
import { checkins, conversations, registrants } from "./schema";

export interface SavedConversation {
  flow: string;
  state: unknown;
}

export async function loadConversation(
  db: Queryable,
  lineUserId: string,
): Promise<SavedConversation | null> {
  const rows = await db
    .select({ flow: conversations.flow, state: conversations.state })
    .from(conversations)
    .where(eq(conversations.lineUserId, lineUserId));
  return rows[0] ?? null;
}

/** A scheduled check-in sent and not yet begun: its conversation starts with this input. */
export interface PendingCheckin {
  checkinId: string;
  weekKey: string;
}

/**
 * What an input from this LINE user continues, in one query: their saved conversation, or the
 * scheduled check-in sent since it and not yet begun (which then takes precedence, as it did
 * when the fan-out wrote every check-in's conversation itself).
 */
export async function loadConversationOrCheckin(
  db: Queryable,
  lineUserId: string,
  now: number,
): Promise<{ saved: SavedConversation | null; pendingCheckin: PendingCheckin | null }> {
  const pending = db
    .select({ found: sql`json_array(${checkins.id}, ${checkins.weekKey})` })
    .from(registrants)
    .innerJoin(checkins, pendingCheckinWhere(sql`${registrants.id}`, sql`${lineUserId}`, now))
    .where(eq(registrants.lineUserId, lineUserId))
    .orderBy(desc(checkins.sentAt))
    .limit(1);
  const rows = await db.all<{ flow: string | null; state: string | null; pending: string | null }>(
    sql`select saved.flow as flow, saved.state as state, (${pending}) as pending
      from (select 1) left join ${conversations} as saved on saved.line_user_id = ${lineUserId}`,
  );
  const row = rows[0];
  const found = row?.pending ? pendingSchema.parse(JSON.parse(row.pending)) : null;
  return {
    saved:
      row?.flow != null && row.state !== null
        ? { flow: row.flow, state: JSON.parse(row.state) as unknown }
        : null,
    pendingCheckin: found ? { checkinId: found[0], weekKey: found[1] } : null,
  };
}

const pendingSchema = z.tuple([z.string(), z.string()]);

/** Saves the state a flow returned, or clears it when the flow ended (null). */
export async function saveConversation(
  tx: Tx,
  lineUserId: string,
  state: { flow: string } | null,
  now: number,
): Promise<void> {
  if (state === null) {
    await tx.delete(conversations).where(eq(conversations.lineUserId, lineUserId));
    return;
  }
  await tx
    .insert(conversations)
    .values({ lineUserId, flow: state.flow, state, updatedAt: now })
    .onConflictDoUpdate({
      target: conversations.lineUserId,
      set: { flow: state.flow, state, updatedAt: now, version: sql`${conversations.version} + 1` },
    });
}

/**
 * Saves (or clears) a conversation for one who read it at `version` (null: there was none): the
 * write holds only while nobody saved it since, else the batch it is in fails and is redone.
 */
export function saveStatements(
  q: Queryable,
  lineUserId: string,
  version: number | null,
  state: { flow: string } | null,
  now: number,
): Statement[] {
  if (version === null) {
    if (state === null) return [];
    return [
      q.insert(conversations).values({ lineUserId, flow: state.flow, state, updatedAt: now }),
    ];
  }
  const read = and(eq(conversations.lineUserId, lineUserId), eq(conversations.version, version));
  const write =
    state === null
      ? q.delete(conversations).where(read)
      : q
          .update(conversations)
          .set({ flow: state.flow, state, updatedAt: now, version: version + 1 })
          .where(read);
  return [write, writeGuard(q, "conversations")];
}
