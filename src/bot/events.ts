// The webhook body as LINE sends it: parsed leniently (unknown types and fields pass), typed narrowly.
import * as z from "zod";
import type { Inbound } from "../flows/types";
import { isLineUserId } from "../line/user-id";

const sourceSchema = z.looseObject({
  type: z.string(),
  userId: z.string().optional(),
  groupId: z.string().optional(),
  roomId: z.string().optional(),
});

const messageSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  text: z.string().optional(),
});

export const webhookEventSchema = z.looseObject({
  type: z.string().min(1),
  timestamp: z.number(),
  mode: z.string().optional(),
  webhookEventId: z.string().min(1).optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
  source: sourceSchema.optional(),
  replyToken: z.string().optional(),
  message: messageSchema.optional(),
  postback: z
    .looseObject({ data: z.string(), params: z.record(z.string(), z.unknown()).optional() })
    .optional(),
  follow: z.looseObject({ isUnblocked: z.boolean() }).optional(),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

export const webhookBodySchema = z.looseObject({
  destination: z.string(),
  events: z.array(webhookEventSchema),
});
export type WebhookBody = z.infer<typeof webhookBodySchema>;

/** Why an event is recorded but not acted on. */
export type IgnoreReason = "standby" | "not-one-to-one" | "invalid-user-id" | "unsupported-type";

export type Classified =
  | { kind: "ignored"; reason: IgnoreReason; lineUserId: string | null }
  | { kind: "handled"; lineUserId: string; input: Inbound };

const mediaTypes = new Set(["image", "video", "audio", "file", "location"]);

/** Decides what an event means to the bot, without touching anything. */
export function classifyEvent(event: WebhookEvent): Classified {
  const userId = event.source?.userId ?? null;
  if (event.mode === "standby") return { kind: "ignored", reason: "standby", lineUserId: userId };
  if (event.source?.type !== "user") {
    return { kind: "ignored", reason: "not-one-to-one", lineUserId: userId };
  }
  if (!isLineUserId(userId))
    return { kind: "ignored", reason: "invalid-user-id", lineUserId: null };
  const input = toInbound(event);
  if (!input) return { kind: "ignored", reason: "unsupported-type", lineUserId: userId };
  return { kind: "handled", lineUserId: userId, input };
}

function toInbound(event: WebhookEvent): Inbound | null {
  switch (event.type) {
    case "follow":
      return { type: "follow", unblocked: event.follow?.isUnblocked ?? false };
    case "unfollow":
      return { type: "unfollow" };
    case "postback": {
      if (!event.postback) return null;
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(event.postback.params ?? {})) {
        if (typeof value === "string") params[key] = value;
      }
      return { type: "postback", data: event.postback.data, params };
    }
    case "message": {
      const message = event.message;
      if (!message) return null;
      if (message.type === "text") return { type: "text", text: message.text ?? "" };
      if (message.type === "sticker") return { type: "sticker" };
      if (mediaTypes.has(message.type)) return { type: "media", media: message.type };
      return null;
    }
    default:
      return null;
  }
}

/**
 * The key that makes an event take effect once. Current bodies carry `webhookEventId`; older
 * ones (still in LINE's SDK fixtures) do not, so the event's own bytes stand in for it.
 */
export async function eventKey(event: WebhookEvent): Promise<string> {
  if (event.webhookEventId) return event.webhookEventId;
  const bytes = new TextEncoder().encode(JSON.stringify(event));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return "legacy-" + Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
