// Emulator mode's demo supervisor: made once for an empty database, with a password shown once.
import { describe, expect, it } from "vitest";
import { ensureDemoSupervisor } from "../../src/staff/accounts";
import { createTestApp } from "../support/app";

describe("the demo supervisor", () => {
  it("is created for an empty database, can log in, and is never created twice", async () => {
    const t = await createTestApp();
    try {
      const demo = await ensureDemoSupervisor(t.db.store, Date.now());
      expect(demo?.email).toBe("demo@tsunagi.local");
      expect(demo?.password.length).toBeGreaterThanOrEqual(16);
      const login = await t.request("/api/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: demo?.email, password: demo?.password }),
      });
      expect(login.status).toBe(200);
      expect(await ensureDemoSupervisor(t.db.store, Date.now())).toBeNull();
    } finally {
      await t.close();
    }
  });
});
