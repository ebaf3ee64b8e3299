// Node side of the workerd tests: a migrated database behind the test Hrana server, and a mock LINE API.
import type { ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { MockLine, mockLineApp } from "../../src/emulator/mock-line";
import { openStore } from "../../src/store/open-node";
import { listen } from "../support/app";
import { countRoundTrips, createHranaServer, type HranaServer } from "../support/hrana-server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseAuthToken: string;
    lineApiBaseUrl: string;
    lineChannelSecret: string;
    lineChannelAccessToken: string;
  }
}

let cleanup: (() => Promise<void>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "tsunagi-worker-"));
  const path = join(dir, "worker.db");
  // The real migrations, applied on Node as `npm run db:migrate` would apply them to Turso.
  const store = await openStore({ url: `file:${path}` });
  store.close();

  const databaseAuthToken = crypto.randomUUID();
  const hrana = createHranaServer({ path, authToken: databaseAuthToken });
  const database = await listen(databaseWithTestRoutes(hrana).fetch);

  const lineChannelAccessToken = crypto.randomUUID();
  const mock = new MockLine(lineChannelAccessToken);
  const line = await listen(mockLineWithTestRoutes(mock).fetch);

  project.provide("databaseUrl", database.url);
  project.provide("databaseAuthToken", databaseAuthToken);
  project.provide("lineApiBaseUrl", line.url);
  project.provide("lineChannelSecret", crypto.randomUUID().replaceAll("-", ""));
  project.provide("lineChannelAccessToken", lineChannelAccessToken);

  cleanup = async () => {
    await Promise.all([stop(database.server), stop(line.server)]);
    hrana.close();
    rmSync(dir, { recursive: true, force: true });
  };
}

export async function teardown(): Promise<void> {
  await cleanup?.();
}

/**
 * The mock Messaging API plus two routes for the tests inside workerd, which cannot reach this
 * process's objects: one mints a reply token (as LINE does when it sends an event), one lists
 * what the bot sent.
 */
function mockLineWithTestRoutes(mock: MockLine) {
  const app = new Hono();
  app.post("/__test/reply-tokens/:userId", (c) =>
    c.json({ replyToken: mock.issueReplyToken(c.req.param("userId")) }),
  );
  app.get("/__test/requests", (c) => c.json(mock.requests));
  app.route("/", mockLineApp(mock));
  return app;
}

/**
 * The test Hrana server plus a route reading how many requests a client sent under a tag (see
 * countRoundTrips): the workerd tests count a webhook request's database round trips with it.
 */
function databaseWithTestRoutes(hrana: HranaServer) {
  const counter = countRoundTrips(hrana.app.fetch);
  const app = new Hono();
  app.get("/__test/round-trips/:tag", (c) => c.json(counter.counts(c.req.param("tag"))));
  app.all("*", (c) => counter.fetch(c.req.raw));
  return app;
}

function stop(server: ServerType): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
