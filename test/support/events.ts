// Webhook events for tests, shaped like LINE's current bodies.
import { newLineUserId } from "../../src/line/user-id";
import { newEventId } from "../../src/emulator/events";

export { newLineUserId };

export interface EventOptions {
  replyToken?: string;
  webhookEventId?: string;
  timestamp?: number;
  redelivery?: boolean;
}

function common(userId: string, options: EventOptions) {
  const timestamp = options.timestamp ?? Date.now();
  return {
    mode: "active",
    timestamp,
    webhookEventId: options.webhookEventId ?? newEventId(timestamp),
    deliveryContext: { isRedelivery: options.redelivery ?? false },
    source: { type: "user", userId },
    ...(options.replyToken === undefined ? {} : { replyToken: options.replyToken }),
  };
}

export function textEvent(userId: string, text: string, options: EventOptions = {}) {
  return {
    type: "message",
    ...common(userId, options),
    message: { id: "100001", type: "text", text, quoteToken: "q" },
  };
}

export function followEvent(userId: string, options: EventOptions = {}, unblocked = false) {
  return { type: "follow", ...common(userId, options), follow: { isUnblocked: unblocked } };
}

export function unfollowEvent(userId: string, options: EventOptions = {}) {
  return { type: "unfollow", ...common(userId, { ...options, replyToken: undefined }) };
}

export function stickerEvent(userId: string, options: EventOptions = {}) {
  return {
    type: "message",
    ...common(userId, options),
    message: {
      id: "100002",
      type: "sticker",
      packageId: "446",
      stickerId: "1988",
      quoteToken: "q",
    },
  };
}

export function imageEvent(userId: string, options: EventOptions = {}) {
  return {
    type: "message",
    ...common(userId, options),
    message: { id: "100003", type: "image", contentProvider: { type: "line" }, quoteToken: "q" },
  };
}

export function webhookBody(...events: unknown[]): string {
  return JSON.stringify({ destination: "Uffffffffffffffffffffffffffffffff", events });
}
