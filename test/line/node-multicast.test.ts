// Multicasts from a thread of their own (Node), against the mock Messaging API on loopback: they
// land with their retry keys, refusals are sorted as the SDK's errors are, invalid ids are checked
// on the thread, and a closed thread answers like a lost connection (the outbox retries).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/log";
import { createLineApi, type LineApi } from "../../src/line/api";
import { threadedMulticast, type ThreadedMulticast } from "../../src/line/node-multicast";
import { MockLine, mockLineApp } from "../../src/emulator/mock-line";
import { listen } from "../support/app";
import { newLineUserId } from "../support/events";

const token = "node-multicast-token";
let mock: MockLine;
let closeServer: () => Promise<void>;
let thread: ThreadedMulticast;
let line: LineApi;
let baseUrl: string;

beforeAll(async () => {
  mock = new MockLine(token, Date.now);
  const { server, url } = await listen(mockLineApp(mock).fetch);
  closeServer = () => new Promise((resolve) => server.close(() => resolve()));
  baseUrl = url;
  thread = threadedMulticast({ channelAccessToken: token, baseUrl: url });
  await thread.ready;
  line = createLineApi({ channelAccessToken: token, baseUrl: url, multicast: thread.send });
}, 30_000);

afterAll(async () => {
  await thread.close();
  await closeServer();
});

const text = (value: string) => [{ type: "text" as const, text: value }];

describe("multicasts on their own thread", () => {
  it("reach every recipient once, with the row's retry key", async () => {
    const people = Array.from({ length: 500 }, () => newLineUserId());
    const others = Array.from({ length: 3 }, () => newLineUserId());
    const keys: string[] = [crypto.randomUUID(), crypto.randomUUID()];
    const results = await Promise.all([
      line.multicast(people, text("こんしゅうの チェックイン"), keys[0] ?? ""),
      line.multicast(others, text("こんしゅうの チェックイン"), keys[1] ?? ""),
    ]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    const sent = mock.requests.filter((request) => keys.includes(request.retryKey ?? ""));
    expect(sent.map((request) => request.recipients.length).sort()).toEqual([3, 500]);
    expect(sent.flatMap((request) => request.recipients).sort()).toEqual(
      [...people, ...others].sort(),
    );
  });

  it("sorts refusals as the SDK's client does", async () => {
    const to = [newLineUserId()];
    mock.failNext(1, 429, "multicast");
    expect(await line.multicast(to, text("a"), crypto.randomUUID())).toEqual({
      ok: false,
      retryable: true,
      error: "http-429",
    });
    mock.failNext(1, 400, "multicast");
    expect(await line.multicast(to, text("b"), crypto.randomUUID())).toMatchObject({
      ok: false,
      retryable: false,
      error: "http-400",
    });
    const key = crypto.randomUUID();
    expect(await line.multicast(to, text("c"), key)).toEqual({ ok: true });
    // the same key again: LINE took it before
    expect(await line.multicast(to, text("c"), key)).toEqual({
      ok: true,
      note: "accepted-earlier",
    });
  });

  it("drops invalid ids on the thread and sends nothing when none is left", async () => {
    const before = mock.requests.length;
    expect(await line.multicast(["not-a-user", "U123"], text("x"), crypto.randomUUID())).toEqual({
      ok: false,
      retryable: false,
      error: "invalid-recipient",
    });
    expect(mock.requests.length).toBe(before);
  });

  it("answers like a lost connection once closed, so the outbox tries again", async () => {
    const closing = threadedMulticast({ channelAccessToken: token, baseUrl: "http://127.0.0.1:9" });
    await closing.ready;
    await closing.close();
    expect(await closing.send([newLineUserId()], text("x"), crypto.randomUUID())).toEqual({
      ok: false,
      retryable: true,
      error: "network",
    });
  }, 30_000);

  it("starts a lost thread again, says so, and sends on the new one", async () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));
    const restarting = threadedMulticast({ channelAccessToken: token, baseUrl, log });
    await restarting.ready;
    const first = restarting.thread();
    await first.terminate();
    expect(restarting.thread()).not.toBe(first);
    expect(lines.join("\n")).toContain("multicast.thread_lost");
    const key = crypto.randomUUID();
    const person = newLineUserId();
    const again = createLineApi({
      channelAccessToken: token,
      baseUrl,
      multicast: restarting.send,
    });
    expect(await again.multicast([person], text("また"), key)).toEqual({ ok: true });
    expect(mock.requests.filter((request) => request.retryKey === key)).toHaveLength(1);
    await restarting.close();
  }, 30_000);
});
