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
  close(): Promise<void>;
}

/**
 * Same answers as `mockLineApp` (it calls the same `MockLine.handle`), without Hono's Request and
 * Response objects: the bench process shares the two cores with the server, and at a few
 * thousand replies a second the Hono adapter alone would take a noticeable share of one.
 */
export function serveMockLine(mock: MockLine): Promise<MockLineServer> {
  const server = http.createServer((request, response) => {
    const endpoint = request.method === "POST" ? endpoints[request.url ?? ""] : undefined;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (endpoint === undefined) {
        answer(response, 404, { message: "Not found" });
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
    });
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((done) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      done({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
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
