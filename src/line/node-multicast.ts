// Multicasts on Node from a thread of their own: the embedded database blocks the main thread for
// each write (and the weekly fan-out writes for about a second), and a pacer there would release
// nothing meanwhile. Paced on this thread, the multicasts leave at LINE's rate while the next
// write runs. Imported by the Node entry only (Workers keep the SDK's fetch and its pacer).
import type { messagingApi } from "@line/bot-sdk";
import * as z from "zod";
import type { MulticastTransport, SendResult } from "./api";
import type { Worker } from "node:worker_threads";
import type { Logger } from "../core/log";
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
  /** The thread sending now: one that dies is replaced (tests end one this way). */
  thread(): Worker;
}

/** A lost thread answers every waiting multicast like a lost connection: retried, same key. */
const lost: SendResult = { ok: false, retryable: true, error: "network" };

export function threadedMulticast(options: {
  channelAccessToken: string;
  baseUrl: string;
  perSecond?: number;
  /** Told when the thread is lost (and started again). */
  log?: Logger;
}): ThreadedMulticast {
  const waiting = new Map<number, (result: SendResult) => void>();
  let nextId = 1;
  let closed = false;
  let started: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  /** Everything waiting on a lost thread is answered as lost: retried, same key. */
  const loseWaiting = () => {
    for (const answer of waiting.values()) answer(lost);
    waiting.clear();
  };

  const spawn = (): Worker => {
    const thread = startThread(new URL("./multicast-thread.ts", import.meta.url), {
      channelAccessToken: options.channelAccessToken,
      baseUrl: options.baseUrl,
      perSecond: options.perSecond ?? 200,
    });
    thread.on("message", (raw: unknown) => {
      const reply = multicastReplySchema.parse(raw);
      if ("ready" in reply) {
        started();
        return;
      }
      const answer = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) thread.unref();
      answer?.(reply.result);
    });
    let lostOnce = false;
    const onLost = (error?: unknown) => {
      if (lostOnce) return;
      lostOnce = true;
      loseWaiting();
      if (closed) {
        started();
        return;
      }
      // a thread that died is started again: the weekly fan-out must not wait for a restart
      options.log?.error("multicast.thread_lost", {
        error: error instanceof Error ? error.message : "exited",
      });
      worker = spawn();
    };
    thread.on("error", onLost);
    thread.on("exit", () => {
      onLost();
    });
    return thread;
  };
  let worker = spawn();

  return {
    ready,
    // one with multicasts waiting keeps the process alive until they are answered
    send(to: string[], messages: messagingApi.Message[], retryKey: string) {
      if (closed) return Promise.resolve(lost);
      const id = nextId++;
      return new Promise<SendResult>((resolve) => {
        waiting.set(id, resolve);
        worker.ref();
        const request: MulticastRequest = { id, to: JSON.stringify(to), messages, retryKey };
        worker.postMessage(request);
      });
    },
    async close() {
      closed = true;
      await worker.terminate();
      loseWaiting();
    },
    thread: () => worker,
  };
}
