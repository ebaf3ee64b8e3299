// The staff JSON API of CONTRACT.md: one table of routes (one module per aggregate under api/),
// each with the least role it needs.
import { Hono, type Context } from "hono";
import { limitBody } from "../http/body-limit";
import { errorBody } from "../core/errors";
import { clientAddress, login } from "./auth";
import { requireStaff, setSessionCookie } from "./session-middleware";
import type { StaffEnv } from "./staff-env";
import { meRoutes } from "./api/me";
import { escalationRoutes } from "./api/escalations";
import { registrantRoutes } from "./api/registrants";
import { conversationRoutes } from "./api/conversations";
import { employerRoutes } from "./api/employers";
import { centerRoutes } from "./api/center";
import { contactRoutes } from "./api/contacts";
import { monthRoutes } from "./api/month";
import { reportRoutes } from "./api/reports";
import { handoverRoutes } from "./api/handover";
import { input, schemas, type ApiRoute } from "./api/input";

export type { ApiRoute, Method } from "./api/input";

/** Every authenticated route; tests walk this table for the boundary checks. */
export const apiRoutes: ApiRoute[] = [
  ...meRoutes,
  ...escalationRoutes,
  ...registrantRoutes,
  ...contactRoutes,
  ...monthRoutes,
  ...reportRoutes,
  ...handoverRoutes,
  ...conversationRoutes,
  ...employerRoutes,
  ...centerRoutes,
];

export function apiRoutesApp() {
  const app = new Hono<StaffEnv>();
  app.use(
    "/api/*",
    limitBody({
      maxSize: 64 * 1024,
      onError: (c) => c.json(errorBody("payload_too_large", "Body is over 64 KiB"), 413),
    }),
  );

  app.post("/api/login", async (c) => {
    const body = await input(c, schemas.login);
    const deps = c.var.deps;
    const { token, actor } = await login(
      deps.store,
      { ...body, client: clientAddress(c) },
      deps.clock(),
    );
    setSessionCookie(c, token);
    return c.json({
      id: actor.staffId,
      email: actor.email,
      displayName: actor.displayName,
      role: actor.role,
    });
  });

  const denied = (c: Context<StaffEnv>, why: "no-session" | "forbidden") =>
    why === "no-session"
      ? c.json(errorBody("unauthorized", "Log in first"), 401)
      : c.json(errorBody("forbidden", "Your role may not do this"), 403);

  for (const route of apiRoutes) {
    app.on(route.method.toUpperCase(), route.path, requireStaff(route.role, denied), route.handle);
  }
  return app;
}
