// Staff API routes for the monthly support report (支援レポート): read (drafted when none is
// stored), edit a draft, finalise, make a new version, share with the person and the employer.
import { sendFresh } from "../../outbox/delivery";
import {
  editReport,
  finalizeReport,
  getReport,
  listReports,
  reportEditSchema,
  reportShareSchema,
  reviseReport,
  shareReport,
} from "../reports";
import { input, type ApiRoute } from "./input";

const path = "/api/registrants/:id/reports/:month";

export const reportRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/registrants/:id/reports",
    role: "caseworker",
    handle: async (c) => c.json(await listReports(c.var.scope, c.req.param("id") ?? "")),
  },
  {
    method: "get",
    path,
    role: "caseworker",
    handle: async (c) =>
      c.json(
        await getReport(
          c.var.scope,
          c.req.param("id") ?? "",
          c.req.param("month") ?? "",
          c.req.query("version"),
        ),
      ),
  },
  {
    method: "put",
    path,
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, reportEditSchema);
      const id = c.req.param("id") ?? "";
      return c.json(await editReport(c.var.scope, id, c.req.param("month") ?? "", body));
    },
  },
  {
    method: "post",
    path: `${path}/finalize`,
    role: "caseworker",
    handle: async (c) =>
      c.json(
        await finalizeReport(c.var.scope, c.req.param("id") ?? "", c.req.param("month") ?? ""),
      ),
  },
  {
    method: "post",
    path: `${path}/versions`,
    role: "caseworker",
    handle: async (c) =>
      c.json(
        await reviseReport(c.var.scope, c.req.param("id") ?? "", c.req.param("month") ?? ""),
        201,
      ),
  },
  {
    method: "post",
    path: `${path}/share`,
    role: "caseworker",
    handle: async (c) => {
      const body = await input(c, reportShareSchema);
      const { deps } = c.var;
      const sent = await shareReport(
        c.var.scope,
        c.req.param("id") ?? "",
        c.req.param("month") ?? "",
        body,
        deps.config.pushBudgetPerMonth,
      );
      if (sent.outbox.length > 0) c.executionCtx.waitUntil(sendFresh(deps, sent.outbox));
      return c.json({ shared: sent.shared });
    },
  },
];
