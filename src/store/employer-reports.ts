// What companies tell the center: their reports about a person, the notices back to them, and
// the monthly pulse asked of them.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { coverageQuery } from "./employers";
import type { Queryable, Statement, Tx } from "./db";
import {
  employerContacts,
  employerPulses,
  employerReports,
  employers,
  escalations,
  lineAccounts,
  registrants,
} from "./schema";
import type { EmployerReportKind, EmployerReportUrgency, PulseAnswer } from "../vocabulary/kinds";

/** A report row (a statement: awaited on a transaction, or in a batch); returns its id. */
export function insertEmployerReport(
  q: Queryable,
  report: {
    centerId: string;
    employerId: string;
    contactId: string;
    registrantId: string;
    kind: EmployerReportKind;
    urgency: EmployerReportUrgency;
    words: string | null;
    via: "buttons" | "text" | "pulse";
    escalationId: string;
    now: number;
  },
) {
  const { now, ...values } = report;
  return q
    .insert(employerReports)
    .values({ id: crypto.randomUUID(), ...values, createdAt: now })
    .returning({ id: employerReports.id });
}

/**
 * Aborts the batch it is in (writeGuard's way) unless the person is still one the employer may
 * name on `today`: staff may end the employment, or the person withdraw their consent, between a
 * request's read and its write. The request then reads again and refuses the report.
 */
export function stillCovered(
  q: Queryable,
  employerId: string,
  registrantId: string,
  today: string,
): Statement {
  return q.run(sql`insert into write_conflicts (what) select 'coverage'
    where not exists (select 1 from (${coverageQuery(q, employerId, today)}) as covered
      where covered.id = ${registrantId})`);
}

export type NoticeKind = "acknowledged" | "resolved";

/**
 * The reports behind an escalation whose contacts have not yet heard this news, with the LINE
 * account to tell (only contacts still linked and following).
 */
export async function reportsAwaitingNotice(tx: Tx, escalationId: string, notice: NoticeKind) {
  const column =
    notice === "acknowledged"
      ? employerReports.acknowledgedNoticeAt
      : employerReports.resolvedNoticeAt;
  return tx
    .select({
      id: employerReports.id,
      createdAt: employerReports.createdAt,
      registrantId: employerReports.registrantId,
      registrantName: registrants.displayName,
      lineUserId: employerContacts.lineUserId,
      following: lineAccounts.following,
    })
    .from(employerReports)
    .innerJoin(employerContacts, eq(employerContacts.id, employerReports.contactId))
    .innerJoin(registrants, eq(registrants.id, employerReports.registrantId))
    .leftJoin(lineAccounts, eq(lineAccounts.lineUserId, employerContacts.lineUserId))
    .where(and(eq(employerReports.escalationId, escalationId), isNull(column)));
}

export async function markNoticed(tx: Tx, ids: string[], notice: NoticeKind, now: number) {
  if (ids.length === 0) return;
  await tx
    .update(employerReports)
    .set(notice === "acknowledged" ? { acknowledgedNoticeAt: now } : { resolvedNoticeAt: now })
    .where(inArray(employerReports.id, ids));
}

/** An employer's reports, newest first, with the registrant and the escalation's state. */
export async function listEmployerReports(db: Queryable, employerId: string, limit = 100) {
  return db
    .select({
      id: employerReports.id,
      registrantId: employerReports.registrantId,
      registrantName: registrants.displayName,
      contactName: employerContacts.displayName,
      kind: employerReports.kind,
      urgency: employerReports.urgency,
      words: employerReports.words,
      via: employerReports.via,
      escalationId: employerReports.escalationId,
      escalationStatus: escalations.status,
      createdAt: employerReports.createdAt,
    })
    .from(employerReports)
    .innerJoin(registrants, eq(registrants.id, employerReports.registrantId))
    .innerJoin(employerContacts, eq(employerContacts.id, employerReports.contactId))
    .innerJoin(escalations, eq(escalations.id, employerReports.escalationId))
    .where(eq(employerReports.employerId, employerId))
    .orderBy(desc(employerReports.createdAt))
    .limit(limit);
}

/** A registrant's employer reports, newest first (their timeline). */
export async function registrantEmployerReports(db: Queryable, registrantId: string, limit = 50) {
  return db
    .select({
      id: employerReports.id,
      employerName: employers.name,
      contactName: employerContacts.displayName,
      kind: employerReports.kind,
      urgency: employerReports.urgency,
      words: employerReports.words,
      via: employerReports.via,
      escalationId: employerReports.escalationId,
      createdAt: employerReports.createdAt,
    })
    .from(employerReports)
    .innerJoin(employers, eq(employers.id, employerReports.employerId))
    .innerJoin(employerContacts, eq(employerContacts.id, employerReports.contactId))
    .where(eq(employerReports.registrantId, registrantId))
    .orderBy(desc(employerReports.createdAt))
    .limit(limit);
}

/** Linked, following contacts of employers whose pulse is on, with their employer's pulse day. */
export async function pulseContacts(db: Queryable) {
  return db
    .select({
      contactId: employerContacts.id,
      centerId: employerContacts.centerId,
      employerId: employerContacts.employerId,
      lineUserId: employerContacts.lineUserId,
      linkedAt: employerContacts.linkedAt,
      pulseDay: employers.pulseDay,
    })
    .from(employerContacts)
    .innerJoin(employers, eq(employers.id, employerContacts.employerId))
    .innerJoin(lineAccounts, eq(lineAccounts.lineUserId, employerContacts.lineUserId))
    .where(and(eq(employers.pulseEnabled, true), eq(lineAccounts.following, true)));
}

/** The registrants a contact was already asked about this month. */
export async function pulsedThisMonth(db: Queryable, contactId: string, month: string) {
  const rows = await db
    .select({ registrantId: employerPulses.registrantId })
    .from(employerPulses)
    .where(and(eq(employerPulses.contactId, contactId), eq(employerPulses.month, month)));
  return new Set(rows.map((row) => row.registrantId));
}

/** Records a pulse question as sent; false when it already was (a concurrent run). */
export async function insertPulse(
  tx: Tx,
  pulse: { contactId: string; registrantId: string; month: string; now: number },
): Promise<boolean> {
  const rows = await tx
    .insert(employerPulses)
    .values({
      contactId: pulse.contactId,
      registrantId: pulse.registrantId,
      month: pulse.month,
      sentAt: pulse.now,
    })
    .onConflictDoNothing()
    .returning({ id: employerPulses.id });
  return rows.length > 0;
}

/** Records a pulse answer once: a second tap, or a question never asked, changes nothing. */
export function answerPulse(
  q: Queryable,
  pulse: {
    contactId: string;
    registrantId: string;
    month: string;
    answer: PulseAnswer;
    now: number;
  },
): Statement {
  return q
    .update(employerPulses)
    .set({ answer: pulse.answer, answeredAt: pulse.now })
    .where(
      and(
        eq(employerPulses.contactId, pulse.contactId),
        eq(employerPulses.registrantId, pulse.registrantId),
        eq(employerPulses.month, pulse.month),
        isNull(employerPulses.answer),
      ),
    );
}
