// Webhook bodies as LINE sends them: one text event each, from a new user, signed.
import { newLineUserId } from "../src/line/user-id";
import { signBody } from "../src/line/signature";
import { newEventId } from "../src/emulator/events";
import type { MockLine } from "../src/emulator/mock-line";
import type { PreparedRequest } from "./load";

const destination = "U0123456789abcdef0123456789abcdef";

/**
 * One body per event, each from a new user with a reply token the mock issued, signed like LINE
 * signs them; built up front so that the client does no JSON or HMAC work while measuring.
 */
export async function prepareBodies(
  mock: MockLine,
  channelSecret: string,
  count: number,
): Promise<PreparedRequest[]> {
  const prepared: PreparedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const now = Date.now();
    const userId = newLineUserId();
    const messageId = `${now}${String(i).padStart(6, "0")}`;
    const body = JSON.stringify({
      destination,
      events: [
        {
          type: "message",
          mode: "active",
          timestamp: now,
          webhookEventId: newEventId(now),
          deliveryContext: { isRedelivery: false },
          source: { type: "user", userId },
          replyToken: mock.issueReplyToken(userId),
          message: { id: messageId, type: "text", text: "こんにちは", quoteToken: `q${messageId}` },
        },
      ],
    });
    const bytes = Buffer.from(body);
    prepared.push({
      path: "/webhook",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-length": bytes.length,
        "x-line-signature": await signBody(channelSecret, body),
        "user-agent": "LineBotWebhook/2.0",
      },
      body: bytes,
    });
  }
  return prepared;
}
