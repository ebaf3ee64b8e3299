// POST /webhook as CONTRACT.md describes it: signatures, parsing, exactly-once, faults.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app";
import {
  followEvent,
  imageEvent,
  newLineUserId,
  stickerEvent,
  textEvent,
  unfollowEvent,
  webhookBody,
} from "../support/events";
import { conversations } from "../../src/store/schema";
import {
  accountOf,
  countRows,
  eventRows,
  messages,
  outbox,
  outboxRows,
  processedEvents,
} from "../support/queries";

const fixturesDir = join(import.meta.dirname, "../../../shared/fixtures/line");
const fixtureFiles = readdirSync(fixturesDir).filter((name) => name.endsWith(".json"));

function textsOf(messagesSent: unknown[]): string[] {
  return messagesSent.map((message) => (message as { text?: string }).text ?? "");
}

let t: TestApp;

beforeEach(async () => {
  t = await createTestApp();
});

afterEach(async () => {
  await t.close();
});

describe("signature", () => {
  it("answers 401 and records nothing when the signature header is missing", async () => {
    const body = webhookBody(textEvent(newLineUserId(), "こんにちは"));
    const response = await t.postWebhook(body, null);
    expect(response.status).toBe(401);
    expect(await countRows(t.db.store, processedEvents)).toBe(0);
  });

  it("answers 401 and records nothing when the signature is wrong", async () => {
    const body = webhookBody(textEvent(newLineUserId(), "こんにちは"));
    const response = await t.postWebhook(body, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    expect(response.status).toBe(401);
    expect(await countRows(t.db.store, processedEvents)).toBe(0);
  });

  it("answers 401 when a valid signature belongs to other bytes", async () => {
    const signed = webhookBody(textEvent(newLineUserId(), "a"));
    const { signBody } = await import("../../src/line/signature");
    const signature = await signBody(t.config.channelSecret, signed);
    const response = await t.postWebhook(signed.replace('"a"', '"b"'), signature);
    expect(response.status).toBe(401);
  });

  it("accepts LINE's published signed verification body byte for byte", async () => {
    const raw = readFileSync(join(fixturesDir, "empty-events-signed.json"), "utf8");
    const response = await t.postWebhook(raw, "GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=");
    expect(response.status).toBe(200);
  });
});

describe("bad bodies", () => {
  it("answers 400 to a correctly signed body that is not JSON", async () => {
    const response = await t.postWebhook("{not json");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
  });

  it.each([
    ["an array", "[]"],
    ["an object without events", '{"destination":"U0"}'],
    ["events that are not a list", '{"destination":"U0","events":{}}'],
    ["an event without a type", '{"destination":"U0","events":[{"timestamp":1}]}'],
    ["a number", "42"],
  ])("answers 400 to valid JSON that is not a webhook body: %s", async (_name, raw) => {
    const response = await t.postWebhook(raw);
    expect(response.status).toBe(400);
    expect(await countRows(t.db.store, processedEvents)).toBe(0);
  });

  it("answers 413 to a body over 1 MiB and records nothing", async () => {
    const huge = webhookBody(textEvent(newLineUserId(), "あ".repeat(400_000)));
    expect(new TextEncoder().encode(huge).length).toBeGreaterThan(1024 * 1024);
    const response = await t.postWebhook(huge);
    expect(response.status).toBe(413);
    expect(await countRows(t.db.store, processedEvents)).toBe(0);
  });

  it("answers 200 to a verification request with no events", async () => {
    const response = await t.postWebhook('{"destination":"Uxxxxxxxxxx","events":[]}');
    expect(response.status).toBe(200);
  });
});

describe("official fixtures", () => {
  it.each(fixtureFiles)("accepts %s and records each of its events once", async (file) => {
    const raw = readFileSync(join(fixturesDir, file), "utf8");
    const events = (JSON.parse(raw) as { events: { webhookEventId?: string }[] }).events;
    // The Python SDK's fixture gives all 28 events one placeholder id: by the contract, one
    // webhookEventId takes effect once, so distinct ids (or, for legacy events, distinct
    // events) are what gets recorded.
    const distinct = new Set(events.map((event) => event.webhookEventId ?? JSON.stringify(event)));
    const first = await t.postWebhook(raw);
    expect(first.status).toBe(200);
    const again = await t.postWebhook(raw);
    expect(again.status).toBe(200);
    const rows = await eventRows(t.db.store);
    expect(rows).toHaveLength(distinct.size);
  });

  // Docs examples reuse one webhookEventId, so each file goes to the fresh app of its own test.
  it.each([
    ["message-text-standby-legacy.json", [["message", "standby"]]],
    ["join-group.json", [["join", "not-one-to-one"]]],
    [
      "unknown-event-type-legacy.json",
      [
        ["greatNewFeature", "unsupported-type"],
        ["message", "not-one-to-one"],
      ],
    ],
    ["beacon.json", [["beacon", "invalid-user-id"]]],
    ["membership-joined.json", [["membership", "invalid-user-id"]]],
  ])("records %s as ignored, saying why, and sends nothing", async (file, expected) => {
    const response = await t.postWebhook(readFileSync(join(fixturesDir, file), "utf8"));
    expect(response.status).toBe(200);
    const rows = await eventRows(t.db.store);
    const seen = rows.map((row) => [row.eventType, row.reason]);
    expect(seen.sort()).toEqual([...expected].sort());
    expect(rows.every((row) => row.outcome === "ignored")).toBe(true);
    await t.background.drain();
    expect(t.mock.calls).toHaveLength(0);
  });

  it("records the redelivery flag LINE sets", async () => {
    const raw = readFileSync(join(fixturesDir, "message-text-redelivered-legacy.json"), "utf8");
    await t.postWebhook(raw);
    const [row] = await eventRows(t.db.store);
    expect(row?.redelivered).toBe(true);
  });
});

describe("a person on LINE", () => {
  it("greets a new friend and asks for the link code, with a button", async () => {
    const userId = newLineUserId();
    const token = t.mock.issueReplyToken(userId);
    const response = await t.postWebhook(webhookBody(followEvent(userId, { replyToken: token })));
    expect(response.status).toBe(200);
    await t.background.drain();
    const [reply] = t.mock.requests;
    expect(reply?.endpoint).toBe("reply");
    expect(reply?.recipients).toEqual([userId]);
    expect(textsOf(reply?.messages ?? []).join("")).toContain("ばんごう");
    expect(JSON.stringify(reply?.messages)).toContain("quickReply");
    expect((await accountOf(t.db.store, userId))?.following).toBe(true);
  });

  it("guides an unknown person who writes, and records that they wrote but not their words", async () => {
    const userId = newLineUserId();
    const token = t.mock.issueReplyToken(userId);
    await t.postWebhook(webhookBody(textEvent(userId, "こんにちは", { replyToken: token })));
    await t.background.drain();
    expect(textsOf(t.mock.messagesTo(userId)).join("")).toContain("ばんごう");
    const stored = await t.db.store.db.select().from(messages);
    // no link, no consent: the words are not kept (only a risk to life would be)
    expect(stored.map((row) => [row.lineUserId, row.messageType, row.text])).toEqual([
      [userId, "text", null],
    ]);
  });

  it("answers ヘルプ with what the bot is for", async () => {
    const userId = newLineUserId();
    const token = t.mock.issueReplyToken(userId);
    await t.postWebhook(webhookBody(textEvent(userId, "ヘルプ", { replyToken: token })));
    await t.background.drain();
    expect(textsOf(t.mock.messagesTo(userId)).join("")).toContain("つなぎ は");
  });

  it("acknowledges a sticker and an image instead of dropping them", async () => {
    const userId = newLineUserId();
    await t.postWebhook(
      webhookBody(
        stickerEvent(userId, { replyToken: t.mock.issueReplyToken(userId) }),
        imageEvent(userId, { replyToken: t.mock.issueReplyToken(userId) }),
      ),
    );
    await t.background.drain();
    const texts = textsOf(t.mock.messagesTo(userId)).join("\n");
    expect(texts).toContain("スタンプ ありがとうございます");
    expect(texts).toContain("おくって くれて ありがとうございます");
    expect(t.mock.requests.every((request) => request.endpoint === "reply")).toBe(true);
  });

  it("records a block and a later unblock", async () => {
    const userId = newLineUserId();
    await t.postWebhook(
      webhookBody(followEvent(userId, { replyToken: t.mock.issueReplyToken(userId) })),
    );
    await t.postWebhook(webhookBody(unfollowEvent(userId)));
    const blocked = await accountOf(t.db.store, userId);
    expect(blocked?.following).toBe(false);
    expect(blocked?.unfollowedAt).not.toBeNull();
    await t.postWebhook(
      webhookBody(followEvent(userId, { replyToken: t.mock.issueReplyToken(userId) }, true)),
    );
    expect((await accountOf(t.db.store, userId))?.following).toBe(true);
  });
});

describe("saved conversation state", () => {
  it("restarts politely from a state no flow can read, and clears it", async () => {
    const userId = newLineUserId();
    await t.db.store.write(async (tx) => {
      await tx.insert(conversations).values({
        lineUserId: userId,
        flow: "retired-flow",
        state: { flow: "retired-flow", version: 0 },
        updatedAt: 0,
      });
    });
    const response = await t.postWebhook(
      webhookBody(textEvent(userId, "こんにちは", { replyToken: t.mock.issueReplyToken(userId) })),
    );
    expect(response.status).toBe(200);
    await t.background.drain();
    expect(textsOf(t.mock.messagesTo(userId)).join("")).toMatch(/ごめんなさい[\s\S]*ばんごう/);
    expect(await t.db.store.db.select().from(conversations)).toEqual([]);
  });
});

describe("exactly once", () => {
  it("takes a redelivered event into account once and replies once", async () => {
    const userId = newLineUserId();
    const event = textEvent(userId, "こんにちは", { replyToken: t.mock.issueReplyToken(userId) });
    expect((await t.postWebhook(webhookBody(event))).status).toBe(200);
    const redelivered = { ...event, deliveryContext: { isRedelivery: true } };
    expect((await t.postWebhook(webhookBody(redelivered))).status).toBe(200);
    await t.background.drain();
    expect(await countRows(t.db.store, processedEvents)).toBe(1);
    expect(await countRows(t.db.store, messages)).toBe(1);
    expect(await countRows(t.db.store, outbox)).toBe(1);
    expect(t.mock.requests).toHaveLength(1);
  });

  it("takes the same event delivered concurrently into account once", async () => {
    const userId = newLineUserId();
    const body = webhookBody(
      textEvent(userId, "こんにちは", { replyToken: t.mock.issueReplyToken(userId) }),
    );
    const responses = await Promise.all(Array.from({ length: 8 }, () => t.postWebhook(body)));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    await t.background.drain();
    expect(await countRows(t.db.store, processedEvents)).toBe(1);
    expect(await countRows(t.db.store, outbox)).toBe(1);
    expect(t.mock.requests).toHaveLength(1);
  });

  it("keeps a body's events in order for one person", async () => {
    const userId = newLineUserId();
    const events = ["いち", "に", "さん"].map((text, i) =>
      textEvent(userId, text, { timestamp: 1_000 + i }),
    );
    await t.postWebhook(webhookBody(...events));
    const stored = await t.db.store.db.select().from(messages).orderBy(messages.id);
    expect(stored.map((row) => row.webhookEventId)).toEqual(
      events.map((event) => event.webhookEventId),
    );
  });
});

describe("database failure", () => {
  async function breakOutbox() {
    await t.db.store.db.run(
      sql.raw(
        "CREATE TRIGGER injected_fault BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'injected fault'); END",
      ),
    );
  }
  async function mendOutbox() {
    await t.db.store.db.run(sql.raw("DROP TRIGGER injected_fault"));
  }

  it("answers 5xx with nothing half-written, then takes the redelivery once", async () => {
    const userId = newLineUserId();
    const body = webhookBody(
      textEvent(userId, "こんにちは", { replyToken: t.mock.issueReplyToken(userId) }),
    );
    await breakOutbox();
    const failed = await t.postWebhook(body);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await failed.text()).not.toContain("injected");
    expect(await countRows(t.db.store, processedEvents)).toBe(0);
    expect(await countRows(t.db.store, messages)).toBe(0);
    expect(await accountOf(t.db.store, userId)).toBeNull();

    await mendOutbox();
    expect((await t.postWebhook(body)).status).toBe(200);
    expect((await t.postWebhook(body)).status).toBe(200);
    await t.background.drain();
    expect(await countRows(t.db.store, processedEvents)).toBe(1);
    expect(await countRows(t.db.store, messages)).toBe(1);
    expect(t.mock.requests).toHaveLength(1);
  });

  it("writes nothing of a body when a later event in it fails, then takes the redelivery once", async () => {
    const alice = newLineUserId();
    const bob = newLineUserId();
    const aliceEvent = followEvent(alice, { replyToken: t.mock.issueReplyToken(alice) });
    const bobEvent = unfollowEvent(bob);
    // the unfollow writes no outbox row; make the follow's outbox insert fail
    await breakOutbox();
    const failed = await t.postWebhook(webhookBody(bobEvent, aliceEvent));
    expect(failed.status).toBe(500);
    // all of the body or none of it: the unfollow before the failure is not kept either
    expect(await eventRows(t.db.store)).toEqual([]);
    expect(await accountOf(t.db.store, bob)).toBeNull();

    await mendOutbox();
    expect((await t.postWebhook(webhookBody(bobEvent, aliceEvent))).status).toBe(200);
    await t.background.drain();
    expect((await eventRows(t.db.store)).map((row) => row.eventType)).toEqual([
      "unfollow",
      "follow",
    ]);
    expect(t.mock.sentTo(alice)).toHaveLength(1);
  });
});

describe("outbox rows written by the webhook", () => {
  it("holds the reply with its token until LINE takes it, then marks it sent", async () => {
    const userId = newLineUserId();
    await t.postWebhook(
      webhookBody(textEvent(userId, "こんにちは", { replyToken: t.mock.issueReplyToken(userId) })),
    );
    await t.background.drain();
    const [row] = await outboxRows(t.db.store);
    expect(row).toMatchObject({ kind: "reply", status: "sent", attempts: 1 });
  });
});
