// Cloudflare Workers entry: the same app, Turso over HTTP, the scheduler on a Cron Trigger.
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import type { ExecutionContext } from "hono";
import { createApp } from "./app";
import type { AppDeps } from "./http/app-env";
import { ConfigError, loadConfig, type Config, type RawEnv } from "./core/config";
import { createClassifier } from "./escalation/classifier";
import { loadTextModel } from "./escalation/text/model";
import modelFile from "../model/text-classifier.json";
import { runTick } from "./schedule/tick";
import { buildDeps } from "./services";
import { createStore } from "./store/db";
import * as schema from "./store/schema";

/** Checked once per isolate, at start-up: a corrupt model stops the worker, never a silent fallback. */
const classifier = createClassifier(loadTextModel(modelFile));

let cachedConfig: { env: RawEnv; config: Config } | undefined;

function configFor(env: RawEnv): Config {
  if (cachedConfig?.env === env) return cachedConfig.config;
  const config = loadConfig(env);
  // Emulator mode needs one process to hold its mock; on Workers a real channel is required.
  if (config.emulator) throw new ConfigError("LINE_CHANNEL_SECRET is required on Workers");
  cachedConfig = { env, config };
  return config;
}

/** Services per request: Workers hand env to each request, and I/O objects must not be shared. */
function depsFor(env: RawEnv): AppDeps {
  const config = configFor(env);
  const client = createClient({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  return buildDeps(
    config,
    createStore(drizzle(client, { schema }), () => client.close()),
    classifier,
  );
}

const app = createApp((c) => depsFor(c.env as RawEnv));

export default {
  fetch: app.fetch,
  scheduled(_controller: unknown, env: RawEnv, ctx: ExecutionContext) {
    ctx.waitUntil(runTick(depsFor(env)));
  },
};
