// Signals: what a flow, a rule or an employer raised for a human's look, before the escalation
// engine decides what becomes of it.
import { eq } from "drizzle-orm";
import { signals } from "./schema";
import type { Tx } from "./db";

export async function insertSignal(
  tx: Tx,
  input: {
    centerId: string;
    registrantId: string;
    category: string;
    severity: string;
    source: string;
    evidence: Record<string, unknown>;
    now: number;
  },
): Promise<number> {
  const rows = await tx
    .insert(signals)
    .values({
      centerId: input.centerId,
      registrantId: input.registrantId,
      category: input.category,
      severity: input.severity,
      source: input.source,
      evidence: input.evidence,
      createdAt: input.now,
    })
    .returning({ id: signals.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("signal insert returned no row");
  return id;
}

export async function linkSignal(tx: Tx, signalId: number, escalationId: string): Promise<void> {
  await tx.update(signals).set({ escalationId }).where(eq(signals.id, signalId));
}
