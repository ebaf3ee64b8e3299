// A registrant's last weeks of check-ins, shaped for the trend rules.
import { and, desc, eq, inArray, lte, max } from "drizzle-orm";
import { weekKey } from "../time/calendar";
import type { Queryable } from "./db";
import { answersOf } from "./history";
import { checkins } from "./schema";
import type { CheckinStatus, QuestionKey } from "../vocabulary/kinds";

export interface TrendAnswer {
  value: string;
  score: number | null;
}

/** One week's check-in as the trend rules see it. Lists of weeks run oldest first, newest last. */
export interface TrendWeek {
  /** ISO week key of the Japan-time week ("2026-W47"). */
  weekKey: string;
  status: CheckinStatus;
  answers: Partial<Record<QuestionKey, TrendAnswer>>;
}

/**
 * The registrant's last `count` weeks with a check-in sent by `now`, oldest first. Every origin
 * counts: a check-in the person started or staff sent is as much their answer as a scheduled
 * one. When a week has several, the latest one with answers stands for it (else the latest).
 * Weeks without any check-in (paused) are simply absent; missed ones come with status "missed".
 *
 * Two queries, never one per check-in: the check-ins of the last `count` week keys (both the
 * week keys subquery and the outer query range over checkins_registrant_idx), then all their
 * answers at once (answers_checkin_question_unique).
 */
export async function recentWeeksForTrends(
  db: Queryable,
  registrantId: string,
  now: number,
  count = 4,
): Promise<TrendWeek[]> {
  const sentBy = () => and(eq(checkins.registrantId, registrantId), lte(checkins.sentAt, now));
  const latestWeekKeys = db
    .select({ weekKey: checkins.weekKey })
    .from(checkins)
    .where(sentBy())
    .groupBy(checkins.weekKey)
    .orderBy(desc(max(checkins.sentAt)))
    .limit(count);
  const rows = await db
    .select({
      id: checkins.id,
      status: checkins.status,
      weekKey: checkins.weekKey,
      sentAt: checkins.sentAt,
    })
    .from(checkins)
    .where(and(sentBy(), inArray(checkins.weekKey, latestWeekKeys)))
    .orderBy(desc(checkins.sentAt));
  if (rows.length === 0) return [];
  const answerRows = await answersOf(
    db,
    rows.map((row) => row.id),
  );
  const byCheckin = new Map<string, Partial<Record<QuestionKey, TrendAnswer>>>();
  for (const { checkinId, question, value, score } of answerRows) {
    byCheckin.set(checkinId, { ...byCheckin.get(checkinId), [question]: { value, score } });
  }
  return trendWeeksOf(
    rows.map((row) => ({ ...row, answers: byCheckin.get(row.id) ?? {} })),
    count,
  );
}

/** A check-in with its answers, as the trend rules are built from it. */
export interface TrendCheckin {
  id: string;
  status: CheckinStatus;
  weekKey: string;
  sentAt: number;
  answers: Partial<Record<QuestionKey, TrendAnswer>>;
}

/**
 * The last `count` weeks of these check-ins, oldest first (see recentWeeksForTrends): one per
 * week, the latest one with answers standing for it (else the latest).
 */
export function trendWeeksOf(checkins: readonly TrendCheckin[], count: number): TrendWeek[] {
  // newest first, so the first check-in seen for a week is its latest
  const newestFirst = [...checkins].sort((a, b) => b.sentAt - a.sentAt);
  const byWeek = new Map<string, TrendWeek>();
  for (const row of newestFirst) {
    // rows written before week keys existed carry "": their week follows from when they went out
    const key = row.weekKey === "" ? weekKey(row.sentAt) : row.weekKey;
    const answered = Object.keys(row.answers).length > 0;
    const chosen = byWeek.get(key);
    if (!chosen || (Object.keys(chosen.answers).length === 0 && answered)) {
      byWeek.set(key, { weekKey: key, status: row.status, answers: row.answers });
    }
  }
  return [...byWeek.values()].slice(0, count).reverse();
}
