// One error vocabulary: domain code → HTTP status, mapped in one place (app.onError).
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** The person cannot be reached on LINE: blocked the account, or not linked. */
  unreachable: 409,
  /** The month's paid-message budget is spent. */
  push_budget: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

/** What a not-found id claimed to be: the staff boundary audits refused ids of other centers. */
export type SubjectType = "registrant" | "escalation" | "employer" | "employer_contact" | "staff";

export interface Subject {
  type: SubjectType;
  id: string;
}

/**
 * Which refusal it was, for a page or a program to act on without reading the message: one
 * `conflict` can be a resolved escalation or an ended support, and they need different words.
 */
export type ErrorReason =
  | "already_resolved"
  | "support_ended"
  | "support_not_ended"
  | "paused"
  | "not_linked"
  | "not_consented"
  | "unreachable"
  | "checkin_in_progress"
  | "push_budget"
  | "reply_in_flight"
  | "email_taken"
  | "last_supervisor"
  | "own_account"
  | "not_author"
  | "time_in_future"
  | "before_registration"
  | "not_their_escalation"
  | "not_a_colleague"
  | "not_an_employer_here"
  | "period_end_before_start"
  | "period_too_long"
  | "month_in_future"
  | "report_final"
  | "report_not_final"
  | "not_for_employer"
  | "summary_missing"
  | "nothing_for_employer"
  | "no_employer"
  | "no_employer_contact"
  | "handover_not_needed"
  | "already_consented";

export class AppError extends Error {
  override name = "AppError";
  readonly subject: Subject | undefined;
  readonly reason: ErrorReason | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    detail: { subject?: Subject; reason?: ErrorReason } = {},
  ) {
    super(message);
    this.subject = detail.subject;
    this.reason = detail.reason;
  }

  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

export function errorBody(code: ErrorCode, message: string, reason?: ErrorReason) {
  return { error: reason === undefined ? { code, message } : { code, message, reason } };
}

const missing: Record<SubjectType, string> = {
  registrant: "No such registrant",
  escalation: "No such escalation",
  employer: "No such employer",
  employer_contact: "No such employer contact",
  staff: "No such staff member",
};

/** A 404 for an id of this kind: the same answer whether it exists elsewhere or nowhere. */
export function notFound(type: SubjectType, id: string): AppError {
  return new AppError("not_found", missing[type], { subject: { type, id } });
}
