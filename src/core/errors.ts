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

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly subject?: Subject,
  ) {
    super(message);
  }

  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
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
  return new AppError("not_found", missing[type], { type, id });
}
