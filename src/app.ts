// createApp(deps): every route and middleware, no I/O at import time; served by node.ts and worker.ts.
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps, AppEnv } from "./http/app-env";
import { webhookRoutes } from "./bot/webhook";
import { apiRoutesApp } from "./dashboard/api";
import { dashboardPages } from "./dashboard/pages/index";
import { sameOriginOnly } from "./http/same-origin";
import { AppError, errorBody } from "./core/errors";
import { ConfigError } from "./core/config";
import { describeError } from "./core/log";
import { ping } from "./store/db";

/** Deps fixed for the process (Node), or built per request from the platform's env (Workers). */
export type DepsSource = AppDeps | ((c: Context<AppEnv>) => AppDeps);

export interface AppOptions {
  /** Extra routes of one entry (Node mounts the emulator here; Workers have none). */
  mount?: (app: Hono<AppEnv>) => void;
}

export function createApp(source: DepsSource, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    c.set("deps", typeof source === "function" ? source(c) : source);
    await next();
  });
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  });
  app.use(async (c, next) => {
    await next();
    // the body of a refused upload may still be in flight: do not read the next request after it
    if (c.res.status === 413) c.header("connection", "close");
    // what the API answers is personal data or about it: no browser or proxy keeps a copy
    if (c.req.path.startsWith("/api/")) c.header("cache-control", "no-store");
  });
  // LINE reads no headers from the webhook's answer; pages and the API get them all.
  app.use(async (c, next) => (c.req.path === "/webhook" ? next() : pageHeaders(c, next)));

  app.get("/healthz", async (c) => {
    try {
      await ping(c.var.deps.store.db);
      return c.json({ ok: true });
    } catch (error) {
      c.var.deps.log.error("healthz.database", describeError(error));
      return c.json({ ok: false }, 503);
    }
  });

  // Cross-site form posts are refused everywhere but the webhook (LINE posts it, signed).
  app.use("/api/*", sameOriginOnly());
  app.route("/", webhookRoutes());
  app.route("/", apiRoutesApp());
  // last of the /dashboard routes: it ends with the dashboard's own 404 page
  app.route("/", dashboardPages());
  app.get("/", (c) => c.redirect("/dashboard", 303));
  options.mount?.(app);

  app.notFound((c) => c.json(errorBody("not_found", "Not found"), 404));
  app.onError((error, c) => {
    if (error instanceof AppError)
      return c.json(errorBody(error.code, error.message, error.reason), error.status);
    if (error instanceof HTTPException) {
      return c.json(errorBody("bad_request", "Request could not be read"), error.status);
    }
    // a missing or wrong setting (Workers read theirs per request): say which, never a TypeError
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      return c.json(errorBody("internal", `Configuration error: ${error.message}`), 500);
    }
    // the deps may be what failed to build
    const log = (c.var as Partial<AppEnv["Variables"]>).deps?.log;
    const fields = { requestId: c.var.requestId, path: c.req.path, ...describeError(error) };
    if (log) log.error("request.failed", fields);
    else console.error(JSON.stringify({ level: "error", event: "request.failed", ...fields }));
    return c.json(errorBody("internal", `Internal error (request ${c.var.requestId})`), 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
