// The few workerd test modules the worker test uses, typed here so the root tsc (Node types) checks it.
// The full declarations (@cloudflare/workers-types) would replace Node's fetch and timer types.

declare module "cloudflare:workers" {
  /** The bindings the worker project's vitest config passes to the worker. */
  export type WorkerTestEnv = Record<string, unknown> & {
    DATABASE_URL: string;
    DATABASE_AUTH_TOKEN: string;
    LINE_API_BASE_URL: string;
    LINE_CHANNEL_SECRET: string;
    LINE_CHANNEL_ACCESS_TOKEN: string;
  };
  export const env: WorkerTestEnv;
  /** The main module's entrypoints, called the way the runtime calls them. */
  export const exports: {
    default: { fetch(input: string | Request, init?: RequestInit): Promise<Response> };
  };
}

declare module "cloudflare:test" {
  import type { ExecutionContext } from "hono";

  export interface ScheduledController {
    readonly scheduledTime: number;
    readonly cron: string;
    noRetry(): void;
  }
  export function createScheduledController(options?: {
    scheduledTime?: Date | number;
    cron?: string;
  }): ScheduledController;
  export function createExecutionContext(): ExecutionContext;
  /** Resolves when every promise handed to `ctx.waitUntil` has settled. */
  export function waitOnExecutionContext(ctx: ExecutionContext): Promise<void>;
}
