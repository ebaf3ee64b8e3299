// Everything held about one registrant, for disclosure (開示): each table's rows as stored, read in
// a few queries. The caller decides the center boundary and writes the audit entry.
import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Queryable } from "./db";
import { checkinHistory, consentHistory } from "./history";
import { registrantEmployerReports } from "./employer-reports";
import {
  auditLog,
  auditPeople,
  employerPulses,
  employerContacts,
  employers,
  employments,
  escalationEvents,
  escalations,
  lineAccounts,
  messages,
  signals,
  staff,
  supportContacts,
  supportReports,
  reportShares,
  handoverEvents,
  type registrants,
} from "./schema";

type RegistrantRow = typeof registrants.$inferSelect;

/** How many of a person's rows of one kind a disclosure lists (a lifetime fits well within). */
export const maxRows = 20_000;

export async function disclosureOf(db: Queryable, registrant: RegistrantRow) {
  const { id, lineUserId } = registrant;
  const [
    account,
    consents,
    checkins,
    conversation,
    escalationRows,
    signalRows,
    reports,
    pulses,
    jobs,
    readers,
    contacts,
  ] = await Promise.all([
    lineUserId === null
      ? []
      : db.select().from(lineAccounts).where(eq(lineAccounts.lineUserId, lineUserId)),
    consentHistory(db, id),
    checkinHistory(db, id, 0),
    db
      .select({
        id: messages.id,
        direction: messages.direction,
        type: messages.messageType,
        text: messages.text,
        staffId: messages.staffId,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .where(
        or(
          eq(messages.registrantId, id),
          lineUserId === null ? undefined : eq(messages.lineUserId, lineUserId),
        ),
      )
      .orderBy(asc(messages.id))
      .limit(maxRows),
    db
      .select()
      .from(escalations)
      .where(eq(escalations.registrantId, id))
      .orderBy(asc(escalations.openedAt)),
    db
      .select({
        category: signals.category,
        severity: signals.severity,
        source: signals.source,
        evidence: signals.evidence,
        createdAt: signals.createdAt,
        escalationId: signals.escalationId,
      })
      .from(signals)
      .where(eq(signals.registrantId, id))
      .orderBy(asc(signals.createdAt))
      .limit(maxRows),
    registrantEmployerReports(db, id, maxRows),
    db
      .select({
        employerName: employers.name,
        contactName: employerContacts.displayName,
        month: employerPulses.month,
        sentAt: employerPulses.sentAt,
        answer: employerPulses.answer,
        answeredAt: employerPulses.answeredAt,
      })
      .from(employerPulses)
      .innerJoin(employerContacts, eq(employerContacts.id, employerPulses.contactId))
      .innerJoin(employers, eq(employers.id, employerContacts.employerId))
      .where(eq(employerPulses.registrantId, id))
      .orderBy(asc(employerPulses.sentAt)),
    db
      .select({
        employerName: employers.name,
        since: employments.createdAt,
        endedOn: employments.endedOn,
      })
      .from(employments)
      .innerJoin(employers, eq(employers.id, employments.employerId))
      .where(eq(employments.registrantId, id)),
    // who saw or changed this person's data, in their center's trail
    db
      .select({
        at: auditLog.at,
        action: auditLog.action,
        staffName: staff.displayName,
      })
      .from(auditPeople)
      // the entry that named them, and the same list read again later (it points at that entry)
      .innerJoin(
        auditLog,
        or(eq(auditLog.id, auditPeople.auditId), eq(auditLog.peopleFrom, auditPeople.auditId)),
      )
      .leftJoin(staff, eq(staff.id, auditLog.actorStaffId))
      .where(and(eq(auditPeople.registrantId, id), eq(auditLog.centerId, registrant.centerId)))
      .orderBy(desc(auditLog.id))
      .limit(maxRows),
    // contacts and visits staff recorded (支援記録)
    db
      .select({
        id: supportContacts.id,
        kind: supportContacts.kind,
        with: supportContacts.parties,
        at: supportContacts.at,
        minutes: supportContacts.minutes,
        note: supportContacts.note,
        escalationId: supportContacts.escalationId,
        staffName: staff.displayName,
        version: supportContacts.version,
      })
      .from(supportContacts)
      .leftJoin(staff, eq(staff.id, supportContacts.authorStaffId))
      .where(eq(supportContacts.registrantId, id))
      .orderBy(asc(supportContacts.at))
      .limit(maxRows),
  ]);
  // the monthly reports (every version) with the record of sharing them, and the handover's steps
  const [reportRows, shareRows, handoverSteps] = await Promise.all([
    db
      .select({
        month: supportReports.month,
        version: supportReports.version,
        status: supportReports.status,
        sections: supportReports.sections,
        personSummary: supportReports.personSummary,
        finalizedAt: supportReports.finalizedAt,
      })
      .from(supportReports)
      .where(eq(supportReports.registrantId, id))
      .orderBy(asc(supportReports.month), asc(supportReports.version)),
    db
      .select({
        month: reportShares.month,
        audience: reportShares.audience,
        channel: reportShares.channel,
        employerName: employers.name,
        at: reportShares.at,
      })
      .from(reportShares)
      .leftJoin(employers, eq(employers.id, reportShares.employerId))
      .where(eq(reportShares.registrantId, id))
      .orderBy(asc(reportShares.at)),
    db
      .select({ kind: handoverEvents.kind, at: handoverEvents.at, detail: handoverEvents.detail })
      .from(handoverEvents)
      .where(eq(handoverEvents.registrantId, id))
      .orderBy(asc(handoverEvents.at), asc(handoverEvents.id)),
  ]);
  const escalationIds = escalationRows.map((row) => row.id);
  const timeline =
    escalationIds.length === 0
      ? []
      : await db
          .select({
            escalationId: escalationEvents.escalationId,
            kind: escalationEvents.kind,
            at: escalationEvents.at,
            staffName: staff.displayName,
            detail: escalationEvents.detail,
          })
          .from(escalationEvents)
          .leftJoin(staff, eq(staff.id, escalationEvents.actorStaffId))
          .where(inArray(escalationEvents.escalationId, escalationIds))
          .orderBy(asc(escalationEvents.at), asc(escalationEvents.id));
  return {
    account: account[0] ?? null,
    consents,
    checkins,
    messages: conversation,
    escalations: escalationRows.map((escalation) => ({
      ...escalation,
      timeline: timeline.filter((event) => event.escalationId === escalation.id),
    })),
    signals: signalRows,
    employerReports: reports,
    employerPulses: pulses,
    employments: jobs,
    contacts,
    reports: reportRows,
    reportShares: shareRows,
    handover: handoverSteps,
    readers,
    /** Kinds cut at the row limit: a disclosure says so rather than look complete. */
    truncated: Object.entries({
      messages: conversation,
      signals: signalRows,
      employerReports: reports,
      contacts,
      readers,
    })
      .filter(([, rows]) => rows.length >= maxRows)
      .map(([kind]) => kind),
  };
}

export type Disclosure = Awaited<ReturnType<typeof disclosureOf>>;
