// Queries of the weekly schedule: who is due, their next slot, the conversation a check-in opens.
import * as z from "zod";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { conversations, lineAccounts, registrants } from "./schema";

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
