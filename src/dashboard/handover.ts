// The handover (引き継ぎ) to the agency that supports a person after the period, as the 2024 rule
// asks (Q&A 2024-03-29 問59; ../shared/CASE-RULES.md): marked as needed with the receiving agency,
// the person's consent asked on LINE (or recorded from paper), a packet built from the records
// only with that consent, and when and to whom it was given — each step kept as a handover event.
// The center's written policy and responsible person are in its settings.
import * as z from "zod";
import { AppError, notFound } from "../core/errors";
import { queueOutbound } from "../outbox/queue";
import { findAccount } from "../store/accounts";
import { logStaffMessage } from "../store/conversation-log";
import type { Queryable, Tx } from "../store/db";
import {
  contactsForPacket,
  employersForPacket,
  endingWithHandover,
  finalReportsForPacket,
  findHandover,
  handoverEventsOf,
  insertHandover,
  insertHandoverEvent,
  latestHandoverEvent,
  openIssuesForPacket,
  updateHandover,
  type HandoverEventRow,
  type HandoverRow,
} from "../store/handovers";
import type { OutboxRow } from "../store/outbox";
import { countPushes, pushesThisMonth } from "../store/push-budget";
import { findRegistrant, type RegistrantRow } from "../store/registrants";
import { findCenter } from "../store/staff";
import { dateKey } from "../time/business-time";
import { monthKey } from "../time/calendar";
import { addMonths } from "../time/dates";
import { iso, isoOrNull } from "../time/format";
import { daysLeft, supportPeriodRules } from "../time/support-period";
import type { ContactKind } from "../vocabulary/kinds";
import { textOfReplies } from "../words/message-text";
import { registrantWords } from "../words/registrant";
import type { CenterScope } from "./scope";

/** The packet lists the contacts of this many months (their totals cover the whole support). */
export const packetContactMonths = 12;
/** The packet lists this many of the last months with a final monthly report. */
export const packetReportMonths = 3;
/** Clocks differ a little: "now" on a phone may be slightly ahead of ours. */
const futureToleranceMs = 5 * 60 * 1000;

export const handoverSchema = z
  .object({
    needed: z.boolean({ message: "must be true or false" }),
    agency: z.string().trim().max(100),
    /** What works for this person, written by staff for the next agency; left out, it stays. */
    whatWorks: z.string().trim().max(2000).optional(),
  })
  .strict();
export type HandoverInput = z.infer<typeof handoverSchema>;

export const paperConsentSchema = z
  .object({
    decision: z.enum(["given", "declined"], { message: "must be given or declined" }),
    channel: z.literal("paper", { message: "must be paper (ask on LINE with consent-request)" }),
  })
  .strict();
export type PaperConsentInput = z.infer<typeof paperConsentSchema>;

export const packetGivenSchema = z
  .object({
    to: z.string().trim().min(1, { message: "is required" }).max(200),
    at: z.iso.datetime({ offset: true, message: "must be a time in ISO 8601" }).optional(),
  })
  .strict();
export type PacketGivenInput = z.infer<typeof packetGivenSchema>;

function eventJson(row: HandoverEventRow) {
  return { kind: row.kind, staffId: row.staffId, at: iso(row.at), detail: row.detail };
}

/** What staff wrote works for the person: kept on the latest agency event. */
function whatWorksOf(events: HandoverEventRow[]): string {
  const latest = events.findLast((event) => event.kind === "agency");
  const text = latest?.detail.whatWorks;
  return typeof text === "string" ? text : "";
}

function viewOf(registrantId: string, row: HandoverRow | null, events: HandoverEventRow[]) {
  return {
    registrantId,
    /** False until staff first saved it: nothing decided yet. */
    recorded: row !== null,
    needed: row?.needed ?? false,
    agency: row?.agency ?? "",
    whatWorks: whatWorksOf(events),
    consent: row?.consent ?? null,
    consentChannel: row?.consentChannel ?? null,
    consentAt: isoOrNull(row?.consentAt ?? null),
    packetGivenAt: isoOrNull(row?.packetGivenAt ?? null),
    packetGivenTo: row?.packetGivenTo ?? null,
    updatedAt: isoOrNull(row?.updatedAt ?? null),
    events: events.map(eventJson),
  };
}
export type HandoverView = ReturnType<typeof viewOf>;

async function registrantOf(tx: Queryable, scope: CenterScope, id: string) {
  const row = await findRegistrant(tx, scope.centerId, id);
  if (!row) throw notFound("registrant", id);
  return row;
}

async function stateOf(db: Queryable, registrantId: string) {
  const [row, events] = await Promise.all([
    findHandover(db, registrantId),
    handoverEventsOf(db, registrantId),
  ]);
  return viewOf(registrantId, row, events);
}

/** The handover and its steps, audited as a read of the person. */
export async function getHandover(scope: CenterScope, registrantId: string) {
  await registrantOf(scope.store.db, scope, registrantId);
  const view = await stateOf(scope.store.db, registrantId);
  await scope.recordRead("handover.read", "registrant", registrantId);
  return view;
}

/**
 * The handover for the registrant's page: that page's own read (registrant.read) is the audit
 * entry, so this one writes none; the center is checked all the same.
 */
export async function handoverForPage(scope: CenterScope, registrantId: string) {
  await registrantOf(scope.store.db, scope, registrantId);
  return stateOf(scope.store.db, registrantId);
}

/**
 * Marks whether the person needs support after the period, the receiving agency and what works
 * for them. Each change is a step on record. A consent is for one agency: naming another one
 * clears it (and a pending question's buttons then answer nothing), so the person is asked again.
 */
export async function saveHandover(scope: CenterScope, registrantId: string, input: HandoverInput) {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    await registrantOf(tx, scope, registrantId);
    const row = await findHandover(tx, registrantId);
    const staffId = scope.actor.staffId;
    const lastAgencyEvent = await latestHandoverEvent(tx, registrantId, "agency");
    const previousWhatWorks =
      typeof lastAgencyEvent?.detail.whatWorks === "string" ? lastAgencyEvent.detail.whatWorks : "";
    const whatWorks = input.whatWorks ?? previousWhatWorks;
    const agencyChanged = (row?.agency ?? "") !== input.agency;
    const consentReset = row !== null && row.consent !== null && agencyChanged;
    if (row === null) {
      await insertHandover(tx, {
        registrantId,
        centerId: scope.centerId,
        needed: input.needed,
        agency: input.agency,
        now,
      });
    } else {
      await updateHandover(tx, registrantId, {
        needed: input.needed,
        agency: input.agency,
        ...(consentReset ? { consent: null, consentChannel: null, consentAt: null } : {}),
        updatedAt: now,
      });
    }
    if (row === null || row.needed !== input.needed) {
      await insertHandoverEvent(tx, {
        registrantId,
        kind: input.needed ? "marked" : "unmarked",
        staffId,
        at: now,
        detail: {},
      });
    }
    if (agencyChanged || whatWorks !== previousWhatWorks) {
      await insertHandoverEvent(tx, {
        registrantId,
        kind: "agency",
        staffId,
        at: now,
        detail: {
          agency: input.agency,
          whatWorks,
          ...(consentReset ? { consentReset: true, previousConsent: row.consent } : {}),
        },
      });
    }
    await scope.audit(tx, "handover.update", "registrant", registrantId, now);
    return stateOf(tx, registrantId);
  });
}

/** A handover marked as needed: the consent steps need one. */
function neededHandover(row: HandoverRow | null): HandoverRow {
  if (!row?.needed) {
    throw new AppError("conflict", "Mark the handover as needed first", {
      reason: "handover_not_needed",
    });
  }
  return row;
}

/**
 * Asks the person on LINE whether the next agency may be told about them: one push through the
 * outbox (counted against the month's budget, shown in their conversation under the worker's
 * name). While an answer is pending, asking again sends nothing; the outbox row's retry key keeps
 * LINE from delivering one push twice. Refused when the person is not linked or has blocked the
 * account (409 with the reason), when support has ended, and once they have agreed.
 */
export async function requestHandoverConsent(
  scope: CenterScope,
  registrantId: string,
  pushBudgetPerMonth: number | undefined,
): Promise<{ sent: boolean; handover: HandoverView; outbox: OutboxRow[] }> {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const registrant = await registrantOf(tx, scope, registrantId);
    const row = neededHandover(await findHandover(tx, registrantId));
    if (row.consent === "asked") {
      return { sent: false, handover: await stateOf(tx, registrantId), outbox: [] };
    }
    if (row.consent === "given") {
      throw new AppError("conflict", "The person has agreed already", {
        reason: "already_consented",
      });
    }
    if (registrant.status === "ended") {
      throw new AppError("conflict", "Support has ended", { reason: "support_ended" });
    }
    const lineUserId = await reachableLine(tx, registrant);
    const month = monthKey(now);
    if (
      pushBudgetPerMonth !== undefined &&
      (await pushesThisMonth(tx, month)) + 1 > pushBudgetPerMonth
    ) {
      throw new AppError("push_budget", "This month's message budget is spent", {
        reason: "push_budget",
      });
    }
    const requestId = await insertHandoverEvent(tx, {
      registrantId,
      kind: "consent_asked",
      staffId: scope.actor.staffId,
      at: now,
      detail: { channel: "line", agency: row.agency },
    });
    await updateHandover(tx, registrantId, {
      consent: "asked",
      consentChannel: "line",
      consentAt: null,
      updatedAt: now,
    });
    const messages = registrantWords.handoverQuestion(requestId, row.agency);
    // the person's conversation shows what they were asked, under the worker's name
    await logStaffMessage(tx, {
      lineUserId,
      registrantId,
      direction: "out",
      messageType: "staff",
      text: textOfReplies(messages),
      staffId: scope.actor.staffId,
      clientKey: `handover:${registrantId}:${requestId}`,
      now,
    });
    const queued = await queueOutbound(
      tx,
      {
        kind: "push",
        recipients: [lineUserId],
        messages,
        purpose: "message",
        now,
        leaseUntil: now + 15_000,
      },
      scope.log,
    );
    // only the employer allow-list can refuse it, and a registrant is not an employer
    if (!queued) throw new Error("the one sender refused the handover question");
    await countPushes(tx, month, 1);
    await scope.audit(tx, "handover.consent_request", "registrant", registrantId, now);
    return { sent: true, handover: await stateOf(tx, registrantId), outbox: [queued] };
  });
}

async function reachableLine(tx: Tx, registrant: RegistrantRow): Promise<string> {
  if (registrant.lineUserId === null) {
    throw new AppError("unreachable", "Not linked on LINE", { reason: "not_linked" });
  }
  const account = await findAccount(tx, registrant.lineUserId);
  if (!account?.following) {
    throw new AppError("unreachable", "Blocked the account on LINE", { reason: "unreachable" });
  }
  return registrant.lineUserId;
}

/**
 * The person's decision given on paper, recorded by staff: it stands over a question pending on
 * LINE (whose buttons then change nothing). The same decision recorded twice is one step.
 */
export async function recordPaperConsent(
  scope: CenterScope,
  registrantId: string,
  input: PaperConsentInput,
) {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    await registrantOf(tx, scope, registrantId);
    const row = neededHandover(await findHandover(tx, registrantId));
    if (row.consent !== input.decision || row.consentChannel !== "paper") {
      await updateHandover(tx, registrantId, {
        consent: input.decision,
        consentChannel: "paper",
        consentAt: now,
        updatedAt: now,
      });
      await insertHandoverEvent(tx, {
        registrantId,
        kind: input.decision === "given" ? "consent_given" : "consent_declined",
        staffId: scope.actor.staffId,
        at: now,
        detail: { channel: "paper", agency: row.agency },
      });
    }
    await scope.audit(tx, "handover.consent", "registrant", registrantId, now);
    return stateOf(tx, registrantId);
  });
}

function consentedHandover(row: HandoverRow | null): HandoverRow & { consentAt: number } {
  if (row?.consent !== "given" || row.consentAt === null) {
    throw new AppError("conflict", "The person has not agreed to the handover", {
      reason: "not_consented",
    });
  }
  return { ...row, consentAt: row.consentAt };
}

/** Sums the contacts by kind: how often and how long, over the whole support. */
function totalsByKind(contacts: { kind: ContactKind; minutes: number }[]) {
  const totals = new Map<ContactKind, { kind: ContactKind; count: number; minutes: number }>();
  for (const contact of contacts) {
    const total = totals.get(contact.kind) ?? { kind: contact.kind, count: 0, minutes: 0 };
    total.count += 1;
    total.minutes += contact.minutes;
    totals.set(contact.kind, total);
  }
  return [...totals.values()].sort((a, b) => b.count - a.count);
}

/**
 * The handover packet, built from the records only with the person's consent (409 without it),
 * audited as a read. It carries what the next agency needs and the person was told would be
 * passed on: who they are (name, reading, program and dates), the support given (contacts by
 * date, kind and minutes), what is still open (escalations by category and severity), what works
 * for them (staff's words for the handover), the last final monthly reports (which, not their
 * text) and the employers with their contacts' names. Never the person's messages, check-in
 * answers, contact notes, escalation summaries or evidence, the profile's notes, clinic or
 * emergency contact.
 */
export async function handoverPacket(scope: CenterScope, registrantId: string) {
  const db = scope.store.db;
  const now = scope.clock();
  const registrant = await registrantOf(db, scope, registrantId);
  const row = consentedHandover(await findHandover(db, registrantId));
  const today = dateKey(now);
  const [center, events, contacts, issues, reports, workplaces] = await Promise.all([
    findCenter(db, scope.centerId),
    handoverEventsOf(db, registrantId),
    contactsForPacket(db, registrantId),
    openIssuesForPacket(db, registrantId),
    finalReportsForPacket(db, registrantId, packetReportMonths),
    employersForPacket(db, registrantId, today),
  ]);
  const listedFrom = addMonths(today, -packetContactMonths);
  const listedFromMs = Date.parse(`${listedFrom}T00:00:00+09:00`);
  const packet = {
    generatedAt: iso(now),
    center: {
      name: center?.name ?? "",
      phone: center?.phone ?? null,
      handoverResponsible: center?.handoverResponsible ?? "",
    },
    person: {
      displayName: registrant.displayName,
      kana: registrant.kana,
      program: registrant.program,
      hiredOn: registrant.hiredOn,
      supportStartsOn: registrant.supportStartsOn,
      supportEndsOn: registrant.supportEndsOn,
      daysLeft: daysLeft(registrant.supportEndsOn, now),
    },
    handover: {
      agency: row.agency,
      whatWorks: whatWorksOf(events),
      consent: { channel: row.consentChannel, at: iso(row.consentAt) },
      packetGivenAt: isoOrNull(row.packetGivenAt),
      packetGivenTo: row.packetGivenTo,
    },
    employers: workplaces,
    support: {
      totals: totalsByKind(contacts),
      listedFrom,
      contacts: contacts
        .filter((contact) => contact.at >= listedFromMs)
        .map((contact) => ({
          at: iso(contact.at),
          kind: contact.kind,
          with: contact.parties,
          minutes: contact.minutes,
        })),
    },
    openIssues: issues.map((issue) => ({
      category: issue.category,
      severity: issue.severity,
      status: issue.status,
      openedAt: iso(issue.openedAt),
    })),
    reports: reports.map((report) => ({
      month: report.month,
      version: report.version,
      finalizedAt: isoOrNull(report.finalizedAt),
      sections: report.sectionKeys,
    })),
  };
  await scope.recordRead("handover.packet", "registrant", registrantId);
  return packet;
}
export type HandoverPacket = Awaited<ReturnType<typeof handoverPacket>>;

/**
 * Records that the packet was given: to whom and when (now unless told). Only with the person's
 * consent (409); a time in the future or before the person was registered is refused (400).
 */
export async function recordPacketGiven(
  scope: CenterScope,
  registrantId: string,
  input: PacketGivenInput,
) {
  const now = scope.clock();
  const at = input.at === undefined ? now : Date.parse(input.at);
  if (at > now + futureToleranceMs) {
    throw new AppError("bad_request", "at is in the future", { reason: "time_in_future" });
  }
  return scope.store.write(async (tx) => {
    const registrant = await registrantOf(tx, scope, registrantId);
    consentedHandover(await findHandover(tx, registrantId));
    if (at < registrant.createdAt) {
      throw new AppError("bad_request", "at is before the person was registered", {
        reason: "before_registration",
      });
    }
    await updateHandover(tx, registrantId, {
      packetGivenAt: at,
      packetGivenTo: input.to,
      updatedAt: now,
    });
    await insertHandoverEvent(tx, {
      registrantId,
      kind: "packet_given",
      staffId: scope.actor.staffId,
      at: now,
      detail: { to: input.to, givenAt: iso(at) },
    });
    await scope.audit(tx, "handover.given", "registrant", registrantId, now);
    return stateOf(tx, registrantId);
  });
}

/**
 * Who needs a handover now: the center's people still supported whose support ends within 3
 * months (Tokyo dates) or has already passed that mark, with no packet given on record. People
 * staff marked as not needing one are left out: that decision is on record. Audited as a read of
 * everyone listed.
 */
export async function handoversDue(scope: CenterScope) {
  const now = scope.clock();
  const until = addMonths(dateKey(now), supportPeriodRules.handoverMonthsBeforeEnd);
  const rows = await endingWithHandover(scope.store.db, scope.centerId, until);
  const items = rows
    .filter((row) => row.needed !== false && row.packetGivenAt === null)
    .map((row) => ({
      registrantId: row.registrantId,
      displayName: row.displayName,
      caseworkerId: row.caseworkerId,
      supportEndsOn: row.supportEndsOn ?? "",
      daysLeft: daysLeft(row.supportEndsOn, now) ?? 0,
      recorded: row.needed !== null,
      agency: row.agency ?? "",
      consent: row.consent,
    }));
  await scope.recordRead(
    "handover.due",
    "registrant",
    null,
    items.map((item) => item.registrantId),
  );
  return items;
}
export type HandoverDue = Awaited<ReturnType<typeof handoversDue>>[number];
