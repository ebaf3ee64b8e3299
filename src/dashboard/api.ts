// The staff JSON API of CONTRACT.md: one table of routes, each with the least role it needs.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import * as z from "zod";
import { AppError, errorBody } from "../core/errors";
import { jsonBodyOf } from "../http/json-body";
import { categoryKeys } from "../vocabulary/categories";
import {
  escalationStatuses,
  staffRoles,
  type EscalationStatus,
  type StaffRole,
} from "../vocabulary/kinds";
import { emailSchema } from "../staff/accounts";
import { changePassword, clientAddress, login, logout } from "./auth";
import { iso, minuteOfTime, timePattern } from "./scope";
import { markConversationRead, readConversation, readInbox, sendStaffReply } from "./conversations";
import { sendFresh } from "../outbox/delivery";
import { countChangedSince } from "../store/escalations";
import { countUnreadSince } from "../store/conversation-log";
import { centerSettingsSchema, readCenterSettings, saveCenterSettings } from "./center-settings";
import { profileSchema, updateProfile } from "./profile";
import { auditFilterOf } from "./audit-trail";
import {
  endSupport,
  endSupportSchema,
  eraseRegistrant,
  erasureSchema,
  exportRegistrant,
  reopenSupport,
} from "./person-data";
import { listDeadLetters, markDeadLetterHandled, retryDeadLetter } from "./dead-letters";
import { readContactConversation, sendReplyToContact } from "./employer-conversations";
import {
  changeStaffRole,
  deactivateStaff,
  reactivateStaff,
  resetStaffPassword,
} from "./staff-admin";
import { clearSessionCookie, requireStaff, setSessionCookie } from "./session-middleware";
import type { StaffEnv } from "./staff-env";

const name = (max: number) => z.string().trim().min(1, { message: "is required" }).max(max);
const id = z.string().min(1).max(64);

const schemas = {
  login: z.object({ email: z.string().max(254), password: z.string().max(1024) }),
  password: z.object({
    currentPassword: z.string().max(1024),
    newPassword: z.string().min(12, { message: "must be at least 12 characters" }).max(1024),
  }),
  registrant: z.object({ displayName: name(60) }),
  employer: z.object({ name: name(100) }),
  contact: z.object({ displayName: name(60) }),
  employment: z.object({ employerId: id }),
  employmentEnd: z.object({
    endedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date as YYYY-MM-DD" })
      .refine(
        (value) => {
          const parsed = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
        },
        { message: "must be a real date" },
      ),
  }),
  pulse: z.object({ enabled: z.boolean(), day: z.number().int().min(1).max(28) }),
  staff: z.object({ email: emailSchema, displayName: name(60), role: z.enum(staffRoles) }),
  assign: z.object({ staffId: id }),
  role: z.object({ role: z.enum(staffRoles) }),
  note: z.object({ text: name(2000) }),
  resolve: z.object({ note: name(2000) }),
  alerts: z.object({ urgent: z.boolean(), high: z.boolean(), digest: z.boolean() }),
  contactReply: z.object({
    text: z.string().max(50_000),
    clientKey: z.string().min(8).max(100).optional(),
    confirmRecipientIsCompany: z.literal(true, { message: "must be true: the company reads it" }),
  }),
  reply: z.object({
    text: z.string().max(50_000),
    clientKey: z.string().min(8).max(100).optional(),
  }),
  schedule: z.object({
    weekday: z.number().int().min(0).max(6),
    time: z.string().regex(timePattern, { message: "must be a time of day as HH:MM" }),
  }),
};

/** Reads a JSON body (and only JSON: a form post cannot pass for one) against a schema. */
async function input<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) {
    throw new AppError("bad_request", "Content-Type must be application/json");
  }
  const body = await jsonBodyOf(c.req.raw);
  if (!body.ok) throw new AppError("bad_request", "Body is not JSON");
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "body";
    throw new AppError("bad_request", `${field} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data;
}

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

/** An outbox row id from the path; anything else is no such row. */
function outboxId(c: Context<StaffEnv>): number {
  const text = c.req.param("id") ?? "";
  if (!/^\d{1,15}$/.test(text)) throw new AppError("not_found", "No such undelivered message");
  return Number(text);
}

export type Method = "get" | "post" | "put" | "patch" | "delete";

export interface ApiRoute {
  method: Method;
  path: string;
  /** The least role that may call it. */
  role: StaffRole;
  handle: (c: Context<StaffEnv>) => Promise<Response>;
}

/** Every authenticated route; tests walk this table for the boundary checks. */
export const apiRoutes: ApiRoute[] = [
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
        ...(await c.var.scope.myAlerts()),
      });
    },
  },
  {
    method: "post",
    path: "/api/me/line-link-code",
    role: "caseworker",
    handle: async (c) => c.json(await c.var.scope.issueMyLineCode(), 201),
  },
  {
    method: "post",
    path: "/api/me/line/unlink",
    role: "caseworker",
    handle: async (c) => c.json(await c.var.scope.unlinkMyLine()),
  },
  {
    method: "post",
    path: "/api/me/alerts",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.alerts);
      return c.json(await c.var.scope.setMyAlerts(body));
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
  {
    method: "get",
    path: "/api/escalations",
    role: "caseworker",
    handle: async (c) => c.json({ items: await c.var.scope.listEscalations(queueFilter(c)) }),
  },
  {
    method: "get",
    path: "/api/escalations/:id",
    role: "caseworker",
    handle: async (c) => c.json(await c.var.scope.getEscalation(c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/escalations/:id/acknowledge",
    role: "caseworker",
    handle: async (c) => c.json(await c.var.scope.acknowledge(c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/escalations/:id/assign",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.assign);
      return c.json(await c.var.scope.assign(c.req.param("id") ?? "", body.staffId));
    },
  },
  {
    method: "post",
    path: "/api/escalations/:id/notes",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.note);
      return c.json(await c.var.scope.addNote(c.req.param("id") ?? "", body.text));
    },
  },
  {
    method: "post",
    path: "/api/escalations/:id/resolve",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.resolve);
      return c.json(await c.var.scope.resolve(c.req.param("id") ?? "", body.note));
    },
  },
  {
    method: "post",
    path: "/api/registrants",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.registrant);
      return c.json(await c.var.scope.createRegistrant(body.displayName), 201);
    },
  },
  {
    method: "get",
    path: "/api/registrants",
    role: "caseworker",
    handle: async (c) => {
      const query = (c.req.query("q") ?? "").trim();
      if (query.length > 60) throw new AppError("bad_request", "q must be at most 60 characters");
      return c.json({ items: await c.var.scope.listRegistrants(query) });
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/link-code",
    role: "caseworker",
    handle: async (c) => c.json(await c.var.scope.reissueLinkCode(c.req.param("id") ?? ""), 201),
  },
  {
    method: "get",
    path: "/api/registrants/:id",
    role: "caseworker",
    handle: async (c) => c.json(await c.var.scope.getRegistrant(c.req.param("id") ?? "")),
  },
  {
    method: "get",
    path: "/api/registrants/:id/messages",
    role: "caseworker",
    handle: async (c) => {
      const beforeText = c.req.query("before");
      const before = beforeText === undefined ? undefined : Number(beforeText);
      if (before !== undefined && (!Number.isInteger(before) || before < 1)) {
        throw new AppError("bad_request", "before must be a message id");
      }
      return c.json(await readConversation(c.var.scope, c.req.param("id") ?? "", before));
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/messages",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.reply);
      const clientKey = body.clientKey ?? c.req.header("idempotency-key") ?? crypto.randomUUID();
      const { deps } = c.var;
      const sent = await sendStaffReply(
        c.var.scope,
        c.req.param("id") ?? "",
        { text: body.text, clientKey },
        deps.config.pushBudgetPerMonth,
      );
      if (sent.outbox.length > 0) c.executionCtx.waitUntil(sendFresh(deps, sent.outbox));
      return c.json({ id: sent.id }, 202);
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/read",
    role: "caseworker",
    handle: async (c) => c.json(await markConversationRead(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    // counts only (no personal data, so not audited): what the queue and inbox poll
    method: "get",
    path: "/api/changes",
    role: "caseworker",
    handle: async (c) => {
      const sinceText = c.req.query("since") ?? "";
      const since = Number(sinceText);
      if (!/^\d{1,15}$/.test(sinceText)) {
        throw new AppError("bad_request", "since must be a time in ms since the epoch");
      }
      const { deps, actor } = c.var;
      const [newEscalations, newUnread] = await Promise.all([
        countChangedSince(deps.store.db, actor.centerId, since),
        countUnreadSince(deps.store.db, actor.centerId, since),
      ]);
      return c.json({ newEscalations, newUnread, now: deps.clock() });
    },
  },
  {
    method: "get",
    path: "/api/inbox",
    role: "caseworker",
    handle: async (c) => c.json({ items: await readInbox(c.var.scope) }),
  },
  {
    method: "post",
    path: "/api/registrants/:id/end",
    role: "caseworker",
    handle: async (c) => {
      const { reason } = await input(c, endSupportSchema);
      return c.json(await endSupport(c.var.scope, c.req.param("id") ?? "", reason));
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/reopen",
    role: "supervisor",
    handle: async (c) => c.json(await reopenSupport(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "get",
    path: "/api/registrants/:id/export",
    role: "supervisor",
    handle: async (c) => {
      const id = c.req.param("id") ?? "";
      const data = await exportRegistrant(c.var.scope, id, "json");
      c.header("content-disposition", `attachment; filename="registrant-${id}.json"`);
      return c.json(data);
    },
  },
  {
    method: "delete",
    path: "/api/registrants/:id",
    role: "supervisor",
    handle: async (c) => {
      const { confirm } = await input(c, erasureSchema);
      return c.json(await eraseRegistrant(c.var.scope, c.req.param("id") ?? "", confirm));
    },
  },
  {
    method: "patch",
    path: "/api/registrants/:id",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, profileSchema);
      return c.json(await updateProfile(c.var.scope, c.req.param("id") ?? "", body));
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/employers",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.employment);
      return c.json(await c.var.scope.linkEmployment(c.req.param("id") ?? "", body.employerId));
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/employers/:employerId/end",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.employmentEnd);
      return c.json(
        await c.var.scope.endEmployment(
          c.req.param("id") ?? "",
          c.req.param("employerId") ?? "",
          body.endedOn,
        ),
      );
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/checkins",
    role: "caseworker",
    handle: async (c) => c.json(await c.var.scope.sendCheckin(c.req.param("id") ?? ""), 201),
  },
  {
    method: "post",
    path: "/api/registrants/:id/schedule",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.schedule);
      return c.json(
        await c.var.scope.changeSchedule(
          c.req.param("id") ?? "",
          body.weekday,
          minuteOfTime(body.time),
        ),
      );
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/pause",
    role: "caseworker",
    handle: async (c) => c.json(await c.var.scope.pauseCheckins(c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/registrants/:id/resume",
    role: "caseworker",
    handle: async (c) => c.json(await c.var.scope.resumeCheckins(c.req.param("id") ?? "")),
  },
  {
    method: "get",
    path: "/api/employers",
    role: "caseworker",
    handle: async (c) => c.json({ items: await c.var.scope.listEmployers() }),
  },
  {
    method: "post",
    path: "/api/employers",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.employer);
      return c.json(await c.var.scope.createEmployer(body.name), 201);
    },
  },
  {
    method: "post",
    path: "/api/employers/:id/contacts",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.contact);
      return c.json(
        await c.var.scope.createEmployerContact(c.req.param("id") ?? "", body.displayName),
        201,
      );
    },
  },
  {
    method: "get",
    path: "/api/employers/:id",
    role: "caseworker",
    handle: async (c) => c.json(await c.var.scope.getEmployer(c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/employers/:id/contacts/:contactId/link-code",
    role: "caseworker",
    handle: async (c) =>
      c.json(
        await c.var.scope.reissueContactCode(
          c.req.param("id") ?? "",
          c.req.param("contactId") ?? "",
        ),
        201,
      ),
  },
  {
    method: "post",
    path: "/api/employers/:id/contacts/:contactId/unlink",
    role: "caseworker",
    handle: async (c) =>
      c.json(
        await c.var.scope.unlinkContact(c.req.param("id") ?? "", c.req.param("contactId") ?? ""),
      ),
  },
  {
    method: "get",
    path: "/api/employers/:id/contacts/:contactId/messages",
    role: "caseworker",
    handle: async (c) => {
      const beforeText = c.req.query("before");
      if (beforeText !== undefined && !/^\d{1,15}$/.test(beforeText)) {
        throw new AppError("bad_request", "before must be a message id");
      }
      const page = await readContactConversation(
        c.var.scope,
        c.req.param("id") ?? "",
        c.req.param("contactId") ?? "",
        beforeText === undefined ? undefined : Number(beforeText),
      );
      return c.json({ items: page.items, nextBefore: page.nextBefore });
    },
  },
  {
    method: "post",
    path: "/api/employers/:id/contacts/:contactId/messages",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.contactReply);
      const { deps } = c.var;
      const sent = await sendReplyToContact(
        c.var.scope,
        c.req.param("id") ?? "",
        c.req.param("contactId") ?? "",
        {
          text: body.text,
          clientKey: body.clientKey ?? c.req.header("idempotency-key") ?? crypto.randomUUID(),
          confirmRecipientIsCompany: body.confirmRecipientIsCompany,
        },
        deps.config.pushBudgetPerMonth,
      );
      if (sent.outbox.length > 0) c.executionCtx.waitUntil(sendFresh(deps, sent.outbox));
      return c.json({ id: sent.id }, 202);
    },
  },
  {
    method: "post",
    path: "/api/employers/:id/pulse",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.pulse);
      return c.json(await c.var.scope.setEmployerPulse(c.req.param("id") ?? "", body));
    },
  },
  {
    method: "get",
    path: "/api/staff",
    role: "caseworker",
    handle: async (c) => c.json({ items: await c.var.scope.listStaff() }),
  },
  {
    method: "post",
    path: "/api/staff",
    role: "supervisor",
    handle: async (c) => {
      const body = await input(c, schemas.staff);
      return c.json(await c.var.scope.createStaff(body), 201);
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
      const items = await c.var.scope.pageAudit({ ...filter, before, limit });
      await c.var.scope.recordRead("audit.read", "audit", null, []);
      return c.json({
        items: items.map((item) => ({ ...item, at: iso(item.at) })),
        nextBefore: items.length === limit ? (items.at(-1)?.id ?? null) : null,
      });
    },
  },
];

export function apiRoutesApp() {
  const app = new Hono<StaffEnv>();
  app.use(
    "/api/*",
    bodyLimit({
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
