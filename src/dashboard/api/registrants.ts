// Staff API routes for registrants: create, read, link code, profile, schedule, pause, check-in now, end, export, erase.
import { AppError } from "../../core/errors";
import { minuteOfTime } from "../../time/calendar";
import { profileSchema, updateProfile } from "../profile";
import {
  endSupport,
  endSupportSchema,
  eraseRegistrant,
  erasureSchema,
  exportRegistrant,
  reopenSupport,
} from "../person-data";
import { endEmployment, linkEmployment } from "../employers";
import {
  changeSchedule,
  createRegistrant,
  getRegistrant,
  listRegistrants,
  pauseCheckins,
  reissueLinkCode,
  resumeCheckins,
  sendCheckin,
} from "../registrants";
import { input, schemas, type ApiRoute } from "./input";

export const registrantRoutes: ApiRoute[] = [
  {
    method: "post",
    path: "/api/registrants",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.registrant);
      return c.json(await createRegistrant(c.var.scope, body.displayName), 201);
    },
  },
  {
    method: "get",
    path: "/api/registrants",
    role: "caseworker",
    handle: async (c) => {
      const query = (c.req.query("q") ?? "").trim();
      if (query.length > 60) throw new AppError("bad_request", "q must be at most 60 characters");
      return c.json({ items: await listRegistrants(c.var.scope, query) });
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/link-code",
    role: "caseworker",
    handle: async (c) => c.json(await reissueLinkCode(c.var.scope, c.req.param("id") ?? ""), 201),
  },
  {
    method: "get",
    path: "/api/registrants/:id",
    role: "caseworker",
    handle: async (c) => c.json(await getRegistrant(c.var.scope, c.req.param("id") ?? "")),
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
      return c.json(await linkEmployment(c.var.scope, c.req.param("id") ?? "", body.employerId));
    },
  },
  {
    method: "post",
    path: "/api/registrants/:id/employers/:employerId/end",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.employmentEnd);
      return c.json(
        await endEmployment(
          c.var.scope,
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
    handle: async (c) => c.json(await sendCheckin(c.var.scope, c.req.param("id") ?? ""), 201),
  },
  {
    method: "post",
    path: "/api/registrants/:id/schedule",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.schedule);
      return c.json(
        await changeSchedule(
          c.var.scope,
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
    handle: async (c) => c.json(await pauseCheckins(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/registrants/:id/resume",
    role: "caseworker",
    handle: async (c) => c.json(await resumeCheckins(c.var.scope, c.req.param("id") ?? "")),
  },
];
