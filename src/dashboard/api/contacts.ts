// Staff API routes for contacts and visits (支援記録): record one, a month of them, change one.
import { contactSchema, editContact, listContacts, recordContact } from "../contacts";
import { input, type ApiRoute } from "./input";

export const contactRoutes: ApiRoute[] = [
  {
    method: "post",
    path: "/api/registrants/:id/contacts",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, contactSchema);
      return c.json(await recordContact(c.var.scope, c.req.param("id") ?? "", body), 201);
    },
  },
  {
    method: "get",
    path: "/api/registrants/:id/contacts",
    role: "caseworker",
    handle: async (c) =>
      c.json(await listContacts(c.var.scope, c.req.param("id") ?? "", c.req.query("month"))),
  },
  {
    method: "patch",
    path: "/api/registrants/:id/contacts/:contactId",
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, contactSchema);
      const id = c.req.param("id") ?? "";
      return c.json(await editContact(c.var.scope, id, c.req.param("contactId") ?? "", body));
    },
  },
];
