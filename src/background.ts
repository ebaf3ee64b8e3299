// Work that continues after the response (replies after a webhook commit): Node's stand-in for waitUntil.
import type { ExecutionContext } from "hono";

export interface Background extends ExecutionContext {
  /** Resolves when every task handed over so far has settled (shutdown, tests). */
  drain(): Promise<void>;
}

export function createBackground(onError: (error: unknown) => void = () => {}): Background {
  const running = new Set<Promise<unknown>>();
  return {
    waitUntil(task: Promise<unknown>) {
      const tracked = task.catch(onError).finally(() => running.delete(tracked));
      running.add(tracked);
    },
    passThroughOnException() {},
    props: {},
    async drain() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
