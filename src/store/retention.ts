// What the retention job removes, one bounded batch per call. Every statement checks its own
// condition again when it writes, so a batch run twice, or by two instances at once, changes
// nothing the second time. Nothing here reads or returns the words it removes.
import { sql, type SQL } from "drizzle-orm";
import type { Queryable, Tx } from "./db";

export const dayMs = 24 * 60 * 60 * 1000;

/** The period of a center that set none (the column's default) and of messages of no center. */
export const defaultRetentionDays = 1095;

/**
 * Evidence keys that hold someone's own words: the quoted message or report (`quote`; `text`,
 * `message` and `words` are shown as quotes too) and the phrases the tables matched in it, as
 * written. What stays: category, severity, reason, source, the check-in answer labels, the
 * model's score, times.
 */
export const wordKeys = ["quote", "text", "message", "words", "phrases"] as const;

function changed(result: { rowsAffected: number }): number {
  return result.rowsAffected;
}

/** Staff sessions past their absolute end or idle since `idleSince` (both refused at login). */
export async function pruneSessions(
  tx: Tx,
  cutoffs: { now: number; idleSince: number },
  limit: number,
): Promise<number> {
  return changed(
    await tx.run(sql`
      delete from sessions where rowid in (
        select rowid from sessions
        where expires_at <= ${cutoffs.now} or last_seen_at <= ${cutoffs.idleSince}
        limit ${limit})`),
  );
}

/** Failed logins recorded before `before` (login_failures_at_idx). */
export async function pruneLoginFailures(tx: Tx, before: number, limit: number): Promise<number> {
  return changed(
    await tx.run(sql`
      delete from login_failures where rowid in (
        select rowid from login_failures where at < ${before} limit ${limit})`),
  );
}

/** Wrong link codes recorded before `before` (link_failures_at_idx). */
export async function pruneLinkFailures(tx: Tx, before: number, limit: number): Promise<number> {
  return changed(
    await tx.run(sql`
      delete from link_failures where rowid in (
        select rowid from link_failures where at < ${before} limit ${limit})`),
  );
}

/**
 * Processed webhook events received before `before`. Ids are written in time order, so the
 * oldest are the first rows: the scan in row order finds them without an index of its own (one
 * would cost every webhook a write). Messages keep the id they came in with (no foreign key).
 */
export async function pruneProcessedEvents(tx: Tx, before: number, limit: number): Promise<number> {
  return changed(
    await tx.run(sql`
      delete from processed_events where rowid in (
        select rowid from processed_events where received_at < ${before}
        order by rowid limit ${limit})`),
  );
}

/**
 * The retention period, in days, of the message `m`: the center of its registrant, else of the
 * registrant, employer contact or staff member its LINE user is (words sent before linking),
 * else the default (a guest).
 */
const messageRetentionDays = sql`coalesce(
  (select c.retention_days from registrants r join centers c on c.id = r.center_id
    where r.id = m.registrant_id),
  (select c.retention_days from registrants r join centers c on c.id = r.center_id
    where r.line_user_id = m.line_user_id),
  (select c.retention_days from employer_contacts ec join centers c on c.id = ec.center_id
    where ec.line_user_id = m.line_user_id),
  (select c.retention_days from staff s join centers c on c.id = s.center_id
    where s.line_user_id = m.line_user_id),
  ${defaultRetentionDays})`;

const textExpired = (now: number) =>
  sql`m.text is not null and m.created_at < ${now} - ${messageRetentionDays} * ${dayMs}`;

/** The shortest period in force: no message newer than that many days can be due. */
export async function shortestRetentionDays(db: Queryable): Promise<number> {
  const rows = await db.all<{ days: number | null }>(
    sql`select min(retention_days) as days from centers`,
  );
  return Math.min(rows[0]?.days ?? defaultRetentionDays, defaultRetentionDays);
}

/** Where a scan through messages by age stopped: the last row it returned. */
export interface MessageCursor {
  createdAt: number;
  id: number;
}

/**
 * Outbox rows LINE accepted before `before`, oldest first. A read: nothing indexes sent rows, so
 * the scan runs without the write lock and the delete takes the rows by id.
 */
export async function findSentOutbox(
  db: Queryable,
  before: number,
  limit: number,
): Promise<number[]> {
  const rows = await db.all<{ id: number }>(sql`
    select id from outbox where status = 'sent' and sent_at < ${before} order by id limit ${limit}`);
  return rows.map((row) => row.id);
}

export async function deleteSentOutbox(tx: Tx, ids: number[], before: number): Promise<number> {
  if (ids.length === 0) return 0;
  return changed(
    await tx.run(sql`
      delete from outbox
      where id in (select value from json_each(${JSON.stringify(ids)}))
        and status = 'sent' and sent_at < ${before}`),
  );
}

/** Failed outbox rows a supervisor marked handled before `before` (outbox_failed_idx). */
export async function pruneHandledOutbox(tx: Tx, before: number, limit: number): Promise<number> {
  return changed(
    await tx.run(sql`
      delete from outbox where rowid in (
        select rowid from outbox
        where status = 'failed' and handled_at is not null and handled_at < ${before}
        limit ${limit})`),
  );
}

/** Whether a JSON column still holds a value under any of the word keys. */
function holdsWords(column: SQL): SQL {
  return sql.join(
    wordKeys.map((key) => sql`coalesce(json_type(${column}, ${`$.${key}`}), 'null') <> 'null'`),
    sql` or `,
  );
}

/** The column with each word key it has set to null: it still shows there were words. */
function withoutWords(column: SQL): SQL {
  return sql`json_replace(${column}, ${sql.join(
    wordKeys.map((key) => sql`${`$.${key}`}, null`),
    sql`, `,
  )})`;
}

/** The escalation `e` of center `c` was resolved longer ago than the center's period. */
const resolvedPastPeriod = (now: number) =>
  sql`e.status = 'resolved' and e.resolved_at < ${now} - c.retention_days * ${dayMs}`;

/**
 * Up to `limit` escalations resolved longer ago than their center's period that still quote
 * someone's words: in a signal, a `signal` timeline entry or an employer report. Open and
 * acknowledged escalations keep their evidence: staff still work from it.
 */
export async function findEscalationsWithOldWords(
  db: Queryable,
  now: number,
  limit: number,
): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`
    select e.id as id from escalations e join centers c on c.id = e.center_id
    where ${resolvedPastPeriod(now)}
      and (
        exists (select 1 from signals s
          where s.registrant_id = e.registrant_id and s.escalation_id = e.id
            and (${holdsWords(sql`s.evidence`)}))
        or exists (select 1 from escalation_events v
          where v.escalation_id = e.id and v.kind = 'signal'
            and (${holdsWords(sql`v.detail`)}))
        or exists (select 1 from employer_reports r
          where r.escalation_id = e.id and r.words is not null))
    limit ${limit}`);
  return rows.map((row) => row.id);
}

export interface ScrubbedWords {
  signals: number;
  events: number;
  reports: number;
}

/**
 * Removes the quoted words from these escalations' signals, `signal` timeline entries and
 * employer reports, for those still resolved past their period. Category, severity, times, the
 * reason and everything staff wrote or did stay.
 */
export async function scrubEscalationWords(
  tx: Tx,
  ids: string[],
  now: number,
): Promise<ScrubbedWords> {
  if (ids.length === 0) return { signals: 0, events: 0, reports: 0 };
  const listed = JSON.stringify(ids);
  const due = sql`(
    select e.id from escalations e join centers c on c.id = e.center_id
    where e.id in (select value from json_each(${listed})) and ${resolvedPastPeriod(now)})`;
  // signals are reached through their registrant (signals_registrant_idx), then their escalation
  const signals = changed(
    await tx.run(sql`
      update signals set evidence = ${withoutWords(sql`evidence`)}
      where registrant_id in (
          select e.registrant_id from escalations e
          where e.id in (select value from json_each(${listed})))
        and escalation_id in ${due}
        and (${holdsWords(sql`evidence`)})`),
  );
  const events = changed(
    await tx.run(sql`
      update escalation_events set detail = ${withoutWords(sql`detail`)}
      where escalation_id in ${due} and kind = 'signal' and (${holdsWords(sql`detail`)})`),
  );
  const reports = changed(
    await tx.run(sql`
      update employer_reports set words = null
      where escalation_id in ${due} and words is not null`),
  );
  return { signals, events, reports };
}

/**
 * Registrants whose support ended longer ago than their center's period, with nothing open and
 * nothing said since within it (words still reach the center after the end): they are erased
 * like on request (eraseRegistrantData).
 */
export async function findEndedPastRetention(db: Queryable, now: number, limit: number) {
  const rows = await db.all<{
    id: string;
    centerId: string;
    displayName: string;
    lineUserId: string | null;
  }>(sql`
    select r.id as id, r.center_id as centerId, r.display_name as displayName,
      r.line_user_id as lineUserId
    from registrants r join centers c on c.id = r.center_id
    where r.status = 'ended' and r.ended_at < ${now} - c.retention_days * ${dayMs}
      and not exists (select 1 from escalations e
        where e.registrant_id = r.id and e.status <> 'resolved')
      and not exists (select 1 from messages m
        where m.registrant_id = r.id and m.created_at >= ${now} - c.retention_days * ${dayMs})
    limit ${limit}`);
  return rows;
}

/** A typed check-in answer's center period, through its check-in and registrant. */
const answerExpired = (now: number) => sql`a.question = 'message' and a.value <> ''
  and a.answered_at < ${now} - (select c.retention_days from checkins k
    join registrants r on r.id = k.registrant_id join centers c on c.id = r.center_id
    where k.id = a.checkin_id) * ${dayMs}`;

/**
 * Words kept only for their center's period, where they live: message text (the row stays), and
 * what a person typed as a check-in's 「ひとこと」 (the answer stays, emptied).
 */
interface AgedWords {
  /** The table, aliased as the `expired` condition expects. */
  from: SQL;
  time: SQL;
  id: SQL;
  /** Rows still holding words (the partial index's condition). */
  held: SQL;
  expired: (now: number) => SQL;
  /** `update … set …` that removes the words. */
  clear: SQL;
}

const messageText: AgedWords = {
  from: sql`messages m`,
  time: sql`m.created_at`,
  id: sql`m.id`,
  held: sql`m.text is not null`,
  expired: textExpired,
  clear: sql`update messages set text = null`,
};

const typedAnswers: AgedWords = {
  from: sql`answers a`,
  time: sql`a.answered_at`,
  id: sql`a.id`,
  held: sql`a.question = 'message' and a.value <> ''`,
  expired: answerExpired,
  clear: sql`update answers set value = ''`,
};

/**
 * Up to `limit` rows whose words are past their center's period, oldest first, after `cursor`
 * (which passes those a longer period still keeps). A read, so the scan holds no write lock:
 * the partial index holds only rows that still have words, and `upTo` (now less the shortest
 * period) ends the range.
 */
async function findExpired(
  db: Queryable,
  words: AgedWords,
  args: { now: number; upTo: number; cursor: MessageCursor | null; limit: number },
): Promise<MessageCursor[]> {
  const after =
    args.cursor === null
      ? sql``
      : sql`and (${words.time}, ${words.id}) > (${args.cursor.createdAt}, ${args.cursor.id})`;
  return db.all<MessageCursor>(sql`
    select ${words.id} as id, ${words.time} as createdAt from ${words.from}
    where ${words.held} and ${words.time} < ${args.upTo} ${after}
      and ${words.expired(args.now)}
    order by ${words.time}, ${words.id}
    limit ${args.limit}`);
}

/** Removes the words of these rows, of those still past their period; the rows stay. */
async function clearExpired(tx: Tx, words: AgedWords, ids: number[], now: number): Promise<number> {
  if (ids.length === 0) return 0;
  return changed(
    await tx.run(sql`
      ${words.clear} where id in (
        select ${words.id} from ${words.from}
        where ${words.id} in (select value from json_each(${JSON.stringify(ids)}))
          and ${words.expired(now)})`),
  );
}

export const findExpiredText = (db: Queryable, args: Parameters<typeof findExpired>[2]) =>
  findExpired(db, messageText, args);
export const clearExpiredText = (tx: Tx, ids: number[], now: number) =>
  clearExpired(tx, messageText, ids, now);
export const findExpiredAnswers = (db: Queryable, args: Parameters<typeof findExpired>[2]) =>
  findExpired(db, typedAnswers, args);
export const clearExpiredAnswers = (tx: Tx, ids: number[], now: number) =>
  clearExpired(tx, typedAnswers, ids, now);
