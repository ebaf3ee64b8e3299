// The whole app in process: real database, real LINE SDK talking to a MockLine over loopback.
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp, type App } from "../../src/app";
import type { AppDeps } from "../../src/http/app-env";
import { createBackground, type Background } from "../../src/background";
import { signBody } from "../../src/line/signature";
import type { Clock } from "../../src/core/clock";
import { loadConfig, type Config } from "../../src/core/config";
import { Emulator } from "../../src/emulator/emulator";
import { MockLine, mockLineApp } from "../../src/emulator/mock-line";
import { mountEmulator } from "../../src/emulator/mount";
import { silentLogger, type Logger } from "../../src/core/log";
import { buildDeps } from "../../src/services";
import { testClassifier } from "./classifier";
import { createTestStore, type TestStore } from "./db";

export const testSecret = "8c570fa6dd201bb328f1c1eac23a96d8";
export const testAccessToken = "test-access-token";

export interface TestApp {
  app: App;
  deps: AppDeps;
  config: Config;
  db: TestStore;
  mock: MockLine;
  /** The emulator, when the app was built with `emulator: true`. */
  emulator: Emulator | undefined;
  background: Background;
  /** The mock Messaging API's origin on loopback. */
  lineBaseUrl: string;
  /** Sends a request through the app with Node's waitUntil stand-in. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Posts a body to /webhook, signed with the test secret (or the given signature). */
  postWebhook(body: string, signature?: string | null): Promise<Response>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  log?: Logger;
  /** Serve the emulator routes (the mock then lives in the app as in emulator mode). */
  emulator?: boolean;
  /** More environment for the config (PUSH_BUDGET_PER_MONTH…). */
  env?: Record<string, string>;
}

/** Serves a Hono-style fetch handler on a free loopback port. */
export async function listen(
  /** `env` is what @hono/node-server passes: the Node request and response (the socket). */
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({ server, url: `http://127.0.0.1:${info.port}` });
    });
  });
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = options.clock ?? Date.now;
  const mock = new MockLine(testAccessToken, clock);
  const mockServer = await listen(mockLineApp(mock).fetch);
  const config = loadConfig({
    LINE_CHANNEL_SECRET: testSecret,
    LINE_CHANNEL_ACCESS_TOKEN: testAccessToken,
    LINE_API_BASE_URL: mockServer.url,
    ...options.env,
  });
  const db = await createTestStore();
  const emulator = options.emulator ? new Emulator(mock, clock) : undefined;
  const deps = buildDeps(config, db.store, testClassifier, {
    clock,
    log: options.log ?? silentLogger,
  });
  const app = createApp(deps, {
    mount: emulator ? (routes) => mountEmulator(routes, emulator) : undefined,
  });
  const background = createBackground();
  const request = async (path: string, init?: RequestInit) =>
    app.request(path, init, {}, background);
  return {
    app,
    deps,
    config,
    db,
    mock,
    emulator,
    background,
    lineBaseUrl: mockServer.url,
    request,
    async postWebhook(body, signature) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      const sig = signature === undefined ? await signBody(testSecret, body) : signature;
      if (sig !== null) headers["x-line-signature"] = sig;
      return request("/webhook", { method: "POST", headers, body });
    },
    async close() {
      await background.drain();
      await new Promise<void>((resolve) => mockServer.server.close(() => resolve()));
      db.cleanup();
    },
  };
}
