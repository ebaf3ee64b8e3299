// Password throttles that hold: counted before the hash check (so a race cannot slip past), per
// email, per client address and for everyone, with the password change under the same limits.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attemptLimits } from "../../src/dashboard/auth";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import { loginAs, mintCenter, mintStaff, testPassword, type TestStaff } from "../support/staff";

let t: TestApp;
let member: TestStaff;
const clock = createTestClock(Date.parse("2026-11-25T10:00:00+09:00"));

beforeEach(async () => {
  clock.set(Date.parse("2026-11-25T10:00:00+09:00"));
  t = await createTestApp({ clock });
  member = await mintStaff(t.db.store, (await mintCenter(t.db.store)).id, "caseworker");
});

afterEach(async () => {
  await t.close();
});

const attempt = (email: string, password: string, client = "203.0.113.9") =>
  t.request("/api/login", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": client },
    body: JSON.stringify({ email, password }),
  });

describe("logging in", () => {
  it("lets at most the limit of 60 concurrent wrong attempts reach a password check", async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => attempt(member.email, "wrong password!")),
    );
    const statuses = answers.map((answer) => answer.status);
    // every 401 is a hash check; the rest were refused before one
    expect(statuses.filter((status) => status === 401).length).toBe(attemptLimits.perEmail.max);
    expect(statuses.filter((status) => status === 429).length).toBe(
      60 - attemptLimits.perEmail.max,
    );
  });

  it("refuses one client trying many emails, while another client is served", async () => {
    for (let i = 0; i < attemptLimits.perClient.max; i++) {
      expect((await attempt(`nobody${i}@example.jp`, "guess", "198.51.100.7")).status).toBe(401);
    }
    expect((await attempt("nobody-more@example.jp", "guess", "198.51.100.7")).status).toBe(429);
    expect((await attempt(member.email, testPassword, "192.0.2.44")).status).toBe(200);
  });

  it("keeps the right person out for at most the short window after someone else's failures", async () => {
    for (let i = 0; i < attemptLimits.perEmail.max; i++) {
      await attempt(member.email, "wrong", `198.51.100.${i}`);
    }
    expect((await attempt(member.email, testPassword, "192.0.2.1")).status).toBe(429);
    clock.advance(attemptLimits.perEmail.windowMs + 1_000);
    expect((await attempt(member.email, testPassword, "192.0.2.1")).status).toBe(200);
  });

  it("holds a ceiling on password checks per minute for everyone together", async () => {
    let refused = 0;
    for (let i = 0; i < attemptLimits.perMinute + 5; i++) {
      const status = (await attempt(`x${i}@example.jp`, "guess", `10.0.${Math.floor(i / 20)}.${i}`))
        .status;
      if (status === 429) refused++;
    }
    expect(refused).toBe(5);
    clock.advance(61_000);
    expect((await attempt(member.email, testPassword, "192.0.2.2")).status).toBe(200);
  });
});

describe("changing the password", () => {
  it("counts a wrong current password toward the same limit", async () => {
    const session = await loginAs(t, member);
    const change = (currentPassword: string) =>
      session.call("POST", "/api/me/password", {
        currentPassword,
        newPassword: "a brand new password",
      });
    for (let i = 0; i < attemptLimits.perEmail.max; i++) {
      expect((await change("not my password")).status).toBe(403);
    }
    expect((await change(testPassword)).status).toBe(429);
  });
});
