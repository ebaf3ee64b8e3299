// The mock LINE API on a worker thread, so that its rate limit times arrivals on a loop of its own.
import { Worker } from "node:worker_threads";
import * as z from "zod";
import type { MockLineServerOptions } from "./mock-line-server";

const endpointTallySchema = z.object({
  calls: z.number(),
  recipients: z.number(),
  distinctRecipients: z.number(),
});

/** What LINE took and refused, per endpoint, counted in the worker. */
export const mockLineTallySchema = z.object({
  accepted: z.object({
    reply: endpointTallySchema,
    push: endpointTallySchema,
    multicast: endpointTallySchema,
  }),
  throttled: z.object({ reply: z.number(), push: z.number(), multicast: z.number() }),
  /** Every answer MockLine gave (401, 400, 409 …), by status; 429s are in `throttled`. */
  statuses: z.record(z.string(), z.number()),
});
export type MockLineTally = z.infer<typeof mockLineTallySchema>;

/** Messages from the worker (`mock-line-worker.ts`). */
export const workerMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), url: z.string() }),
  z.object({ type: z.literal("tally"), tally: mockLineTallySchema }),
  z.object({ type: z.literal("closed") }),
]);
type WorkerMessage = z.infer<typeof workerMessageSchema>;

/** Messages to the worker. */
export const commandSchema = z.enum(["tally", "close"]);

export const workerDataSchema = z.object({
  accessToken: z.string(),
  options: z.object({
    rateLimits: z
      .partialRecord(
        z.enum(["reply", "push", "multicast"]),
        z.object({ perSecond: z.number(), burst: z.number() }),
      )
      .optional(),
    delayMs: z.number().optional(),
  }),
});

export interface MockLineThread {
  url: string;
  tally(): Promise<MockLineTally>;
  close(): Promise<void>;
}

/**
 * In the bench's own process the mock would stamp a request's arrival only when the bench's
 * event loop got round to it; a commit blocking that loop then looks like a burst to the rate
 * limit. On its own thread it sees requests when they arrive, as LINE would.
 */
export async function serveMockLineInThread(
  accessToken: string,
  options: MockLineServerOptions,
  startTimeoutMs = 30_000,
): Promise<MockLineThread> {
  const entry = new URL("./mock-line-worker.ts", import.meta.url).href;
  // `--import tsx` does not reach worker threads on Node 20: the worker registers it itself.
  const worker = new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true, workerData: { accessToken, options } },
  );
  let pending:
    | { accept(message: WorkerMessage): void; fail(error: Error): void; timer: NodeJS.Timeout }
    | undefined;
  let failure: Error | undefined;
  const settle = (outcome: { message: WorkerMessage } | { error: Error }) => {
    const current = pending;
    pending = undefined;
    if (!current) return;
    clearTimeout(current.timer);
    if ("message" in outcome) current.accept(outcome.message);
    else current.fail(outcome.error);
  };
  worker.on("message", (raw: unknown) => {
    settle({ message: workerMessageSchema.parse(raw) });
  });
  worker.on("error", (error) => {
    failure = error;
    settle({ error });
  });
  worker.on("exit", (code) => {
    failure ??= new Error(`mock LINE worker exited (${code})`);
    settle({ error: failure });
  });
  /** The worker's answer to the one thing asked of it at a time. */
  const next = <T extends WorkerMessage["type"]>(type: T, timeoutMs: number) =>
    new Promise<Extract<WorkerMessage, { type: T }>>((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      const timer = setTimeout(() => {
        pending = undefined;
        reject(new Error(`mock LINE worker: no "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      pending = {
        accept(message) {
          if (isMessage(message, type)) resolve(message);
          else reject(new Error(`mock LINE worker: "${message.type}" instead of "${type}"`));
        },
        fail: reject,
        timer,
      };
    });

  try {
    const ready = await next("ready", startTimeoutMs);
    return {
      url: ready.url,
      async tally() {
        const answer = next("tally", 10_000);
        worker.postMessage("tally");
        return (await answer).tally;
      },
      async close() {
        const answer = next("closed", 10_000);
        worker.postMessage("close");
        try {
          await answer;
        } finally {
          await worker.terminate();
        }
      },
    };
  } catch (error) {
    await worker.terminate();
    throw error;
  }
}

function isMessage<T extends WorkerMessage["type"]>(
  message: WorkerMessage,
  type: T,
): message is Extract<WorkerMessage, { type: T }> {
  return message.type === type;
}
