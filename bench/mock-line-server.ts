// The emulator's MockLine served straight from node:http, so the mock LINE API costs the bench little.
import http from "node:http";
import type { Endpoint, MockLine } from "../src/emulator/mock-line";

const endpoints: Record<string, Endpoint | undefined> = {
  "/v2/bot/message/reply": "reply",
  "/v2/bot/message/push": "push",
  "/v2/bot/message/multicast": "multicast",
};

export interface MockLineServer {
  url: string;
  /** Calls refused with 429 by the rate limit, per endpoint (they never reach the MockLine). */
  throttled: Record<Endpoint, number>;
  close(): Promise<void>;
}

/** LINE's per-channel limit of one endpoint, e.g. multicast: 200 requests a second. */
export interface RateLimit {
  perSecond: number;
  /**
   * Calls the bucket holds when full: how much of a burst passes before 429s start. LINE does
   * not document how it counts, so a small bucket is the strict reading of "n per second".
   */
  burst: number;
}

export interface MockLineServerOptions {
  rateLimits?: Partial<Record<Endpoint, RateLimit>>;
  /** Added before every answer, to stand in for the round trip to LINE's servers. */
  delayMs?: number;
}

/** LINE's answer when a channel exceeds an endpoint's rate limit. */
const rateLimitedBody = { message: "The API rate limit has been exceeded. Try again later." };

/**
 * Same answers as `mockLineApp` (it calls the same `MockLine.handle`), without Hono's Request and
 * Response objects: the bench process shares the two cores with the server, and at a few
 * thousand replies a second the Hono adapter alone would take a noticeable share of one.
 */
export function serveMockLine(
  mock: MockLine,
  options: MockLineServerOptions = {},
): Promise<MockLineServer> {
  const throttled: Record<Endpoint, number> = { reply: 0, push: 0, multicast: 0 };
  const buckets = new Map<Endpoint, TokenBucket>();
  for (const endpoint of Object.values(endpoints)) {
    const limit = endpoint === undefined ? undefined : options.rateLimits?.[endpoint];
    if (endpoint !== undefined && limit !== undefined)
      buckets.set(endpoint, new TokenBucket(limit));
  }
  const delayMs = options.delayMs ?? 0;
  const server = http.createServer((request, response) => {
    const endpoint = request.method === "POST" ? endpoints[request.url ?? ""] : undefined;
    // counted on arrival, as a gateway in front of the API would
    const allowed = endpoint === undefined || (buckets.get(endpoint)?.take() ?? true);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (delayMs > 0) setTimeout(respond, delayMs);
      else respond();
    });
    function respond(): void {
      if (endpoint === undefined) {
        answer(response, 404, { message: "Not found" });
        return;
      }
      if (!allowed) {
        throttled[endpoint]++;
        answer(response, 429, rateLimitedBody);
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        answer(response, 400, { message: "The request body could not be parsed" });
        return;
      }
      const result = mock.handle(endpoint, flatHeaders(request.headers), body);
      answer(response, result.status, result.body);
    }
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((done) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      done({
        url: `http://127.0.0.1:${port}`,
        throttled,
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}

/** Refills continuously at `perSecond`, holds at most `burst`, starts full. */
class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(private readonly limit: RateLimit) {
    this.tokens = limit.burst;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(
      this.limit.burst,
      this.tokens + ((now - this.last) * this.limit.perSecond) / 1_000,
    );
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

function answer(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const headers: http.OutgoingHttpHeaders = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-line-request-id": crypto.randomUUID(),
  };
  if (status === 409) headers["x-line-accepted-request-id"] = crypto.randomUUID();
  response.writeHead(status, headers);
  response.end(text);
}

/** MockLine reads headers as a plain lower-case record, as Hono's `c.req.header()` gives them. */
function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}
