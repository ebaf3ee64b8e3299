// The one way out: every message is queued here, and what may reach an employer is decided here.
// An employer contact receives only messages built by words/employer.ts (the allow-list); anything
// else addressed to one is dropped and logged (without content), whatever code path produced it.
import { isEmployerMessage } from "../words/employer";
import type { Logger } from "../core/log";
import { employerAccountsAmong } from "../store/accounts";
import type { Tx } from "../store/db";
import { enqueue, type NewOutboxMessage, type OutboxRow } from "../store/outbox";

/**
 * Queues a message in the caller's transaction, after the employer allow-list: employer contacts
 * are taken off a message that is not theirs to read. Null when nobody is left to send it to.
 */
export async function queueOutbound(
  tx: Tx,
  message: NewOutboxMessage,
  log: Logger,
): Promise<OutboxRow | null> {
  return queueOutboundAmong(tx, message, await employerAccountsAmong(tx, message.recipients), log);
}

/**
 * queueOutbound for a caller that has read, in this same write, which recipients are employer
 * contacts (the weekly fan-out reads each person's account as it claims them: 200 multicasts
 * need not ask again, 500 recipients at a time).
 */
export async function queueOutboundAmong(
  tx: Tx,
  message: NewOutboxMessage,
  employers: ReadonlySet<string>,
  log: Logger,
): Promise<OutboxRow | null> {
  const allowed = allowedOutbound(message, employers, log);
  return allowed && enqueue(tx, allowed);
}

/**
 * The allow-list itself, for a caller that already knows which recipients are employer contacts
 * (the webhook read them with everything else): the message as it may be queued, or null.
 */
export function allowedOutbound(
  message: NewOutboxMessage,
  employers: ReadonlySet<string>,
  log: Logger,
): NewOutboxMessage | null {
  if (employers.size === 0 || message.messages.every(isEmployerMessage)) return message;
  log.error("outbound.blocked_for_employer", {
    kind: message.kind,
    recipients: employers.size,
    messages: message.messages.length,
  });
  const recipients = message.recipients.filter((id) => !employers.has(id));
  if (recipients.length === 0) return null;
  return { ...message, recipients };
}
