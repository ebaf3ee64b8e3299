// The audit trail records a staff member's own account events: logins, failed logins against
// their account, logouts, password changes and failed ones.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { auditLog } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import {
  anonymous,
  loginAs,
  mintCenter,
  mintStaff,
  testPassword,
  type TestStaff,
} from "../support/staff";

let t: TestApp;
let member: TestStaff;

beforeEach(async () => {
  t = await createTestApp();
  member = await mintStaff(t.db.store, (await mintCenter(t.db.store)).id, "caseworker");
});

afterEach(async () => {
  await t.close();
});

async function actions() {
  const rows = await t.db.store.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.actorStaffId, member.id))
    .orderBy(auditLog.id);
  return rows.map((row) => row.action);
}

it("records a failed login, a login, a failed and a done password change, and a logout", async () => {
  const wrong = await anonymous(t).call("POST", "/api/login", {
    email: member.email,
    password: "not the password",
  });
  expect(wrong.status).toBe(401);
  const session = await loginAs(t, member);
  const change = (currentPassword: string) =>
    session.call("POST", "/api/me/password", {
      currentPassword,
      newPassword: "another long password",
    });
  expect((await change("not it")).status).toBe(403);
  expect((await change(testPassword)).status).toBe(200);
  expect((await session.call("POST", "/api/logout")).status).toBe(200);
  expect(await actions()).toEqual([
    "auth.login_failed",
    "auth.login",
    "auth.password_failed",
    "auth.password_change",
    "auth.logout",
  ]);
  // an email with no account belongs to no center: nothing to write
  const before = (await t.db.store.db.select().from(auditLog)).length;
  await anonymous(t).call("POST", "/api/login", { email: "nobody@example.jp", password: "x" });
  expect((await t.db.store.db.select().from(auditLog)).length).toBe(before);
});
