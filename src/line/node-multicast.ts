// Multicasts on Node from a thread of their own: the embedded database blocks the main thread for
// each write (and the weekly fan-out writes for about a second), and a pacer there would release
// nothing meanwhile. Paced on this thread, the multicasts leave at LINE's rate while the next
// write runs. Imported by the Node entry only (Workers keep the SDK's fetch and its pacer).
import type { messagingApi } from "@line/bot-sdk";
import * as z from "zod";
import type { MulticastTransport, SendResult } from "./api";
import { startThread } from "../core/node-thread";

/** To the thread: one multicast. */
export interface MulticastRequest {
  id: number;
  /** The recipients as a JSON array: one string is copied across far faster than 500. */
  to: string;
  messages: messagingApi.Message[];
  retryKey: string;
}

/** From the thread: ready (once), then how each multicast went. */
export const multicastReplySchema = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({
    id: z.number(),
    result: z.union([
      z.object({ ok: z.literal(true), note: z.string().optional() }),
      z.object({
        ok: z.literal(false),
        retryable: z.boolean(),
        invalidReplyToken: z.boolean().optional(),
        error: z.string(),
      }),
    ]),
  }),
]);

export const multicastThreadSettingsSchema = z.object({
  channelAccessToken: z.string(),
  baseUrl: z.string(),
  perSecond: z.number(),
});

export interface ThreadedMulticast {
  send: MulticastTransport;
  /** Resolves once the thread can send (a multicast asked for before that waits for it). */
  ready: Promise<void>;
  /** Ends the thread; multicasts still waiting are answered as network failures (retried). */
  close(): Promise<void>;
}

/** A lost thread answers every waiting multicast like a lost connection: retried, same key. */
const lost: SendResult = { ok: false, retryable: true, error: "network" };

export function threadedMulticast(options: {
  channelAccessToken: string;
  baseUrl: string;
  perSecond?: number;
}): ThreadedMulticast {
  const worker = startThread(new URL("./multicast-thread.ts", import.meta.url), {
    channelAccessToken: options.channelAccessToken,
    baseUrl: options.baseUrl,
    perSecond: options.perSecond ?? 200,
  });
  const waiting = new Map<number, (result: SendResult) => void>();
  let nextId = 1;
  let ended = false;
  const endAll = () => {
    ended = true;
    for (const answer of waiting.values()) answer(lost);
    waiting.clear();
  };
  let started: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  worker.on("message", (raw: unknown) => {
    const reply = multicastReplySchema.parse(raw);
    if ("ready" in reply) {
      started();
      return;
    }
    const answer = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    answer?.(reply.result);
  });
  worker.on("error", endAll);
  worker.on("exit", () => {
    endAll();
    started();
  });
  return {
    ready,
    // one with multicasts waiting keeps the process alive until they are answered
    send(to: string[], messages: messagingApi.Message[], retryKey: string) {
      if (ended) return Promise.resolve(lost);
      const id = nextId++;
      return new Promise<SendResult>((resolve) => {
        waiting.set(id, resolve);
        worker.ref();
        const request: MulticastRequest = { id, to: JSON.stringify(to), messages, retryKey };
        worker.postMessage(request);
      });
    },
    async close() {
      await worker.terminate();
      endAll();
    },
  };
}
