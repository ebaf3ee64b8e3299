// The monthly support report (支援レポート) as staff keep it: drafted from the month's records on
// every read until staff change a section, finalised (locked; a correction is a new version, the
// old one kept) and shared — with the person on LINE in a short plain version, with the employer
// only the sections marked for it and only when the person's consent covers the employer link,
// or recorded as handed over on paper. Every read is audited; every share is recorded.
import * as z from "zod";
import { AppError, notFound } from "../core/errors";
import {
  draftPersonSummary,
  draftReport,
  employerAllowed,
  employerByDefault,
  hasFacts,
  sectionTitles,
  writtenByStaff,
  type DraftSection,
  type ReportFacts,
} from "../month/report";
import { queueOutbound } from "../outbox/queue";
import { findAccount } from "../store/accounts";
import { logStaffMessage } from "../store/conversation-log";
import type { Queryable, Tx } from "../store/db";
import type { OutboxRow } from "../store/outbox";
import { countPushes, pushesThisMonth } from "../store/push-budget";
import { findRegistrant, type RegistrantRow } from "../store/registrants";
import {
  currentEmployers,
  finalReportOf,
  finalizeDraft,
  findReport,
  insertReport,
  insertShare,
  monthFacts,
  reportMonths,
  sharesOfMonth,
  updateDraft,
  versionsOfReport,
  type ReportRow,
} from "../store/reports";
import type { PersonSummary, StoredReportSection } from "../store/schema";
import { monthKey, monthSpan } from "../time/calendar";
import { iso, isoOrNull } from "../time/format";
import { employerWords } from "../words/employer";
import { registrantWords } from "../words/registrant";
import {
  reportAudiences,
  reportSectionKeys,
  shareChannels,
  type ReportSectionKey,
} from "../vocabulary/kinds";
import type { CenterScope } from "./scope";

/** The most a section or a line of the person's version may hold. */
const maxSectionLength = 2000;
const maxSummaryLength = 500;

export const reportEditSchema = z
  .object({
    sections: z
      .array(
        z
          .object({
            key: z.enum(reportSectionKeys, {
              message: "must be one of " + reportSectionKeys.join(", "),
            }),
            // null: back to the text drafted from the records
            text: z.string().trim().max(maxSectionLength).nullable().optional(),
            forEmployer: z.boolean().optional(),
          })
          .strict(),
      )
      .max(reportSectionKeys.length)
      .optional(),
    personSummary: z
      .object({
        wentWell: z.string().trim().max(maxSummaryLength),
        nextMonth: z.string().trim().max(maxSummaryLength),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ReportEdit = z.infer<typeof reportEditSchema>;

export const reportShareSchema = z
  .object({
    to: z
      .array(z.enum(reportAudiences, { message: "must be person or employer" }))
      .min(1)
      .max(2)
      .transform((to) => [...new Set(to)]),
    channel: z.enum(shareChannels, { message: "must be line or paper" }).default("line"),
  })
  .strict();
export type ReportShare = z.infer<typeof reportShareSchema>;

const dayMs = 86_400_000;

/** The month's span, refused when malformed, still to come or before the person was registered. */
function monthOf(month: string, registrant: RegistrantRow, now: number) {
  const span = monthSpan(month);
  if (!span) throw new AppError("bad_request", "month must be YYYY-MM");
  if (month > monthKey(now)) {
    throw new AppError("bad_request", "month is still to come", { reason: "month_in_future" });
  }
  if (span.to <= registrant.createdAt) {
    throw new AppError("bad_request", "month is before the person was registered", {
      reason: "before_registration",
    });
  }
  return span;
}

/** "2026-11" → "2026-10". */
function monthBefore(month: string): string {
  return monthKey((monthSpan(month)?.from ?? 0) - dayMs);
}

/** The facts of a person's month, as the draft reads them. */
async function factsOf(
  db: Queryable,
  registrant: RegistrantRow,
  month: string,
  span: { from: number; to: number },
): Promise<ReportFacts> {
  const previousMonth = monthBefore(month);
  const previousSpan = monthSpan(previousMonth) ?? span;
  const [facts, previous] = await Promise.all([
    monthFacts(db, registrant.id, span, previousSpan),
    finalReportOf(db, registrant.id, previousMonth),
  ]);
  const previousScores: ReportFacts["previousScores"] = {};
  for (const key of ["condition", "sleep", "mood"] as const) {
    const scores = facts.before.flatMap((checkin) =>
      checkin.answers
        .filter((answer) => answer.question === key && answer.score !== null)
        .map((answer) => answer.score ?? 0),
    );
    if (scores.length > 0) previousScores[key] = scores;
  }
  const plan = previous?.sections.find((section) => section.key === "next");
  return {
    checkins: facts.checkins,
    previousScores,
    contacts: facts.contacts,
    escalations: facts.escalations,
    employerReports: facts.employerReports,
    previousReport:
      previous && plan
        ? {
            id: previous.id,
            next: plan.text,
            label: `${Number(previousMonth.slice(5))}月のレポート（第${previous.version}版）`,
          }
        : null,
  };
}

/** A record a sentence was read from, as stored with a final version. */
type Source = StoredReportSection["sources"][number];
/** A drafted sentence with the records behind it. */
interface Sentence {
  text: string;
  sources: Source[];
}

/** A section as the API and the page show it. */
export interface ReportSectionView {
  key: ReportSectionKey;
  title: string;
  text: string;
  /** Every record the section was drafted from. */
  sources: Source[];
  /** The drafted sentences with their records (empty once staff rewrote the section). */
  sentences: Sentence[];
  forEmployer: boolean;
  employerAllowed: boolean;
  edited: boolean;
  /** Nothing was recorded for it. */
  empty: boolean;
}

const textOf = (sentences: Sentence[]) => sentences.map((sentence) => sentence.text).join("\n");
const sourcesOf = (sentences: Sentence[]) => {
  const seen = new Set<string>();
  return sentences
    .flatMap((sentence) => sentence.sources)
    .filter((source) => {
      const key = `${source.kind}:${source.id}`;
      return !seen.has(key) && Boolean(seen.add(key));
    });
};

/** The draft with staff's changes laid over it: a section they rewrote keeps their words. */
function compose(draft: DraftSection[], stored: StoredReportSection[]): ReportSectionView[] {
  return draft.map((section) => {
    const mine = stored.find((candidate) => candidate.key === section.key);
    const forEmployer =
      employerAllowed[section.key] && (mine?.forEmployer ?? employerByDefault[section.key]);
    const drafted = textOf(section.sentences);
    if (mine?.edited) {
      return {
        key: section.key,
        title: section.title,
        text: mine.text,
        sources: sourcesOf(section.sentences),
        sentences: [],
        forEmployer,
        employerAllowed: employerAllowed[section.key],
        edited: true,
        empty: false,
      };
    }
    return {
      key: section.key,
      title: section.title,
      text: drafted,
      sources: sourcesOf(section.sentences),
      sentences: section.sentences,
      forEmployer,
      employerAllowed: employerAllowed[section.key],
      edited: false,
      empty: section.empty,
    };
  });
}

/** A final version as it was locked. */
function lockedSections(row: ReportRow): ReportSectionView[] {
  return reportSectionKeys.map((key) => {
    const section = row.sections.find((candidate) => candidate.key === key);
    return {
      key,
      title: sectionTitles[key],
      text: section?.text ?? "",
      sources: section?.sources ?? [],
      sentences: section?.sentences ?? [],
      forEmployer: employerAllowed[key] && (section?.forEmployer ?? false),
      employerAllowed: employerAllowed[key],
      edited: section?.edited ?? false,
      empty: false,
    };
  });
}

/** What to store for a view: every section, whole (a final) or staff's changes only (a draft). */
function toStored(sections: ReportSectionView[], whole: boolean): StoredReportSection[] {
  return sections
    .filter(
      (section) =>
        whole || section.edited || section.forEmployer !== employerByDefault[section.key],
    )
    .map((section) => ({
      key: section.key,
      text: section.text,
      sources: section.sources,
      ...(whole ? { sentences: section.sentences } : {}),
      forEmployer: section.forEmployer,
      edited: section.edited,
    }));
}

/** The report of a person's month as staff work on it: the latest version (or a given one). */
async function readReport(
  scope: CenterScope,
  db: Queryable,
  registrant: RegistrantRow,
  month: string,
  version?: number,
) {
  const span = monthOf(month, registrant, scope.clock());
  const row = await findReport(db, registrant.id, month, version);
  if (version !== undefined && !row) throw new AppError("not_found", "No such report version");
  if (row?.status === "final") {
    return {
      row,
      sections: lockedSections(row),
      summary: row.personSummary ?? { wentWell: "", nextMonth: "" },
      facts: null,
      hasFacts: true,
    };
  }
  const facts = await factsOf(db, registrant, month, span);
  return {
    row,
    sections: compose(draftReport(facts, span), row?.sections ?? []),
    summary: row?.personSummary ?? draftPersonSummary(facts),
    facts,
    hasFacts: hasFacts(facts),
  };
}

async function registrantOf(db: Queryable, scope: CenterScope, id: string) {
  const registrant = await findRegistrant(db, scope.centerId, id);
  if (!registrant) throw notFound("registrant", id);
  return registrant;
}

/** The report of a month (its latest version, or ?version=), drafted when none is stored. */
export async function getReport(
  scope: CenterScope,
  registrantId: string,
  month: string,
  version?: string,
) {
  const wanted = version === undefined ? undefined : Number(version);
  if (wanted !== undefined && (!Number.isInteger(wanted) || wanted < 1)) {
    throw new AppError("bad_request", "version must be a positive whole number");
  }
  const db = scope.store.db;
  const registrant = await registrantOf(db, scope, registrantId);
  const report = await readReport(scope, db, registrant, month, wanted);
  const [versions, shares] = await Promise.all([
    versionsOfReport(db, registrantId, month),
    sharesOfMonth(db, registrantId, month),
  ]);
  await scope.recordRead("report.read", "registrant", registrantId);
  return {
    registrantId,
    displayName: registrant.displayName,
    month,
    status: report.row?.status ?? "draft",
    version: report.row?.version ?? 1,
    saved: report.row !== null,
    hasData: report.hasFacts,
    sections: report.sections,
    personSummary: report.summary,
    finalizedAt: isoOrNull(report.row?.finalizedAt ?? null),
    finalizedBy: report.row?.finalizedBy ?? null,
    updatedAt: isoOrNull(report.row?.updatedAt ?? null),
    versions: versions.map((entry) => ({
      version: entry.version,
      status: entry.status,
      updatedAt: iso(entry.updatedAt),
      finalizedAt: isoOrNull(entry.finalizedAt),
    })),
    shares: shares.map((share) => ({
      version: share.version,
      to: share.audience,
      channel: share.channel,
      employerId: share.employerId === "" ? null : share.employerId,
      employerName: share.employerName,
      recipients: share.recipients,
      staffId: share.staffId,
      at: iso(share.at),
    })),
    /** The chart's check-ins (the page draws the month's trend from them). */
    checkins: report.facts?.checkins ?? [],
  };
}

/** A person's reports, one line per month with its latest version. */
export async function listReports(scope: CenterScope, registrantId: string) {
  const db = scope.store.db;
  await registrantOf(db, scope, registrantId);
  const months = await reportMonths(db, registrantId);
  return {
    items: months.map((entry) => ({
      month: entry.month,
      version: entry.version,
      status: entry.status,
      finalizedAt: isoOrNull(entry.finalizedAt),
    })),
  };
}

/** Applies an edit to the composed sections; the check-in section never goes to the employer. */
function applyEdit(sections: ReportSectionView[], edit: ReportEdit): ReportSectionView[] {
  const changes = new Map((edit.sections ?? []).map((change) => [change.key, change]));
  return sections.map((section) => {
    const change = changes.get(section.key);
    if (!change) return section;
    if (change.forEmployer === true && !employerAllowed[section.key]) {
      throw new AppError(
        "bad_request",
        `${section.key} holds the person's check-in answers and never goes to the employer`,
        { reason: "not_for_employer" },
      );
    }
    const next = { ...section };
    if (change.forEmployer !== undefined) next.forEmployer = change.forEmployer;
    if (change.text === null) next.edited = false;
    else if (change.text !== undefined && change.text !== section.text) {
      next.text = change.text;
      next.edited = true;
      next.sentences = [];
    }
    return next;
  });
}

/** The latest version, refused when it is final: a final report changes only as a new version. */
function assertDraft(row: ReportRow | null) {
  if (row?.status === "final") {
    throw new AppError("conflict", "The report is final; make a new version to correct it", {
      reason: "report_final",
    });
  }
}

/** Saves staff's changes to a month's draft (the first change stores version 1). */
export async function editReport(
  scope: CenterScope,
  registrantId: string,
  month: string,
  edit: ReportEdit,
) {
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    const registrant = await registrantOf(tx, scope, registrantId);
    const report = await readReport(scope, tx, registrant, month);
    assertDraft(report.row);
    const sections = applyEdit(report.sections, edit);
    const change = {
      sections: toStored(sections, false),
      personSummary: edit.personSummary ?? report.row?.personSummary ?? null,
    };
    if (report.row) {
      if (!(await updateDraft(tx, report.row.id, change, scope.actor.staffId, now))) {
        assertDraft({ ...report.row, status: "final" });
      }
    } else {
      await insertReport(tx, {
        centerId: scope.centerId,
        registrantId,
        month,
        version: 1,
        ...change,
        staffId: scope.actor.staffId,
        now,
      });
    }
    await scope.audit(tx, "report.edit", "registrant", registrantId, now);
  });
  return getReport(scope, registrantId, month);
}

/** Locks the month's draft with its whole text, as it reads now. */
export async function finalizeReport(scope: CenterScope, registrantId: string, month: string) {
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    const registrant = await registrantOf(tx, scope, registrantId);
    const report = await readReport(scope, tx, registrant, month);
    if (report.row?.status === "final") {
      throw new AppError("conflict", "The report is final already", { reason: "report_final" });
    }
    // a request to the worker left unanswered is not printed as if it were the report
    const sections = report.sections.map((section) =>
      section.empty && !section.edited && writtenByStaff.has(section.key)
        ? { ...section, text: "", sentences: [] }
        : section,
    );
    const locked = {
      sections: toStored(sections, true),
      personSummary: report.summary,
    };
    const row =
      report.row ??
      (await insertReport(tx, {
        centerId: scope.centerId,
        registrantId,
        month,
        version: 1,
        sections: [],
        personSummary: null,
        staffId: scope.actor.staffId,
        now,
      }));
    if (!(await finalizeDraft(tx, row.id, locked, scope.actor.staffId, now))) {
      throw new AppError("conflict", "The report is final already", { reason: "report_final" });
    }
    await scope.audit(tx, "report.finalize", "registrant", registrantId, now);
  });
  return getReport(scope, registrantId, month);
}

/** A correction of a final report: a new draft version with its text; the final one stays. */
export async function reviseReport(scope: CenterScope, registrantId: string, month: string) {
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    const registrant = await registrantOf(tx, scope, registrantId);
    monthOf(month, registrant, now);
    const latest = await findReport(tx, registrantId, month);
    if (latest?.status !== "final") {
      throw new AppError("conflict", "Only a final report is corrected by a new version", {
        reason: "report_not_final",
      });
    }
    await insertReport(tx, {
      centerId: scope.centerId,
      registrantId,
      month,
      version: latest.version + 1,
      // the final text, kept as staff's words so a rebuilt draft does not replace it
      sections: latest.sections.map((section) => ({ ...section, edited: true, sentences: [] })),
      personSummary: latest.personSummary,
      staffId: scope.actor.staffId,
      now,
    });
    await scope.audit(tx, "report.revise", "registrant", registrantId, now);
  });
  return getReport(scope, registrantId, month);
}

/** What sharing needs, checked in full before anything is written or sent. */
interface SharePlan {
  person: { lineUserId: string | null; summary: PersonSummary } | null;
  employers: { employerId: string; name: string; lineUserIds: string[] }[];
  employerSections: { title: string; text: string }[];
}

async function planShare(
  tx: Tx,
  registrant: RegistrantRow,
  row: ReportRow,
  share: ReportShare,
  now: number,
): Promise<SharePlan> {
  const plan: SharePlan = { person: null, employers: [], employerSections: [] };
  if (share.to.includes("person")) {
    const summary = row.personSummary ?? { wentWell: "", nextMonth: "" };
    if (share.channel === "line") {
      if (summary.wentWell.trim() === "" || summary.nextMonth.trim() === "") {
        throw new AppError(
          "conflict",
          "The person's short version needs what went well and next month's plan",
          { reason: "summary_missing" },
        );
      }
      if (registrant.lineUserId === null) {
        throw new AppError("unreachable", "Not linked on LINE", { reason: "not_linked" });
      }
      const account = await findAccount(tx, registrant.lineUserId);
      if (!account?.following) {
        throw new AppError("unreachable", "Blocked the account on LINE", { reason: "unreachable" });
      }
    }
    plan.person = { lineUserId: registrant.lineUserId, summary };
  }
  if (share.to.includes("employer")) {
    // the employer link is covered from consent text version 2 on (DOMAIN.md)
    if (registrant.consentedAt === null || (registrant.consentVersion ?? 0) < 2) {
      throw new AppError("conflict", "The person's consent does not cover the employer link", {
        reason: "not_consented",
      });
    }
    plan.employerSections = lockedSections(row)
      .filter((section) => section.forEmployer && section.text.trim() !== "")
      .map((section) => ({ title: section.title, text: section.text }));
    if (plan.employerSections.length === 0) {
      throw new AppError("conflict", "No section is marked for the employer", {
        reason: "nothing_for_employer",
      });
    }
    const today = monthDay(now);
    plan.employers = await currentEmployers(tx, registrant.id, today);
    if (plan.employers.length === 0) {
      throw new AppError("conflict", "The person has no current employer", {
        reason: "no_employer",
      });
    }
    if (share.channel === "line" && plan.employers.every((e) => e.lineUserIds.length === 0)) {
      throw new AppError("conflict", "No contact of the employer is linked on LINE", {
        reason: "no_employer_contact",
      });
    }
  }
  return plan;
}

/** The Tokyo date of a time ("2026-12-04"). */
function monthDay(ms: number): string {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Shares the month's final report: with the person (the short plain version on LINE, or on
 * paper) and with the employer (only the marked sections, to its linked contacts, or on paper).
 * Everything is checked before anything is written: a refusal sends nothing. A version already
 * shared with the same party the same way is not sent again.
 */
export async function shareReport(
  scope: CenterScope,
  registrantId: string,
  month: string,
  share: ReportShare,
  pushBudgetPerMonth: number | undefined,
): Promise<{ shared: ReturnType<typeof shareJson>[]; outbox: OutboxRow[] }> {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const registrant = await registrantOf(tx, scope, registrantId);
    monthOf(month, registrant, now);
    const row = await findReport(tx, registrantId, month);
    if (row?.status !== "final") {
      throw new AppError("conflict", "Finalise the report before sharing it", {
        reason: "report_not_final",
      });
    }
    const plan = await planShare(tx, registrant, row, share, now);
    const line = share.channel === "line";
    const pushes =
      (line && plan.person ? 1 : 0) +
      (line ? plan.employers.reduce((sum, employer) => sum + employer.lineUserIds.length, 0) : 0);
    const budgetMonth = monthKey(now);
    if (
      pushBudgetPerMonth !== undefined &&
      pushes > 0 &&
      (await pushesThisMonth(tx, budgetMonth)) + pushes > pushBudgetPerMonth
    ) {
      throw new AppError("push_budget", "This month's message budget is spent", {
        reason: "push_budget",
      });
    }
    const shared: ReturnType<typeof shareJson>[] = [];
    const outbox: OutboxRow[] = [];
    let counted = 0;
    const monthNumber = Number(month.slice(5));
    if (plan.person) {
      const recorded = await insertShare(tx, {
        report: row,
        audience: "person",
        channel: share.channel,
        employerId: "",
        recipients: line ? 1 : 0,
        staffId: scope.actor.staffId,
        now,
      });
      if (recorded && line && plan.person.lineUserId !== null) {
        const messages = registrantWords.monthlyReport(
          monthNumber,
          plan.person.summary.wentWell,
          plan.person.summary.nextMonth,
        );
        // the person's conversation shows what they were sent, under the worker's name
        await logStaffMessage(tx, {
          lineUserId: plan.person.lineUserId,
          registrantId,
          direction: "out",
          messageType: "staff",
          text: messages.map((message) => (message.type === "text" ? message.text : "")).join("\n"),
          staffId: scope.actor.staffId,
          clientKey: `report:${row.id}:person`,
          now,
        });
        const queued = await queueOutbound(
          tx,
          {
            kind: "push",
            recipients: [plan.person.lineUserId],
            messages,
            purpose: "report",
            now,
            leaseUntil: now + 15_000,
          },
          scope.log,
        );
        if (queued) outbox.push(queued);
        counted += 1;
      }
      if (recorded) shared.push(shareJson(row, "person", share.channel, null, recorded.recipients));
    }
    for (const employer of plan.employers) {
      const recipients = line ? employer.lineUserIds : [];
      if (line && recipients.length === 0) continue;
      const recorded = await insertShare(tx, {
        report: row,
        audience: "employer",
        channel: share.channel,
        employerId: employer.employerId,
        recipients: recipients.length,
        staffId: scope.actor.staffId,
        now,
      });
      if (!recorded) continue;
      if (line) {
        const queued = await queueOutbound(
          tx,
          {
            kind: recipients.length === 1 ? "push" : "multicast",
            recipients,
            messages: employerWords.monthlyReport(
              registrant.displayName,
              month,
              plan.employerSections,
            ),
            purpose: "report",
            about: [registrantId],
            now,
            leaseUntil: now + 15_000,
          },
          scope.log,
        );
        // only the employer allow-list refuses, and these words are its own
        if (!queued) throw new Error("the one sender refused an employer report");
        outbox.push(queued);
        counted += recipients.length;
      }
      shared.push(shareJson(row, "employer", share.channel, employer, recipients.length));
    }
    if (counted > 0) await countPushes(tx, budgetMonth, counted);
    await scope.audit(tx, "report.share", "registrant", registrantId, now);
    return { shared, outbox };
  });
}

function shareJson(
  row: ReportRow,
  to: "person" | "employer",
  channel: string,
  employer: { employerId: string; name: string } | null,
  recipients: number,
) {
  return {
    version: row.version,
    to,
    channel,
    employerId: employer?.employerId ?? null,
    employerName: employer?.name ?? null,
    recipients,
  };
}
