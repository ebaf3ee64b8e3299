// The monthly support reports (支援レポート): the facts a month's draft is read from, the stored
// versions (a draft's changes, a final's whole text) and the record of sharing them.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { answersOf } from "./history";
import {
  checkins,
  employerContacts,
  employerReports,
  employers,
  employments,
  escalations,
  lineAccounts,
  reportShares,
  supportContacts,
  supportReports,
  type PersonSummary,
  type StoredReportSection,
} from "./schema";
import type { ReportAudience, ShareChannel } from "../vocabulary/kinds";

export type ReportRow = typeof supportReports.$inferSelect;
export type ShareRow = typeof reportShares.$inferSelect;

interface Span {
  from: number;
  to: number;
}

/** A person's check-ins sent in a span, oldest first, with their answers (two queries). */
async function checkinsBetween(db: Queryable, registrantId: string, span: Span) {
  const rows = await db
    .select({ id: checkins.id, status: checkins.status, sentAt: checkins.sentAt })
    .from(checkins)
    .where(
      and(
        eq(checkins.registrantId, registrantId),
        gte(checkins.sentAt, span.from),
        lt(checkins.sentAt, span.to),
      ),
    )
    .orderBy(asc(checkins.sentAt));
  if (rows.length === 0) return [];
  const answers = await answersOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...row,
    answers: answers
      .filter((answer) => answer.checkinId === row.id)
      .map(({ question, value, score }) => ({ question, value, score })),
  }));
}

/**
 * What a month's report is drafted from: its check-ins with answers, the scale answers of the
 * month before, its contacts, the escalations it opened, resolved or carried, and the employer's
 * reports with the escalations they went into.
 */
export async function monthFacts(db: Queryable, registrantId: string, span: Span, previous: Span) {
  const [monthCheckins, before, contacts, carried, reports] = await Promise.all([
    checkinsBetween(db, registrantId, span),
    checkinsBetween(db, registrantId, previous),
    db
      .select({
        id: supportContacts.id,
        kind: supportContacts.kind,
        parties: supportContacts.parties,
        at: supportContacts.at,
        minutes: supportContacts.minutes,
        note: supportContacts.note,
      })
      .from(supportContacts)
      .where(
        and(
          eq(supportContacts.registrantId, registrantId),
          gte(supportContacts.at, span.from),
          lt(supportContacts.at, span.to),
        ),
      )
      .orderBy(asc(supportContacts.at)),
    db
      .select(escalationFacts)
      .from(escalations)
      .where(
        and(
          eq(escalations.registrantId, registrantId),
          lt(escalations.openedAt, span.to),
          or(
            gte(escalations.openedAt, span.from),
            isNull(escalations.resolvedAt),
            gte(escalations.resolvedAt, span.from),
          ),
        ),
      )
      .orderBy(asc(escalations.openedAt)),
    db
      .select({
        id: employerReports.id,
        kind: employerReports.kind,
        at: employerReports.createdAt,
        escalationId: employerReports.escalationId,
      })
      .from(employerReports)
      .where(
        and(
          eq(employerReports.registrantId, registrantId),
          gte(employerReports.createdAt, span.from),
          lt(employerReports.createdAt, span.to),
        ),
      )
      .orderBy(asc(employerReports.createdAt)),
  ]);
  // an employer's report may have joined an escalation opened before the month
  const known = new Set(carried.map((escalation) => escalation.id));
  const missing = [...new Set(reports.map((report) => report.escalationId))].filter(
    (id) => !known.has(id),
  );
  const joined =
    missing.length === 0
      ? []
      : await db.select(escalationFacts).from(escalations).where(inArray(escalations.id, missing));
  return {
    checkins: monthCheckins,
    before,
    contacts,
    escalations: [...carried, ...joined],
    employerReports: reports,
  };
}

const escalationFacts = {
  id: escalations.id,
  category: escalations.category,
  severity: escalations.severity,
  source: escalations.source,
  status: escalations.status,
  openedAt: escalations.openedAt,
  resolvedAt: escalations.resolvedAt,
};

/** The latest version of a person's report of a month, or a given version. */
export async function findReport(
  db: Queryable,
  registrantId: string,
  month: string,
  version?: number,
): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(supportReports)
    .where(
      and(
        eq(supportReports.registrantId, registrantId),
        eq(supportReports.month, month),
        version === undefined ? undefined : eq(supportReports.version, version),
      ),
    )
    .orderBy(desc(supportReports.version))
    .limit(1);
  return row ?? null;
}

/** Every version of a month's report, newest first (without their text). */
export async function versionsOfReport(db: Queryable, registrantId: string, month: string) {
  return db
    .select({
      version: supportReports.version,
      status: supportReports.status,
      updatedAt: supportReports.updatedAt,
      finalizedAt: supportReports.finalizedAt,
      finalizedBy: supportReports.finalizedBy,
    })
    .from(supportReports)
    .where(and(eq(supportReports.registrantId, registrantId), eq(supportReports.month, month)))
    .orderBy(desc(supportReports.version));
}

/** A person's reports, one line per month (its latest version), newest month first. */
export async function reportMonths(db: Queryable, registrantId: string) {
  const rows = await db
    .select({
      month: supportReports.month,
      version: supportReports.version,
      status: supportReports.status,
      finalizedAt: supportReports.finalizedAt,
    })
    .from(supportReports)
    .where(eq(supportReports.registrantId, registrantId))
    .orderBy(desc(supportReports.month), desc(supportReports.version));
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.month) && seen.add(row.month));
}

/** The final version of a month's report (the latest one), for next month's goal. */
export async function finalReportOf(db: Queryable, registrantId: string, month: string) {
  const [row] = await db
    .select()
    .from(supportReports)
    .where(
      and(
        eq(supportReports.registrantId, registrantId),
        eq(supportReports.month, month),
        eq(supportReports.status, "final"),
      ),
    )
    .orderBy(desc(supportReports.version))
    .limit(1);
  return row ?? null;
}

export async function insertReport(
  tx: Tx,
  report: {
    centerId: string;
    registrantId: string;
    month: string;
    version: number;
    sections: StoredReportSection[];
    personSummary: PersonSummary | null;
    staffId: string;
    now: number;
  },
): Promise<ReportRow> {
  const { staffId, now, ...values } = report;
  const [row] = await tx
    .insert(supportReports)
    .values({
      id: crypto.randomUUID(),
      ...values,
      createdBy: staffId,
      createdAt: now,
      updatedBy: staffId,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error("report insert returned nothing");
  return row;
}

/** Changes a draft; false when it is no longer a draft (finalised meanwhile). */
export async function updateDraft(
  tx: Tx,
  id: string,
  change: { sections: StoredReportSection[]; personSummary: PersonSummary | null },
  staffId: string,
  now: number,
): Promise<boolean> {
  const rows = await tx
    .update(supportReports)
    .set({ ...change, updatedBy: staffId, updatedAt: now })
    .where(and(eq(supportReports.id, id), eq(supportReports.status, "draft")))
    .returning({ id: supportReports.id });
  return rows.length === 1;
}

/** Locks a draft with its whole text; false when it was already final. */
export async function finalizeDraft(
  tx: Tx,
  id: string,
  change: { sections: StoredReportSection[]; personSummary: PersonSummary | null },
  staffId: string,
  now: number,
): Promise<boolean> {
  const rows = await tx
    .update(supportReports)
    .set({
      ...change,
      status: "final",
      updatedBy: staffId,
      updatedAt: now,
      finalizedBy: staffId,
      finalizedAt: now,
    })
    .where(and(eq(supportReports.id, id), eq(supportReports.status, "draft")))
    .returning({ id: supportReports.id });
  return rows.length === 1;
}

/** Records a share; null when this version was already shared so (a double submit). */
export async function insertShare(
  tx: Tx,
  share: {
    report: ReportRow;
    audience: ReportAudience;
    channel: ShareChannel;
    employerId: string;
    recipients: number;
    staffId: string;
    now: number;
  },
): Promise<ShareRow | null> {
  const [row] = await tx
    .insert(reportShares)
    .values({
      reportId: share.report.id,
      centerId: share.report.centerId,
      registrantId: share.report.registrantId,
      month: share.report.month,
      audience: share.audience,
      channel: share.channel,
      employerId: share.employerId,
      recipients: share.recipients,
      staffId: share.staffId,
      at: share.now,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** The shares of a person's month, every version, oldest first. */
export async function sharesOfMonth(db: Queryable, registrantId: string, month: string) {
  return db
    .select({
      reportId: reportShares.reportId,
      version: supportReports.version,
      audience: reportShares.audience,
      channel: reportShares.channel,
      employerId: reportShares.employerId,
      employerName: employers.name,
      recipients: reportShares.recipients,
      staffId: reportShares.staffId,
      at: reportShares.at,
    })
    .from(reportShares)
    .innerJoin(supportReports, eq(supportReports.id, reportShares.reportId))
    .leftJoin(employers, eq(employers.id, reportShares.employerId))
    .where(and(eq(reportShares.registrantId, registrantId), eq(reportShares.month, month)))
    .orderBy(asc(reportShares.at), asc(reportShares.id));
}

/** Who of a center had their month's report shared, by audience (the monthly duties). */
export async function sharedInMonth(db: Queryable, centerId: string, month: string) {
  const rows = await db
    .selectDistinct({ registrantId: reportShares.registrantId, audience: reportShares.audience })
    .from(reportShares)
    .where(and(eq(reportShares.centerId, centerId), eq(reportShares.month, month)));
  return {
    person: new Set(rows.filter((row) => row.audience === "person").map((row) => row.registrantId)),
    employer: new Set(
      rows.filter((row) => row.audience === "employer").map((row) => row.registrantId),
    ),
  };
}

/**
 * The employers a person works at on a Tokyo date (no end, or an end not before it), each with
 * the LINE accounts of its contacts who are linked and following.
 */
export async function currentEmployers(db: Queryable, registrantId: string, today: string) {
  const rows = await db
    .select({
      employerId: employers.id,
      employerName: employers.name,
      lineUserId: employerContacts.lineUserId,
      following: lineAccounts.following,
    })
    .from(employments)
    .innerJoin(employers, eq(employers.id, employments.employerId))
    .leftJoin(
      employerContacts,
      and(eq(employerContacts.employerId, employers.id), isNotNull(employerContacts.lineUserId)),
    )
    .leftJoin(lineAccounts, eq(lineAccounts.lineUserId, employerContacts.lineUserId))
    .where(
      and(
        eq(employments.registrantId, registrantId),
        or(isNull(employments.endedOn), gte(employments.endedOn, today)),
      ),
    )
    .orderBy(asc(employers.name));
  const byEmployer = new Map<string, { employerId: string; name: string; lineUserIds: string[] }>();
  for (const row of rows) {
    const entry = byEmployer.get(row.employerId) ?? {
      employerId: row.employerId,
      name: row.employerName,
      lineUserIds: [],
    };
    if (row.lineUserId !== null && row.following !== false) entry.lineUserIds.push(row.lineUserId);
    byEmployer.set(row.employerId, entry);
  }
  return [...byEmployer.values()];
}
