// Check-ins and their answers: the one writer of check-in rows (sent, answered, reminded, missed).
import { eq, and, asc, desc, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Tx, Queryable } from "./db";
import { answers, checkins, conversations, lineAccounts, registrants } from "./schema";
import type { CheckinOrigin, QuestionKey } from "../vocabulary/kinds";

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

/** Of these LINE users, those with a check-in conversation open. */
export async function usersInCheckin(db: Queryable, lineUserIds: string[]): Promise<Set<string>> {
  if (lineUserIds.length === 0) return new Set();
  const rows = await db.all<{ line_user_id: string }>(sql`
    select ${conversations.lineUserId} from ${conversations}
    where ${conversations.flow} = 'checkin'
      and ${conversations.lineUserId} in (select value from json_each(${JSON.stringify(lineUserIds)}))`);
  return new Set(rows.map((row) => row.line_user_id));
}

export async function insertCheckins(
  tx: Tx,
  rows: { id: string; registrantId: string; weekKey: string; now: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((row) => [row.id, row.registrantId, row.weekKey, row.now]));
  await tx.run(sql`
    insert into ${checkins} (id, registrant_id, origin, week_key, status, sent_at)
    select value ->> 0, value ->> 1, 'scheduled', value ->> 2, 'sent', value ->> 3
    from json_each(${json})`);
}

export interface OpenCheckin {
  id: string;
  registrantId: string;
  centerId: string;
  lineUserId: string | null;
  status: "sent" | "in_progress" | "completed" | "missed";
  sentAt: number;
  remindedAt: number | null;
  weekKey: string;
}

/** Unfinished check-ins sent before `before`, oldest first (checkins_open_idx). */
export async function openCheckinsBefore(
  db: Queryable,
  before: number,
  limit: number,
): Promise<OpenCheckin[]> {
  return db
    .select({
      id: checkins.id,
      registrantId: checkins.registrantId,
      centerId: registrants.centerId,
      lineUserId: registrants.lineUserId,
      status: checkins.status,
      sentAt: checkins.sentAt,
      remindedAt: checkins.remindedAt,
      weekKey: checkins.weekKey,
    })
    .from(checkins)
    .innerJoin(registrants, eq(registrants.id, checkins.registrantId))
    .where(and(inArray(checkins.status, ["sent", "in_progress"]), lte(checkins.sentAt, before)))
    .orderBy(asc(checkins.sentAt))
    .limit(limit);
}

export async function unremindedSentBefore(db: Queryable, before: number, limit: number) {
  return db
    .select({
      id: checkins.id,
      lineUserId: registrants.lineUserId,
      weekKey: checkins.weekKey,
      following: lineAccounts.following,
    })
    .from(checkins)
    .innerJoin(registrants, eq(registrants.id, checkins.registrantId))
    .innerJoin(lineAccounts, eq(lineAccounts.lineUserId, registrants.lineUserId))
    .where(
      and(eq(checkins.status, "sent"), isNull(checkins.remindedAt), lte(checkins.sentAt, before)),
    )
    .orderBy(asc(checkins.sentAt))
    .limit(limit);
}

export async function markReminded(tx: Tx, ids: string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(checkins).set({ remindedAt: now }).where(inArray(checkins.id, ids));
}

export async function markMissed(tx: Tx, id: string): Promise<void> {
  await tx.update(checkins).set({ status: "missed" }).where(eq(checkins.id, id));
}

/** The statuses of a registrant's latest check-ins, newest first. */
export async function recentStatuses(db: Queryable, registrantId: string, count: number) {
  const rows = await db
    .select({ status: checkins.status })
    .from(checkins)
    .where(eq(checkins.registrantId, registrantId))
    .orderBy(desc(checkins.sentAt))
    .limit(count);
  return rows.map((row) => row.status);
}
