// A stand-in for LINE's Messaging API: issues reply tokens, captures what the bot sends, answers like LINE.
import { Hono } from "hono";

export type Endpoint = "reply" | "push" | "multicast";

export interface CapturedRequest {
  seq: number;
  at: number;
  endpoint: Endpoint;
  recipients: string[];
  messages: unknown[];
  retryKey: string | null;
}

interface ReplyTokenInfo {
  userId: string;
  expiresAt: number;
  used: boolean;
}

const retryKeyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** In-memory on purpose: the emulator and tests want a fresh LINE each run. */
export class MockLine {
  readonly requests: CapturedRequest[] = [];
  /** Every call that reached the mock, accepted or not (tests assert on headers and refusals). */
  readonly calls: { endpoint: Endpoint; status: number; headers: Record<string, string> }[] = [];
  private readonly replyTokens = new Map<string, ReplyTokenInfo>();
  private readonly acceptedRetryKeys = new Set<string>();
  private faults: number[] = [];
  private seq = 0;
  /** Called for every message LINE accepted (the emulator's chat listens here). */
  onAccepted: ((request: CapturedRequest) => void) | undefined;

  constructor(
    readonly accessToken: string,
    private readonly clock: () => number = Date.now,
    readonly replyTokenLifetimeMs = 60_000,
  ) {}

  issueReplyToken(userId: string): string {
    const token = crypto.randomUUID().replaceAll("-", "");
    this.replyTokens.set(token, {
      userId,
      expiresAt: this.clock() + this.replyTokenLifetimeMs,
      used: false,
    });
    return token;
  }

  /** The next `count` calls answer `status` (a fault injected by a test). */
  failNext(count: number, status = 500): void {
    this.faults.push(...Array<number>(count).fill(status));
  }

  sentTo(userId: string): CapturedRequest[] {
    return this.requests.filter((request) => request.recipients.includes(userId));
  }

  messagesTo(userId: string): unknown[] {
    return this.sentTo(userId).flatMap((request) => request.messages);
  }

  /** Handles one API call; returns the status and JSON body LINE would. */
  handle(
    endpoint: Endpoint,
    headers: Record<string, string>,
    body: unknown,
  ): { status: number; body: Record<string, unknown> } {
    const status = this.answer(endpoint, headers, body);
    this.calls.push({ endpoint, status: status.status, headers });
    return status;
  }

  private answer(endpoint: Endpoint, headers: Record<string, string>, body: unknown) {
    if (headers.authorization !== `Bearer ${this.accessToken}`) {
      return { status: 401, body: { message: "Authentication failed" } };
    }
    const fault = this.faults.shift();
    if (fault !== undefined) return { status: fault, body: { message: "Injected fault" } };
    const request = asRecord(body);
    const messages = request.messages;
    if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) {
      return { status: 400, body: { message: "The request body has 1 error(s)" } };
    }
    const retryKey = headers["x-line-retry-key"] ?? null;
    if (endpoint !== "reply" && retryKey !== null) {
      if (!retryKeyPattern.test(retryKey)) {
        return { status: 400, body: { message: "The retry key is invalid" } };
      }
      if (this.acceptedRetryKeys.has(retryKey)) {
        return { status: 409, body: { message: "The retry key is already accepted" } };
      }
    }
    let recipients: string[];
    if (endpoint === "reply") {
      const info = this.replyTokens.get(String(request.replyToken));
      if (!info || info.used || info.expiresAt <= this.clock()) {
        return { status: 400, body: { message: "Invalid reply token" } };
      }
      info.used = true;
      recipients = [info.userId];
    } else if (endpoint === "push") {
      recipients = [String(request.to)];
    } else {
      recipients = Array.isArray(request.to) ? request.to.map(String) : [];
    }
    if (retryKey !== null) this.acceptedRetryKeys.add(retryKey);
    const captured = {
      seq: ++this.seq,
      at: this.clock(),
      endpoint,
      recipients,
      messages,
      retryKey,
    };
    this.requests.push(captured);
    this.onAccepted?.(captured);
    return { status: 200, body: endpoint === "reply" ? { sentMessages: [] } : {} };
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** The Messaging API paths the bot uses, served from a MockLine. */
export function mockLineApp(mock: MockLine) {
  const app = new Hono();
  const endpoints: Record<string, Endpoint> = {
    "/v2/bot/message/reply": "reply",
    "/v2/bot/message/push": "push",
    "/v2/bot/message/multicast": "multicast",
  };
  for (const [path, endpoint] of Object.entries(endpoints)) {
    app.post(path, async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ message: "The request body could not be parsed" }, 400);
      }
      const result = mock.handle(endpoint, c.req.header(), body);
      if (result.status === 409) c.header("x-line-accepted-request-id", crypto.randomUUID());
      c.header("x-line-request-id", crypto.randomUUID());
      return c.json(result.body, result.status as 200);
    });
  }
  return app;
}
