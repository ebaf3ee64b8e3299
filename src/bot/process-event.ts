// One webhook event, start to finish, in one transaction: ledger, person, message, flow, replies.
import type { Clock } from "../core/clock";
import { respond, type FlowRegistry } from "../flows/router";
import { hashLinkCode, normalizeLinkCode } from "../link/codes";
import type { Effect, EmployerContext, Inbound, RegistrantContext } from "../flows/types";
import type { Signal } from "../vocabulary/categories";
import type { OutMessage } from "../line/message";
import type { Logger } from "../core/log";
import { setFollowing, touchAccount } from "../store/accounts";
import type { Config } from "../core/config";
import { dateKey, isOpenAt, nextOpening } from "../time/business-time";
import { calendarOf, centerCalendar, raiseSignal } from "../escalation/engine";
import { findCenter } from "../store/staff";
import { completeCheckin, insertCheckin, upsertAnswer } from "../store/checkins";
import { loadConversation, saveConversation, type SavedConversation } from "../store/conversations";
import { redeemLinkCode } from "../store/link";
import {
  findRegistrantById,
  refreshNextCheckin,
  setCheckinSchedule,
  setConsent,
  setRegistrantStatus,
  type RegistrantRow,
} from "../store/registrants";
import type { AccountRole } from "../vocabulary/kinds";
import type { Store, Tx } from "../store/db";
import { claimEvent } from "../store/events";
import { logMessages, markUnread } from "../store/conversation-log";
import type { OutboxRow } from "../store/outbox";
import { awaitingAlert } from "../store/escalations";
import { alertEscalation, type AlertOptions } from "../escalation/staff-alerts";
import { reportCategories, reportSeverity } from "../escalation/rules/employer-report";
import { reportKinds, urgencies } from "../words/employer";
import {
  answerPulse,
  coveredRegistrants,
  findContact,
  insertEmployerReport,
} from "../store/employers";
import { queueOutbound } from "../outbox/queue";
import { textOfReplies } from "../words/message-text";
import { severities } from "../vocabulary/categories";
import { trendSignals } from "../escalation/rules/trend";
import type { TextClassifier } from "../escalation/classifier";
import { recentWeeksForTrends } from "../store/trends";
import { classifyEvent, eventKey, type WebhookEvent } from "./events";

export interface EventDeps {
  config: Config;
  store: Store;
  clock: Clock;
  flows: FlowRegistry;
  log: Logger;
  classifier: TextClassifier;
}

export interface EventResult {
  key: string;
  /** True when this event had already taken effect (a redelivery or a duplicate). */
  duplicate: boolean;
  /** Outbox rows this event created, for sending right after the commit. */
  outbox: OutboxRow[];
}

/** LINE accepts a reply token for about a minute; stop trying it a little before that. */
export const replyTokenLifetimeMs = 50_000;
/** How long the request that committed a reply holds it before the sweep may take over. */
export const freshLeaseMs = 15_000;
/** LINE takes at most five messages in one reply or push. */
const maxMessagesPerSend = 5;

export async function processEvent(deps: EventDeps, event: WebhookEvent): Promise<EventResult> {
  const key = await eventKey(event);
  const classified = classifyEvent(event);
  return deps.store.write(async (tx) => {
    const now = deps.clock();
    const claimed = await claimEvent(tx, {
      webhookEventId: key,
      eventType: event.type,
      lineUserId: classified.lineUserId,
      outcome: classified.kind,
      reason: classified.kind === "ignored" ? classified.reason : null,
      redelivered: event.deliveryContext?.isRedelivery ?? false,
      eventTimestamp: event.timestamp,
      receivedAt: now,
    });
    if (!claimed) return { key, duplicate: true, outbox: [] };
    if (classified.kind === "ignored") return { key, duplicate: false, outbox: [] };

    const { lineUserId } = classified;
    const account = await touchAccount(tx, lineUserId, now);
    const saved = await loadConversation(tx, lineUserId);
    const input = await resolveLinkCode(tx, account.role, lineUserId, classified.input, saved, now);
    const registrant =
      account.role === "registrant" && account.personId !== null
        ? await findRegistrantById(tx, account.personId)
        : null;
    const employer =
      account.role === "employer_contact" && account.personId !== null
        ? await employerContext(tx, account.personId, now)
        : undefined;
    const step = respond(deps.flows, saved, input, {
      now,
      role: account.role,
      registrant: registrant ? registrantContext(registrant) : undefined,
      employer,
      newId: () => crypto.randomUUID(),
      ...(await centerContexts(tx, deps.config, registrant?.centerId ?? null, now)),
      classifier: deps.classifier,
    });
    await logMessages(tx, [
      ...(event.type === "message" && event.message
        ? [
            {
              webhookEventId: key,
              lineUserId,
              registrantId: registrant?.id ?? null,
              direction: "in" as const,
              messageType: event.message.type,
              text:
                classified.input.type === "text" &&
                keepsWords(account.role, registrant, step.effects)
                  ? classified.input.text
                  : null,
              now,
            },
          ]
        : []),
      // what the bot said back to a message, in the registrant's or employer contact's
      // conversation (never a guest's); a check-in's questions are not repeated: its answers
      // become one card
      ...((registrant !== null || employer !== undefined) &&
      event.type === "message" &&
      step.replies.length > 0 &&
      saved?.flow !== "checkin" &&
      step.state?.flow !== "checkin"
        ? [
            {
              lineUserId,
              registrantId: registrant?.id ?? null,
              direction: "out" as const,
              messageType: "bot",
              text: textOfReplies(step.replies),
              now,
            },
          ]
        : []),
    ]);
    if (saved !== null || step.state !== null) {
      await saveConversation(tx, lineUserId, step.state, now);
    }
    const target: EffectTarget = {
      lineUserId,
      role: account.role,
      registrant,
      employer,
      log: deps.log,
      classifier: deps.classifier,
      escalated: new Set(),
    };
    for (const effect of step.effects) {
      await applyEffect(tx, target, effect, now);
    }
    const outbox = await queueReplies(tx, {
      key,
      lineUserId,
      replyToken: event.replyToken,
      replies: step.replies,
      crisis: step.effects.some((effect) => effect.type === "crisisReplied"),
      about: target.employer ? namedIn(step.replies, target.employer.registrants) : undefined,
      now,
      log: deps.log,
    });
    // an urgent escalation reaches staff on LINE in the same moment as the reply
    const alerts = await alertAtOnce(
      tx,
      [...target.escalated],
      {
        baseUrl: deps.config.publicBaseUrl,
        log: deps.log,
        leaseUntil: now + freshLeaseMs,
      },
      now,
    );
    return { key, duplicate: false, outbox: [...outbox, ...alerts] };
  });
}

/**
 * A text that is a link code, sent outside a conversation, is tried against the database here
 * (flows do no I/O) and reaches the flow as the outcome.
 */
async function resolveLinkCode(
  tx: Tx,
  role: AccountRole,
  lineUserId: string,
  input: Inbound,
  saved: SavedConversation | null,
  now: number,
): Promise<Inbound> {
  if (input.type !== "text" || saved !== null) return input;
  const code = normalizeLinkCode(input.text);
  if (code === null) return input;
  if (role !== "guest") return { type: "link", result: { outcome: "already-linked" } };
  const redemption = await redeemLinkCode(tx, lineUserId, await hashLinkCode(code), now);
  return {
    type: "link",
    result:
      redemption.outcome === "linked"
        ? { outcome: "linked", subject: redemption.subject }
        : { outcome: redemption.outcome },
  };
}

/**
 * Whether a message's words are kept. A registrant who has not consented and a person not linked
 * yet keep only the fact that they wrote, unless the words signal a risk to life or body, which
 * may be kept without consent to protect it (APPI art. 20 (2) ii); link codes are never kept.
 */
function keepsWords(role: AccountRole, registrant: RegistrantRow | null, effects: Effect[]) {
  if (effects.some((effect) => effect.type === "crisisReplied")) return true;
  if (role === "registrant") return registrant?.consentedAt != null;
  return role === "employer_contact" || role === "staff";
}

/**
 * What replies may say about the person's center: the crisis contacts (with the center's own
 * phone while it is open), and its phone and opening for honest words about when someone reads.
 */
async function centerContexts(tx: Tx, config: Config, centerId: string | null, now: number) {
  if (centerId === null) return { crisis: { contacts: config.crisisContacts, centerPhone: null } };
  const center = await findCenter(tx, centerId);
  const calendar = calendarOf(center);
  const open = isOpenAt(calendar, now);
  const phone = center?.phone ?? null;
  return {
    crisis: { contacts: config.crisisContacts, centerPhone: open ? phone : null },
    center: { phone, openNow: open, nextOpenAt: open ? now : nextOpening(calendar, now) },
  };
}

function registrantContext(row: RegistrantRow): RegistrantContext {
  return {
    id: row.id,
    status: row.status,
    pausedByStaff: row.pausedBy === "staff",
    consented: row.consentedAt !== null,
    checkinWeekday: row.checkinWeekday,
    checkinMinute: row.checkinMinute,
  };
}

interface EffectTarget {
  lineUserId: string;
  role: AccountRole;
  registrant: RegistrantRow | null;
  employer: EmployerContext | undefined;
  log: Logger;
  classifier: TextClassifier;
  /** Escalations this event opened or raised to urgent or high: their staff alerts go out now. */
  escalated: Set<string>;
}

async function alertAtOnce(tx: Tx, ids: string[], options: AlertOptions, now: number) {
  if (ids.length === 0) return [];
  const rows: OutboxRow[] = [];
  for (const escalation of await awaitingAlert(tx, ids.length, ids)) {
    rows.push(...(await alertEscalation(tx, escalation, options, now)));
  }
  return rows;
}

/** An employer contact's context: who they may report about, and their center's calendar. */
async function employerContext(
  tx: Tx,
  contactId: string,
  now: number,
): Promise<EmployerContext | undefined> {
  const contact = await findContact(tx, contactId);
  if (!contact) return undefined;
  return {
    contactId: contact.id,
    employerId: contact.employerId,
    centerId: contact.centerId,
    registrants: await coveredRegistrants(tx, contact.employerId, dateKey(now)),
    calendar: await centerCalendar(tx, contact.centerId),
  };
}

function registrantOf(target: EffectTarget, effect: Effect): RegistrantRow {
  if (!target.registrant) throw new Error(`effect ${effect.type} needs a registrant`);
  return target.registrant;
}

/** Trends read this many weeks back: room for a skipped answer within the four-week rules. */
const trendWeeks = 6;

async function raise(
  tx: Tx,
  target: EffectTarget,
  registrant: RegistrantRow,
  signal: Signal,
  now: number,
) {
  const raised = await raiseSignal(
    tx,
    { centerId: registrant.centerId, registrantId: registrant.id, ...signal },
    now,
  );
  if ((raised.opened || raised.raised) && severities.indexOf(raised.severity) <= 1) {
    target.escalated.add(raised.escalationId);
  }
  return raised;
}

async function applyEffect(tx: Tx, target: EffectTarget, effect: Effect, now: number) {
  switch (effect.type) {
    case "setFollowing":
      await setFollowing(tx, target.lineUserId, effect.following, now);
      if (target.registrant) await refreshNextCheckin(tx, target.registrant.id, now);
      return;
    case "recordConsent": {
      const registrant = registrantOf(target, effect);
      await setConsent(tx, registrant.id, effect.decision, effect.textVersion, now);
      await refreshNextCheckin(tx, registrant.id, now);
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

function employerOf(target: EffectTarget, effect: Effect): EmployerContext {
  if (!target.employer) throw new Error(`effect ${effect.type} needs an employer contact`);
  return target.employer;
}

/**
 * An employer's report becomes a signal (source employer) on the person's escalations, and a row
 * staff see on the employer page; their words are also read for what a human must see at once.
 */
async function fileEmployerReport(
  tx: Tx,
  target: EffectTarget,
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
  const kindLabel = reportKinds.find((choice) => choice.kind === report.kind)?.label ?? report.kind;
  const urgencyLabel =
    report.kind === "no_show"
      ? "安否確認が必要"
      : (urgencies.find((choice) => choice.urgency === report.urgency)?.label ?? report.urgency);
  const raised = await raise(
    tx,
    target,
    registrant,
    {
      category: reportCategories[report.kind],
      severity: reportSeverity(report.kind, report.urgency),
      source: "employer",
      evidence: {
        reason: `企業から：${kindLabel}（${urgencyLabel}）`,
        ...(report.words === null ? {} : { quote: report.words }),
      },
    },
    now,
  );
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
  // a risk to life or abuse in the employer's words goes to the queue in its own right
  for (const finding of target.classifier.classify(report.words).findings) {
    if (finding.category !== "crisis" && finding.category !== "abuse") continue;
    await raise(
      tx,
      target,
      registrant,
      {
        category: finding.category,
        severity: finding.severity,
        source: "employer",
        evidence: {
          reason: "企業担当者の文章から",
          quote: report.words,
          ...(finding.phrases.length > 0 ? { phrases: finding.phrases } : {}),
          ...(finding.model !== undefined ? { model: finding.model } : {}),
        },
      },
      now,
    );
  }
}

/**
 * Which of the people an employer contact covers the replies name (the report flow asks "which
 * of 〇〇さん…", confirms "〇〇さんのこと…"): erasing one of them drops these rows too.
 */
function namedIn(
  replies: OutMessage[],
  people: { id: string; displayName: string }[],
): string[] | undefined {
  if (people.length === 0) return undefined;
  const said = JSON.stringify(replies);
  const named = people.filter((person) => said.includes(person.displayName));
  return named.length === 0 ? undefined : named.map((person) => person.id);
}

/** The first five messages go as a free reply; any more, or no token, as pushes. */
async function queueReplies(
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
  for (let i = 0; i < args.replies.length; i += maxMessagesPerSend) {
    const chunk = args.replies.slice(i, i + maxMessagesPerSend);
    const asReply = i === 0 && args.replyToken !== undefined;
    const row = await queueOutbound(
      tx,
      {
        kind: asReply ? "reply" : "push",
        recipients: [args.lineUserId],
        messages: chunk,
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
