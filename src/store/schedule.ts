// Queries of the weekly schedule: who is due, their next slot, the conversation a check-in opens.
import { and, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { checkins, conversations, lineAccounts, registrants } from "./schema";
import { insertScheduledCheckins, pendingCheckinWhere } from "./checkins";

/**
 * How many are due (counted in registrants_due_idx): most ticks find nobody, and need not open a
 * write. Only a hint, for planning the writes: the claim reads again inside each write.
 */
export async function countDue(db: Queryable, now: number): Promise<number> {
  const rows = await db.all<{ due: number }>(sql`
    select count(*) as due from ${registrants}
    where ${registrants.nextCheckinAt} is not null and ${registrants.nextCheckinAt} <= ${now}`);
  return rows[0]?.due ?? 0;
}

/** What one claim did: everyone whose slot it moved, and whose check-in it started. */
export interface ClaimedBatch {
  /** Registrants whose slot moved (following or not, in a check-in or not). */
  claimed: number;
  /** Claimed, following and in no check-in: their check-in is written, 'sent', in this write. */
  started: number;
  /** Their LINE user ids, for the multicasts. */
  lineUserIds: string[];
  /**
   * Those of them whose LINE account is an employer contact's, read with the rest (for the
   * employer allow-list, queueOutboundAmong): normally none.
   */
  employerContacts: Set<string>;
}

/**
 * Claims up to `limit` due registrants inside the caller's write and starts their check-ins
 * (insertScheduledCheckins): each one's next check-in moves a week on (null while they do not
 * follow: none until they follow again). The due rows are read in the same write and moved only
 * where still due (`next_checkin_at <= now`), so a second run (another tick, another process)
 * that wrote first leaves nothing here to claim, and one that comes later finds these moved on:
 * nobody gets a slot's check-in twice. Those already in a check-in (begun or pending, see
 * usersInCheckin) are claimed but not started: only one is ever open.
 *
 * `slotBases[weekday]` is the latest Tokyo midnight of that weekday at or before `now`
 * (nextWeeklySlot(now, weekday, 0) less a week): the next slot is that plus the minute, or a week
 * later when that is not after `now` — nextWeeklySlot, in SQL.
 *
 * The batch lives in a temp table of the transaction's connection and every step is one
 * statement over it; only the LINE user ids come back, as one JSON string (and, as another, those
 * of them that are employer contacts).
 */
export async function claimDueBatch(
  tx: Tx,
  input: {
    now: number;
    limit: number;
    slotBases: readonly number[];
    weekKey: string;
  },
): Promise<ClaimedBatch> {
  const { now, limit, slotBases } = input;
  await tx.run(sql`create temp table if not exists due_claim (
    rid integer primary key, id text not null, line_user_id text not null,
    following integer not null, employer integer not null, busy integer not null default 0)`);
  await tx.run(sql`delete from temp.due_claim`);
  // served by registrants_due_idx; the line account by its primary key
  await tx.run(sql`
    insert into temp.due_claim (rid, id, line_user_id, following, employer)
    select ${registrants}.rowid, ${registrants.id}, ${registrants.lineUserId},
      ${lineAccounts.following}, ${lineAccounts.role} = 'employer_contact'
    from ${registrants} join ${lineAccounts}
      on ${lineAccounts.lineUserId} = ${registrants.lineUserId}
    where ${registrants.nextCheckinAt} is not null and ${registrants.nextCheckinAt} <= ${now}
    order by ${registrants.nextCheckinAt} limit ${limit}`);
  const base = sql.join(
    slotBases.map((at, weekday) => sql`when ${weekday} then ${at}`),
    sql` `,
  );
  const slot = sql`(case ${registrants.checkinWeekday} ${base} end + ${registrants.checkinMinute} * 60000)`;
  const following = sql`(select following from temp.due_claim as claim
    where claim.rid = ${registrants}.rowid)`;
  // driven by the claim's rowids (a join here would walk the whole due index instead)
  const moved = await tx.run(sql`
    update ${registrants} set next_checkin_at = case when ${following}
        then case when ${slot} > ${now} then ${slot} else ${slot} + ${weekMs} end
        else null end
    where rowid in (select rid from temp.due_claim) and ${registrants.nextCheckinAt} <= ${now}`);
  const read = await tx.all<{ n: number }>(sql`select count(*) as n from temp.due_claim`);
  // read and moved in one write, they cannot differ; if they ever do, nothing is sent
  if (moved.rowsAffected !== (read[0]?.n ?? 0)) throw new Error("due claim moved other rows");
  if (moved.rowsAffected === 0) {
    return { claimed: 0, started: 0, lineUserIds: [], employerContacts: new Set() };
  }
  const person = sql`claim.line_user_id`;
  await tx.run(sql`
    update temp.due_claim as claim set busy = 1
    where following and (
      exists (select 1 from ${conversations}
        where ${conversations.lineUserId} = ${person} and ${conversations.flow} = 'checkin')
      or exists (select 1 from ${checkins}
        where ${pendingCheckinWhere(sql`claim.id`, person, now)}))`);
  const starting = sql`following and not busy`;
  const started = await insertScheduledCheckins(tx, {
    registrantIds: sql`select id as registrant_id from temp.due_claim where ${starting}`,
    weekKey: input.weekKey,
    now,
  });
  const rows = await tx.all<{ users: string; employers: string }>(sql`
    select json_group_array(line_user_id) as users,
      json_group_array(line_user_id) filter (where employer) as employers
    from temp.due_claim where ${starting}`);
  await tx.run(sql`delete from temp.due_claim`);
  const lineUserIds = idList(rows[0]?.users);
  if (lineUserIds.length !== started) throw new Error("due claim started other rows");
  return {
    claimed: moved.rowsAffected,
    started,
    lineUserIds,
    employerContacts: new Set(idList(rows[0]?.employers)),
  };
}

/** A JSON array of ids made by json_group_array (checked by hand: zod takes ~0.6 µs an id). */
function idList(json: string | undefined): string[] {
  const ids: unknown = JSON.parse(json ?? "[]");
  if (Array.isArray(ids) && ids.every((id): id is string => typeof id === "string")) return ids;
  throw new Error("due claim read something other than ids");
}
const weekMs = 7 * 24 * 60 * 60 * 1000;

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
