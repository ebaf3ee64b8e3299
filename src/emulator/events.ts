// Builds webhook events as LINE would send them for what a persona does in the emulator.
import * as z from "zod";

export const emulatorActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1).max(5000) }),
  z.object({
    type: z.literal("postback"),
    data: z.string().min(1).max(300),
    displayText: z.string().max(300).optional(),
  }),
  z.object({ type: z.literal("sticker") }),
  z.object({ type: z.literal("image") }),
  z.object({ type: z.literal("follow") }),
  z.object({ type: z.literal("unfollow") }),
]);
export type EmulatorAction = z.infer<typeof emulatorActionSchema>;

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID-shaped id, like LINE's webhookEventId. */
export function newEventId(now: number): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = (crockford[t % 32] ?? "0") + time;
    t = Math.floor(t / 32);
  }
  const random = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => crockford[b % 32]);
  return time + random.join("");
}

export function buildEvent(
  action: EmulatorAction,
  userId: string,
  now: number,
  replyToken: string | undefined,
  unblocked = false,
): Record<string, unknown> {
  const common = {
    timestamp: now,
    mode: "active",
    webhookEventId: newEventId(now),
    deliveryContext: { isRedelivery: false },
    source: { type: "user", userId },
    ...(replyToken === undefined ? {} : { replyToken }),
  };
  const messageId = String(now) + String(Math.floor(Math.random() * 1000));
  switch (action.type) {
    case "text":
      return {
        type: "message",
        ...common,
        message: { id: messageId, type: "text", text: action.text, quoteToken: messageId },
      };
    case "sticker":
      return {
        type: "message",
        ...common,
        message: {
          id: messageId,
          type: "sticker",
          packageId: "446",
          stickerId: "1988",
          stickerResourceType: "STATIC",
          keywords: ["OK"],
          quoteToken: messageId,
        },
      };
    case "image":
      return {
        type: "message",
        ...common,
        message: { id: messageId, type: "image", contentProvider: { type: "line" } },
      };
    case "postback":
      return { type: "postback", ...common, postback: { data: action.data } };
    case "follow":
      return { type: "follow", ...common, follow: { isUnblocked: unblocked } };
    case "unfollow":
      return { type: "unfollow", ...common };
  }
}
