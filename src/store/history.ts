// A registrant's recent history for staff: the last weeks' check-ins with answers, and consent.
import { and, desc, eq, gte, inArray } from "drizzle-orm";
import { tokyoMidnight, tokyoParts, weekKey } from "../time/calendar";
import type { Queryable } from "./db";
import { answers, checkins, consents } from "./schema";
import { questionKeys, type CheckinStatus, type QuestionKey } from "../vocabulary/kinds";

/** The window staff see: this Japan week and the eleven before it. */
export const historyWeekCount = 12;

const dayMs = 24 * 60 * 60 * 1000;
const weekMs = 7 * dayMs;

export interface HistoryWeek {
  /** ISO week key of the Japan-time week, as stored on check-ins ("2026-W47"). */
  key: string;
  /** Monday 00:00 Japan time, as UTC ms. */
  start: number;
}

/** The last `count` Japan weeks (Monday to Sunday), oldest first, ending with the one of `now`. */
export function recentWeeks(now: number, count = historyWeekCount): HistoryWeek[] {
  // ISO weeks start on Monday; tokyoParts counts from Sunday
  const monday = tokyoMidnight(now) - ((tokyoParts(now).weekday + 6) % 7) * dayMs;
  return Array.from({ length: count }, (_, i) => {
    const start = monday - (count - 1 - i) * weekMs;
    return { key: weekKey(start), start };
  });
}

export interface HistoryAnswer {
  question: QuestionKey;
  value: string;
  score: number | null;
}

export interface HistoryCheckin {
  id: string;
  status: CheckinStatus;
  origin: string;
  weekKey: string;
  sentAt: number;
  completedAt: number | null;
  answers: HistoryAnswer[];
}

/**
 * A registrant's check-ins sent since `since`, newest first, each with its answers in question
 * order: two queries (check-ins by checkins_registrant_idx, then all their answers at once by
 * answers_checkin_question_unique), never one per check-in.
 */
export async function checkinHistory(
  db: Queryable,
  registrantId: string,
  since: number,
): Promise<HistoryCheckin[]> {
  const rows = await db
    .select({
      id: checkins.id,
      status: checkins.status,
      origin: checkins.origin,
      weekKey: checkins.weekKey,
      sentAt: checkins.sentAt,
      completedAt: checkins.completedAt,
    })
    .from(checkins)
    .where(and(eq(checkins.registrantId, registrantId), gte(checkins.sentAt, since)))
    .orderBy(desc(checkins.sentAt));
  if (rows.length === 0) return [];
  const answerRows = await answersOf(
    db,
    rows.map((row) => row.id),
  );
  const byCheckin = new Map<string, HistoryAnswer[]>();
  for (const { checkinId, ...answer } of answerRows) {
    byCheckin.set(checkinId, [...(byCheckin.get(checkinId) ?? []), answer]);
  }
  return rows.map((row) => ({
    ...row,
    // rows written before week keys existed carry "": their week follows from when they went out
    weekKey: row.weekKey === "" ? weekKey(row.sentAt) : row.weekKey,
    answers: (byCheckin.get(row.id) ?? []).sort(
      (a, b) => questionKeys.indexOf(a.question) - questionKeys.indexOf(b.question),
    ),
  }));
}

/** Every consent decision of a registrant, newest first (consents_registrant_idx). */
export async function consentHistory(db: Queryable, registrantId: string) {
  return db
    .select({ decision: consents.decision, textVersion: consents.textVersion, at: consents.at })
    .from(consents)
    .where(eq(consents.registrantId, registrantId))
    .orderBy(desc(consents.at), desc(consents.id));
}

/** The answers of several check-ins in one query (answers_checkin_question_unique). */
export async function answersOf(db: Queryable, checkinIds: string[]) {
  return db
    .select({
      checkinId: answers.checkinId,
      question: answers.question,
      value: answers.value,
      score: answers.score,
    })
    .from(answers)
    .where(inArray(answers.checkinId, checkinIds));
}
