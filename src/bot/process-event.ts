// One webhook event, start to finish, in one transaction: ledger, person, message, flow, replies.
import type { Clock } from "../clock";
import { respond, type FlowRegistry } from "../flows/router";
import type { Effect, OutMessage } from "../flows/types";
import { setFollowing, touchAccount } from "../store/accounts";
import { loadConversation, saveConversation } from "../store/conversations";
import type { Store, Tx } from "../store/db";
import { claimEvent, recordMessage } from "../store/events";
import { enqueue, type OutboxRow } from "../store/outbox";
import { classifyEvent, eventKey, type WebhookEvent } from "./events";

export interface EventDeps {
  store: Store;
  clock: Clock;
  flows: FlowRegistry;
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

    const { lineUserId, input } = classified;
    const account = await touchAccount(tx, lineUserId, now);
    if (event.type === "message" && event.message) {
      await recordMessage(tx, {
        webhookEventId: key,
        lineUserId,
        messageType: event.message.type,
        text: input.type === "text" ? input.text : null,
        createdAt: now,
      });
    }
    const saved = await loadConversation(tx, lineUserId);
    const step = respond(deps.flows, saved, input, { now, role: account.role });
    if (saved !== null || step.state !== null) {
      await saveConversation(tx, lineUserId, step.state, now);
    }
    for (const effect of step.effects) await applyEffect(tx, lineUserId, effect, now);
    const outbox = await queueReplies(tx, {
      key,
      lineUserId,
      replyToken: event.replyToken,
      replies: step.replies,
      now,
    });
    return { key, duplicate: false, outbox };
  });
}

async function applyEffect(tx: Tx, lineUserId: string, effect: Effect, now: number) {
  // One kind of effect so far; linking, consent and check-ins add theirs (and a switch) here.
  await setFollowing(tx, lineUserId, effect.following, now);
}

/** The first five messages go as a free reply; any more, or no token, as pushes. */
async function queueReplies(
  tx: Tx,
  args: {
    key: string;
    lineUserId: string;
    replyToken: string | undefined;
    replies: OutMessage[];
    now: number;
  },
): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = [];
  for (let i = 0; i < args.replies.length; i += maxMessagesPerSend) {
    const chunk = args.replies.slice(i, i + maxMessagesPerSend);
    const asReply = i === 0 && args.replyToken !== undefined;
    rows.push(
      await enqueue(tx, {
        kind: asReply ? "reply" : "push",
        recipients: [args.lineUserId],
        messages: chunk,
        replyToken: asReply ? args.replyToken : undefined,
        replyExpiresAt: asReply ? args.now + replyTokenLifetimeMs : undefined,
        leaseUntil: args.now + freshLeaseMs,
        sourceEventId: args.key,
        now: args.now,
      }),
    );
  }
  return rows;
}
