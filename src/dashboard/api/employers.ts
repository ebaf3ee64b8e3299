// Staff API routes for employers and their contacts: create, read, link codes, unlink, pulse.
import {
  createEmployer,
  createEmployerContact,
  getEmployer,
  listEmployers,
  reissueContactCode,
  setEmployerPulse,
  unlinkContact,
} from "../employers";
import { input, schemas, type ApiRoute } from "./input";

export const employerRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/employers",
    role: "caseworker",
    handle: async (c) => c.json({ items: await listEmployers(c.var.scope) }),
  },
  {
    method: "post",
    path: "/api/employers",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.employer);
      return c.json(await createEmployer(c.var.scope, body.name), 201);
    },
  },
  {
    method: "post",
    path: "/api/employers/:id/contacts",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.contact);
      return c.json(
        await createEmployerContact(c.var.scope, c.req.param("id") ?? "", body.displayName),
        201,
      );
    },
  },
  {
    method: "get",
    path: "/api/employers/:id",
    role: "caseworker",
    handle: async (c) => c.json(await getEmployer(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "post",
    path: "/api/employers/:id/contacts/:contactId/link-code",
    role: "caseworker",
    handle: async (c) =>
      c.json(
        await reissueContactCode(
          c.var.scope,
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
        await unlinkContact(c.var.scope, c.req.param("id") ?? "", c.req.param("contactId") ?? ""),
      ),
  },
  {
    method: "post",
    path: "/api/employers/:id/pulse",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, schemas.pulse);
      return c.json(await setEmployerPulse(c.var.scope, c.req.param("id") ?? "", body));
    },
  },
];
