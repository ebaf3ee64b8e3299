// The Messaging API as Tsunagi uses it: reply, push and multicast, and which rich menu a person
// sees; each answer sorted into an outcome.
import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { isLineUserId } from "./user-id";

export type SendResult =
  | { ok: true; note?: string }
  | { ok: false; retryable: boolean; invalidReplyToken?: boolean; error: string };

export interface LineApi {
  reply(replyToken: string, messages: messagingApi.Message[]): Promise<SendResult>;
  push(to: string, messages: messagingApi.Message[], retryKey: string): Promise<SendResult>;
  multicast(to: string[], messages: messagingApi.Message[], retryKey: string): Promise<SendResult>;
  /** Shows this person the given rich menu instead of the channel's default. */
  linkRichMenu(userId: string, richMenuId: string): Promise<SendResult>;
  /** Takes the person's own rich menu away: they see the channel's default again. */
  unlinkRichMenu(userId: string): Promise<SendResult>;
}

/**
 * Sends one multicast, paced to LINE's limit and its recipients checked (isLineUserId) by the
 * transport itself (Node: a thread of its own, node-multicast.ts); answers sorted as `classify` does.
 */
export type MulticastTransport = (
  to: string[],
  messages: messagingApi.Message[],
  retryKey: string,
) => Promise<SendResult>;

/** Sends one reply; the answer sorted as the SDK's errors are (a Node keep-alive sender). */
export type ReplyTransport = (
  replyToken: string,
  messages: messagingApi.Message[],
) => Promise<SendResult>;

export interface LineApiOptions {
  channelAccessToken: string;
  baseUrl: string;
  /** The reply call when not the SDK's (Node: a keep-alive agent, see node-reply.ts). */
  reply?: ReplyTransport | undefined;
  /** LINE's per-channel multicast limit; beyond it LINE answers 429. */
  multicastPerSecond?: number;
  /** The multicast call when not the SDK's here (Node: on its own thread); it paces itself. */
  multicast?: MulticastTransport | undefined;
}

/**
 * Lets calls start at most `perSecond` a second, each at least 1/perSecond after the previous
 * one really left: a busy event loop (a commit blocks it) must not release late calls in a burst.
 */
function pacer(perSecond: number): () => Promise<void> {
  const intervalMs = 1_000 / perSecond;
  let lastStart = -Infinity;
  let queue: Promise<void> = Promise.resolve();
  return () => {
    queue = queue.then(async () => {
      const wait = lastStart + intervalMs - performance.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      lastStart = performance.now();
    });
    return queue;
  };
}

export function createLineApi(options: LineApiOptions): LineApi {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.baseUrl,
  });
  const multicastTurn = pacer(options.multicastPerSecond ?? 200);
  const transport = options.reply;
  const multicastTransport = options.multicast;
  return {
    async reply(replyToken, messages) {
      if (transport) return transport(replyToken, messages);
      try {
        await client.replyMessage({ replyToken, messages });
        return { ok: true };
      } catch (error) {
        return classify(error);
      }
    },
    async push(to, messages, retryKey) {
      if (!isLineUserId(to)) return { ok: false, retryable: false, error: "invalid-recipient" };
      try {
        await client.pushMessage({ to, messages }, retryKey);
        return { ok: true };
      } catch (error) {
        return classify(error);
      }
    },
    async multicast(to, messages, retryKey) {
      // the transport's thread checks the ids itself (createLineApi there), off this thread
      if (multicastTransport) return multicastTransport(to, messages, retryKey);
      const valid = to.filter(isLineUserId);
      if (valid.length === 0) return { ok: false, retryable: false, error: "invalid-recipient" };
      await multicastTurn();
      try {
        await client.multicast({ to: valid, messages }, retryKey);
        return { ok: true };
      } catch (error) {
        return classify(error);
      }
    },
    async linkRichMenu(userId, richMenuId) {
      if (!isLineUserId(userId)) return { ok: false, retryable: false, error: "invalid-recipient" };
      try {
        await client.linkRichMenuIdToUser(userId, richMenuId);
        return { ok: true };
      } catch (error) {
        return classify(error);
      }
    },
    async unlinkRichMenu(userId) {
      if (!isLineUserId(userId)) return { ok: false, retryable: false, error: "invalid-recipient" };
      try {
        await client.unlinkRichMenuIdFromUser(userId);
        return { ok: true };
      } catch (error) {
        return classify(error);
      }
    },
  };
}

/**
 * Sorts a failure: 5xx, network errors and the rate limit (429 "rate limit exceeded") are worth
 * retrying; other 4xx — including the monthly quota's 429 — are not. 409 means LINE already
 * accepted this retry key.
 */
export function classify(error: unknown): SendResult {
  if (error instanceof HTTPFetchError) return classifyStatus(error.status, error.body);
  return { ok: false, retryable: true, error: "network" };
}

/** Sorts a failed answer by its status and body (the SDK's errors and the Node sender's alike). */
export function classifyStatus(status: number, body: string): SendResult {
  if (status === 409) return { ok: true, note: "accepted-earlier" };
  if (status >= 500) return { ok: false, retryable: true, error: `http-${status}` };
  if (status === 429) {
    const quota = /monthly limit/i.test(body);
    return { ok: false, retryable: !quota, error: quota ? "http-429-quota" : "http-429" };
  }
  const invalidReplyToken = status === 400 && /invalid reply token/i.test(body);
  return { ok: false, retryable: false, invalidReplyToken, error: `http-${status}` };
}
