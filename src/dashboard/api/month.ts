// Staff API routes for the center's month: the monthly duties, the statistics (JSON and CSV) and
// the 定着率 with its fee band.
import { monthDuties } from "../duties";
import { retentionRate } from "../retention-rate";
import { statsCsv, statsFor } from "../stats";
import type { ApiRoute } from "./input";

const encoder = new TextEncoder();

export const monthRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/compliance",
    role: "caseworker",
    handle: async (c) => {
      const duties = await monthDuties(
        c.var.scope,
        c.req.query("month"),
        c.req.query("caseworkerId") || "all",
      );
      // 5,000 people are 1.7 MiB of JSON: handed over as bytes, the runtime does not re-check the
      // string (undici's toUSVString cost as much as the serialising)
      return c.body(encoder.encode(JSON.stringify(duties)), 200, {
        "content-type": "application/json",
      });
    },
  },
  {
    method: "get",
    path: "/api/stats",
    role: "caseworker",
    handle: async (c) =>
      c.json(await statsFor(c.var.scope, c.req.query("from"), c.req.query("to"))),
  },
  {
    method: "get",
    path: "/api/retention-rate",
    role: "caseworker",
    handle: async (c) => c.json(await retentionRate(c.var.scope, c.req.query("fy"))),
  },
  {
    method: "get",
    path: "/api/stats.csv",
    role: "caseworker",
    handle: (c) => {
      const from = c.req.query("from");
      const to = c.req.query("to");
      // the range is checked before the first byte, so a bad one is a 400, not a broken file
      const body = statsCsv(c.var.scope, from, to);
      return Promise.resolve(
        c.body(body, 200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="tsunagi-stats-${from ?? "recent"}.csv"`,
        }),
      );
    },
  },
];
