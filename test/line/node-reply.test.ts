// The Node reply sender over a keep-alive socket, against the mock Messaging API on loopback: a
// reply lands, and every failure is sorted exactly as the SDK's errors are (so the outbox retries
// or falls back to a push the same way), the socket reused between replies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createLineApi, type LineApi } from "../../src/line/api";
import { keepAliveReply } from "../../src/line/node-reply";
import { MockLine, mockLineApp } from "../../src/emulator/mock-line";
import { listen } from "../support/app";

const token = "node-reply-token";
const user = `U${"1".repeat(32)}`;
let mock: MockLine;
let close: () => Promise<void>;
let baseUrl: string;
let viaSocket: LineApi;
let viaSdk: LineApi;
const sockets = new Set<unknown>();

beforeAll(async () => {
  mock = new MockLine(token, Date.now);
  const app = mockLineApp(mock);
  const { server, url } = await listen(app.fetch);
  server.on("connection", (socket) => sockets.add(socket));
  baseUrl = url;
  close = () => new Promise((resolve) => server.close(() => resolve()));
  viaSocket = createLineApi({
    channelAccessToken: token,
    baseUrl,
    reply: keepAliveReply({ channelAccessToken: token, baseUrl }),
  });
  viaSdk = createLineApi({ channelAccessToken: token, baseUrl });
});

afterAll(async () => {
  await close();
});

const text = (value: string) => [{ type: "text" as const, text: value }];

describe("the keep-alive reply", () => {
  it("delivers replies over one reused socket", async () => {
    sockets.clear();
    for (const word of ["ひとつめ", "ふたつめ", "みっつめ"]) {
      expect(await viaSocket.reply(mock.issueReplyToken(user), text(word))).toEqual({ ok: true });
    }
    expect(JSON.stringify(mock.messagesTo(user))).toContain("みっつめ");
    expect(sockets.size).toBe(1);
  });

  it("sorts every failure as the SDK's client does", async () => {
    const cases: [string, () => void, string][] = [
      ["a used token", () => undefined, "used"],
      ["a server error", () => mock.failNext(1, 500, "reply"), "fresh"],
      ["the rate limit", () => mock.failNext(1, 429, "reply"), "fresh"],
      [
        "the monthly quota",
        () => mock.failNext(1, 429, "reply", "You have reached your monthly limit."),
        "fresh",
      ],
      [
        "a refused body",
        () => mock.failNext(1, 400, "reply", "The request body has 1 error(s)"),
        "fresh",
      ],
    ];
    for (const [what, arrange, kind] of cases) {
      const used = mock.issueReplyToken(user);
      if (kind === "used") await viaSdk.reply(used, text("x"));
      arrange();
      const mine = await viaSocket.reply(
        kind === "used" ? used : mock.issueReplyToken(user),
        text("x"),
      );
      arrange();
      const sdks = await viaSdk.reply(
        kind === "used" ? used : mock.issueReplyToken(user),
        text("x"),
      );
      expect(mine, what).toEqual(sdks);
      expect(mine.ok, what).toBe(false);
    }
  });

  it("answers a network failure as retryable when nothing listens", async () => {
    const idle = createServer();
    await new Promise<void>((resolve) => idle.listen(0, "127.0.0.1", resolve));
    const port = (idle.address() as AddressInfo).port;
    await new Promise<void>((resolve) => idle.close(() => resolve()));
    const gone = keepAliveReply({ channelAccessToken: token, baseUrl: `http://127.0.0.1:${port}` });
    expect(await gone("token", text("x"))).toEqual({
      ok: false,
      retryable: true,
      error: "network",
    });
  });
});
