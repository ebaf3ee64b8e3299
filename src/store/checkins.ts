// Check-ins and their answers: the one writer of check-in rows (sent, answered, reminded, missed).
import {
  eq,
  and,
  asc,
  desc,
  inArray,
  isNull,
  lte,
  sql,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import type { Tx, Queryable, Statement } from "./db";
import { answers, checkins, conversations, lineAccounts, registrants } from "./schema";
import type { CheckinOrigin, QuestionKey } from "../vocabulary/kinds";

export function insertCheckin(
  q: Queryable,
  input: { id: string; registrantId: string; origin: CheckinOrigin; weekKey: string; now: number },
): Statement {
  return q.insert(checkins).values({
    id: input.id,
    registrantId: input.registrantId,
    origin: input.origin,
    weekKey: input.weekKey,
    status: "sent",
    sentAt: input.now,
  });
}

export interface NewAnswer {
  checkinId: string;
  question: QuestionKey;
  value: string;
  score: number | null;
  now: number;
}

/** Saves an answer (a changed answer replaces the old one) and marks the check-in begun. */
export async function upsertAnswer(tx: Tx, input: NewAnswer): Promise<void> {
  for (const statement of answerStatements(tx, input)) await statement;
}

/** upsertAnswer's statements, for a batch. */
export function answerStatements(q: Queryable, input: NewAnswer): Statement[] {
  const save = q
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
  return [
    save,
    q.update(checkins).set({ status: "in_progress" }).where(eq(checkins.id, input.checkinId)),
  ];
}

export function completeCheckin(q: Queryable, id: string, now: number): Statement {
  return q
    .update(checkins)
    .set({ status: "completed", completedAt: now })
    .where(eq(checkins.id, id));
}

/**
 * Unanswered this long, a check-in counts as missed, whether or not the sweep has recorded it
 * yet: a scheduled check-in older than this is never begun.
 */
export const missedAfterMs = 72 * 60 * 60 * 1000;

/**
 * A scheduled check-in's conversation is created by the first thing the person sends after it
 * (the fan-out writes none). Until then the check-in is pending: still 'sent', younger than
 * `missedAfterMs`, and the person's conversation (if any) is older than it — a conversation
 * saved since means it has begun, and from then on the saved conversation is the truth.
 * `registrant` and `lineUserId` are SQL naming the person; served by checkins_registrant_idx.
 */
export function pendingCheckinWhere(registrant: SQL, lineUserId: SQL, now: number): SQL {
  return pendingCheckinSince(registrant, lineUserId, now - missedAfterMs);
}

/** pendingCheckinWhere with the time it looks back to (`now - missedAfterMs`) given as SQL. */
export function pendingCheckinSince(
  registrant: SQL,
  lineUserId: SQL,
  since: number | SQLWrapper,
): SQL {
  return sql`${checkins.registrantId} = ${registrant}
    and ${checkins.sentAt} > ${since}
    and ${checkins.status} = 'sent' and ${checkins.origin} = 'scheduled'
    and not exists (select 1 from ${conversations}
      where ${conversations.lineUserId} = ${lineUserId}
        and ${conversations.updatedAt} >= ${checkins.sentAt})`;
}

/**
 * Of these LINE users, those in a check-in: one begun (its conversation open) or one scheduled
 * and not yet begun (pending). Only one is ever open.
 */
export async function usersInCheckin(
  db: Queryable,
  lineUserIds: string[],
  now: number,
): Promise<Set<string>> {
  if (lineUserIds.length === 0) return new Set();
  const person = sql`person.value`;
  const rows = await db.all<{ line_user_id: string }>(sql`
    select ${person} as line_user_id from json_each(${JSON.stringify(lineUserIds)}) as person
    where exists (select 1 from ${conversations}
        where ${conversations.lineUserId} = ${person} and ${conversations.flow} = 'checkin')
      or exists (select 1 from ${registrants} join ${checkins}
        on ${pendingCheckinWhere(sql`${registrants.id}`, person, now)}
        where ${registrants.lineUserId} = ${person})`);
  return new Set(rows.map((row) => row.line_user_id));
}

/**
 * Scheduled check-ins, 'sent', one for each registrant id `registrantIds` selects (a query of one
 * column, `registrant_id`), made in SQL with time-ordered ids: RFC 9562 version 7's layout, the
 * first 48 bits `now` in ms (one more for every 4,096 rows), the next 12 the row's place in
 * registrant order, the rest random (62 bits). A run's check-ins then land at the end of the
 * primary key's index, in order, and no id or row is built in JavaScript. Returns how many.
 */
export async function insertScheduledCheckins(
  tx: Tx,
  input: { registrantIds: SQL; weekKey: string; now: number },
): Promise<number> {
  const { now } = input;
  // xxxxxxxx-xxxx-7nnn-Vrrr-rrrrrrrrrrrr: the time t, version 7, the place n, the variant V
  const result = await tx.run(sql`
    insert into ${checkins} (id, registrant_id, origin, week_key, status, sent_at)
    select printf('%08x-%04x-7%03x-%x%03x-%012x', t >> 16, t & 65535, n & 4095,
        8 | (random() & 3), random() & 4095, random() & 281474976710655),
      registrant_id, 'scheduled', ${input.weekKey}, 'sent', ${now}
    from (select ${now} + (n >> 12) as t, n, registrant_id from (
      select row_number() over (order by registrant_id) - 1 as n, registrant_id
      from (${input.registrantIds})))`);
  return result.rowsAffected;
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
