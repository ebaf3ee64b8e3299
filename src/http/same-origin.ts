// CSRF defence for staff routes: a browser's cross-site POST is refused, whatever its content type.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { errorBody } from "../core/errors";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Browsers say where a request comes from (`Origin`, `Sec-Fetch-Site`); a request from another
 * site is refused. Programs that send neither (curl, scripts with a session cookie) pass: the
 * SameSite=Lax cookie already keeps other sites' pages from riding on a login.
 */
export function sameOriginOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const fetchSite = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    // behind a proxy the request URL may differ from the public one: both are our own
    const own = [new URL(c.req.url).origin, new URL(c.var.deps.config.publicBaseUrl).origin];
    const crossSite =
      fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none";
    const foreignOrigin = origin !== undefined && !own.includes(origin);
    if (crossSite || foreignOrigin) {
      return c.json(errorBody("forbidden", "Cross-site requests are not accepted"), 403);
    }
    return next();
  };
}
