// A webhook request's events, start to finish, in one transaction: claim each, load who wrote and
// their conversation, run the flow, apply what it asks for, queue the replies and any staff alert.
import type { Clock } from "../core/clock";
import type { Config } from "../core/config";
import type { Logger } from "../core/log";
import type { TextClassifier } from "../escalation/classifier";
import { calendarOf, centerCalendar } from "../escalation/engine";
import { namedIn } from "../escalation/rules/employer-report";
import { alertNow } from "../escalation/staff-alerts";
import { freshCheckinState } from "../flows/checkin";
import { resume, respondIn, type Conversation } from "../flows/router";
import type {
  Effect,
  EmployerContext,
  FlowRegistry,
  Inbound,
  RegistrantContext,
  Step,
} from "../flows/types";
import { hashLinkCode, normalizeLinkCode } from "../link/codes";
import { touchAccount } from "../store/accounts";
import { logMessages } from "../store/conversation-log";
import {
  loadConversationOrCheckin,
  saveConversation,
  type PendingCheckin,
  type SavedConversation,
} from "../store/conversations";
import type { Store, Tx } from "../store/db";
import { coveredRegistrants, findContact } from "../store/employers";
import { handoverQuestionState } from "../store/handovers";
import { claimEvent } from "../store/events";
import { redeemLinkCode } from "../store/link";
import { holdForSending, type OutboxRow } from "../store/outbox";
import { consentTextAsked, findRegistrantById, type RegistrantRow } from "../store/registrants";
import { findCenter } from "../store/staff";
import { dateKey, isOpenAt, nextOpening } from "../time/business-time";
import type { AccountRole } from "../vocabulary/kinds";
import { textOfReplies } from "../words/message-text";
import { consentTextVersion, hoursInWords, needsRenewal } from "../words/registrant";
import { applyEffects, freshLeaseMs, queueReplies } from "./effects";
import { classifyEvent, eventKey, type WebhookEvent } from "./events";

type Classified = ReturnType<typeof classifyEvent>;

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

/**
 * The events of one webhook request, in their order, in one transaction: all of them take effect
 * or none does (a failure answers 500 and LINE sends the body again, when each event that took
 * effect is a duplicate). A duplicate inside the body, or one a concurrent request claimed first,
 * takes effect once: the ledger's unique key decides. Requests arriving together still share a
 * commit (the store's group commit).
 */
export async function processEvents(
  deps: EventDeps,
  events: readonly WebhookEvent[],
): Promise<EventResult[]> {
  const keyed = await Promise.all(
    events.map(async (event) => ({
      event,
      key: await eventKey(event),
      classified: classifyEvent(event),
    })),
  );
  return deps.store.write(async (tx) => {
    const results: EventResult[] = [];
    for (const one of keyed) results.push(await handleEvent(tx, deps, one));
    return results;
  });
}

/** One event on its own (tests, tools): a body of one. */
export async function processEvent(deps: EventDeps, event: WebhookEvent): Promise<EventResult> {
  const [result] = await processEvents(deps, [event]);
  if (!result) throw new Error("no result for the event");
  return result;
}

/** One event inside the request's transaction: claim it, then run it. */
async function handleEvent(
  tx: Tx,
  deps: EventDeps,
  { event, key, classified }: { event: WebhookEvent; key: string; classified: Classified },
): Promise<EventResult> {
  const now = deps.clock();
  // claim: the ledger row makes the event take effect once
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

  // context: who wrote, the conversation they are in (its state read once, typed), their center
  const { lineUserId } = classified;
  const account = await touchAccount(tx, lineUserId, now);
  const conversation = resume(
    deps.flows,
    openedConversation(await loadConversationOrCheckin(tx, lineUserId, now)),
  );
  const { input, menuChanges } = await resolveLinkCode(
    tx,
    account.role,
    lineUserId,
    classified.input,
    { conversation, now },
  );
  const registrant =
    account.role === "registrant" && account.personId !== null
      ? await findRegistrantById(tx, account.personId)
      : null;
  const employer =
    account.role === "employer_contact" && account.personId !== null
      ? await employerContext(tx, account.personId, now)
      : undefined;

  // the handover question is answered by its buttons only: read it for a button tap
  const handover =
    registrant && input.type === "postback" ? await handoverQuestionState(tx, registrant.id) : null;
  // someone on an older consent text is asked the current one once: whether it was
  const renewalAsked =
    registrant !== null && needsRenewal(registrantConsent(registrant))
      ? await consentTextAsked(tx, registrant.id, consentTextVersion)
      : false;

  // flow: a pure step over the typed state
  const step = respondIn(conversation, input, {
    now,
    role: account.role,
    registrant: registrant ? registrantContext(registrant, handover, renewalAsked) : undefined,
    employer,
    newId: () => crypto.randomUUID(),
    ...(await centerContexts(tx, deps.config, registrant?.centerId ?? null, now)),
    classifier: deps.classifier,
  });
  await logExchange(tx, {
    key,
    event,
    lineUserId,
    role: account.role,
    registrant,
    employer,
    conversation,
    input: classified.input,
    step,
    now,
  });
  if (conversation !== null || step.state !== null) {
    await saveConversation(tx, lineUserId, step.state, now);
  }

  // effects: what the step asks for, then its replies and the staff alerts it calls for
  const escalated = await applyEffects(
    tx,
    {
      lineUserId,
      role: account.role,
      registrant,
      employer,
      log: deps.log,
      classifier: deps.classifier,
    },
    step.effects,
    now,
  );
  const outbox = await queueReplies(tx, {
    key,
    lineUserId,
    replyToken: event.replyToken,
    replies: step.replies,
    crisis: step.effects.some((effect) => effect.type === "crisisReplied"),
    about: employer ? namedIn(step.replies, employer.registrants) : undefined,
    now,
    log: deps.log,
  });
  const alerts = await alertNow(
    tx,
    escalated,
    { baseUrl: deps.config.publicBaseUrl, log: deps.log, leaseUntil: now + freshLeaseMs },
    now,
  );
  return { key, duplicate: false, outbox: [...outbox, ...alerts, ...menuChanges] };
}

/**
 * A scheduled check-in's conversation begins with the first thing the person sends after it was
 * sent: the fan-out writes no conversation, so it is made here (and saved with the step).
 */
function openedConversation(loaded: {
  saved: SavedConversation | null;
  pendingCheckin: PendingCheckin | null;
}): SavedConversation | null {
  if (loaded.pendingCheckin === null) return loaded.saved;
  return { flow: "checkin", state: freshCheckinState(loaded.pendingCheckin) };
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
  { conversation, now }: { conversation: Conversation | null; now: number },
): Promise<{ input: Inbound; menuChanges: OutboxRow[] }> {
  const unchanged = { input, menuChanges: [] };
  if (input.type !== "text" || conversation !== null) return unchanged;
  const code = normalizeLinkCode(input.text);
  if (code === null) return unchanged;
  if (role !== "guest") {
    return { input: { type: "link", result: { outcome: "already-linked" } }, menuChanges: [] };
  }
  const redemption = await redeemLinkCode(tx, lineUserId, await hashLinkCode(code), now);
  if (redemption.outcome !== "linked") {
    return { input: { type: "link", result: { outcome: redemption.outcome } }, menuChanges: [] };
  }
  // the person's own menu goes out with the replies, right after the commit
  return {
    input: { type: "link", result: { outcome: "linked", subject: redemption.subject } },
    menuChanges: await holdForSending(tx, redemption.menuChanges, now + freshLeaseMs),
  };
}

/**
 * The exchange in the person's conversation log: the message that came in (its words only when
 * they may be kept), and what the bot said back to a registrant or an employer contact (never to
 * a guest). A check-in's questions are not repeated: its answers become one card.
 */
async function logExchange(
  tx: Tx,
  exchange: {
    key: string;
    event: WebhookEvent;
    lineUserId: string;
    role: AccountRole;
    registrant: RegistrantRow | null;
    employer: EmployerContext | undefined;
    conversation: Conversation | null;
    /** What came in, as LINE sent it (a link code is not yet tried). */
    input: Inbound;
    step: Step;
    now: number;
  },
) {
  const { key, event, lineUserId, registrant, input, step, now } = exchange;
  const message = event.type === "message" ? event.message : undefined;
  if (!message) return;
  const answered =
    (registrant !== null || exchange.employer !== undefined) &&
    step.replies.length > 0 &&
    exchange.conversation?.name !== "checkin" &&
    step.state?.flow !== "checkin";
  const kept = input.type === "text" && keepsWords(exchange.role, registrant, step.effects);
  await logMessages(tx, [
    {
      webhookEventId: key,
      lineUserId,
      registrantId: registrant?.id ?? null,
      direction: "in" as const,
      messageType: message.type,
      text: kept ? input.text : null,
      now,
    },
    ...(answered
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
    center: {
      phone,
      openNow: open,
      nextOpenAt: open ? now : nextOpening(calendar, now),
      hours: hoursInWords(calendar),
    },
  };
}

function registrantConsent(row: RegistrantRow) {
  return { consented: row.consentedAt !== null, consentVersion: row.consentVersion };
}

function registrantContext(
  row: RegistrantRow,
  handover: RegistrantContext["handover"] | null,
  renewalAsked: boolean,
): RegistrantContext {
  return {
    id: row.id,
    status: row.status,
    pausedByStaff: row.pausedBy === "staff",
    ...registrantConsent(row),
    renewalAsked,
    checkinWeekday: row.checkinWeekday,
    checkinMinute: row.checkinMinute,
    handover: handover ?? undefined,
  };
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
