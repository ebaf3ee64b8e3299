// Staff API routes for the logged-in staff member: logout, profile, their own LINE and alerts, password.
import { changePassword, clientAddress, logout } from "../auth";
import { clearSessionCookie } from "../session-middleware";
import { issueMyLineCode, myAlerts, setMyAlerts, unlinkMyLine } from "../my-line";
import { input, schemas, type ApiRoute } from "./input";

export const meRoutes: ApiRoute[] = [
  {
    method: "post",
    path: "/api/logout",
    role: "caseworker",
    handle: async (c) => {
      await logout(
        c.var.deps.store,
        c.var.sessionToken,
        c.var.actor,
        c.var.deps.clock(),
        clientAddress(c),
      );
      clearSessionCookie(c);
      return c.json({ ok: true });
    },
  },
  {
    method: "get",
    path: "/api/me",
    role: "caseworker",
    handle: async (c) => {
      const { actor } = c.var;
      return c.json({
        id: actor.staffId,
        email: actor.email,
        displayName: actor.displayName,
        role: actor.role,
        centerId: actor.centerId,
        ...(await myAlerts(c.var.scope)),
      });
    },
  },
  {
    method: "post",
    path: "/api/me/line-link-code",
    role: "caseworker",
    handle: async (c) => c.json(await issueMyLineCode(c.var.scope), 201),
  },
  {
    method: "post",
    path: "/api/me/line/unlink",
    role: "caseworker",
    handle: async (c) => c.json(await unlinkMyLine(c.var.scope)),
  },
  {
    method: "post",
    path: "/api/me/alerts",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.alerts);
      return c.json(await setMyAlerts(c.var.scope, body));
    },
  },
  {
    method: "post",
    path: "/api/me/password",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.password);
      await changePassword(
        c.var.deps.store,
        c.var.actor,
        c.var.sessionToken,
        { ...body, client: clientAddress(c) },
        c.var.deps.clock(),
      );
      return c.json({ ok: true });
    },
  },
];
