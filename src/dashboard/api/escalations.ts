// Staff API routes for the queue and one escalation: list, read, acknowledge, assign, note, resolve.
import { type Context } from "hono";
import { AppError } from "../../core/errors";
import { categoryKeys } from "../../vocabulary/categories";
import { escalationStatuses, type EscalationStatus } from "../../vocabulary/kinds";
import type { StaffEnv } from "../staff-env";
import {
  acknowledge,
  addNote,
  assign,
  getEscalation,
  listEscalations,
  resolve,
} from "../escalations";
import { input, schemas, type ApiRoute } from "./input";

const statusQuery: Record<string, EscalationStatus[]> = {
  open: ["open"],
  acknowledged: ["acknowledged"],
  resolved: ["resolved"],
  all: [...escalationStatuses],
};

function queueFilter(c: Context<StaffEnv>) {
  const status = c.req.query("status") ?? "";
  const statuses =
    status === "" ? (["open", "acknowledged"] as EscalationStatus[]) : statusQuery[status];
  if (!statuses)
    throw new AppError("bad_request", "status must be open, acknowledged, resolved or all");
  const category = c.req.query("category") || undefined;
  if (category !== undefined && !(categoryKeys as string[]).includes(category)) {
    throw new AppError("bad_request", "category is not a known category");
  }
  const assignee = c.req.query("assignee") || undefined;
  const limit = Number(c.req.query("limit") ?? "500");
  if (!Number.isInteger(limit) || limit < 1 || limit > 2000) {
    throw new AppError("bad_request", "limit must be a whole number from 1 to 2000");
  }
  return {
    statuses,
    category,
    ...(assignee === "me" ? { mine: c.var.actor.staffId } : { assignedTo: assignee }),
    limit,
  };
}

export const escalationRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/escalations",
    role: "caseworker",
    handle: async (c) => c.json({ items: await listEscalations(c.var.scope, queueFilter(c)) }),
  },
  {
    method: "get",
    path: "/api/escalations/:id",
    role: "caseworker",
    handle: async (c) => c.json(await getEscalation(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/escalations/:id/acknowledge",
    role: "caseworker",
    handle: async (c) => c.json(await acknowledge(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/escalations/:id/assign",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.assign);
      return c.json(await assign(c.var.scope, c.req.param("id") ?? "", body.staffId));
    },
  },
  {
    method: "post",
    path: "/api/escalations/:id/notes",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.note);
      return c.json(await addNote(c.var.scope, c.req.param("id") ?? "", body.text));
    },
  },
  {
    method: "post",
    path: "/api/escalations/:id/resolve",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.resolve);
      return c.json(await resolve(c.var.scope, c.req.param("id") ?? "", body.note));
    },
  },
];
