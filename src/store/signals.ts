// Signals: what a flow, a rule or an employer raised for a human's look, before the escalation
// engine decides what becomes of it.
import { signals } from "./schema";
import type { Queryable, Statement } from "./db";

/** A signal, filed under the escalation that took it. */
export function insertSignal(
  q: Queryable,
  input: {
    centerId: string;
    registrantId: string;
    category: string;
    severity: string;
    source: string;
    evidence: Record<string, unknown>;
    escalationId: string;
    now: number;
  },
): Statement {
  return q.insert(signals).values({
    centerId: input.centerId,
    registrantId: input.registrantId,
    category: input.category,
    severity: input.severity,
    source: input.source,
    evidence: input.evidence,
    escalationId: input.escalationId,
    createdAt: input.now,
  });
}
