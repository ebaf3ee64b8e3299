// Reads the session cookie once and builds the center scope; the single gate for staff routes.
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { routePath } from "hono/route";
import type { AppDeps } from "../http/app-env";
import { AppError } from "../core/errors";
import { describeError } from "../core/log";
import { ownerCenterOf } from "../store/audit";
import { authenticate, clientAddress, sessionCookie, sessionTagOf, type Actor } from "./auth";
import { sessionLifetimeMs } from "../staff/sessions";
import { CenterScope } from "./scope";
import type { StaffEnv } from "./staff-env";
import type { StaffRole } from "../vocabulary/kinds";

const rank: Record<StaffRole, number> = { caseworker: 0, supervisor: 1 };

export function hasRole(actor: Actor, role: StaffRole): boolean {
  return rank[actor.role] >= rank[role];
}

export type Denial = "no-session" | "forbidden";

/**
 * Loads the actor for `role` or returns why not. Routes call nothing else to find out who is
 * asking, so the boundary (center, role) is decided here alone.
 */
export function requireStaff(
  role: StaffRole,
  onDenied: (c: Context<StaffEnv>, why: Denial) => Response | Promise<Response>,
): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const token = sessionTokenOf(c);
    const deps = c.var.deps;
    const actor = token ? await authenticate(deps.store, token, deps.clock()) : null;
    if (!token || !actor) return onDenied(c, "no-session");
    const scope = new CenterScope(
      actor,
      deps.store,
      deps.clock,
      deps.log,
      deps.config.pushBudgetPerMonth,
      { client: clientAddress(c), sessionTag: await sessionTagOf(token) },
    );
    if (!hasRole(actor, role)) {
      await auditRefusal(scope, "access.forbidden", "route", `${c.req.method} ${routePath(c)}`);
      return onDenied(c, "forbidden");
    }
    c.set("actor", actor);
    c.set("sessionToken", token);
    c.set("scope", scope);
    await next();
    const error = c.error;
    if (error instanceof AppError && error.code === "not_found" && error.subject) {
      // an id of another center: the answer stays 404, the attempt goes into the audit trail
      const { type, id } = error.subject;
      const owner = await ownerCenterOf(deps.store.db, type, id);
      if (owner !== null && owner !== actor.centerId) {
        await auditRefusal(scope, "access.refused", type, id);
      }
    }
    return undefined;
  };
}

/** An audit entry for a refused request; a failure to write it is logged, the refusal stands. */
async function auditRefusal(
  scope: CenterScope,
  action: string,
  subjectType: string,
  subjectId: string,
) {
  try {
    await scope.recordRead(action, subjectType, subjectId, []);
    scope.log.warn(action, { subjectType });
  } catch (error) {
    scope.log.error("audit.refusal_failed", describeError(error));
  }
}

/** Over https (directly or behind a proxy that ends TLS, as the public URL says). */
function servedSecurely(c: Context): boolean {
  return (
    new URL(c.req.url).protocol === "https:" ||
    (c.get("deps") as AppDeps | undefined)?.config.publicBaseUrl.startsWith("https:") === true
  );
}

/**
 * Over https the cookie is `__Host-` prefixed: the browser then takes it only as Secure, for
 * this host, for path /, so no subdomain or plain-http page can plant or read one.
 */
function cookieName(c: Context): string {
  return servedSecurely(c) ? `__Host-${sessionCookie}` : sessionCookie;
}

export function sessionTokenOf(c: Context): string | undefined {
  return getCookie(c, cookieName(c));
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, cookieName(c), token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: servedSecurely(c),
    path: "/",
    maxAge: Math.floor(sessionLifetimeMs / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, cookieName(c), { path: "/", secure: servedSecurely(c) });
}
