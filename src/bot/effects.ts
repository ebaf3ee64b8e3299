// What a flow's step asks for, done in the event's transaction: its effects applied (signals
// raised through the escalation engine), its replies queued for LINE.
import type { Logger } from "../core/log";
import type { TextClassifier } from "../escalation/classifier";
import { raiseSignal } from "../escalation/engine";
import { reportSignal, signalsInReportWords } from "../escalation/rules/employer-report";
import { trendSignals } from "../escalation/rules/trend";
import { needsAlertNow } from "../escalation/staff-alerts";
import type { Effect, EmployerContext } from "../flows/types";
import { planSends, type OutMessage } from "../line/message";
import { queueOutbound } from "../outbox/queue";
import { setFollowing } from "../store/accounts";
import { completeCheckin, insertCheckin, upsertAnswer } from "../store/checkins";
import { logMessages, markUnread } from "../store/conversation-log";
import type { Tx } from "../store/db";
import { answerPulse, insertEmployerReport } from "../store/employer-reports";
import { answerHandoverQuestion } from "../store/handovers";
import type { OutboxRow } from "../store/outbox";
import {
  findRegistrantById,
  refreshNextCheckin,
  setCheckinSchedule,
  setConsent,
  setRegistrantStatus,
  type RegistrantRow,
} from "../store/registrants";
import { recentWeeksForTrends } from "../store/trends";
import type { Signal } from "../vocabulary/categories";
import type { AccountRole } from "../vocabulary/kinds";

/** LINE accepts a reply token for about a minute; stop trying it a little before that. */
export const replyTokenLifetimeMs = 50_000;
/** How long the request that committed a reply holds it before the sweep may take over. */
export const freshLeaseMs = 15_000;

/** Trends read this many weeks back: room for a skipped answer within the four-week rules. */
const trendWeeks = 6;

/** Whom an event's effects act on, and what applying them needs. */
export interface EffectTarget {
  lineUserId: string;
  role: AccountRole;
  registrant: RegistrantRow | null;
  employer: EmployerContext | undefined;
  log: Logger;
  classifier: TextClassifier;
}

interface Applying extends EffectTarget {
  /** Escalations this event opened or raised to urgent or high: their staff alerts go out now. */
  escalated: Set<string>;
}

/**
 * Applies a step's effects in order, in the event's transaction. Returns the escalations they
 * opened or raised that staff are to be alerted to at once.
 */
export async function applyEffects(
  tx: Tx,
  target: EffectTarget,
  effects: Effect[],
  now: number,
): Promise<string[]> {
  const applying: Applying = { ...target, escalated: new Set() };
  for (const effect of effects) {
    await applyEffect(tx, applying, effect, now);
  }
  return [...applying.escalated];
}

function registrantOf(target: EffectTarget, effect: Effect): RegistrantRow {
  if (!target.registrant) throw new Error(`effect ${effect.type} needs a registrant`);
  return target.registrant;
}

function employerOf(target: EffectTarget, effect: Effect): EmployerContext {
  if (!target.employer) throw new Error(`effect ${effect.type} needs an employer contact`);
  return target.employer;
}

async function raise(
  tx: Tx,
  target: Applying,
  registrant: RegistrantRow,
  signal: Signal,
  now: number,
) {
  const raised = await raiseSignal(
    tx,
    { centerId: registrant.centerId, registrantId: registrant.id, ...signal },
    now,
  );
  if (needsAlertNow(raised)) target.escalated.add(raised.escalationId);
  return raised;
}

async function applyEffect(tx: Tx, target: Applying, effect: Effect, now: number) {
  switch (effect.type) {
    case "setFollowing":
      await setFollowing(tx, target.lineUserId, effect.following, now);
      if (target.registrant) await refreshNextCheckin(tx, target.registrant.id, now);
      return;
    case "recordConsent": {
      const registrant = registrantOf(target, effect);
      const historyOnly = effect.historyOnly === true;
      await setConsent(tx, registrant.id, effect.decision, effect.textVersion, now, historyOnly);
      if (!historyOnly) await refreshNextCheckin(tx, registrant.id, now);
      return;
    }
    case "handoverConsent": {
      // checked again in the store against the question pending: a tap that lost a race with a
      // paper decision records nothing
      const registrant = registrantOf(target, effect);
      await answerHandoverQuestion(tx, {
        registrantId: registrant.id,
        requestId: effect.requestId,
        decision: effect.decision,
        channel: "line",
        now,
      });
      return;
    }
    case "setPaused": {
      const registrant = registrantOf(target, effect);
      // a pause staff set is lifted only by staff (the flow has told the person so), and ended
      // support is not reopened from LINE
      if (!effect.paused && registrant.pausedBy === "staff") return;
      if (registrant.status === "ended") return;
      await setRegistrantStatus(tx, registrant.id, effect.paused ? "paused" : "active", "person");
      await refreshNextCheckin(tx, registrant.id, now);
      return;
    }
    case "setSchedule": {
      const registrant = registrantOf(target, effect);
      await setCheckinSchedule(tx, registrant.id, effect.weekday, effect.minute);
      await refreshNextCheckin(tx, registrant.id, now);
      return;
    }
    case "startCheckin":
      await insertCheckin(tx, {
        id: effect.checkinId,
        registrantId: registrantOf(target, effect).id,
        origin: effect.origin,
        weekKey: effect.weekKey,
        now,
      });
      return;
    case "recordAnswer":
      await upsertAnswer(tx, { ...effect, now });
      return;
    case "completeCheckin": {
      await completeCheckin(tx, effect.checkinId, now);
      await logMessages(tx, [
        {
          lineUserId: target.lineUserId,
          registrantId: registrantOf(target, effect).id,
          direction: "in",
          messageType: "checkin",
          text: null,
          refId: effect.checkinId,
          now,
        },
      ]);
      // trends over weeks are read once the week's answers are all in
      const registrant = registrantOf(target, effect);
      const weeks = await recentWeeksForTrends(tx, registrant.id, now, trendWeeks);
      for (const signal of trendSignals(weeks)) {
        await raise(tx, target, registrant, signal, now);
      }
      return;
    }
    case "signal":
      await raise(tx, target, registrantOf(target, effect), effect.signal, now);
      return;
    case "employerReport":
      await fileEmployerReport(tx, target, effect.report, now);
      return;
    case "pulseAnswer": {
      const employer = employerOf(target, effect);
      await answerPulse(tx, {
        contactId: employer.contactId,
        registrantId: effect.registrantId,
        month: effect.month,
        answer: effect.answer,
        now,
      });
      return;
    }
    case "rejectPostback":
      target.log.warn("postback.rejected", { reason: effect.reason });
      return;
    case "forStaff":
      await markUnread(tx, registrantOf(target, effect).id, now);
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
  tx: Tx,
  target: Applying,
  report: Extract<Effect, { type: "employerReport" }>["report"],
  now: number,
) {
  const employer = target.employer;
  // checked again against this transaction's list: never recorded against someone not covered
  if (!employer?.registrants.some((person) => person.id === report.registrantId)) {
    target.log.warn("employer.report_refused", { reason: "not-covered" });
    return;
  }
  const registrant = await findRegistrantById(tx, report.registrantId);
  if (!registrant) return;
  const raised = await raise(tx, target, registrant, reportSignal(report), now);
  await insertEmployerReport(tx, {
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
  });
  if (report.words === null) return;
  const { findings } = target.classifier.classify(report.words);
  for (const signal of signalsInReportWords(report.words, findings)) {
    await raise(tx, target, registrant, signal, now);
  }
}

/**
 * Queues a step's replies by the one policy for LINE's limit (planSends): all of them, the first
 * five as the free reply while there is a token, any more as pushes.
 */
export async function queueReplies(
  tx: Tx,
  args: {
    key: string;
    lineUserId: string;
    replyToken: string | undefined;
    replies: OutMessage[];
    /** The replies carry the crisis contacts. */
    crisis: boolean;
    /** The registrants replies to someone else (an employer contact) name. */
    about: string[] | undefined;
    now: number;
    log: Logger;
  },
): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = [];
  for (const send of planSends(args.replies, args.replyToken !== undefined)) {
    const asReply = send.kind === "reply";
    const row = await queueOutbound(
      tx,
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
      args.log,
    );
    if (row) rows.push(row);
  }
  return rows;
}
