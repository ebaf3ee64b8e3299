// Conversation state per LINE user: read before a flow step, written in the same transaction.
import { eq } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { conversations } from "./schema";

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
      set: { flow: state.flow, state, updatedAt: now },
    });
}
