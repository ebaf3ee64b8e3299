// What a flow's step asks for, done in the request's writes: its effects applied (signals raised
// through the escalation engine), its replies queued for LINE. What can be written without reading
// is gathered for the request's one batch; what must read as it writes asks for the transaction.
import type { Logger } from "../core/log";
import type { TextClassifier } from "../escalation/classifier";
import { raiseStatements } from "../escalation/engine";
import { reportSignal, signalsInReportWords } from "../escalation/rules/employer-report";
import { trendSignals } from "../escalation/rules/trend";
import { needsAlertNow } from "../escalation/staff-alerts";
import type { Effect, EmployerContext } from "../flows/types";
import { planSends, type OutMessage } from "../line/message";
import { allowedOutbound } from "../outbox/queue";
import { setFollowing } from "../store/accounts";
import { answerStatements, completeCheckin, insertCheckin } from "../store/checkins";
import { logMessages, markUnread } from "../store/conversation-log";
import { answerPulse, insertEmployerReport, stillCovered } from "../store/employer-reports";
import { answerHandoverStatements } from "../store/handovers";
import type { Person } from "../store/inbound";
import { enqueueStatement, type OutboxRow } from "../store/outbox";
import {
  consentStatements,
  nextCheckinAt,
  setCheckinSchedule,
  setNextCheckin,
  setRegistrantStatus,
  type RegistrantRow,
} from "../store/registrants";
import { recentWeeksForTrends, trendWeeksOf, type TrendCheckin } from "../store/trends";
import type { UnresolvedEscalation } from "../store/escalations";
import { dateKey, type CenterCalendar } from "../time/business-time";
import type { Signal } from "../vocabulary/categories";
import type { AccountRole } from "../vocabulary/kinds";
import type { RequestWrites } from "./writes";

/** LINE accepts a reply token for about a minute; stop trying it a little before that. */
export const replyTokenLifetimeMs = 50_000;
/** How long the request that committed a reply holds it before the sweep may take over. */
export const freshLeaseMs = 15_000;

/** Trends read this many weeks back: room for a skipped answer within the four-week rules. */
export const trendWeeks = 6;

/** Whom an event's effects act on, and what applying them needs. */
export interface EffectTarget {
  lineUserId: string;
  role: AccountRole;
  /** The person as the request knows them: kept up to date as effects change them. */
  person: Person;
  registrant: RegistrantRow | null;
  employer: EmployerContext | undefined;
  log: Logger;
  classifier: TextClassifier;
  /** What the request knows of any registrant's escalations and center. */
  known: KnownEscalations;
}

/**
 * A registrant's unresolved escalations (by category) and their center's calendar, as the request
 * knows them: read with everything else for the people who wrote, read in the transaction for
 * anyone else (the person an employer reports about). Signals update the map.
 */
export interface KnownEscalations {
  unresolved(registrant: RegistrantRef): Promise<Map<string, UnresolvedEscalation>>;
  calendar(registrant: RegistrantRef): Promise<CenterCalendar>;
}

/** Who a signal is about: what raising it and alerting staff to it need of the registrant. */
export type RegistrantRef = Pick<RegistrantRow, "id" | "centerId" | "displayName">;

interface Applying extends EffectTarget {
  writes: RequestWrites;
  /** Escalations this event opened or raised to urgent or high: their staff alerts go out now. */
  escalated: Map<string, RegistrantRef>;
}

/**
 * Applies a step's effects in order, in the request's writes. Returns the escalations they opened
 * or raised that staff are to be alerted to at once.
 */
export async function applyEffects(
  writes: RequestWrites,
  target: EffectTarget,
  effects: Effect[],
  now: number,
): Promise<Map<string, RegistrantRef>> {
  const applying: Applying = { ...target, writes, escalated: new Map() };
  for (const effect of effects) {
    await applyEffect(applying, effect, now);
  }
  return applying.escalated;
}

/** A check-in of the person's, among those read with the request. */
function checkinOf(target: EffectTarget, id: string): TrendCheckin | undefined {
  return target.person.checkins?.find((checkin) => checkin.id === id);
}

function registrantOf(target: EffectTarget, effect: Effect): RegistrantRow {
  if (!target.registrant) throw new Error(`effect ${effect.type} needs a registrant`);
  return target.registrant;
}

function employerOf(target: EffectTarget, effect: Effect): EmployerContext {
  if (!target.employer) throw new Error(`effect ${effect.type} needs an employer contact`);
  return target.employer;
}

/** Files a signal under the person's escalations (see raiseStatements), in the request's writes. */
async function raise(target: Applying, registrant: RegistrantRef, signal: Signal, now: number) {
  const unresolved = await target.known.unresolved(registrant);
  const planned = raiseStatements(
    target.writes.q,
    { centerId: registrant.centerId, registrantId: registrant.id, ...signal },
    unresolved.get(signal.category) ?? null,
    await target.known.calendar(registrant),
    now,
  );
  target.writes.add(...planned.statements);
  unresolved.set(signal.category, planned.escalation);
  if (needsAlertNow(planned.raised)) target.escalated.set(planned.raised.escalationId, registrant);
  return planned.raised;
}

/**
 * When the next weekly check-in goes out follows from the registrant's state (see nextCheckinAt):
 * worked out again after each change, from the row as this request has changed it.
 */
function refreshNext(target: Applying, registrant: RegistrantRow, now: number) {
  const following = target.person.account?.following ?? false;
  registrant.nextCheckinAt = nextCheckinAt(registrant, following, now);
  target.writes.add(setNextCheckin(target.writes.q, registrant.id, registrant.nextCheckinAt));
}

async function applyEffect(target: Applying, effect: Effect, now: number) {
  const { writes } = target;
  const q = writes.q;
  switch (effect.type) {
    case "setFollowing":
      writes.add(setFollowing(q, target.lineUserId, effect.following, now));
      if (target.person.account) target.person.account.following = effect.following;
      if (target.registrant) refreshNext(target, target.registrant, now);
      return;
    case "recordConsent": {
      const registrant = registrantOf(target, effect);
      const historyOnly = effect.historyOnly === true;
      writes.add(
        ...consentStatements(
          q,
          registrant.id,
          effect.decision,
          effect.textVersion,
          now,
          historyOnly,
        ),
      );
      target.person.renewalAsked = true;
      if (historyOnly) return;
      registrant.consentedAt = effect.decision === "given" ? now : null;
      registrant.consentVersion = effect.decision === "given" ? effect.textVersion : null;
      refreshNext(target, registrant, now);
      return;
    }
    case "handoverConsent": {
      // checked again in the store against the question pending: a tap that lost a race with a
      // paper decision records nothing
      const registrant = registrantOf(target, effect);
      writes.add(
        ...answerHandoverStatements(q, {
          registrantId: registrant.id,
          requestId: effect.requestId,
          decision: effect.decision,
          channel: "line",
          now,
        }),
      );
      const pending = target.person.handover;
      if (pending?.consent === "asked" && pending.requestId === effect.requestId) {
        pending.consent = effect.decision;
      }
      return;
    }
    case "setPaused": {
      const registrant = registrantOf(target, effect);
      // a pause staff set is lifted only by staff (the flow has told the person so), and ended
      // support is not reopened from LINE
      if (!effect.paused && registrant.pausedBy === "staff") return;
      if (registrant.status === "ended") return;
      registrant.status = effect.paused ? "paused" : "active";
      registrant.pausedBy = effect.paused ? "person" : null;
      writes.add(setRegistrantStatus(q, registrant.id, registrant.status, "person"));
      refreshNext(target, registrant, now);
      return;
    }
    case "setSchedule": {
      const registrant = registrantOf(target, effect);
      registrant.checkinWeekday = effect.weekday;
      registrant.checkinMinute = effect.minute;
      writes.add(setCheckinSchedule(q, registrant.id, effect.weekday, effect.minute));
      refreshNext(target, registrant, now);
      return;
    }
    case "startCheckin":
      writes.add(
        insertCheckin(q, {
          id: effect.checkinId,
          registrantId: registrantOf(target, effect).id,
          origin: effect.origin,
          weekKey: effect.weekKey,
          now,
        }),
      );
      target.person.checkins?.push({
        id: effect.checkinId,
        status: "sent",
        weekKey: effect.weekKey,
        sentAt: now,
        answers: {},
      });
      return;
    case "recordAnswer": {
      writes.add(...answerStatements(q, { ...effect, now }));
      const checkin = checkinOf(target, effect.checkinId);
      if (checkin) {
        checkin.status = "in_progress";
        checkin.answers[effect.question] = { value: effect.value, score: effect.score };
      }
      return;
    }
    case "completeCheckin": {
      const registrant = registrantOf(target, effect);
      writes.add(
        completeCheckin(q, effect.checkinId, now),
        logMessages(q, [
          {
            lineUserId: target.lineUserId,
            registrantId: registrant.id,
            direction: "in",
            messageType: "checkin",
            text: null,
            refId: effect.checkinId,
            now,
          },
        ]),
      );
      // trends over weeks are read once the week's answers are all in: from the check-ins read
      // with the request (this one among them), else from the database
      const checkin = checkinOf(target, effect.checkinId);
      if (checkin) checkin.status = "completed";
      const weeks =
        checkin && target.person.checkins
          ? trendWeeksOf(target.person.checkins, trendWeeks)
          : await recentWeeksForTrends(
              await writes.transaction("trends"),
              registrant.id,
              now,
              trendWeeks,
            );
      for (const signal of trendSignals(weeks)) {
        await raise(target, registrant, signal, now);
      }
      return;
    }
    case "signal":
      await raise(target, registrantOf(target, effect), effect.signal, now);
      return;
    case "employerReport":
      await fileEmployerReport(target, effect.report, now);
      return;
    case "pulseAnswer": {
      const employer = employerOf(target, effect);
      writes.add(
        answerPulse(q, {
          contactId: employer.contactId,
          registrantId: effect.registrantId,
          month: effect.month,
          answer: effect.answer,
          now,
        }),
      );
      return;
    }
    case "rejectPostback":
      target.log.warn("postback.rejected", { reason: effect.reason });
      return;
    case "forStaff":
      writes.add(markUnread(q, registrantOf(target, effect).id, now));
      return;
    case "crisisReplied":
      // who and what kind, never the words
      target.log.info("crisis.replied", { danger: effect.danger, role: target.role });
      return;
  }
}

/**
 * An employer's report becomes a signal (source employer) on the person's escalations, and a row
 * staff see on the employer page; their words are also read for what a human must see at once.
 * What a report means is rules/employer-report's to say; here it is recorded.
 */
async function fileEmployerReport(
  target: Applying,
  report: Extract<Effect, { type: "employerReport" }>["report"],
  now: number,
) {
  const employer = target.employer;
  // checked again against the list read with this request: never recorded against someone not
  // covered
  const registrant = target.person.covered.get(report.registrantId);
  if (!employer || !registrant) {
    target.log.warn("employer.report_refused", { reason: "not-covered" });
    return;
  }
  // still covered as the write lands, or the request reads again and refuses
  target.writes.add(
    stillCovered(target.writes.q, employer.employerId, registrant.id, dateKey(now)),
  );
  const raised = await raise(target, registrant, reportSignal(report), now);
  // the report row points at the escalation, whose statements were added just before it
  target.writes.add(
    insertEmployerReport(target.writes.q, {
      centerId: registrant.centerId,
      employerId: employer.employerId,
      contactId: employer.contactId,
      registrantId: registrant.id,
      kind: report.kind,
      urgency: report.urgency,
      words: report.words,
      via: report.via,
      escalationId: raised.escalationId,
      now,
    }),
  );
  if (report.words === null) return;
  const { findings } = target.classifier.classify(report.words);
  for (const signal of signalsInReportWords(report.words, findings)) {
    await raise(target, registrant, signal, now);
  }
}

/**
 * Queues a step's replies by the one policy for LINE's limit (planSends): all of them, the first
 * five as the free reply while there is a token, any more as pushes. The recipient is the one who
 * wrote: the employer allow-list applies when they are an employer contact (`employer`). Returns
 * the rows, to be read once the writes are done.
 */
export function queueReplies(
  writes: RequestWrites,
  args: {
    key: string;
    lineUserId: string;
    /** The recipient is an employer contact. */
    employer: boolean;
    replyToken: string | undefined;
    replies: OutMessage[];
    /** The replies carry the crisis contacts. */
    crisis: boolean;
    /** The registrants replies to someone else (an employer contact) name. */
    about: string[] | undefined;
    now: number;
    log: Logger;
  },
): (() => OutboxRow)[] {
  const employers = new Set(args.employer ? [args.lineUserId] : []);
  const rows: (() => OutboxRow)[] = [];
  for (const send of planSends(args.replies, args.replyToken !== undefined)) {
    const asReply = send.kind === "reply";
    const message = allowedOutbound(
      {
        kind: send.kind,
        recipients: [args.lineUserId],
        messages: send.messages,
        replyToken: asReply ? args.replyToken : undefined,
        replyExpiresAt: asReply ? args.now + replyTokenLifetimeMs : undefined,
        leaseUntil: args.now + freshLeaseMs,
        sourceEventId: args.key,
        purpose: args.crisis ? "crisis" : "reply",
        about: args.about,
        now: args.now,
      },
      employers,
      args.log,
    );
    if (!message) continue;
    const queued = enqueueStatement(writes.q, message);
    const index = writes.add(queued.statement);
    rows.push(() => queued.row(writes.result(index)));
  }
  return rows;
}
