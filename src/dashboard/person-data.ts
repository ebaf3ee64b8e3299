// A person's data through the end of its life: ending support (with a reason, the person told
// kindly), disclosure of everything held (開示, JSON and a printable page) and erasure after a
// typed confirmation. Each goes through the center boundary and into the audit trail.
import * as z from "zod";
import { AppError, notFound } from "../core/errors";
import { tellSupportEnded } from "../escalation/person-feedback";
import { foldWords } from "../core/fold";
import { answerText, questionOf } from "../words/checkin-questions";
import { disclosureOf } from "../store/disclosure";
import { eraseRegistrantData } from "../store/erasure";
import {
  endSupport as endSupportRow,
  findRegistrant,
  reopenSupport as reopenSupportRow,
} from "../store/registrants";
import { endReasons, type QuestionKey } from "../vocabulary/kinds";
import { findCenter } from "../store/staff";
import { profileOf } from "./profile";
import { type CenterScope } from "./scope";
import { iso } from "../time/format";
import { isoOrNull } from "../time/format";

export const endSupportSchema = z.object({ reason: z.enum(endReasons) });

export const erasureSchema = z.object({ confirm: z.string().max(200) });

/**
 * Ends a person's support: check-ins stop (an open one is closed, the chat state dropped), the
 * person is told kindly once, and the data stays for the center's retention period.
 */
export async function endSupport(
  scope: CenterScope,
  registrantId: string,
  reason: (typeof endReasons)[number],
) {
  const now = scope.clock();
  const told = await scope.store.write(async (tx) => {
    const row = await findRegistrant(tx, scope.centerId, registrantId);
    if (!row) throw notFound("registrant", registrantId);
    if (row.status === "ended")
      throw new AppError("conflict", "Support has already ended", { reason: "support_ended" });
    await endSupportRow(tx, row, reason, now);
    await scope.audit(tx, "registrant.end_support", "registrant", registrantId, now);
    return tellSupportEnded(tx, row, {
      now,
      log: scope.log,
      pushBudgetPerMonth: scope.pushBudgetPerMonth,
    });
  });
  return { id: registrantId, status: "ended" as const, endedReason: reason, told };
}

/** A supervisor undoes an end of support (a mistake, or the person is back): check-ins resume. */
export async function reopenSupport(scope: CenterScope, registrantId: string) {
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    const row = await findRegistrant(tx, scope.centerId, registrantId);
    if (!row) throw notFound("registrant", registrantId);
    if (row.status !== "ended")
      throw new AppError("conflict", "Support has not ended", { reason: "support_not_ended" });
    await reopenSupportRow(tx, registrantId, now);
    await scope.audit(tx, "registrant.reopen_support", "registrant", registrantId, now);
  });
  return { id: registrantId, status: "active" as const };
}

/**
 * Erases a person after the supervisor typed their name: every row about them goes (see
 * eraseRegistrantData), the audit keeps the event under their random id only.
 */
export async function eraseRegistrant(scope: CenterScope, registrantId: string, confirm: string) {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const row = await findRegistrant(tx, scope.centerId, registrantId);
    if (!row) throw notFound("registrant", registrantId);
    if (confirm.trim() === "" || foldWords(confirm) !== foldWords(row.displayName)) {
      throw new AppError("bad_request", "confirm must be the person's name as shown");
    }
    const erased = await eraseRegistrantData(tx, row);
    await scope.audit(tx, "registrant.erase", "registrant", registrantId, now, []);
    return { id: registrantId, erased };
  });
}

/** A question's name for staff; an unknown key (an older build's) as stored. */
function questionName(key: QuestionKey): string {
  try {
    return questionOf(key).staffLabel;
  } catch {
    return key;
  }
}

/** Everything held about a person, as a supervisor hands it over on request; audited first. */
export async function exportRegistrant(scope: CenterScope, registrantId: string, format: string) {
  const db = scope.store.db;
  const row = await findRegistrant(db, scope.centerId, registrantId);
  if (!row) throw notFound("registrant", registrantId);
  const [held, center] = await Promise.all([disclosureOf(db, row), findCenter(db, scope.centerId)]);
  await scope.recordRead(`registrant.export_${format}`, "registrant", registrantId);
  return {
    exportedAt: iso(scope.clock()),
    /** Lists cut at the row limit (they keep the earliest rows; an operator can read the rest). */
    truncated: held.truncated,
    center: center?.name ?? null,
    person: {
      id: row.id,
      displayName: row.displayName,
      status: row.status,
      endedAt: isoOrNull(row.endedAt),
      endedReason: row.endedReason,
      createdAt: iso(row.createdAt),
      checkinSchedule: { weekday: row.checkinWeekday, minute: row.checkinMinute },
      ...profileOf(row),
      supportPeriod: {
        program: row.program,
        hiredOn: row.hiredOn,
        supportStartsOn: row.supportStartsOn,
        supportEndsOn: row.supportEndsOn,
      },
    },
    line: {
      linked: row.lineUserId !== null,
      lineUserId: row.lineUserId,
      linkedAt: isoOrNull(row.linkedAt),
      following: held.account?.following ?? null,
      firstSeenAt: isoOrNull(held.account?.firstSeenAt ?? null),
      lastSeenAt: isoOrNull(held.account?.lastSeenAt ?? null),
    },
    consents: held.consents.map((consent) => ({ ...consent, at: iso(consent.at) })),
    checkins: held.checkins.map((checkin) => ({
      id: checkin.id,
      week: checkin.weekKey,
      status: checkin.status,
      origin: checkin.origin,
      sentAt: iso(checkin.sentAt),
      completedAt: isoOrNull(checkin.completedAt),
      answers: checkin.answers.map((answer) => ({
        question: questionName(answer.question),
        answer: answerText(answer.question, answer.value),
        score: answer.score,
      })),
    })),
    messages: held.messages.map((message) => ({
      direction: message.direction,
      type: message.type,
      text: message.text,
      at: iso(message.createdAt),
    })),
    escalations: held.escalations.map((escalation) => ({
      id: escalation.id,
      category: escalation.category,
      severity: escalation.severity,
      status: escalation.status,
      source: escalation.source,
      summary: escalation.summary,
      openedAt: iso(escalation.openedAt),
      resolvedAt: isoOrNull(escalation.resolvedAt),
      timeline: escalation.timeline.map((event) => ({
        kind: event.kind,
        at: iso(event.at),
        staff: event.staffName,
        detail: event.detail,
      })),
    })),
    signals: held.signals.map((signal) => ({
      category: signal.category,
      severity: signal.severity,
      source: signal.source,
      evidence: signal.evidence,
      at: iso(signal.createdAt),
    })),
    employerReports: held.employerReports.map((report) => ({
      employer: report.employerName,
      contact: report.contactName,
      kind: report.kind,
      urgency: report.urgency,
      words: report.words,
      via: report.via,
      at: iso(report.createdAt),
    })),
    employerPulses: held.employerPulses.map((pulse) => ({
      ...pulse,
      sentAt: iso(pulse.sentAt),
      answeredAt: isoOrNull(pulse.answeredAt),
    })),
    employments: held.employments.map((job) => ({ ...job, since: iso(job.since) })),
    contacts: held.contacts.map((contact) => ({ ...contact, at: iso(contact.at) })),
    reports: held.reports.map((report) => ({
      month: report.month,
      version: report.version,
      status: report.status,
      sections: report.sections.map((section) => ({ key: section.key, text: section.text })),
      personSummary: report.personSummary,
      finalizedAt: isoOrNull(report.finalizedAt),
    })),
    reportShares: held.reportShares.map((share) => ({ ...share, at: iso(share.at) })),
    handover: held.handover.map((step) => ({ ...step, at: iso(step.at) })),
    readBy: held.readers.map((reader) => ({
      at: iso(reader.at),
      staff: reader.staffName,
      action: reader.action,
    })),
  };
}

export type RegistrantExport = Awaited<ReturnType<typeof exportRegistrant>>;
