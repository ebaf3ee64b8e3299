// Staff API routes for the center: staff accounts, undelivered messages, settings, the audit trail.
import { type Context } from "hono";
import { AppError } from "../../core/errors";
import { iso } from "../../time/format";
import { centerSettingsSchema, readCenterSettings, saveCenterSettings } from "../center-settings";
import { auditFilterOf } from "../audit-trail";
import { listDeadLetters, markDeadLetterHandled, retryDeadLetter } from "../dead-letters";
import {
  changeStaffRole,
  deactivateStaff,
  reactivateStaff,
  resetStaffPassword,
} from "../staff-admin";
import type { StaffEnv } from "../staff-env";
import { auditPage } from "../audit-trail";
import { createStaff, listStaff } from "../staff-admin";
import { input, schemas, type ApiRoute } from "./input";

/** An outbox row id from the path; anything else is no such row. */
function outboxId(c: Context<StaffEnv>): number {
  const text = c.req.param("id") ?? "";
  if (!/^\d{1,15}$/.test(text)) throw new AppError("not_found", "No such undelivered message");
  return Number(text);
}

export const centerRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/staff",
    role: "caseworker",
    handle: async (c) => c.json({ items: await listStaff(c.var.scope) }),
  },
  {
    method: "post",
    path: "/api/staff",
    role: "supervisor",
    handle: async (c) => {
      const body = await input(c, schemas.staff);
      return c.json(await createStaff(c.var.scope, body), 201);
    },
  },
  {
    method: "post",
    path: "/api/staff/:id/deactivate",
    role: "supervisor",
    handle: async (c) => c.json(await deactivateStaff(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/staff/:id/reactivate",
    role: "supervisor",
    handle: async (c) => c.json(await reactivateStaff(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/staff/:id/reset-password",
    role: "supervisor",
    handle: async (c) => c.json(await resetStaffPassword(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/staff/:id/role",
    role: "supervisor",
    handle: async (c) => {
      const body = await input(c, schemas.role);
      return c.json(await changeStaffRole(c.var.scope, c.req.param("id") ?? "", body.role));
    },
  },
  {
    method: "get",
    path: "/api/outbox/failed",
    role: "supervisor",
    handle: async (c) => c.json({ items: await listDeadLetters(c.var.scope) }),
  },
  {
    method: "post",
    path: "/api/outbox/:id/retry",
    role: "supervisor",
    handle: async (c) => c.json(await retryDeadLetter(c.var.scope, outboxId(c))),
  },
  {
    method: "post",
    path: "/api/outbox/:id/handled",
    role: "supervisor",
    handle: async (c) => c.json(await markDeadLetterHandled(c.var.scope, outboxId(c))),
  },
  {
    method: "get",
    path: "/api/center",
    role: "caseworker",
    handle: async (c) => c.json(await readCenterSettings(c.var.scope)),
  },
  {
    method: "put",
    path: "/api/center",
    role: "supervisor",
    handle: async (c) => {
      const body = await input(c, centerSettingsSchema);
      return c.json(await saveCenterSettings(c.var.scope, body));
    },
  },
  {
    method: "get",
    path: "/api/audit",
    role: "supervisor",
    handle: async (c) => {
      const beforeText = c.req.query("before");
      const before = beforeText === undefined ? undefined : Number(beforeText);
      const limit = Number(c.req.query("limit") ?? "100");
      if (
        (before !== undefined && !Number.isInteger(before)) ||
        !Number.isInteger(limit) ||
        limit < 1 ||
        limit > 500
      ) {
        throw new AppError(
          "bad_request",
          "before and limit must be whole numbers (limit 1 to 500)",
        );
      }
      const filter = auditFilterOf((name) => c.req.query(name));
      const items = await auditPage(c.var.scope, { ...filter, before, limit });
      await c.var.scope.recordRead("audit.read", "audit", null, []);
      return c.json({
        items: items.map((item) => ({ ...item, at: iso(item.at) })),
        nextBefore: items.length === limit ? (items.at(-1)?.id ?? null) : null,
      });
    },
  },
];
