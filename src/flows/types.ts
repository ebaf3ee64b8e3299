// The vocabulary every conversation speaks: what came in, what goes out, what must be done.
import type { Signal } from "../vocabulary/categories";
import type { OutMessage } from "../line/message";
import type { CrisisContact } from "../vocabulary/crisis-contacts";
import type { CenterCalendar, CenterNow } from "../time/business-time";
import type { Danger, TextClassifier } from "../escalation/classifier";
import type { FlowState } from "./states";
import type {
  AccountRole,
  CheckinOrigin,
  ConsentDecision,
  EmployerReportKind,
  HandoverConsent,
  EmployerReportUrgency,
  PulseAnswer,
  QuestionKey,
  RegistrantStatus,
} from "../vocabulary/kinds";

/** What trying a link code came to; decided against the database before the flow runs. */
export type LinkResult =
  | { outcome: "linked"; subject: "registrant" | "employer_contact" | "staff" }
  | { outcome: "unknown-code" }
  | { outcome: "throttled" }
  /** Too many wrong codes from everyone lately: every attempt waits a few minutes. */
  | { outcome: "busy" }
  | { outcome: "already-linked" };

/** One thing a person did on LINE, stripped of transport detail. */
export type Inbound =
  | { type: "text"; text: string }
  | { type: "postback"; data: string; params: Record<string, string> }
  | { type: "sticker" }
  | { type: "media"; media: string }
  | { type: "follow"; unblocked: boolean }
  | { type: "unfollow" }
  | { type: "link"; result: LinkResult };

/** Side effects a flow asks for; the caller applies them inside the event's transaction. */
export type Effect =
  | { type: "setFollowing"; following: boolean }
  | {
      type: "recordConsent";
      decision: ConsentDecision;
      textVersion: number;
      /**
       * Kept in the history only (the new text was asked, or declined by someone whose earlier
       * consent still holds): the consent itself does not change.
       */
      historyOnly?: boolean;
    }
  /** The person's answer to the handover question `requestId` (taken only while it is pending). */
  | { type: "handoverConsent"; requestId: number; decision: "given" | "declined" }
  | { type: "setPaused"; paused: boolean }
  | { type: "setSchedule"; weekday: number; minute: number }
  | { type: "startCheckin"; checkinId: string; weekKey: string; origin: CheckinOrigin }
  | {
      type: "recordAnswer";
      checkinId: string;
      question: QuestionKey;
      value: string;
      score: number | null;
    }
  | { type: "completeCheckin"; checkinId: string }
  | { type: "signal"; signal: Signal }
  /** An employer contact's finished report about one of the people they may report on. */
  | {
      type: "employerReport";
      report: {
        registrantId: string;
        kind: EmployerReportKind;
        urgency: EmployerReportUrgency;
        words: string | null;
        via: "buttons" | "text" | "pulse";
      };
    }
  | { type: "pulseAnswer"; registrantId: string; month: string; answer: PulseAnswer }
  /** A postback that does not parse or does not fit: logged (never its content), then ignored. */
  | { type: "rejectPostback"; reason: string }
  /** The reply carries the crisis contacts; the words may be kept to protect life, consent or not. */
  | { type: "crisisReplied"; danger: Danger }
  /** A message meant for a person at the center that nothing in the queue absorbed: unread. */
  | { type: "forStaff" };

/** The registrant behind a LINE account, as far as a conversation needs to know. */
export interface RegistrantContext {
  id: string;
  status: RegistrantStatus;
  /** Staff paused the check-ins: only staff resume them. */
  pausedByStaff?: boolean;
  consented: boolean;
  /** The consent text version agreed to (null without consent). */
  consentVersion?: number | null;
  /** The current text was already put to someone on an older one (it is asked once). */
  renewalAsked?: boolean;
  checkinWeekday: number;
  checkinMinute: number;
  /**
   * The handover question as it stands (loaded for a button tap only): the consent and the id of
   * the last question asked; undefined when none was ever recorded.
   */
  handover?: { consent: HandoverConsent | null; requestId: number | null } | undefined;
}

/** The employer contact behind a LINE account, and the people they may report about. */
export interface EmployerContext {
  contactId: string;
  employerId: string;
  centerId: string;
  /** Employed there and consenting to the employer link: nobody else, not even by name. */
  registrants: { id: string; displayName: string }[];
  calendar: CenterCalendar;
}

export interface FlowContext {
  /** Milliseconds since epoch, from the injected clock. */
  now: number;
  role: AccountRole;
  registrant?: RegistrantContext | undefined;
  employer?: EmployerContext | undefined;
  /** New ids for rows a flow asks to create (injected: tests pass a counter). */
  newId: () => string;
  /** What a crisis reply offers: configured contacts, and the center's phone while it is open. */
  crisis?: { contacts: CrisisContact[]; centerPhone: string | null } | undefined;
  /** The person's center, for honest words about when someone will read them. */
  center?: CenterNow | undefined;
  /** Reads free words (pure: the phrase tables and the loaded model). */
  classifier: TextClassifier;
}

/** What every saved state carries: the flow it belongs to, and the version of its shape. */
export interface SavedState {
  flow: string;
  version: number;
}

/** What one input comes to: the state to keep, what to say, and what the caller must do. */
export interface Step<S extends SavedState = FlowState> {
  /** The state to keep, or null when no conversation is in progress. */
  state: S | null;
  replies: OutMessage[];
  effects: Effect[];
}

/**
 * A conversation that keeps state between messages. Its saved state is read once, by `parse`,
 * when the conversation is loaded; `step` receives it typed, and is only ever given what this
 * flow's own `parse` returned.
 */
export interface Flow<S extends SavedState = FlowState> {
  name: S["flow"];
  /** The state when it is this flow's current version and shape; null otherwise. */
  parse(saved: unknown): S | null;
  step(state: S, input: Inbound, ctx: FlowContext): Step<S | FlowState>;
}

/** The flows that keep state, by name: a saved conversation is read through the one it names. */
export type FlowRegistry<S extends SavedState = FlowState> = ReadonlyMap<string, Flow<S>>;
