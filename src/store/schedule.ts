// Queries of the weekly schedule: who is due, open check-ins by age, paid-message usage.
import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import * as z from "zod";
import type { Queryable, Tx } from "./db";
import { checkins, conversations, lineAccounts, pushUsage, registrants } from "./schema";

export interface DueRegistrant {
  id: string;
  centerId: string;
  lineUserId: string;
  checkinWeekday: number;
  checkinMinute: number;
  following: boolean;
}

/**
 * Registrants whose weekly check-in is due, served by registrants_due_idx. The rows come back
 * as one JSON array: the driver builds an object per row and column, which for a batch of
 * thousands costs more than the query, while JSON.parse is native.
 */
export async function dueRegistrants(
  db: Queryable,
  now: number,
  limit: number,
): Promise<DueRegistrant[]> {
  const result = await db.all<{ rows: string | null }>(sql`
    select json_group_array(json_array(
      due.id, due.center_id, due.line_user_id, due.checkin_weekday, due.checkin_minute,
      ${lineAccounts.following})) as rows
    from (
      select * from ${registrants}
      where ${registrants.nextCheckinAt} is not null and ${registrants.nextCheckinAt} <= ${now}
      order by ${registrants.nextCheckinAt} limit ${limit}
    ) as due
    join ${lineAccounts} on ${lineAccounts.lineUserId} = due.line_user_id
    where due.line_user_id is not null`);
  return dueRowsSchema
    .parse(JSON.parse(result[0]?.rows ?? "[]"))
    .map(([id, centerId, lineUserId, checkinWeekday, checkinMinute, following]) => ({
      id,
      centerId,
      lineUserId,
      checkinWeekday,
      checkinMinute,
      following: following === 1,
    }));
}

const dueRowsSchema = z.array(
  z.tuple([z.string(), z.string(), z.string(), z.number(), z.number(), z.number()]),
);

/*
 * The bulk statements below take their rows as one JSON parameter that SQLite unpacks with
 * json_each: a batch of thousands is one statement with one bound value, where a VALUES list
 * costs drizzle and the driver time for every value.
 */

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

export async function upsertConversations(
  tx: Tx,
  rows: { lineUserId: string; state: { flow: string }; now: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((row) => [row.lineUserId, row.state.flow, row.state, row.now]),
  );
  // "where true" tells SQLite's parser the ON CONFLICT belongs to the insert, not the join
  await tx.run(sql`
    insert into ${conversations} (line_user_id, flow, state, updated_at)
    select value ->> 0, value ->> 1, value -> 2, value ->> 3 from json_each(${json}) where true
    on conflict (line_user_id) do update
      set flow = excluded.flow, state = excluded.state, updated_at = excluded.updated_at`);
}

/**
 * Of these registrants, those still due: read inside the write, so a second scheduler run that
 * read the same due list before the first committed finds them moved on and sends nothing.
 */
export async function stillDue(tx: Tx, ids: string[], now: number): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.all<{ id: string }>(sql`
    select ${registrants.id} as id from ${registrants}
    where ${registrants.id} in (select value from json_each(${JSON.stringify(ids)}))
      and ${registrants.nextCheckinAt} <= ${now}`);
  return new Set(rows.map((row) => row.id));
}

export async function setNextCheckin(tx: Tx, ids: string[], at: number | null): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(sql`
    update ${registrants} set next_checkin_at = ${at}
    where ${registrants.id} in (select value from json_each(${JSON.stringify(ids)}))`);
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

/** Ends the check-in conversation of a missed check-in (the person starts afresh next time). */
export async function clearCheckinConversation(tx: Tx, lineUserId: string, checkinId: string) {
  await tx
    .delete(conversations)
    .where(
      and(
        eq(conversations.lineUserId, lineUserId),
        eq(conversations.flow, "checkin"),
        sql`json_extract(${conversations.state}, '$.checkinId') = ${checkinId}`,
      ),
    );
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

export async function pushesThisMonth(db: Queryable, month: string): Promise<number> {
  const rows = await db.select().from(pushUsage).where(eq(pushUsage.month, month));
  return rows[0]?.messages ?? 0;
}

export async function countPushes(tx: Tx, month: string, messages: number): Promise<void> {
  await tx
    .insert(pushUsage)
    .values({ month, messages })
    .onConflictDoUpdate({
      target: pushUsage.month,
      set: { messages: sql`${pushUsage.messages} + ${messages}` },
    });
}
