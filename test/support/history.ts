// Weekly check-ins with their answers, written straight into the database for history views.
import { eq } from "drizzle-orm";
import { weekKey } from "../../src/time/calendar";
import { completeCheckin, insertCheckin, upsertAnswer } from "../../src/store/checkins";
import type { Tx } from "../../src/store/db";
import { checkins } from "../../src/store/schema";

export type WeekAnswers =
  | "missed"
  | {
      condition: number;
      sleep: number;
      mood: number;
      medication: string;
      attendance: string;
      worries: string[];
      message?: string;
    };

/** One scheduled check-in sent at `sentAt`, missed or answered `answeredAfterMs` later. */
export async function seedCheckin(
  tx: Tx,
  registrantId: string,
  sentAt: number,
  answers: WeekAnswers,
  answeredAfterMs = 600_000,
): Promise<string> {
  const id = crypto.randomUUID();
  await insertCheckin(tx, {
    id,
    registrantId,
    origin: "scheduled",
    weekKey: weekKey(sentAt),
    now: sentAt,
  });
  if (answers === "missed") {
    await tx.update(checkins).set({ status: "missed" }).where(eq(checkins.id, id));
    return id;
  }
  const now = sentAt + answeredAfterMs;
  const scored = [
    ["condition", answers.condition],
    ["sleep", answers.sleep],
    ["mood", answers.mood],
  ] as const;
  for (const [question, score] of scored) {
    await upsertAnswer(tx, { checkinId: id, question, value: String(score), score, now });
  }
  const plain = [
    ["medication", answers.medication],
    ["attendance", answers.attendance],
    ["worries", JSON.stringify(answers.worries)],
    ...(answers.message === undefined ? [] : [["message", answers.message] as const]),
  ] as const;
  for (const [question, value] of plain) {
    await upsertAnswer(tx, { checkinId: id, question, value, score: null, now });
  }
  await completeCheckin(tx, id, now + 60_000);
  return id;
}
