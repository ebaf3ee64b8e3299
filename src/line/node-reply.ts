// The reply call on Node over a keep-alive `node:http(s)` agent: the hot path of every webhook,
// where the SDK's fetch costs several times the socket's own work. Only the reply endpoint is
// sent this way; push and multicast (retry keys, pacing) stay with `@line/bot-sdk`. Workers keep
// the SDK's fetch: this module is imported by the Node entry only.
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { classifyStatus, type ReplyTransport, type SendResult } from "./api";

/** How long a reply may take before it counts as a network failure (retried by the outbox). */
const replyTimeoutMs = 10_000;

export function keepAliveReply(options: {
  channelAccessToken: string;
  baseUrl: string;
}): ReplyTransport {
  const url = new URL("/v2/bot/message/reply", options.baseUrl);
  const secure = url.protocol === "https:";
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 64 })
    : new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const send = secure ? httpsRequest : httpRequest;
  const authorization = `Bearer ${options.channelAccessToken}`;
  return (replyToken, messages) =>
    new Promise<SendResult>((resolve) => {
      const body = JSON.stringify({ replyToken, messages });
      const request = send(
        url,
        {
          method: "POST",
          agent,
          headers: {
            authorization,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
          timeout: replyTimeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const status = response.statusCode ?? 0;
            resolve(
              status >= 200 && status < 300
                ? { ok: true }
                : classifyStatus(status, Buffer.concat(chunks).toString("utf8")),
            );
          });
          response.on("error", () => resolve({ ok: false, retryable: true, error: "network" }));
        },
      );
      request.on("timeout", () => request.destroy(new Error("reply timed out")));
      request.on("error", () => resolve({ ok: false, retryable: true, error: "network" }));
      request.end(body);
    });
}
