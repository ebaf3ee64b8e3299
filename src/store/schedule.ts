// Queries of the weekly schedule: who is due, their next slot, the conversation a check-in opens.
import * as z from "zod";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { conversations, lineAccounts, registrants } from "./schema";

export interface DueRegistrant {
  /** The row's rowid: the claim below finds the row by it (and checks the id), not the id's index. */
  rowid: number;
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
      due.rid, due.id, due.center_id, due.line_user_id, due.checkin_weekday, due.checkin_minute,
      ${lineAccounts.following})) as rows
    from (
      select rowid as rid, * from ${registrants}
      where ${registrants.nextCheckinAt} is not null and ${registrants.nextCheckinAt} <= ${now}
      order by ${registrants.nextCheckinAt} limit ${limit}
    ) as due
    join ${lineAccounts} on ${lineAccounts.lineUserId} = due.line_user_id
    where due.line_user_id is not null`);
  return dueRowsSchema
    .parse(JSON.parse(result[0]?.rows ?? "[]"))
    .map(([rowid, id, centerId, lineUserId, checkinWeekday, checkinMinute, following]) => ({
      rowid,
      id,
      centerId,
      lineUserId,
      checkinWeekday,
      checkinMinute,
      following: following === 1,
    }));
}

const dueRowsSchema = z.array(
  z.tuple([z.number(), z.string(), z.string(), z.string(), z.number(), z.number(), z.number()]),
);

/**
 * Claims due registrants for this run: moves each one's next check-in to `next` (null: none
 * until they follow again) where it is still due, and returns the rowids it moved. This is the
 * read again inside the write: a second scheduler run that read the same due list before the
 * first committed finds them moved on and claims nothing. The rows come as one JSON parameter
 * that SQLite unpacks with json_each (one statement, one bound value, for thousands of rows).
 */
export async function claimDue(
  tx: Tx,
  rows: { rowid: number; id: string; next: number | null }[],
  now: number,
): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const json = JSON.stringify(rows.map((row) => [row.rowid, row.next, row.id]));
  const claimed = await tx.all<{ rid: number }>(sql`
    update ${registrants} set next_checkin_at = claim.value ->> 1
    from json_each(${json}) as claim
    where ${registrants}.rowid = claim.value ->> 0 and ${registrants.id} = claim.value ->> 2
      and ${registrants.nextCheckinAt} <= ${now}
    returning ${registrants}.rowid as rid`);
  return new Set(claimed.map((row) => row.rid));
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
