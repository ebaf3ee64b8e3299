// The Workers entry inside workerd: health, a signed webhook recorded over libSQL HTTP, the cron tick.
import { createClient } from "@libsql/client/web";
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { afterAll, describe, expect, it, vi } from "vitest";
import { newLineUserId } from "../../src/line/user-id";
import { signBody } from "../../src/line/signature";
import type { CapturedRequest } from "../../src/emulator/mock-line";
import worker from "../../src/worker";

// The test reads the database the way the worker writes it: over HTTP, from inside workerd.
const db = createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
afterAll(() => {
  db.close();
});

/** What LINE would send for one text message (shape of the official message-text example). */
function textMessageBody(userId: string, replyToken: string, text: string) {
  const webhookEventId = crypto.randomUUID();
  const body = JSON.stringify({
    destination: "Udeadbeefdeadbeefdeadbeefdeadbeef",
    events: [
      {
        type: "message",
        message: { type: "text", id: String(Date.now()), text },
        timestamp: Date.now(),
        source: { type: "user", userId },
        replyToken,
        mode: "active",
        webhookEventId,
        deliveryContext: { isRedelivery: false },
      },
    ],
  });
  return { body, webhookEventId };
}

function postWebhook(body: string, signature: string): Promise<Response> {
  return exports.default.fetch("https://tsunagi.test/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", "x-line-signature": signature },
    body,
  });
}

/** LINE mints a reply token with each event; the mock must know it to accept the reply. */
async function issueReplyToken(userId: string): Promise<string> {
  const response = await fetch(`${env.LINE_API_BASE_URL}/__test/reply-tokens/${userId}`, {
    method: "POST",
  });
  const { replyToken } = (await response.json()) as { replyToken: string };
  return replyToken;
}

async function sentTo(userId: string): Promise<CapturedRequest[]> {
  const response = await fetch(`${env.LINE_API_BASE_URL}/__test/requests`);
  const requests = (await response.json()) as CapturedRequest[];
  return requests.filter((request) => request.recipients.includes(userId));
}

async function processedEvents(webhookEventId: string) {
  const result = await db.execute({
    sql: "select event_type, line_user_id, outcome from processed_events where webhook_event_id = ?",
    args: [webhookEventId],
  });
  return result.rows.map((row) => ({
    eventType: row.event_type,
    lineUserId: row.line_user_id,
    outcome: row.outcome,
  }));
}

describe("the Workers entry", () => {
  it("answers /healthz after asking the database", async () => {
    const response = await exports.default.fetch("https://tsunagi.test/healthz");

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("records a signed text event in processed_events and replies through the LINE API", async () => {
    const userId = newLineUserId();
    const { body, webhookEventId } = textMessageBody(
      userId,
      await issueReplyToken(userId),
      "こんにちは",
    );

    const response = await postWebhook(body, await signBody(env.LINE_CHANNEL_SECRET, body));

    expect(response.status).toBe(200);
    expect(await processedEvents(webhookEventId)).toEqual([
      { eventType: "message", lineUserId: userId, outcome: "handled" },
    ]);
    // the reply leaves after the commit, under ctx.waitUntil
    await vi.waitFor(async () => {
      const sent = await sentTo(userId);
      expect(sent.map((request) => request.endpoint)).toEqual(["reply"]);
    });
  });

  it("takes a redelivered event once", async () => {
    const userId = newLineUserId();
    const { body, webhookEventId } = textMessageBody(userId, await issueReplyToken(userId), "hi");
    const signature = await signBody(env.LINE_CHANNEL_SECRET, body);

    expect((await postWebhook(body, signature)).status).toBe(200);
    expect((await postWebhook(body, signature)).status).toBe(200);

    expect(await processedEvents(webhookEventId)).toHaveLength(1);
    const messages = await db.execute({
      sql: "select count(*) as n from messages where webhook_event_id = ?",
      args: [webhookEventId],
    });
    expect(messages.rows[0]?.n).toBe(1);
  });

  it("refuses a body signed with another secret and records nothing", async () => {
    const userId = newLineUserId();
    const { body, webhookEventId } = textMessageBody(userId, "unused-reply-token", "hi");

    const response = await postWebhook(body, await signBody("not-the-channel-secret", body));

    expect(response.status).toBe(401);
    expect(await processedEvents(webhookEventId)).toEqual([]);
  });

  it("delivers a due outbox message when the cron trigger fires", async () => {
    const userId = newLineUserId();
    const retryKey = crypto.randomUUID();
    const now = Date.now();
    await db.execute({
      sql: `insert into outbox (retry_key, kind, recipients, messages, next_attempt_at, created_at)
            values (?, 'push', ?, ?, ?, ?)`,
      args: [
        retryKey,
        JSON.stringify([userId]),
        JSON.stringify([{ type: "text", text: "お知らせです" }]),
        now - 1_000,
        now - 1_000,
      ],
    });
    const ctx = createExecutionContext();

    worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    const row = await db.execute({
      sql: "select status, attempts from outbox where retry_key = ?",
      args: [retryKey],
    });
    expect(row.rows.map(({ status, attempts }) => ({ status, attempts }))).toEqual([
      { status: "sent", attempts: 1 },
    ]);
    const sent = await sentTo(userId);
    expect(sent.map(({ endpoint, retryKey: key }) => ({ endpoint, key }))).toEqual([
      { endpoint: "push", key: retryKey },
    ]);
  });
});
