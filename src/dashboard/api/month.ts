// Staff API routes for the center's month: the monthly duties (GET /api/compliance).
import { monthDuties } from "../duties";
import type { ApiRoute } from "./input";

export const monthRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/compliance",
    role: "caseworker",
    handle: async (c) => c.json(await monthDuties(c.var.scope, c.req.query("month"))),
  },
];
