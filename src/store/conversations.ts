// Conversation state per LINE user: read with the webhook request (see inbound.ts), saved with its
// writes, at the version read.
import { and, eq, sql } from "drizzle-orm";
import { writeGuard, type Queryable, type Statement, type Tx } from "./db";
import { conversations } from "./schema";

export interface SavedConversation {
  flow: string;
  state: unknown;
}

/** A scheduled check-in sent and not yet begun: its conversation starts with this input. */
export interface PendingCheckin {
  checkinId: string;
  weekKey: string;
}

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
