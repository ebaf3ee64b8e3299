// Reads the session cookie once and builds the center scope; the single gate for staff routes.
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppDeps } from "../app-env";
import { authenticate, sessionCookie, sessionLifetimeMs, type Actor } from "./auth";
import { CenterScope } from "./scope";
import type { StaffEnv } from "./staff-env";
import type { StaffRole } from "../store/schema";

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
    if (!hasRole(actor, role)) return onDenied(c, "forbidden");
    c.set("actor", actor);
    c.set("sessionToken", token);
    c.set(
      "scope",
      new CenterScope(actor, deps.store, deps.clock, deps.log, deps.config.pushBudgetPerMonth),
    );
    await next();
    return undefined;
  };
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
