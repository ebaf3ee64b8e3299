// GET /healthz: 200 while the database answers, 503 when it does not.
import { describe, expect, it } from "vitest";
import { createTestApp } from "./support/app";

describe("GET /healthz", () => {
  it("answers 200 {ok:true} when the database answers", async () => {
    const t = await createTestApp();
    try {
      const response = await t.request("/healthz");
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    } finally {
      await t.close();
    }
  });

  it("answers 503 when the database is gone", async () => {
    const t = await createTestApp();
    try {
      t.db.store.close();
      const response = await t.request("/healthz");
      expect(response.status).toBe(503);
    } finally {
      await t.close();
    }
  });

  it("sends security headers with a Content-Security-Policy", async () => {
    const t = await createTestApp();
    try {
      const response = await t.request("/healthz");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    } finally {
      await t.close();
    }
  });

  it("answers 404 as JSON for an unknown path", async () => {
    const t = await createTestApp();
    try {
      const response = await t.request("/nope");
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
    } finally {
      await t.close();
    }
  });
});
