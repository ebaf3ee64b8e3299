// The outbox: nothing lost, nothing doubled, through LINE failures and crashes at every step.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { processEvent } from "../../src/bot/pipeline";
import { webhookEventSchema } from "../../src/bot/events";
import {
  backoffMs,
  deliverDue,
  maxAttempts,
  sendFresh,
  sweepLeaseMs,
} from "../../src/outbox/delivery";
import { runTick } from "../../src/schedule/tick";
import { enqueue } from "../../src/store/outbox";
import { createTestApp, testAccessToken, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { newLineUserId, textEvent } from "../support/events";
import { outbox, outboxRows } from "../support/queries";

let t: TestApp;
let clock: TestClock;

beforeEach(async () => {
  clock = createTestClock();
  t = await createTestApp({ clock });
});

afterEach(async () => {
  await t.close();
});

async function queuePush(to: string, text = "おしらせ") {
  return t.db.store.write((tx) =>
    enqueue(tx, {
      kind: "push",
      recipients: [to],
      messages: [{ type: "text", text }],
      now: clock(),
    }),
  );
}

async function rowById(id: number) {
  const rows = await t.db.store.db.select().from(outbox).where(eq(outbox.id, id));
  return rows[0];
}

/** Records an event as the webhook would, without sending: a crash right after the commit. */
async function commitWithoutSending(userId: string, replyToken: string) {
  const event = webhookEventSchema.parse(
    textEvent(userId, "こんにちは", { replyToken, timestamp: clock() }),
  );
  return processEvent(t.deps, event);
}

describe("pushes", () => {
  it("sends a push with the access token and the row's retry key", async () => {
    const userId = newLineUserId();
    const row = await queuePush(userId);
    expect(await deliverDue(t.deps)).toBe(1);
    const [call] = t.mock.calls;
    expect(call?.endpoint).toBe("push");
    expect(call?.headers.authorization).toBe(`Bearer ${testAccessToken}`);
    expect(call?.headers["x-line-retry-key"]).toBe(row.retryKey);
    expect(t.mock.messagesTo(userId)).toEqual([{ type: "text", text: "おしらせ" }]);
    expect(await rowById(row.id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("retries a 5xx later with the same retry key, and sends once", async () => {
    const userId = newLineUserId();
    const row = await queuePush(userId);
    t.mock.failNext(1, 500);
    await deliverDue(t.deps);
    expect(await rowById(row.id)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "http-500",
    });

    // not due yet: nothing happens
    expect(await deliverDue(t.deps)).toBe(0);
    clock.advance(backoffMs(1));
    expect(await deliverDue(t.deps)).toBe(1);
    expect(await rowById(row.id)).toMatchObject({ status: "sent", attempts: 2 });
    const keys = t.mock.calls.map((call) => call.headers["x-line-retry-key"]);
    expect(keys).toEqual([row.retryKey, row.retryKey]);
    expect(t.mock.sentTo(userId)).toHaveLength(1);
  });

  it("retries after a network failure", async () => {
    const userId = newLineUserId();
    const row = await queuePush(userId);
    const unreachable = {
      ...t.deps,
      line: (await import("../../src/line/api")).createLineApi({
        channelAccessToken: testAccessToken,
        baseUrl: "http://127.0.0.1:9",
      }),
    };
    await deliverDue(unreachable);
    expect(await rowById(row.id)).toMatchObject({ status: "pending", lastError: "network" });
    clock.advance(backoffMs(1));
    await deliverDue(t.deps);
    expect(await rowById(row.id)).toMatchObject({ status: "sent" });
  });

  it("counts a 409 on a known retry key as sent: the crash came after LINE took it", async () => {
    const userId = newLineUserId();
    const row = await queuePush(userId);
    // LINE accepted the push, then the sender died before recording it
    const accepted = t.mock.handle(
      "push",
      { authorization: `Bearer ${testAccessToken}`, "x-line-retry-key": row.retryKey },
      {
        to: userId,
        messages: row.messages,
      },
    );
    expect(accepted.status).toBe(200);
    await deliverDue(t.deps);
    expect(await rowById(row.id)).toMatchObject({ status: "sent", lastError: "accepted-earlier" });
    expect(t.mock.sentTo(userId)).toHaveLength(1);
  });

  it("retries a 429 for the rate limit later, with the same retry key", async () => {
    const userId = newLineUserId();
    const row = await queuePush(userId);
    t.mock.failNext(1, 429);
    await deliverDue(t.deps);
    expect(await rowById(row.id)).toMatchObject({ status: "pending", lastError: "http-429" });
    clock.advance(backoffMs(1));
    await deliverDue(t.deps);
    expect(await rowById(row.id)).toMatchObject({ status: "sent" });
    expect(t.mock.sentTo(userId)).toHaveLength(1);
  });

  it.each([
    [429, "http-429-quota", "You have reached your monthly limit."],
    [400, "http-400", undefined],
    [403, "http-403", undefined],
  ])(
    "does not retry a %i: the row fails and stays for staff to see",
    async (status, error, message) => {
      const row = await queuePush(newLineUserId());
      t.mock.failNext(1, status, undefined, message);
      await deliverDue(t.deps);
      expect(await rowById(row.id)).toMatchObject({ status: "failed", lastError: error });
      clock.advance(3_600_000);
      expect(await deliverDue(t.deps)).toBe(0);
    },
  );

  it("gives up after the last attempt instead of retrying for ever", async () => {
    const row = await queuePush(newLineUserId());
    t.mock.failNext(maxAttempts, 503);
    for (let i = 0; i < maxAttempts; i++) {
      await deliverDue(t.deps);
      clock.advance(3_600_000);
    }
    expect(await rowById(row.id)).toMatchObject({ status: "failed", attempts: maxAttempts });
  });

  it("never hands one row to two concurrent sweeps", async () => {
    const userId = newLineUserId();
    await queuePush(userId);
    const handled = await Promise.all([deliverDue(t.deps), deliverDue(t.deps), deliverDue(t.deps)]);
    expect(handled.reduce((a, b) => a + b, 0)).toBe(1);
    expect(t.mock.calls).toHaveLength(1);
  });

  it("refuses a malformed recipient without calling LINE", async () => {
    const row = await queuePush("U4af4980629...");
    await deliverDue(t.deps);
    expect(await rowById(row.id)).toMatchObject({
      status: "failed",
      lastError: "invalid-recipient",
    });
    expect(t.mock.calls).toHaveLength(0);
  });
});

describe("replies", () => {
  it("is sent by the sweep when the process died right after the commit", async () => {
    const userId = newLineUserId();
    await commitWithoutSending(userId, t.mock.issueReplyToken(userId));
    // the request's lease holds the row for a moment; the sweep waits for it
    expect(await deliverDue(t.deps)).toBe(0);
    clock.advance(20_000);
    expect(await runTick(t.deps)).toEqual({ delivered: 1 });
    const [row] = await outboxRows(t.db.store);
    expect(row).toMatchObject({ status: "sent", kind: "reply" });
    expect(t.mock.requests.map((request) => request.endpoint)).toEqual(["reply"]);
  });

  it("falls back to a push when the process came back after the reply token died", async () => {
    const userId = newLineUserId();
    await commitWithoutSending(userId, t.mock.issueReplyToken(userId));
    clock.advance(5 * 60_000);
    await runTick(t.deps);
    expect(t.mock.requests.map((request) => request.endpoint)).toEqual(["push"]);
    expect(t.mock.messagesTo(userId).length).toBeGreaterThan(0);
  });

  it("is not sent again when LINE took the reply but the sender died before recording it", async () => {
    const userId = newLineUserId();
    const token = t.mock.issueReplyToken(userId);
    const { outbox: rows } = await commitWithoutSending(userId, token);
    const [row] = rows;
    // LINE accepted the reply; the record of it was lost with the process
    t.mock.handle(
      "reply",
      { authorization: `Bearer ${testAccessToken}` },
      { replyToken: token, messages: row?.messages },
    );
    clock.advance(20_000);
    await runTick(t.deps);
    expect(t.mock.requests).toHaveLength(1);
    expect((await outboxRows(t.db.store))[0]).toMatchObject({
      status: "sent",
      lastError: "reply-token-used",
    });
  });

  it("pushes the same words at once when a fresh reply token is refused", async () => {
    const userId = newLineUserId();
    // a token LINE never issued (or one that expired in flight)
    const { outbox: rows } = await commitWithoutSending(userId, "0123456789abcdef0123456789abcdef");
    await sendFresh(t.deps, rows);
    expect(t.mock.requests.map((request) => request.endpoint)).toEqual(["push"]);
    expect((await outboxRows(t.db.store))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("keeps a reply for the sweep when LINE is down at the moment of replying", async () => {
    const userId = newLineUserId();
    const { outbox: rows } = await commitWithoutSending(userId, t.mock.issueReplyToken(userId));
    t.mock.failNext(1, 500);
    await sendFresh(t.deps, rows);
    expect((await outboxRows(t.db.store))[0]).toMatchObject({
      status: "pending",
      lastError: "http-500",
    });
    clock.advance(backoffMs(1));
    await runTick(t.deps);
    expect(t.mock.requests.map((request) => request.endpoint)).toEqual(["reply"]);
    expect((await outboxRows(t.db.store))[0]).toMatchObject({ status: "sent" });
  });
});

describe("the database failing after LINE took a message", () => {
  it("leaves the row pending, and the next sweep records it without sending twice", async () => {
    const userId = newLineUserId();
    const row = await queuePush(userId);
    const failingStore = {
      ...t.db.store,
      write: () => Promise.reject(new Error("disk I/O error")),
    };
    // the claim itself fails: nothing is sent
    await expect(deliverDue({ ...t.deps, store: failingStore })).rejects.toThrow();
    expect(t.mock.calls).toHaveLength(0);

    // claim succeeds, LINE accepts, recording the success (one batch) fails
    const flakyStore = {
      ...t.db.store,
      commit: () => Promise.reject(new Error("disk I/O error")),
    };
    await deliverDue({ ...t.deps, store: flakyStore });
    expect(t.mock.sentTo(userId)).toHaveLength(1);
    expect(await rowById(row.id)).toMatchObject({ status: "pending" });

    clock.advance(sweepLeaseMs);
    await deliverDue(t.deps);
    expect(await rowById(row.id)).toMatchObject({ status: "sent", lastError: "accepted-earlier" });
    expect(t.mock.sentTo(userId)).toHaveLength(1);
  });
});
