// A person's handover (引き継ぎ) to the next agency: its state and record of steps, the pending
// LINE question, the center's people near the end without one, and what the packet is built from
// (read column by column: no note, no message, no quoted word is ever selected).
import { and, asc, desc, eq, inArray, lte, ne, sql } from "drizzle-orm";
import type { Queryable, Statement, Tx } from "./db";
import {
  employerContacts,
  employers,
  employments,
  escalations,
  handoverEvents,
  handovers,
  registrants,
  supportContacts,
  supportReports,
} from "./schema";
import type { HandoverEventKind, ShareChannel } from "../vocabulary/kinds";

export type HandoverRow = typeof handovers.$inferSelect;
export type HandoverEventRow = typeof handoverEvents.$inferSelect;

export async function findHandover(db: Queryable, registrantId: string) {
  const rows = await db.select().from(handovers).where(eq(handovers.registrantId, registrantId));
  return rows[0] ?? null;
}

/** A person's handover steps, oldest first (handover_events_registrant_idx). */
export async function handoverEventsOf(db: Queryable, registrantId: string) {
  return db
    .select()
    .from(handoverEvents)
    .where(eq(handoverEvents.registrantId, registrantId))
    .orderBy(asc(handoverEvents.at), asc(handoverEvents.id));
}

/** The latest event of one kind (the last question asked, the last agency and notes). */
export async function latestHandoverEvent(
  db: Queryable,
  registrantId: string,
  kind: HandoverEventKind,
) {
  const rows = await db
    .select()
    .from(handoverEvents)
    .where(and(eq(handoverEvents.registrantId, registrantId), eq(handoverEvents.kind, kind)))
    .orderBy(desc(handoverEvents.at), desc(handoverEvents.id))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertHandover(
  tx: Tx,
  row: { registrantId: string; centerId: string; needed: boolean; agency: string; now: number },
) {
  await tx.insert(handovers).values({
    registrantId: row.registrantId,
    centerId: row.centerId,
    needed: row.needed,
    agency: row.agency,
    updatedAt: row.now,
  });
}

export async function updateHandover(
  tx: Tx,
  registrantId: string,
  values: Partial<Omit<typeof handovers.$inferInsert, "registrantId" | "centerId">> & {
    updatedAt: number;
  },
) {
  await tx.update(handovers).set(values).where(eq(handovers.registrantId, registrantId));
}

export async function insertHandoverEvent(
  tx: Tx,
  event: {
    registrantId: string;
    kind: HandoverEventKind;
    staffId: string | null;
    at: number;
    detail: Record<string, unknown>;
  },
): Promise<number> {
  const rows = await tx.insert(handoverEvents).values(event).returning({ id: handoverEvents.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("handover event insert returned no row");
  return id;
}

/**
 * The person's answer on LINE, taken only while that question is the one pending: the consent
 * moves from asked to the answer in one conditional update (the last question asked must still be
 * `requestId`), so a second tap (or a paper decision staff recorded meanwhile) changes nothing,
 * and the step is recorded only when the update took. Statements, for the request's batch.
 */
export function answerHandoverStatements(
  q: Queryable,
  args: {
    registrantId: string;
    requestId: number;
    decision: "given" | "declined";
    channel: ShareChannel;
    now: number;
  },
): Statement[] {
  const lastAsked = q
    .select({ id: handoverEvents.id })
    .from(handoverEvents)
    .where(
      and(
        eq(handoverEvents.registrantId, args.registrantId),
        eq(handoverEvents.kind, "consent_asked"),
      ),
    )
    .orderBy(desc(handoverEvents.at), desc(handoverEvents.id))
    .limit(1);
  const kind: HandoverEventKind = args.decision === "given" ? "consent_given" : "consent_declined";
  const detail = JSON.stringify({ channel: args.channel, requestId: args.requestId });
  return [
    q
      .update(handovers)
      .set({
        consent: args.decision,
        consentChannel: args.channel,
        consentAt: args.now,
        updatedAt: args.now,
      })
      .where(
        and(
          eq(handovers.registrantId, args.registrantId),
          eq(handovers.consent, "asked"),
          sql`(${lastAsked}) = ${args.requestId}`,
        ),
      ),
    // the step, only when the update just before it took
    q.run(sql`insert into ${handoverEvents} (registrant_id, kind, staff_id, at, detail)
      select ${args.registrantId}, ${kind}, null, ${args.now}, ${detail} where changes() > 0`),
  ];
}

/**
 * A center's people still supported (active or paused) whose support ends on or before a Tokyo
 * date (registrants_center_idx, then the period), with their handover when there is one.
 */
export async function endingWithHandover(db: Queryable, centerId: string, until: string) {
  return db
    .select({
      registrantId: registrants.id,
      displayName: registrants.displayName,
      caseworkerId: registrants.caseworkerId,
      supportEndsOn: registrants.supportEndsOn,
      needed: handovers.needed,
      agency: handovers.agency,
      consent: handovers.consent,
      packetGivenAt: handovers.packetGivenAt,
    })
    .from(registrants)
    .leftJoin(handovers, eq(handovers.registrantId, registrants.id))
    .where(
      and(
        eq(registrants.centerId, centerId),
        inArray(registrants.status, ["active", "paused"]),
        lte(registrants.supportEndsOn, until),
      ),
    )
    .orderBy(asc(registrants.supportEndsOn), asc(registrants.displayName));
}

/** Contacts and visits for the packet: kind, with whom, when, how long. Never the note. */
export async function contactsForPacket(db: Queryable, registrantId: string) {
  return db
    .select({
      kind: supportContacts.kind,
      parties: supportContacts.parties,
      at: supportContacts.at,
      minutes: supportContacts.minutes,
    })
    .from(supportContacts)
    .where(eq(supportContacts.registrantId, registrantId))
    .orderBy(asc(supportContacts.at));
}

/** Escalations not resolved yet: category, severity, status, when. Never the summary or evidence. */
export async function openIssuesForPacket(db: Queryable, registrantId: string) {
  return db
    .select({
      category: escalations.category,
      severity: escalations.severity,
      severityRank: escalations.severityRank,
      status: escalations.status,
      openedAt: escalations.openedAt,
    })
    .from(escalations)
    .where(and(eq(escalations.registrantId, registrantId), ne(escalations.status, "resolved")))
    .orderBy(asc(escalations.severityRank), asc(escalations.openedAt));
}

/**
 * The person's last final monthly reports (支援レポート), the latest final version of each of the
 * `months` newest months that have one: month, version, when finalised and which sections were
 * written. The sections' text stays with the report.
 */
export async function finalReportsForPacket(db: Queryable, registrantId: string, months: number) {
  const rows = await db
    .select({
      month: supportReports.month,
      version: supportReports.version,
      finalizedAt: supportReports.finalizedAt,
      sections: supportReports.sections,
    })
    .from(supportReports)
    .where(and(eq(supportReports.registrantId, registrantId), eq(supportReports.status, "final")))
    .orderBy(desc(supportReports.month), desc(supportReports.version));
  const seen = new Set<string>();
  return rows
    .filter((row) => !seen.has(row.month) && seen.add(row.month))
    .slice(0, months)
    .map((row) => ({
      month: row.month,
      version: row.version,
      finalizedAt: row.finalizedAt,
      sectionKeys: row.sections
        .filter((section) => section.text.trim() !== "")
        .map((section) => section.key),
    }));
}

/**
 * The person's employers (current first, then by the last day) with their contacts' names: whom
 * the next agency talks to at the company. Never a LINE id.
 */
export async function employersForPacket(db: Queryable, registrantId: string, today: string) {
  const rows = await db
    .select({
      employerId: employers.id,
      name: employers.name,
      endedOn: employments.endedOn,
      contactName: employerContacts.displayName,
    })
    .from(employments)
    .innerJoin(employers, eq(employers.id, employments.employerId))
    .leftJoin(employerContacts, eq(employerContacts.employerId, employers.id))
    .where(eq(employments.registrantId, registrantId))
    .orderBy(asc(employers.name), asc(employerContacts.displayName));
  const byEmployer = new Map<
    string,
    { name: string; endedOn: string | null; current: boolean; contacts: string[] }
  >();
  for (const row of rows) {
    const entry = byEmployer.get(row.employerId) ?? {
      name: row.name,
      endedOn: row.endedOn,
      current: row.endedOn === null || row.endedOn >= today,
      contacts: [],
    };
    if (row.contactName !== null) entry.contacts.push(row.contactName);
    byEmployer.set(row.employerId, entry);
  }
  return [...byEmployer.values()].sort(
    (a, b) =>
      Number(b.current) - Number(a.current) || (b.endedOn ?? "").localeCompare(a.endedOn ?? ""),
  );
}
