// A supervisor's care of staff accounts over the API: deactivate (sessions end at once, no more
// alerts, history kept), reactivate, reset a password, change a role; the CLI's reset for a
// locked-out supervisor.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkedStaff } from "../../src/store/staff-alert-ledger";
import { auditLog, lineAccounts, staff } from "../../src/store/schema";
import { resetPasswordByEmail } from "../../src/staff/accounts";
import { createTestApp, type TestApp } from "../support/app";
import {
  anonymous,
  loginAs,
  mintCenter,
  mintStaff,
  testPassword,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

let t: TestApp;
let centerId: string;
let boss: TestStaff;
let worker: TestStaff;
let supervisor: ApiClient;

beforeEach(async () => {
  t = await createTestApp();
  centerId = (await mintCenter(t.db.store)).id;
  boss = await mintStaff(t.db.store, centerId, "supervisor");
  worker = await mintStaff(t.db.store, centerId, "caseworker");
  supervisor = await loginAs(t, boss);
});

afterEach(async () => {
  await t.close();
});

const errorCode = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code;

describe("deactivating", () => {
  it("ends the open session at once, refuses a new login and stops the alerts", async () => {
    const session = await loginAs(t, worker);
    const lineUserId = `U${crypto.randomUUID().replaceAll("-", "")}`;
    await t.db.store.write(async (tx) => {
      await tx
        .insert(lineAccounts)
        .values({ lineUserId, role: "staff", personId: worker.id, firstSeenAt: 0, lastSeenAt: 0 });
      await tx.update(staff).set({ lineUserId }).where(eq(staff.id, worker.id));
    });
    expect((await linkedStaff(t.db.store.db, centerId)).map((s) => s.id)).toContain(worker.id);

    const response = await supervisor.call("POST", `/api/staff/${worker.id}/deactivate`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: worker.id, active: false });

    expect((await session.call("GET", "/api/me")).status).toBe(401);
    const login = await anonymous(t).call("POST", "/api/login", {
      email: worker.email,
      password: testPassword,
    });
    expect(login.status).toBe(401);
    expect((await linkedStaff(t.db.store.db, centerId)).map((s) => s.id)).not.toContain(worker.id);
    // kept, and listed as inactive
    const list = (await (await supervisor.call("GET", "/api/staff")).json()) as {
      items: { id: string; active: boolean }[];
    };
    expect(list.items.find((item) => item.id === worker.id)?.active).toBe(false);
  });

  it("lets them log in again once reactivated", async () => {
    await supervisor.call("POST", `/api/staff/${worker.id}/deactivate`);
    expect((await supervisor.call("POST", `/api/staff/${worker.id}/reactivate`)).status).toBe(200);
    expect((await loginAs(t, worker)).cookie).toBeTruthy();
  });

  it("refuses to deactivate oneself or the last active supervisor", async () => {
    const self = await supervisor.call("POST", `/api/staff/${boss.id}/deactivate`);
    expect(self.status).toBe(409);
    expect(await self.json()).toMatchObject({ error: { reason: "own_account" } });
    const second = await mintStaff(t.db.store, centerId, "supervisor");
    const other = await loginAs(t, second);
    expect((await other.call("POST", `/api/staff/${boss.id}/deactivate`)).status).toBe(200);
    // second is now the only active supervisor: demoting them is refused too
    const promoted = await loginAs(t, second);
    const demoted = await promoted.call("POST", `/api/staff/${second.id}/role`, {
      role: "caseworker",
    });
    expect(demoted.status).toBe(409);
    expect(await demoted.json()).toMatchObject({ error: { reason: "last_supervisor" } });
  });

  it("answers 404 for another center's staff member", async () => {
    const elsewhere = await mintStaff(
      t.db.store,
      (await mintCenter(t.db.store, "よそ")).id,
      "caseworker",
    );
    expect((await supervisor.call("POST", `/api/staff/${elsewhere.id}/deactivate`)).status).toBe(
      404,
    );
    expect(
      await errorCode(await supervisor.call("POST", `/api/staff/${elsewhere.id}/reset-password`)),
    ).toBe("not_found");
  });
});

describe("resetting a password", () => {
  it("gives a new password once, which works, ends their sessions and is audited", async () => {
    const session = await loginAs(t, worker);
    const response = await supervisor.call("POST", `/api/staff/${worker.id}/reset-password`);
    expect(response.status).toBe(200);
    const { password } = (await response.json()) as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect((await session.call("GET", "/api/me")).status).toBe(401);
    const login = await anonymous(t).call("POST", "/api/login", { email: worker.email, password });
    expect(login.status).toBe(200);
    const old = await anonymous(t).call("POST", "/api/login", {
      email: worker.email,
      password: testPassword,
    });
    expect(old.status).toBe(401);
    const actions = (await t.db.store.db.select().from(auditLog)).map((row) => row.action);
    expect(actions).toContain("staff.reset_password");
  });

  it("works from the CLI for a locked-out supervisor, reactivating the account", async () => {
    await t.db.store.write((tx) =>
      tx.update(staff).set({ deactivatedAt: 1 }).where(eq(staff.id, boss.id)),
    );
    const reset = await resetPasswordByEmail(t.db.store, ` ${boss.email.toUpperCase()} `);
    expect(reset.staffId).toBe(boss.id);
    const login = await anonymous(t).call("POST", "/api/login", {
      email: boss.email,
      password: reset.password,
    });
    expect(login.status).toBe(200);
    await expect(resetPasswordByEmail(t.db.store, "nobody@example.jp")).rejects.toThrow(
      /nobody@example\.jp/,
    );
  });
});

describe("changing a role", () => {
  it("makes a caseworker a supervisor, whose next request may use supervisor routes", async () => {
    const session = await loginAs(t, worker);
    expect((await session.call("GET", "/api/audit")).status).toBe(403);
    const response = await supervisor.call("POST", `/api/staff/${worker.id}/role`, {
      role: "supervisor",
    });
    expect(response.status).toBe(200);
    expect((await session.call("GET", "/api/audit")).status).toBe(200);
  });

  it("refuses an unknown role with 400", async () => {
    const response = await supervisor.call("POST", `/api/staff/${worker.id}/role`, {
      role: "admin",
    });
    expect(response.status).toBe(400);
  });
});
