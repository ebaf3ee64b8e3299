// A webhook request's events, start to finish: read what they need at once, run each through its
// flow, and write everything they did in one batch (one round trip each way on Turso). An event
// that must read as it writes (a link code, a signal, an employer's report) makes the request run
// in a transaction instead, the same code in the same order.
import type { Clock } from "../core/clock";
import type { Config } from "../core/config";
import type { Logger } from "../core/log";
import type { TextClassifier } from "../escalation/classifier";
import { calendarOf, centerCalendar } from "../escalation/engine";
import { namedIn } from "../escalation/rules/employer-report";
import { alertNow, alertStatements } from "../escalation/staff-alerts";
import { unresolvedOf, type UnresolvedEscalation } from "../store/escalations";
import type { CenterCalendar } from "../time/business-time";
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
import { touchStatements } from "../store/accounts";
import { logMessages } from "../store/conversation-log";
import { saveStatements, type SavedConversation } from "../store/conversations";
import { isWriteConflict, type Store } from "../store/db";
import { recordEvent } from "../store/events";
import {
  newPerson,
  readInbound,
  type CenterRow,
  type Inbound as Found,
  type InboundRequest,
  type LinkAttempt,
  type Person,
} from "../store/inbound";
import { redemptionStatements } from "../store/link";
import type { OutboxRow } from "../store/outbox";
import type { RegistrantRow } from "../store/registrants";
import { isOpenAt, nextOpening } from "../time/business-time";
import type { AccountRole } from "../vocabulary/kinds";
import { textOfReplies } from "../words/message-text";
import { consentTextVersion, hoursInWords, needsRenewal } from "../words/registrant";
import {
  applyEffects,
  freshLeaseMs,
  queueReplies,
  trendWeeks,
  type KnownEscalations,
  type RegistrantRef,
} from "./effects";
import { classifyEvent, eventKey, type WebhookEvent } from "./events";
import { NeedsTransaction, RequestWrites } from "./writes";

type Classified = ReturnType<typeof classifyEvent>;

/** What raising a signal about a registrant and alerting staff to it read of them. */
type Known = Pick<Person, "unresolved" | "center" | "staff">;

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

interface Keyed {
  event: WebhookEvent;
  key: string;
  classified: Classified;
  /** The hash of the link code the text may be (null: it is not one). */
  codeHash: string | null;
}

/**
 * A request is read and written again this many times when something it read changed before its
 * write landed (a concurrent request for the same person, staff changing what it read).
 */
const maxAttempts = 5;

/**
 * The events of one webhook request, in their order: all of them take effect or none does (a
 * failure answers 500 and LINE sends the body again, when each event that took effect is a
 * duplicate). A duplicate inside the body, or one a concurrent request claimed first, takes
 * effect once: the ledger's unique key decides, and the loser reads again. Requests arriving
 * together still share a commit (the store's group commit).
 */
export async function processEvents(
  deps: EventDeps,
  events: readonly WebhookEvent[],
): Promise<EventResult[]> {
  const keyed = await Promise.all(
    events.map(async (event) => {
      const classified = classifyEvent(event);
      return { event, key: await eventKey(event), classified, codeHash: await codeIn(classified) };
    }),
  );
  for (let attempt = 1; ; attempt++) {
    try {
      return await runRequest(deps, keyed);
    } catch (error) {
      if (attempt >= maxAttempts || !isWriteConflict(error)) throw error;
    }
  }
}

/** One event on its own (tests, tools): a body of one. */
export async function processEvent(deps: EventDeps, event: WebhookEvent): Promise<EventResult> {
  const [result] = await processEvents(deps, [event]);
  if (!result) throw new Error("no result for the event");
  return result;
}

/** The hash of the link code a text is, when it is one (whether it is tried depends on what is read). */
async function codeIn(classified: Classified): Promise<string | null> {
  if (classified.kind !== "handled" || classified.input.type !== "text") return null;
  const code = normalizeLinkCode(classified.input.text);
  return code === null ? null : hashLinkCode(code);
}

/** What the request reads: the events' keys, the people who wrote them, the codes they sent. */
function readsOf(keyed: Keyed[], now: number): InboundRequest {
  const lineUserIds = new Set<string>();
  const attempts = new Map<string, { lineUserId: string; hash: string }>();
  for (const { classified, codeHash } of keyed) {
    if (classified.kind !== "handled") continue;
    const { lineUserId } = classified;
    lineUserIds.add(lineUserId);
    if (codeHash !== null)
      attempts.set(`${lineUserId} ${codeHash}`, { lineUserId, hash: codeHash });
  }
  return {
    keys: keyed.map((one) => one.key),
    lineUserIds: [...lineUserIds],
    attempts: [...attempts.values()],
    consentText: consentTextVersion,
    trendWeeks,
    now,
  };
}

/** A batch when every event can do without reading as it writes; else a transaction. */
async function runRequest(deps: EventDeps, keyed: Keyed[]): Promise<EventResult[]> {
  const reads = readsOf(keyed, deps.clock());
  const found = await readInbound(deps.store.db, reads);
  const request = new RequestRun(deps, found, new RequestWrites(deps.store.db, null));
  try {
    for (const one of keyed) await request.handle(one);
  } catch (error) {
    if (!(error instanceof NeedsTransaction)) throw error;
    return deps.store.write(async (tx) => {
      const inTx = new RequestRun(deps, await readInbound(tx, reads), new RequestWrites(tx, tx));
      for (const one of keyed) await inTx.handle(one);
      return inTx.finish();
    });
  }
  return request.finish();
}

/** One request's events, run in order against what was read, into one set of writes. */
class RequestRun implements KnownEscalations {
  /** Each registrant's unresolved escalations as this request has them (see knownOf). */
  private readonly escalations = new Map<string, Map<string, UnresolvedEscalation>>();
  private readonly results: { key: string; duplicate: boolean; outbox: (() => OutboxRow)[] }[] = [];

  constructor(
    private readonly deps: EventDeps,
    private readonly found: Found,
    private readonly writes: RequestWrites,
  ) {}

  async finish(): Promise<EventResult[]> {
    await this.writes.done(this.deps.store);
    return this.results.map(({ key, duplicate, outbox }) => ({
      key,
      duplicate,
      outbox: outbox.map((row) => row()),
    }));
  }

  private person(lineUserId: string): Person {
    let person = this.found.people.get(lineUserId);
    if (!person) {
      person = newPerson();
      this.found.people.set(lineUserId, person);
    }
    return person;
  }

  /** One event: claim it, then run it. */
  async handle({ event, key, classified, codeHash }: Keyed): Promise<void> {
    const { deps, writes } = this;
    const q = writes.q;
    const now = deps.clock();
    // claim: the ledger row makes the event take effect once
    if (this.found.claimed.has(key)) {
      this.results.push({ key, duplicate: true, outbox: [] });
      return;
    }
    this.found.claimed.add(key);
    writes.add(
      recordEvent(q, {
        webhookEventId: key,
        eventType: event.type,
        lineUserId: classified.lineUserId,
        outcome: classified.kind,
        reason: classified.kind === "ignored" ? classified.reason : null,
        redelivered: event.deliveryContext?.isRedelivery ?? false,
        eventTimestamp: event.timestamp,
        receivedAt: now,
      }),
    );
    const outbox: (() => OutboxRow)[] = [];
    this.results.push({ key, duplicate: false, outbox });
    if (classified.kind === "ignored") return;

    // context: who wrote, the conversation they are in, their center
    const { lineUserId } = classified;
    let person = this.person(lineUserId);
    writes.add(...touchStatements(q, lineUserId, person.account, now));
    person.account ??= { role: "guest", personId: null, following: true };
    const role = person.account.role;
    const conversation = resume(deps.flows, openedConversation(person));
    const link = this.resolveLinkCode(
      role,
      lineUserId,
      classified.input,
      codeHash,
      conversation,
      now,
    );
    const input = link.input;
    outbox.push(...link.menuChanges);
    // what the person is now (their role, their rows), for this event and their next ones
    if (link.linked) person = link.linked;
    const registrant = role === "registrant" ? person.registrant : null;
    const employer: EmployerContext | undefined =
      role === "employer_contact" && person.employer
        ? { ...person.employer, calendar: calendarOf(person.center) }
        : undefined;

    // the handover question is answered by its buttons only: what is pending, for a button tap
    const handover = registrant && input.type === "postback" ? person.handover : null;
    // someone on an older consent text is asked the current one once: whether it was
    const renewalAsked =
      registrant !== null && needsRenewal(registrantConsent(registrant))
        ? person.renewalAsked
        : false;

    // flow: a pure step over the typed state
    const step = respondIn(conversation, input, {
      now,
      role,
      registrant: registrant ? registrantContext(registrant, handover, renewalAsked) : undefined,
      employer,
      newId: () => crypto.randomUUID(),
      ...centerContexts(deps.config, registrant ? person.center : undefined, now),
      classifier: deps.classifier,
    });
    writes.add(
      logExchange(writes, {
        key,
        event,
        lineUserId,
        role,
        registrant,
        employer,
        conversation,
        input: classified.input,
        step,
        now,
      }),
    );
    if (conversation !== null || step.state !== null) {
      writes.add(
        ...saveStatements(q, lineUserId, person.conversation?.version ?? null, step.state, now),
      );
      person.conversation = step.state && {
        flow: step.state.flow,
        state: step.state,
        version: person.conversation ? person.conversation.version + 1 : 0,
      };
      // a conversation saved since the scheduled check-in went out means it has begun
      person.pendingCheckin = null;
    }

    // effects: what the step asks for, then its replies and the staff alerts it calls for
    const escalated = await applyEffects(
      writes,
      {
        lineUserId,
        role,
        person,
        registrant,
        employer,
        log: deps.log,
        classifier: deps.classifier,
        known: this,
      },
      step.effects,
      now,
    );
    outbox.push(
      ...queueReplies(writes, {
        key,
        lineUserId,
        employer: role === "employer_contact",
        replyToken: event.replyToken,
        replies: step.replies,
        crisis: step.effects.some((effect) => effect.type === "crisisReplied"),
        about: employer ? namedIn(step.replies, employer.registrants) : undefined,
        now,
        log: deps.log,
      }),
    );
    for (const [escalationId, about] of escalated) {
      outbox.push(...(await this.alert(escalationId, about, now)));
    }
  }

  /**
   * Staff alerts for an escalation an event just opened or raised: planned from what was read with
   * the request (see knownOf), else read in the transaction.
   */
  private async alert(
    escalationId: string,
    registrant: RegistrantRef,
    now: number,
  ): Promise<(() => OutboxRow)[]> {
    const options = {
      baseUrl: this.deps.config.publicBaseUrl,
      log: this.deps.log,
      leaseUntil: now + freshLeaseMs,
    };
    const known = this.knownOf(registrant.id);
    const escalation = known && [...known.unresolved.values()].find((e) => e.id === escalationId);
    if (!known || !escalation) {
      const tx = await this.writes.transaction("staff alert");
      return (await alertNow(tx, [escalationId], options, now)).map((row) => () => row);
    }
    const planned = alertStatements(
      this.writes.q,
      {
        ...escalation,
        centerId: registrant.centerId,
        registrantId: registrant.id,
        registrantName: registrant.displayName,
      },
      calendarOf(known.center),
      known.staff,
      options,
      now,
    );
    if (planned.statements.length === 0) return [];
    const first = this.writes.add(...planned.statements) - planned.statements.length + 1;
    // claimed: a second signal in this request does not alert again at this severity
    escalation.alertedRank = escalation.severityRank;
    return planned.queued.map((queued) => () => queued.row(this.writes.result(first + queued.at)));
  }

  /**
   * What the request read of a registrant: their unresolved escalations, center and the center's
   * staff. They were read when the registrant wrote in this request, or when an employer contact
   * who wrote may name them (and they are of the contact's center, whose staff were read).
   * Undefined when they were not read. However they were found, the request keeps one map of a
   * registrant's escalations (`escalations`), so that what one event raised is what the next sees,
   * whoever writes next (the person, an employer about them, the person from a newly linked
   * account).
   */
  private knownOf(registrantId: string): Known | undefined {
    const people = [...this.found.people.values()];
    const writer = people.find((person) => person.registrant?.id === registrantId);
    const coveredBy = writer
      ? undefined
      : people.find((person) => {
          const covered = person.covered.get(registrantId);
          return covered && covered.centerId === person.employer?.centerId;
        });
    const read = writer?.unresolved ?? coveredBy?.covered.get(registrantId)?.unresolved;
    const source = writer ?? coveredBy;
    if (!source || !read) return undefined;
    return {
      unresolved: this.escalationsOf(registrantId, read),
      center: source.center,
      staff: source.staff,
    };
  }

  /** The request's one map of a registrant's unresolved escalations: `read` the first time. */
  private escalationsOf(registrantId: string, read: Map<string, UnresolvedEscalation>) {
    let known = this.escalations.get(registrantId);
    if (!known) {
      known = read;
      this.escalations.set(registrantId, known);
    }
    return known;
  }

  async unresolved(registrant: RegistrantRef): Promise<Map<string, UnresolvedEscalation>> {
    const known = this.knownOf(registrant.id)?.unresolved ?? this.escalations.get(registrant.id);
    if (known) return known;
    const tx = await this.writes.transaction("another person's escalations");
    const rows = await unresolvedOf(tx, registrant.id);
    return this.escalationsOf(registrant.id, new Map(rows.map((row) => [row.category, row])));
  }

  async calendar(registrant: RegistrantRef): Promise<CenterCalendar> {
    const known = this.knownOf(registrant.id);
    if (known) return calendarOf(known.center);
    return centerCalendar(
      await this.writes.transaction("a center's calendar"),
      registrant.centerId,
    );
  }

  /**
   * A text that is a link code, sent outside a conversation, is tried against what was read (flows
   * do no I/O) and reaches the flow as the outcome. The code, its person and the failures counted
   * were read with the request; trying it changes them for the request's next events.
   */
  private resolveLinkCode(
    role: AccountRole,
    lineUserId: string,
    input: Inbound,
    codeHash: string | null,
    conversation: Conversation | null,
    now: number,
  ): { input: Inbound; menuChanges: (() => OutboxRow)[]; linked: Person | null } {
    const unchanged = { input, menuChanges: [], linked: null };
    if (input.type !== "text" || conversation !== null || codeHash === null) return unchanged;
    if (role !== "guest") {
      return { ...unchanged, input: { type: "link", result: { outcome: "already-linked" } } };
    }
    const attempt = this.found.attempts.get(lineUserId)?.get(codeHash);
    if (!attempt) throw new Error("a link code was not read with its request");
    const planned = redemptionStatements(this.writes.q, {
      lineUserId,
      codeHash,
      code: attempt.code,
      failures: attempt.failures,
      role: this.person(lineUserId).account?.role ?? null,
      now,
      leaseUntil: now + freshLeaseMs,
    });
    const first = this.writes.add(...planned.statements) - planned.statements.length + 1;
    const { redemption } = planned;
    if (redemption.outcome === "unknown-code") this.failed(lineUserId);
    if (redemption.outcome !== "linked") {
      return { ...unchanged, input: { type: "link", result: { outcome: redemption.outcome } } };
    }
    const linked = this.usedUp(codeHash, attempt, lineUserId);
    // the person's own menu (and their old account's) go out with the replies, after the commit
    return {
      input: { type: "link", result: { outcome: "linked", subject: redemption.subject } },
      menuChanges: planned.menus.map((menu) => () => menu.row(this.writes.result(first + menu.at))),
      linked,
    };
  }

  /** A wrong code counts against this LINE user and everyone, for the request's next attempts. */
  private failed(lineUserId: string): void {
    for (const [user, attempts] of this.found.attempts) {
      for (const attempt of attempts.values()) {
        attempt.failures.everyone++;
        if (user === lineUserId) attempt.failures.mine++;
      }
    }
  }

  /**
   * A code that linked someone works no more, and the person is now this account's: their old
   * account, should it write later in the request, is a guest. Returns the person as linked.
   */
  private usedUp(codeHash: string, attempt: LinkAttempt, lineUserId: string): Person {
    const code = attempt.code;
    for (const attempts of this.found.attempts.values()) {
      const same = attempts.get(codeHash);
      if (same) same.code = null;
    }
    const previous = code?.previous?.lineUserId;
    const old = previous && previous !== lineUserId ? this.found.people.get(previous) : undefined;
    const linked = attempt.linked ?? newPerson();
    if (old?.account) {
      // what the old account's events changed of the person is the person's now
      if (old.registrant && old.registrant.id === linked.registrant?.id) {
        Object.assign(linked, {
          registrant: old.registrant,
          handover: old.handover,
          renewalAsked: old.renewalAsked,
          checkins: old.checkins,
        });
      }
      old.account = { ...old.account, role: "guest", personId: null };
      Object.assign(old, { ...newPerson(), account: old.account, conversation: old.conversation });
    }
    const account = this.person(lineUserId).account;
    linked.account = {
      role: code?.subject ?? "guest",
      personId: code?.subjectId ?? null,
      following: account?.following ?? true,
    };
    linked.conversation = this.person(lineUserId).conversation;
    this.found.people.set(lineUserId, linked);
    return linked;
  }
}

/**
 * A scheduled check-in's conversation begins with the first thing the person sends after it was
 * sent: the fan-out writes no conversation, so it is made here (and saved with the step).
 */
function openedConversation(person: Person): SavedConversation | null {
  if (person.pendingCheckin === null) return person.conversation;
  return { flow: "checkin", state: freshCheckinState(person.pendingCheckin) };
}

/**
 * The exchange in the person's conversation log: the message that came in (its words only when
 * they may be kept), and what the bot said back to a registrant or an employer contact (never to
 * a guest). A check-in's questions are not repeated: its answers become one card.
 */
function logExchange(
  writes: RequestWrites,
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
  if (!message) return undefined;
  const answered =
    (registrant !== null || exchange.employer !== undefined) &&
    step.replies.length > 0 &&
    exchange.conversation?.name !== "checkin" &&
    step.state?.flow !== "checkin";
  const kept = input.type === "text" && keepsWords(exchange.role, registrant, step.effects);
  return logMessages(writes.q, [
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
function centerContexts(config: Config, center: CenterRow | null | undefined, now: number) {
  if (center === undefined)
    return { crisis: { contacts: config.crisisContacts, centerPhone: null } };
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
