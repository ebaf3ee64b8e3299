// The outbox: every outbound message waits here, in the transaction that caused it, until LINE took it.
import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import { placeholders, template, type Queryable, type Statement, type Tx } from "./db";
import { outbox } from "./schema";
import { type AccountRole, type OutboxKind, type OutboxPurpose } from "../vocabulary/kinds";

export type OutboxRow = typeof outbox.$inferSelect;

export interface NewOutboxMessage {
  kind: Exclude<OutboxKind, "richmenu">;
  recipients: string[];
  messages: unknown[];
  replyToken?: string | undefined;
  replyExpiresAt?: number | undefined;
  /** Held by the creator until then, so the sweep leaves a fresh reply to the request that made it. */
  leaseUntil?: number | undefined;
  sourceEventId?: string | undefined;
  /** What it is (a crisis reply, an alert…), shown to staff if it cannot be sent. */
  purpose?: OutboxPurpose | undefined;
  /** The registrants the messages name, when the recipient is someone else (staff, employers). */
  about?: string[] | undefined;
  now: number;
}

export async function enqueue(tx: Tx, message: NewOutboxMessage): Promise<OutboxRow> {
  const queued = enqueueStatement(tx, message);
  return queued.row(await queued.statement);
}

/**
 * enqueue's insert, for a batch: the statement, and the row it wrote once its result (the new
 * id) is back.
 */
export function enqueueStatement(q: Queryable, message: NewOutboxMessage) {
  const values = messageValues(message);
  // Only the id comes back: the rest is known here, and reading it back costs per event.
  const statement = insertMessage(q, values);
  return {
    statement,
    retryKey: values.retryKey,
    row(result: unknown): OutboxRow {
      const id = (result as { id: number }[])[0]?.id;
      if (id === undefined) throw new Error("outbox insert returned no row");
      return {
        ...values,
        id,
        status: "pending",
        attempts: 0,
        lastError: null,
        sentAt: null,
        handledAt: null,
        handledBy: null,
        menuRole: null,
      };
    },
  };
}

function messageValues(message: NewOutboxMessage) {
  return {
    retryKey: crypto.randomUUID(),
    kind: message.kind,
    recipients: message.recipients,
    messages: message.messages,
    replyToken: message.replyToken ?? null,
    replyExpiresAt: message.replyExpiresAt ?? null,
    leaseUntil: message.leaseUntil ?? null,
    sourceEventId: message.sourceEventId ?? null,
    purpose: message.purpose ?? "message",
    about: message.about ?? null,
    nextAttemptAt: message.now,
    createdAt: message.now,
  };
}

const messageShape: Record<keyof ReturnType<typeof messageValues>, true> = {
  retryKey: true,
  kind: true,
  recipients: true,
  messages: true,
  replyToken: true,
  replyExpiresAt: true,
  leaseUntil: true,
  sourceEventId: true,
  purpose: true,
  about: true,
  nextAttemptAt: true,
  createdAt: true,
};

const insertMessage = template<ReturnType<typeof messageValues>>((q) =>
  q.insert(outbox).values(placeholders(messageShape)).returning({ id: outbox.id }),
);

/**
 * Queues the change of a person's rich menu to their role's (a guest's: LINE's default), with the
 * statement that changed the role. It carries no words, so it bypasses the employer allow-list,
 * and it is no message: no push budget, not among the undelivered. A change still waiting for
 * the same person is dropped, so that only the latest role reaches LINE. Held for the caller
 * until `leaseUntil` when given, so it can send it right after its commit without the sweep
 * sending it too.
 */
export function menuChangeStatements(
  q: Queryable,
  lineUserId: string,
  role: AccountRole,
  now: number,
  leaseUntil: number | null,
) {
  const values = {
    retryKey: crypto.randomUUID(),
    kind: "richmenu" as const,
    recipients: [lineUserId],
    messages: [],
    menuRole: role,
    leaseUntil,
    nextAttemptAt: now,
    createdAt: now,
  };
  return {
    statements: [
      q.delete(outbox).where(
        and(
          eq(outbox.kind, "richmenu"),
          eq(outbox.status, "pending"),
          sql`${outbox.recipients} = ${JSON.stringify([lineUserId])}`,
          // one a sender holds right now is left to finish
          or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now)),
        ),
      ),
      q.insert(outbox).values(values).returning(),
    ] as const,
    row: (result: unknown): OutboxRow => {
      const row = (result as OutboxRow[])[0];
      if (!row) throw new Error("outbox insert returned no row");
      return row;
    },
  };
}

/** Marks many first-attempt successes sent in one statement (the replies of one batch). */
export function markManySent(q: Queryable, ids: number[], now: number): Statement {
  return q
    .update(outbox)
    .set({ status: "sent", sentAt: now, attempts: 1, leaseUntil: null, lastError: null })
    .where(inArray(outbox.id, ids));
}

/**
 * Takes up to `limit` due rows for sending: each gets a lease (so a concurrent sweep skips it)
 * and its attempt counted before anything goes out.
 */
export async function claimDue(
  tx: Tx,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<OutboxRow[]> {
  const due = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, "pending"),
        lte(outbox.nextAttemptAt, now),
        or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit);
  if (due.length === 0) return [];
  return tx
    .update(outbox)
    .set({ leaseUntil: now + leaseMs, attempts: sql`${outbox.attempts} + 1` })
    .where(
      inArray(
        outbox.id,
        due.map((row) => row.id),
      ),
    )
    .returning();
}

export async function markSent(
  tx: Tx,
  id: number,
  now: number,
  attempts: number,
  note: string | null = null,
) {
  await tx
    .update(outbox)
    .set({ status: "sent", sentAt: now, attempts, leaseUntil: null, lastError: note })
    .where(eq(outbox.id, id));
}

export async function markRetry(
  tx: Tx,
  id: number,
  nextAttemptAt: number,
  error: string,
  change: { attempts?: number; dropReplyToken?: boolean } = {},
) {
  await tx
    .update(outbox)
    .set({
      nextAttemptAt,
      lastError: error,
      leaseUntil: null,
      ...(change.attempts === undefined ? {} : { attempts: change.attempts }),
      ...(change.dropReplyToken ? { replyToken: null } : {}),
    })
    .where(eq(outbox.id, id));
}

export async function markFailed(tx: Tx, id: number, error: string, attempts?: number) {
  await tx
    .update(outbox)
    .set({
      status: "failed",
      lastError: error,
      leaseUntil: null,
      ...(attempts === undefined ? {} : { attempts }),
    })
    .where(eq(outbox.id, id));
}

/**
 * A rich menu change LINE refused for good: failed, and settled at once, since nobody has to act
 * (the person still sees a menu; their next role change tries again). Retention prunes it.
 */
export async function markMenuChangeFailed(
  tx: Tx,
  id: number,
  error: string,
  attempts: number,
  now: number,
) {
  await tx
    .update(outbox)
    .set({ status: "failed", lastError: error, leaseUntil: null, attempts, handledAt: now })
    .where(eq(outbox.id, id));
}

export async function findOutbox(db: Queryable, ids: number[]): Promise<OutboxRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(outbox).where(inArray(outbox.id, ids));
}

/** Messages that could not be sent, newest first (a rich menu change is no message). */
export async function listFailed(db: Queryable, limit: number) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "failed"), ne(outbox.kind, "richmenu")))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}

/** A LINE user id in `recipients` that belongs to this center (a registrant, contact or staff). */
const recipientOfCenter = (centerId: string) => sql`exists (
  select 1 from json_each(${outbox.recipients}) r where
    r.value in (select line_user_id from registrants where center_id = ${centerId})
    or r.value in (select line_user_id from employer_contacts where center_id = ${centerId})
    or r.value in (select line_user_id from staff where center_id = ${centerId}))`;

/** How many of a center's undelivered messages no supervisor has dealt with (the digest says). */
export async function countUndelivered(db: Queryable, centerId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)` })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, "failed"),
        isNull(outbox.handledAt),
        ne(outbox.kind, "richmenu"),
        recipientOfCenter(centerId),
      ),
    );
  return rows[0]?.n ?? 0;
}

/**
 * Sends a failed message again with a new key: a reply as a push (its token is long dead), a
 * multicast as itself.
 */
export async function requeueFailed(tx: Tx, id: number, now: number) {
  await tx
    .update(outbox)
    .set({
      status: "pending",
      kind: sql`case when ${outbox.kind} = 'multicast' then 'multicast' else 'push' end`,
      replyToken: null,
      attempts: 0,
      nextAttemptAt: now,
      leaseUntil: null,
      retryKey: crypto.randomUUID(),
      handledAt: null,
      handledBy: null,
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, "failed"), ne(outbox.kind, "richmenu")));
}

export async function markHandled(tx: Tx, id: number, staffId: string, now: number) {
  await tx
    .update(outbox)
    .set({ handledAt: now, handledBy: staffId })
    .where(and(eq(outbox.id, id), eq(outbox.status, "failed")));
}

/**
 * Moves some recipients of a failed multicast to a failed row of their own (same messages, same
 * failure), so one center acts on its people without sending or closing another's. Returns the
 * new row's id, or the same id when they were all of its recipients.
 */
export async function detachRecipients(tx: Tx, id: number, moving: string[]): Promise<number> {
  const rows = await tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.status, "failed")));
  const row = rows[0];
  if (!row) return id;
  const moved = new Set(moving);
  const staying = row.recipients.filter((recipient) => !moved.has(recipient));
  if (staying.length === 0) return id;
  const { id: _old, ...copy } = row;
  const inserted = await tx
    .insert(outbox)
    .values({
      ...copy,
      retryKey: crypto.randomUUID(),
      recipients: row.recipients.filter((recipient) => moved.has(recipient)),
    })
    .returning({ id: outbox.id });
  await tx.update(outbox).set({ recipients: staying }).where(eq(outbox.id, id));
  const newId = inserted[0]?.id;
  if (newId === undefined) throw new Error("outbox insert returned no row");
  return newId;
}

/**
 * Takes a LINE user off outbox rows (of these purposes, and only pending ones, when given): a
 * row to them alone is deleted, a multicast keeps going to the others. Returns rows deleted.
 */
export async function dropRecipient(
  tx: Tx,
  lineUserId: string,
  only?: { pending: true; purposes: OutboxPurpose[] },
): Promise<number> {
  const toThem = and(
    sql`exists (select 1 from json_each(${outbox.recipients}) where value = ${lineUserId})`,
    only === undefined ? undefined : eq(outbox.status, "pending"),
    only === undefined ? undefined : inArray(outbox.purpose, only.purposes),
  );
  await tx
    .update(outbox)
    .set({
      recipients: sql`(select json_group_array(value) from json_each(${outbox.recipients}) where value <> ${lineUserId})`,
    })
    .where(
      and(eq(outbox.kind, "multicast"), toThem, sql`json_array_length(${outbox.recipients}) > 1`),
    );
  const deleted = await tx.delete(outbox).where(toThem).returning({ id: outbox.id });
  return deleted.length;
}
