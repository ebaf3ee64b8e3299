// A lean HTTP/1.1 load client: pre-built requests over keep-alive loopback sockets, bounded in flight.
import http from "node:http";

export interface PreparedRequest {
  path: string;
  /** Complete, content-length included, so nothing is built per request while measuring. */
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

export interface LoadResult {
  sent: number;
  ok: number;
  /** Answers other than 200. */
  non200: number;
  /** Requests that got no answer at all (reset, timeout). */
  failed: number;
  /** Why they got none, counted by error code or message ("ECONNRESET", "timeout"). */
  failures: Record<string, number>;
  /** Requests never sent because the deadline passed. */
  skipped: number;
  wallMs: number;
  /** Latency of every answered request in ms, ascending. */
  latenciesMs: Float64Array;
  statuses: Record<string, number>;
}

export interface LoadOptions {
  concurrency: number;
  /** Per request: an answer slower than this counts as failed. */
  timeoutMs: number;
  /** Stop starting new requests after this (the run stays bounded in time). */
  deadline: number;
}

/**
 * node:http with one keep-alive agent rather than fetch: the client shares the cores with the
 * server, and undici's per-request cost would show up in the server's numbers.
 */
export class LoadClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(baseUrl: string, concurrency: number) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({
      keepAlive: true,
      maxSockets: concurrency,
      maxFreeSockets: concurrency,
    });
  }

  async fire(requests: PreparedRequest[], options: LoadOptions): Promise<LoadResult> {
    // connections left idle since the last run may be closing at the server's end (Node closes a
    // kept-alive socket after 5 s idle): a request sent on one as it closes is reset, never seen
    this.closeIdleSockets();
    const latencies = new Float64Array(requests.length);
    const statuses: Record<string, number> = {};
    const failures: Record<string, number> = {};
    let answered = 0;
    let failed = 0;
    let next = 0;
    const started = performance.now();

    const worker = async () => {
      while (next < requests.length && Date.now() < options.deadline) {
        const request = requests[next++];
        if (request === undefined) break;
        const begin = performance.now();
        const status = await this.send(request, options.timeoutMs);
        if (typeof status === "string") {
          failed++;
          failures[status] = (failures[status] ?? 0) + 1;
          continue;
        }
        latencies[answered++] = performance.now() - begin;
        statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      }
    };
    const workers = Math.min(options.concurrency, requests.length);
    await Promise.all(Array.from({ length: workers }, worker));
    const wallMs = performance.now() - started;

    const sorted = latencies.subarray(0, answered).sort();
    const ok = statuses["200"] ?? 0;
    return {
      sent: next,
      ok,
      non200: answered - ok,
      failed,
      failures,
      skipped: requests.length - next,
      wallMs,
      latenciesMs: sorted,
      statuses,
    };
  }

  close(): void {
    this.agent.destroy();
  }

  private closeIdleSockets(): void {
    for (const sockets of Object.values(this.agent.freeSockets)) {
      for (const socket of sockets ?? []) socket.destroy();
    }
  }

  /** Resolves with the status once the whole answer is read, or why none came. */
  private send(request: PreparedRequest, timeoutMs: number): Promise<number | string> {
    return new Promise((done) => {
      const outgoing = http.request(
        {
          agent: this.agent,
          protocol: this.url.protocol,
          hostname: this.url.hostname,
          port: this.url.port,
          method: "POST",
          path: request.path,
          headers: request.headers,
        },
        (response) => {
          response.on("end", () => {
            done(response.statusCode ?? "no status");
          });
          response.on("error", (error) => {
            done(reasonOf(error));
          });
          response.resume();
        },
      );
      outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error("timeout")));
      outgoing.on("error", (error) => {
        done(reasonOf(error));
      });
      outgoing.end(request.body);
    });
  }
}

function reasonOf(error: Error & { code?: string }): string {
  return error.code ?? error.message;
}
