// Escalations and their timelines. Queue order: resolved last, severity, unacknowledged first, deadline.
import { and, asc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Category, Severity, Source } from "../vocabulary/categories";
import { severities } from "../vocabulary/categories";
import { writeGuard, type Queryable, type Statement, type Tx } from "./db";
import { escalationEvents, escalations, registrants, staff } from "./schema";
import { type EscalationEventKind, type EscalationStatus } from "../vocabulary/kinds";

export type EscalationRow = typeof escalations.$inferSelect;

/** What raising a signal needs to know of the unresolved escalation it may join. */
export type UnresolvedEscalation = Pick<
  EscalationRow,
  "id" | "severity" | "severityRank" | "status" | "ackDueAt" | "alertedRank"
>;

export interface NewEscalation {
  centerId: string;
  registrantId: string;
  category: Category;
  severity: Severity;
  source: Source;
  summary: string;
  ackDueAt: number;
  reescalateAt: number;
  evidence: Record<string, unknown>;
  now: number;
}

/**
 * Opens an escalation with the id given: the row and its first two timeline entries. A second
 * unresolved one for the same person and category is refused (escalations_unresolved_unique).
 */
export function insertEscalation(q: Queryable, id: string, input: NewEscalation): Statement[] {
  return [
    q.insert(escalations).values({
      id,
      centerId: input.centerId,
      registrantId: input.registrantId,
      category: input.category,
      severity: input.severity,
      severityRank: severities.indexOf(input.severity),
      source: input.source,
      summary: input.summary,
      openedAt: input.now,
      ackDueAt: input.ackDueAt,
      reescalateAt: input.reescalateAt,
      updatedAt: input.now,
    }),
    insertEscalationEvent(q, id, "opened", input.now, null, { source: input.source }),
    insertEscalationEvent(q, id, "signal", input.now, null, input.evidence),
  ];
}

export function insertEscalationEvent(
  q: Queryable,
  escalationId: string,
  kind: EscalationEventKind,
  at: number,
  actorStaffId: string | null,
  detail: Record<string, unknown>,
): Statement {
  return q.insert(escalationEvents).values({ escalationId, kind, at, actorStaffId, detail });
}

export interface QueueFilter {
  statuses: EscalationStatus[];
  category?: string | undefined;
  assignedTo?: string | undefined;
  /** A staff member's own: assigned to them, or about a person whose primary worker they are. */
  mine?: string | undefined;
  limit: number;
}

/**
 * The queue: severity, then acknowledge-by time, then age. The ids are sorted and limited on
 * escalations_queue_idx alone (a covering index), and only the page's rows are read and joined,
 * so a long resolved history does not slow it down.
 */
export async function listQueue(db: Queryable, centerId: string, filter: QueueFilter) {
  const conditions: SQL[] = [
    eq(escalations.centerId, centerId),
    inArray(escalations.status, filter.statuses),
  ];
  if (filter.category) conditions.push(eq(escalations.category, filter.category));
  if (filter.assignedTo) conditions.push(eq(escalations.assignedTo, filter.assignedTo));
  if (filter.mine) {
    const theirs = db
      .select({ id: registrants.id })
      .from(registrants)
      .where(and(eq(registrants.centerId, centerId), eq(registrants.caseworkerId, filter.mine)));
    const mine = or(
      eq(escalations.assignedTo, filter.mine),
      inArray(escalations.registrantId, theirs),
    );
    if (mine) conditions.push(mine);
  }
  // resolved never above unresolved; within a severity, what nobody acknowledged comes first
  const statusRank = sql`case ${escalations.status} when 'open' then 0 when 'acknowledged' then 1 else 2 end`;
  const order = [
    sql`(${escalations.status} = 'resolved')`,
    asc(escalations.severityRank),
    asc(statusRank),
    asc(escalations.ackDueAt),
    asc(escalations.openedAt),
  ];
  const page = db
    .select({ key: sql<number>`${escalations}.rowid`.as("key") })
    .from(escalations)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(filter.limit)
    .as("page");
  return db
    .select({ escalation: escalations, registrantName: registrants.displayName })
    .from(page)
    .innerJoin(escalations, sql`${escalations}.rowid = ${page.key}`)
    .innerJoin(registrants, eq(registrants.id, escalations.registrantId))
    .orderBy(...order);
}

export async function findEscalation(db: Queryable, centerId: string, id: string) {
  const rows = await db
    .select({ escalation: escalations, registrantName: registrants.displayName })
    .from(escalations)
    .innerJoin(registrants, eq(registrants.id, escalations.registrantId))
    .where(and(eq(escalations.centerId, centerId), eq(escalations.id, id)));
  return rows[0] ?? null;
}

export async function timelineOf(db: Queryable, escalationId: string) {
  return db
    .select({
      id: escalationEvents.id,
      kind: escalationEvents.kind,
      at: escalationEvents.at,
      actorStaffId: escalationEvents.actorStaffId,
      actorName: staff.displayName,
      detail: escalationEvents.detail,
    })
    .from(escalationEvents)
    .leftJoin(staff, eq(staff.id, escalationEvents.actorStaffId))
    .where(eq(escalationEvents.escalationId, escalationId))
    .orderBy(asc(escalationEvents.at), asc(escalationEvents.id));
}

export async function updateEscalation(
  tx: Tx,
  id: string,
  changes: Partial<
    Pick<
      EscalationRow,
      "status" | "acknowledgedAt" | "acknowledgedBy" | "assignedTo" | "resolvedAt" | "resolvedBy"
    >
  > & { updatedAt: number },
): Promise<void> {
  await tx.update(escalations).set(changes).where(eq(escalations.id, id));
}

/** A registrant's unresolved escalations, as raising a signal needs them (with their category). */
export async function unresolvedOf(db: Queryable, registrantId: string) {
  return db
    .select({
      id: escalations.id,
      category: escalations.category,
      severity: escalations.severity,
      severityRank: escalations.severityRank,
      status: escalations.status,
      ackDueAt: escalations.ackDueAt,
      alertedRank: escalations.alertedRank,
    })
    .from(escalations)
    .where(
      and(
        eq(escalations.registrantId, registrantId),
        inArray(escalations.status, ["open", "acknowledged"]),
      ),
    );
}

/** The unresolved escalation of one registrant in one category, if any (dedup). */
export async function findUnresolved(tx: Tx, registrantId: string, category: string) {
  const rows = await tx
    .select()
    .from(escalations)
    .where(
      and(
        eq(escalations.registrantId, registrantId),
        eq(escalations.category, category),
        inArray(escalations.status, ["open", "acknowledged"]),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

const unresolved = (id: string) =>
  and(eq(escalations.id, id), inArray(escalations.status, ["open", "acknowledged"]));

/**
 * A more severe signal: the escalation takes its severity and needs a fresh acknowledgement.
 * Only while it is unresolved: else the batch it is in fails (staff resolved it since it was read).
 */
export function raiseSeverity(
  q: Queryable,
  id: string,
  severity: Severity,
  deadlines: { ackDueAt: number; reescalateAt: number },
  now: number,
): Statement[] {
  const raise = q
    .update(escalations)
    .set({
      severity,
      severityRank: severities.indexOf(severity),
      status: "open",
      acknowledgedAt: null,
      acknowledgedBy: null,
      ...deadlines,
      updatedAt: now,
    })
    .where(unresolved(id));
  return [raise, writeGuard(q, "escalations")];
}

/** Holds the batch it is in to the escalation being unresolved still (a signal filed under it). */
export function stillUnresolved(q: Queryable, id: string): Statement[] {
  return [
    q
      .update(escalations)
      .set({ updatedAt: sql`${escalations.updatedAt}` })
      .where(unresolved(id)),
    writeGuard(q, "escalations"),
  ];
}

/** What the alert and re-escalation sweeps need to know of an escalation. */
export interface AlertableEscalation {
  id: string;
  centerId: string;
  registrantId: string;
  registrantName: string;
  severity: string;
  severityRank: number;
  ackDueAt: number;
  level: number;
}

const alertable = {
  id: escalations.id,
  centerId: escalations.centerId,
  registrantId: escalations.registrantId,
  registrantName: registrants.displayName,
  severity: escalations.severity,
  severityRank: escalations.severityRank,
  ackDueAt: escalations.ackDueAt,
  level: escalations.level,
};

/** Open urgent and high escalations whose staff have not been alerted at this severity yet. */
export async function awaitingAlert(
  db: Queryable,
  limit: number,
  ids?: string[],
): Promise<AlertableEscalation[]> {
  // literals, not parameters: only then can SQLite use the partial index escalations_alert_idx
  const conditions: SQL[] = [
    sql`${escalations.status} = 'open'`,
    sql`${escalations.severityRank} <= 1`,
    sql`(${escalations.alertedRank} is null or ${escalations.alertedRank} > ${escalations.severityRank})`,
  ];
  if (ids) conditions.push(inArray(escalations.id, ids));
  return db
    .select(alertable)
    .from(escalations)
    .innerJoin(registrants, eq(registrants.id, escalations.registrantId))
    .where(and(...conditions))
    .orderBy(asc(escalations.severityRank), asc(escalations.ackDueAt))
    .limit(limit);
}

/** The alert at this severity, claimed: only while it is open at it and staff were not yet told. */
function claimAlertUpdate(q: Queryable, id: string, rank: number, now: number) {
  return q
    .update(escalations)
    .set({ alertedRank: rank, updatedAt: now })
    .where(
      and(
        eq(escalations.id, id),
        eq(escalations.status, "open"),
        eq(escalations.severityRank, rank),
        or(isNull(escalations.alertedRank), gt(escalations.alertedRank, rank)),
      ),
    );
}

/**
 * Claims the alert for an escalation at its current severity: true for exactly one caller, however
 * many sweeps run at once (the row is read again inside the write).
 */
export async function claimAlert(tx: Tx, id: string, rank: number, now: number): Promise<boolean> {
  const rows = await claimAlertUpdate(tx, id, rank, now).returning({ id: escalations.id });
  return rows.length > 0;
}

/**
 * claimAlert for a batch, by one who read that staff were not alerted at this severity yet: the
 * batch fails if a sweep claimed it since.
 */
export function claimAlertStatements(
  q: Queryable,
  id: string,
  rank: number,
  now: number,
): Statement[] {
  return [claimAlertUpdate(q, id, rank, now), writeGuard(q, "escalations")];
}

/** Open escalations past their re-escalation time, the longest overdue first. */
export async function dueForReescalation(
  db: Queryable,
  now: number,
  limit: number,
): Promise<AlertableEscalation[]> {
  return (
    db
      .select(alertable)
      .from(escalations)
      .innerJoin(registrants, eq(registrants.id, escalations.registrantId))
      // a literal status: only then can SQLite use the partial index escalations_reescalate_idx
      .where(and(sql`${escalations.status} = 'open'`, lte(escalations.reescalateAt, now)))
      .orderBy(asc(escalations.reescalateAt))
      .limit(limit)
  );
}

/**
 * Raises an escalation one level if it is still open at the level the sweep read: the new level,
 * or null when staff acknowledged it (or another sweep raised it) in the meantime.
 */
export async function raiseLevel(
  tx: Tx,
  id: string,
  fromLevel: number,
  nextAt: number,
  now: number,
): Promise<number | null> {
  const rows = await tx
    .update(escalations)
    .set({ level: fromLevel + 1, reescalateAt: nextAt, updatedAt: now })
    .where(
      and(eq(escalations.id, id), eq(escalations.status, "open"), eq(escalations.level, fromLevel)),
    )
    .returning({ level: escalations.level });
  return rows[0]?.level ?? null;
}

/** Whether a suspicion of abuse about this person is still open or acknowledged. */
export async function hasOpenAbuse(db: Queryable, registrantId: string): Promise<boolean> {
  const rows = await db
    .select({ id: escalations.id })
    .from(escalations)
    .where(
      and(
        eq(escalations.registrantId, registrantId),
        eq(escalations.category, "abuse"),
        inArray(escalations.status, ["open", "acknowledged"]),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** How many escalations of a center opened or rose in severity after `since` (counts only). */
export async function countChangedSince(db: Queryable, centerId: string, since: number) {
  const rows = await db
    .select({ n: sql<number>`count(*)` })
    .from(escalations)
    .where(
      and(
        eq(escalations.centerId, centerId),
        inArray(escalations.status, ["open", "acknowledged"]),
        gt(escalations.openedAt, since),
      ),
    );
  return rows[0]?.n ?? 0;
}

/**
 * A crisis reply LINE would not take: the person never got the contacts. Their open crisis or
 * abuse escalation goes back to unacknowledged and due now, with a note saying why, so staff
 * call them (and, unacknowledged, it reaches the supervisors like any urgent matter).
 */
export async function raiseUndeliveredCrisis(
  tx: Tx,
  lineUserId: string,
  error: string,
  now: number,
): Promise<string[]> {
  const people = await tx
    .select({ id: registrants.id })
    .from(registrants)
    .where(eq(registrants.lineUserId, lineUserId));
  const person = people[0];
  if (!person) return [];
  const open = await tx
    .select({ id: escalations.id })
    .from(escalations)
    .where(
      and(
        eq(escalations.registrantId, person.id),
        inArray(escalations.category, ["crisis", "abuse"]),
        inArray(escalations.status, ["open", "acknowledged"]),
      ),
    );
  for (const escalation of open) {
    await tx
      .update(escalations)
      .set({
        status: "open",
        acknowledgedAt: null,
        acknowledgedBy: null,
        ackDueAt: now,
        reescalateAt: now + 15 * 60_000,
        alertedRank: null,
        updatedAt: now,
      })
      .where(eq(escalations.id, escalation.id));
    await insertEscalationEvent(tx, escalation.id, "note", now, null, {
      text: `危機対応の返信が LINE で届きませんでした（${error}）。電話などで本人に連絡してください。`,
    });
  }
  return open.map((escalation) => escalation.id);
}
