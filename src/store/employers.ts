// Employers on LINE: who a contact may report about, their reports, the monthly pulse.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  ne,
  or,
  sql,
} from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import {
  employerContacts,
  employerPulses,
  employerReports,
  employers,
  employments,
  escalations,
  lineAccounts,
  registrants,
} from "./schema";
import {
  type EmployerReportKind,
  type EmployerReportUrgency,
  type PulseAnswer,
} from "../vocabulary/kinds";

/** The consent text version from which a registrant's consent names the employer link. */
export const employerLinkConsentVersion = 2;

export interface EmployerContact {
  id: string;
  centerId: string;
  employerId: string;
  employerName: string;
  displayName: string;
}

/** The employer contact behind a LINE account (role employer_contact, person id). */
export async function findContact(
  db: Queryable,
  contactId: string,
): Promise<EmployerContact | null> {
  const rows = await db
    .select({
      id: employerContacts.id,
      centerId: employerContacts.centerId,
      employerId: employerContacts.employerId,
      employerName: employers.name,
      displayName: employerContacts.displayName,
      lineUserId: employerContacts.lineUserId,
    })
    .from(employerContacts)
    .innerJoin(employers, eq(employers.id, employerContacts.employerId))
    .where(eq(employerContacts.id, contactId));
  const row = rows[0];
  if (!row || row.lineUserId === null) return null;
  return {
    id: row.id,
    centerId: row.centerId,
    employerId: row.employerId,
    employerName: row.employerName,
    displayName: row.displayName,
  };
}

/**
 * The registrants an employer's contacts may report about: employed there, and consenting to a
 * text that names the employer link. Everyone else is invisible to the employer, by name too.
 */
/**
 * Who an employer's contacts may report on and be asked about: employed there today (no end, or
 * an end still to come) and consenting to the employer link.
 */
export async function coveredRegistrants(db: Queryable, employerId: string, today: string) {
  return db
    .select({ id: registrants.id, displayName: registrants.displayName })
    .from(employments)
    .innerJoin(registrants, eq(registrants.id, employments.registrantId))
    .where(
      and(
        eq(employments.employerId, employerId),
        or(isNull(employments.endedOn), gte(employments.endedOn, today)),
        isNotNull(registrants.consentedAt),
        gte(registrants.consentVersion, employerLinkConsentVersion),
        ne(registrants.status, "ended"),
      ),
    )
    .orderBy(asc(registrants.displayName));
}

export async function insertEmployerReport(
  tx: Tx,
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
): Promise<string> {
  const id = crypto.randomUUID();
  const { now, ...values } = report;
  await tx.insert(employerReports).values({ id, ...values, createdAt: now });
  return id;
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

/** An employer's contacts with their link state. */
export async function listContacts(db: Queryable, employerId: string) {
  const rows = await db
    .select({
      id: employerContacts.id,
      displayName: employerContacts.displayName,
      lineUserId: employerContacts.lineUserId,
      linkedAt: employerContacts.linkedAt,
      createdAt: employerContacts.createdAt,
    })
    .from(employerContacts)
    .where(eq(employerContacts.employerId, employerId))
    .orderBy(asc(employerContacts.displayName));
  return rows.map(({ lineUserId, ...row }) => ({ ...row, linked: lineUserId !== null }));
}

/** Everyone employed at an employer, and whether their consent covers the employer link. */
export async function employedAt(db: Queryable, employerId: string) {
  const rows = await db
    .select({
      id: registrants.id,
      displayName: registrants.displayName,
      status: registrants.status,
      consentedAt: registrants.consentedAt,
      consentVersion: registrants.consentVersion,
    })
    .from(employments)
    .innerJoin(registrants, eq(registrants.id, employments.registrantId))
    .where(eq(employments.employerId, employerId))
    .orderBy(asc(registrants.displayName));
  return rows.map((row) => ({
    id: row.id,
    displayName: row.displayName,
    status: row.status,
    covered:
      row.consentedAt !== null &&
      (row.consentVersion ?? 0) >= employerLinkConsentVersion &&
      row.status !== "ended",
  }));
}

/** One contact of one employer of one center: null for a contact of anyone else's. */
export async function findEmployerContact(
  db: Queryable,
  centerId: string,
  employerId: string,
  contactId: string,
) {
  const rows = await db
    .select({
      id: employerContacts.id,
      displayName: employerContacts.displayName,
      lineUserId: employerContacts.lineUserId,
    })
    .from(employerContacts)
    .innerJoin(employers, eq(employers.id, employerContacts.employerId))
    .where(
      and(
        eq(employerContacts.id, contactId),
        eq(employerContacts.employerId, employerId),
        eq(employers.centerId, centerId),
      ),
    );
  return rows[0] ?? null;
}

/** A center's employers by name, with how many contacts (and linked ones) and people each has. */
export async function employerSummaries(db: Queryable, centerId: string) {
  const [rows, contacts, people] = await Promise.all([
    db
      .select({
        id: employers.id,
        name: employers.name,
        pulseEnabled: employers.pulseEnabled,
        pulseDay: employers.pulseDay,
      })
      .from(employers)
      .where(eq(employers.centerId, centerId))
      .orderBy(asc(employers.name)),
    db
      .select({
        employerId: employerContacts.employerId,
        contacts: count(),
        linked: count(employerContacts.lineUserId),
      })
      .from(employerContacts)
      .innerJoin(employers, eq(employers.id, employerContacts.employerId))
      .where(eq(employers.centerId, centerId))
      .groupBy(employerContacts.employerId),
    db
      .select({
        employerId: employments.employerId,
        registrants: count(),
        covered: count(
          sql`case when ${registrants.consentedAt} is not null
            and ${registrants.consentVersion} >= ${employerLinkConsentVersion}
            and ${registrants.status} <> 'ended' then 1 end`,
        ),
      })
      .from(employments)
      .innerJoin(employers, eq(employers.id, employments.employerId))
      .innerJoin(registrants, eq(registrants.id, employments.registrantId))
      .where(eq(employers.centerId, centerId))
      .groupBy(employments.employerId),
  ]);
  const contactsOf = new Map(contacts.map((row) => [row.employerId, row]));
  const peopleOf = new Map(people.map((row) => [row.employerId, row]));
  return rows.map((row) => ({
    ...row,
    contacts: contactsOf.get(row.id)?.contacts ?? 0,
    linkedContacts: contactsOf.get(row.id)?.linked ?? 0,
    registrants: peopleOf.get(row.id)?.registrants ?? 0,
    coveredRegistrants: peopleOf.get(row.id)?.covered ?? 0,
  }));
}

/** Staff unlink a contact: the LINE account becomes a guest and reports stop at once. */
export async function unlinkContact(tx: Tx, contactId: string): Promise<boolean> {
  const rows = await tx
    .select({ lineUserId: employerContacts.lineUserId })
    .from(employerContacts)
    .where(eq(employerContacts.id, contactId));
  const old = rows[0]?.lineUserId;
  if (!old) return false;
  await tx
    .update(employerContacts)
    .set({ lineUserId: null, linkedAt: null })
    .where(eq(employerContacts.id, contactId));
  await tx
    .update(lineAccounts)
    .set({ role: "guest", personId: null })
    .where(eq(lineAccounts.lineUserId, old));
  return true;
}

export async function setPulse(
  tx: Tx,
  employerId: string,
  pulse: { enabled: boolean; day: number },
): Promise<void> {
  await tx
    .update(employers)
    .set({ pulseEnabled: pulse.enabled, pulseDay: pulse.day })
    .where(eq(employers.id, employerId));
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

/** Records a pulse answer once: false for a second tap, or a question never asked. */
export async function answerPulse(
  tx: Tx,
  pulse: {
    contactId: string;
    registrantId: string;
    month: string;
    answer: PulseAnswer;
    now: number;
  },
): Promise<boolean> {
  const rows = await tx
    .update(employerPulses)
    .set({ answer: pulse.answer, answeredAt: pulse.now })
    .where(
      and(
        eq(employerPulses.contactId, pulse.contactId),
        eq(employerPulses.registrantId, pulse.registrantId),
        eq(employerPulses.month, pulse.month),
        isNull(employerPulses.answer),
      ),
    )
    .returning({ id: employerPulses.id });
  return rows.length > 0;
}
