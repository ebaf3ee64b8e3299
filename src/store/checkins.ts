// Check-ins, their answers, and the signals they raise.
import { eq } from "drizzle-orm";
import type { Tx } from "./db";
import { answers, checkins, signals } from "./schema";
import { type CheckinOrigin, type QuestionKey } from "../vocabulary/kinds";

export async function insertCheckin(
  tx: Tx,
  input: { id: string; registrantId: string; origin: CheckinOrigin; weekKey: string; now: number },
): Promise<void> {
  await tx.insert(checkins).values({
    id: input.id,
    registrantId: input.registrantId,
    origin: input.origin,
    weekKey: input.weekKey,
    status: "sent",
    sentAt: input.now,
  });
}

/** Saves an answer (a changed answer replaces the old one) and marks the check-in begun. */
export async function upsertAnswer(
  tx: Tx,
  input: {
    checkinId: string;
    question: QuestionKey;
    value: string;
    score: number | null;
    now: number;
  },
): Promise<void> {
  await tx
    .insert(answers)
    .values({
      checkinId: input.checkinId,
      question: input.question,
      value: input.value,
      score: input.score,
      answeredAt: input.now,
    })
    .onConflictDoUpdate({
      target: [answers.checkinId, answers.question],
      set: { value: input.value, score: input.score, answeredAt: input.now },
    });
  await tx.update(checkins).set({ status: "in_progress" }).where(eq(checkins.id, input.checkinId));
}

export async function completeCheckin(tx: Tx, id: string, now: number): Promise<void> {
  await tx
    .update(checkins)
    .set({ status: "completed", completedAt: now })
    .where(eq(checkins.id, id));
}

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
