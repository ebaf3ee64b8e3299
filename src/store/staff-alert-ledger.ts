// Staff alerts on LINE: who is linked and wants what, and the ledger that makes each alert happen once.
import { and, asc, count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { Queryable, Statement, Tx } from "./db";
import {
  centers,
  escalations,
  lineAccounts,
  outbox,
  registrants,
  staff,
  staffAlerts,
} from "./schema";
import { type AccountRole, type StaffAlertKind } from "../vocabulary/kinds";

export interface AlertRecipient {
  id: string;
  displayName: string;
  role: string;
  lineUserId: string;
  alertUrgent: boolean;
  alertHigh: boolean;
  alertDigest: boolean;
}

/** A linked staff member, with what their LINE account is (for the employer allow-list). */
export type AlertTarget = AlertRecipient & { accountRole: AccountRole };

/** A center's staff with a linked LINE account that still follows the bot. */
export async function linkedStaff(db: Queryable, centerId: string): Promise<AlertRecipient[]> {
  const rows = await db
    .select({
      id: staff.id,
      displayName: staff.displayName,
      role: staff.role,
      lineUserId: staff.lineUserId,
      alertUrgent: staff.alertUrgent,
      alertHigh: staff.alertHigh,
      alertDigest: staff.alertDigest,
    })
    .from(staff)
    // an account that blocked the bot cannot be reached; it is skipped until it follows again
    .innerJoin(lineAccounts, eq(lineAccounts.lineUserId, staff.lineUserId))
    .where(
      and(
        eq(staff.centerId, centerId),
        isNotNull(staff.lineUserId),
        // a deactivated account is told nothing more
        isNull(staff.deactivatedAt),
        eq(lineAccounts.following, true),
      ),
    );
  return rows.flatMap((row) =>
    row.lineUserId === null ? [] : [{ ...row, lineUserId: row.lineUserId }],
  );
}

/**
 * Writes an alert into the ledger: its id, or null when this staff member already had the alert
 * with this key (a second sweep, a retried run), so nothing is sent twice.
 */
export async function recordAlert(
  tx: Tx,
  alert: {
    staffId: string;
    escalationId: string | null;
    kind: StaffAlertKind;
    dedupKey: string;
    now: number;
  },
): Promise<number | null> {
  const rows = await tx
    .insert(staffAlerts)
    .values({
      staffId: alert.staffId,
      escalationId: alert.escalationId,
      kind: alert.kind,
      dedupKey: alert.dedupKey,
      createdAt: alert.now,
    })
    .onConflictDoNothing()
    .returning({ id: staffAlerts.id });
  return rows[0]?.id ?? null;
}

/**
 * An alert's ledger row for one who knows it is the first (the escalation's alert was claimed in
 * the same batch), pointing at the outbox row queued with `retryKey` just before it.
 */
export function insertAlert(
  q: Queryable,
  alert: {
    staffId: string;
    escalationId: string | null;
    kind: StaffAlertKind;
    dedupKey: string;
    retryKey: string;
    now: number;
  },
): Statement {
  return q.insert(staffAlerts).values({
    staffId: alert.staffId,
    escalationId: alert.escalationId,
    kind: alert.kind,
    dedupKey: alert.dedupKey,
    outboxId: sql`(select ${outbox.id} from ${outbox} where ${outbox.retryKey} = ${alert.retryKey})`,
    createdAt: alert.now,
  });
}

export async function setAlertOutbox(tx: Tx, id: number, outboxId: number): Promise<void> {
  await tx.update(staffAlerts).set({ outboxId }).where(eq(staffAlerts.id, id));
}

export async function hasAlert(db: Queryable, staffId: string, dedupKey: string): Promise<boolean> {
  const rows = await db
    .select({ id: staffAlerts.id })
    .from(staffAlerts)
    .where(and(eq(staffAlerts.staffId, staffId), eq(staffAlerts.dedupKey, dedupKey)));
  return rows.length > 0;
}

/** Which of these keys a staff member already had an alert for (one indexed look-up per batch). */
export async function alertedKeys(
  db: Queryable,
  staffId: string,
  dedupKeys: string[],
): Promise<Set<string>> {
  const had = new Set<string>();
  for (let i = 0; i < dedupKeys.length; i += 500) {
    const rows = await db
      .select({ dedupKey: staffAlerts.dedupKey })
      .from(staffAlerts)
      .where(
        and(
          eq(staffAlerts.staffId, staffId),
          inArray(staffAlerts.dedupKey, dedupKeys.slice(i, i + 500)),
        ),
      );
    for (const row of rows) had.add(row.dedupKey);
  }
  return had;
}

export async function listCenters(db: Queryable) {
  return db.select().from(centers).orderBy(asc(centers.id));
}

/** What a center's daily digest says: unacknowledged escalations by severity and the first few names. */
export async function digestOf(db: Queryable, centerId: string, names: number) {
  const open = and(eq(escalations.centerId, centerId), eq(escalations.status, "open"));
  const counts = await db
    .select({ severity: escalations.severity, n: count() })
    .from(escalations)
    .where(open)
    .groupBy(escalations.severity);
  const first = await db
    .select({
      registrantId: escalations.registrantId,
      registrantName: registrants.displayName,
      severity: escalations.severity,
    })
    .from(escalations)
    .innerJoin(registrants, eq(registrants.id, escalations.registrantId))
    .where(open)
    .orderBy(asc(escalations.severityRank), asc(escalations.ackDueAt), asc(escalations.openedAt))
    .limit(names);
  return { counts: Object.fromEntries(counts.map((row) => [row.severity, row.n])), first };
}

export interface AlertSettings {
  alertUrgent: boolean;
  alertHigh: boolean;
  alertDigest: boolean;
}

export async function setAlertSettings(tx: Tx, staffId: string, settings: AlertSettings) {
  await tx.update(staff).set(settings).where(eq(staff.id, staffId));
}
