// The staff JSON API: login, sessions, throttling, inputs, registrants, escalations, audit.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failureWindowMs } from "../../src/dashboard/auth";
import { sessionIdleMs, sessionLifetimeMs } from "../../src/staff/sessions";
import { hashLinkCode } from "../../src/link/codes";
import { auditLog, linkCodes, registrants, sessions } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import {
  anonymous,
  loginAs,
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  testPassword,
  type TestStaff,
} from "../support/staff";

let t: TestApp;
let clock: TestClock;
let centerId: string;
let caseworker: TestStaff;
let supervisor: TestStaff;

beforeEach(async () => {
  clock = createTestClock();
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store)).id;
  caseworker = await mintStaff(t.db.store, centerId, "caseworker");
  supervisor = await mintStaff(t.db.store, centerId, "supervisor");
});

afterEach(async () => {
  await t.close();
});

async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

function tryLogin(email: string, password: string) {
  return anonymous(t).call("POST", "/api/login", { email, password });
}

describe("login", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie and answers who logged in", async () => {
    const response = await tryLogin(caseworker.email, testPassword);
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^tsunagi_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(await json(response)).toMatchObject({ id: caseworker.id, role: "caseworker" });
  });

  it("marks the cookie Secure when served over https", async () => {
    const response = await t.request("https://tsunagi.example.jp/api/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: caseworker.email, password: testPassword }),
    });
    expect(response.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("accepts the email in any case and with spaces around it", async () => {
    expect((await tryLogin(`  ${caseworker.email.toUpperCase()} `, testPassword)).status).toBe(200);
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    const wrong = await tryLogin(caseworker.email, "not the password");
    const unknown = await tryLogin("nobody@example.jp", testPassword);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toBe(await unknown.text());
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("stores only a hash of the session token", async () => {
    const response = await tryLogin(caseworker.email, testPassword);
    const token = (response.headers.get("set-cookie") ?? "").split(";")[0]?.split("=")[1] ?? "";
    const rows = await t.db.store.db.select().from(sessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toContain(token);
  });

  it("answers 429 after 10 failures within 15 minutes, even to the right password", async () => {
    for (let i = 0; i < 10; i++) {
      expect((await tryLogin(caseworker.email, `wrong ${i}`)).status).toBe(401);
    }
    const locked = await tryLogin(caseworker.email, testPassword);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("set-cookie")).toBeNull();
    // other accounts are not affected
    expect((await tryLogin(supervisor.email, testPassword)).status).toBe(200);
    clock.advance(failureWindowMs + 1);
    expect((await tryLogin(caseworker.email, testPassword)).status).toBe(200);
  });

  it("throttles an unknown email the same way, so 429 says nothing about who exists", async () => {
    for (let i = 0; i < 10; i++) await tryLogin("ghost@example.jp", "x");
    const known = [];
    for (let i = 0; i < 10; i++) known.push(await tryLogin(caseworker.email, "x"));
    const ghost = await tryLogin("ghost@example.jp", "x");
    const real = await tryLogin(caseworker.email, "x");
    expect([ghost.status, real.status]).toEqual([429, 429]);
    expect(await ghost.text()).toBe(await real.text());
  });

  it.each([
    ["malformed JSON", "{email:", 400],
    ["an empty body", "", 400],
    ["a missing password", JSON.stringify({ email: "a@example.jp" }), 400],
    [
      "an oversized password",
      JSON.stringify({ email: "a@example.jp", password: "x".repeat(2000) }),
      400,
    ],
  ])("refuses %s with 400 and no cookie", async (_name, body, status) => {
    const response = await t.request("/api/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(status);
    expect(await json(response)).toHaveProperty("error.message");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a form post to the JSON API", async () => {
    const response = await t.request("/api/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=${caseworker.email}&password=${testPassword}`,
    });
    expect(response.status).toBe(400);
  });
});

describe("sessions", () => {
  it("ends after the idle timeout", async () => {
    const client = await loginAs(t, caseworker);
    clock.advance(sessionIdleMs - 60_000);
    expect((await client.call("GET", "/api/me")).status).toBe(200);
    clock.advance(sessionIdleMs);
    expect((await client.call("GET", "/api/me")).status).toBe(401);
  });

  it("ends at its absolute lifetime however active", async () => {
    const client = await loginAs(t, caseworker);
    for (let elapsed = 0; elapsed < sessionLifetimeMs; elapsed += sessionIdleMs / 2) {
      clock.advance(sessionIdleMs / 2);
      await client.call("GET", "/api/me");
    }
    expect((await client.call("GET", "/api/me")).status).toBe(401);
  });

  it("is destroyed by logout, and a replayed logout cookie is refused", async () => {
    const client = await loginAs(t, caseworker);
    const logout = await client.call("POST", "/api/logout");
    expect(logout.status).toBe(200);
    expect(logout.headers.get("set-cookie")).toMatch(/tsunagi_session=;/);
    expect((await client.call("GET", "/api/me")).status).toBe(401);
    expect((await client.call("POST", "/api/logout")).status).toBe(401);
    expect(await t.db.store.db.select().from(sessions)).toEqual([]);
  });

  it("refuses a made-up cookie", async () => {
    const client = anonymous(t);
    const response = await client.call("GET", "/api/me", undefined, {
      cookie: "tsunagi_session=forged",
    });
    expect(response.status).toBe(401);
  });

  it("changes the password, logging out every other session", async () => {
    const laptop = await loginAs(t, caseworker);
    const phone = await loginAs(t, caseworker);
    const change = await laptop.call("POST", "/api/me/password", {
      currentPassword: testPassword,
      newPassword: "a much longer new passphrase",
    });
    expect(change.status).toBe(200);
    expect((await laptop.call("GET", "/api/me")).status).toBe(200);
    expect((await phone.call("GET", "/api/me")).status).toBe(401);
    expect((await tryLogin(caseworker.email, testPassword)).status).toBe(401);
    expect((await tryLogin(caseworker.email, "a much longer new passphrase")).status).toBe(200);
  });

  it.each([
    [{ currentPassword: "wrong", newPassword: "a much longer new passphrase" }, 403],
    [{ currentPassword: testPassword, newPassword: "short" }, 400],
  ])("refuses a password change %j", async (body, status) => {
    const client = await loginAs(t, caseworker);
    expect((await client.call("POST", "/api/me/password", body)).status).toBe(status);
    expect((await tryLogin(caseworker.email, testPassword)).status).toBe(200);
  });
});

describe("cross-site requests", () => {
  it("refuses a cross-site form post even with a valid session, and changes nothing", async () => {
    const client = await loginAs(t, caseworker);
    const response = await client.call("POST", "/api/registrants", "displayName=evil", {
      "content-type": "application/x-www-form-urlencoded",
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(response.status).toBe(403);
    expect(await t.db.store.db.select().from(registrants)).toEqual([]);
  });

  it("refuses a JSON post whose Origin is another site", async () => {
    const client = await loginAs(t, caseworker);
    const response = await client.call(
      "POST",
      "/api/registrants",
      { displayName: "x" },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
  });

  it("accepts a same-origin browser post", async () => {
    const client = await loginAs(t, caseworker);
    const response = await client.call(
      "POST",
      "/api/registrants",
      { displayName: "x" },
      {
        origin: "http://localhost",
        "sec-fetch-site": "same-origin",
      },
    );
    expect(response.status).toBe(201);
  });
});

describe("registrants", () => {
  it("creates a registrant with a one-time 8-digit link code, valid 14 days, stored hashed", async () => {
    const client = await loginAs(t, caseworker);
    const response = await client.call("POST", "/api/registrants", { displayName: "  山田 花子 " });
    expect(response.status).toBe(201);
    const body = await json<{ id: string; linkCode: string; linkCodeExpiresAt: string }>(response);
    expect(body.linkCode).toMatch(/^\d{14}$/);
    expect(Date.parse(body.linkCodeExpiresAt) - clock()).toBe(14 * 86_400_000);
    const [code] = await t.db.store.db.select().from(linkCodes);
    expect(code?.codeHash).toBe(await hashLinkCode(body.linkCode));
    expect(JSON.stringify(code)).not.toContain(body.linkCode);

    const detail = await json(await client.call("GET", `/api/registrants/${body.id}`));
    expect(detail).toMatchObject({
      id: body.id,
      displayName: "山田 花子",
      linked: false,
      consented: false,
      latestCheckin: null,
    });
    const list = await json<{ items: { id: string }[] }>(
      await client.call("GET", "/api/registrants"),
    );
    expect(list.items.map((item) => item.id)).toEqual([body.id]);
  });

  it.each([
    [{ displayName: "" }],
    [{ displayName: "   " }],
    [{ displayName: "あ".repeat(61) }],
    [{ displayName: 42 }],
    [{}],
  ])("refuses %j with 400 and creates nothing", async (body) => {
    const client = await loginAs(t, caseworker);
    const response = await client.call("POST", "/api/registrants", body);
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ error: { code: "bad_request" } });
    expect(await t.db.store.db.select().from(registrants)).toEqual([]);
  });

  it("answers 413 to a body over 64 KiB", async () => {
    const client = await loginAs(t, caseworker);
    const response = await client.call("POST", "/api/registrants", {
      displayName: "x".repeat(70_000),
    });
    expect(response.status).toBe(413);
  });

  it("answers 404 for an unknown id", async () => {
    const client = await loginAs(t, caseworker);
    expect((await client.call("GET", "/api/registrants/nope")).status).toBe(404);
  });

  it("links an employment once, and refuses an employer of another center", async () => {
    const client = await loginAs(t, caseworker);
    const { id: registrantId } = await mintRegistrant(t.db.store, centerId);
    const employer = await json<{ id: string }>(
      await client.call("POST", "/api/employers", { name: "株式会社つなぎ" }),
    );
    const contact = await client.call("POST", `/api/employers/${employer.id}/contacts`, {
      displayName: "佐藤",
    });
    expect(contact.status).toBe(201);
    expect((await json<{ linkCode: string }>(contact)).linkCode).toMatch(/^\d{14}$/);

    const first = await client.call("POST", `/api/registrants/${registrantId}/employers`, {
      employerId: employer.id,
    });
    expect(await json(first)).toMatchObject({ created: true });
    const again = await client.call("POST", `/api/registrants/${registrantId}/employers`, {
      employerId: employer.id,
    });
    expect(await json(again)).toMatchObject({ created: false });
    const detail = await json<{ employers: { id: string }[] }>(
      await client.call("GET", `/api/registrants/${registrantId}`),
    );
    expect(detail.employers.map((e) => e.id)).toEqual([employer.id]);

    const elsewhere = await mintCenter(t.db.store, "よそ");
    const outsider = await loginAs(t, await mintStaff(t.db.store, elsewhere.id, "supervisor"));
    const foreign = await json<{ id: string }>(
      await outsider.call("POST", "/api/employers", { name: "よその会社" }),
    );
    const refused = await client.call("POST", `/api/registrants/${registrantId}/employers`, {
      employerId: foreign.id,
    });
    expect(refused.status).toBe(400);
  });
});

describe("staff", () => {
  it("lets a supervisor add a caseworker with a random password that works once shown", async () => {
    const boss = await loginAs(t, supervisor);
    const response = await boss.call("POST", "/api/staff", {
      email: "New.Worker@Example.jp",
      displayName: "新人 さん",
      role: "caseworker",
    });
    expect(response.status).toBe(201);
    const { password } = await json<{ password: string }>(response);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect((await tryLogin("new.worker@example.jp", password)).status).toBe(200);
  });

  it.each([
    [{ email: "x@example.jp", displayName: "x", role: "admin" }, 400],
    [{ email: "not-email", displayName: "x", role: "caseworker" }, 400],
    [{ email: "x@example.jp", displayName: "", role: "caseworker" }, 400],
  ])("refuses %j", async (body, status) => {
    const boss = await loginAs(t, supervisor);
    expect((await boss.call("POST", "/api/staff", body)).status).toBe(status);
  });

  it("answers 409 to an email that already has an account, in the same words whichever center holds it", async () => {
    const boss = await loginAs(t, supervisor);
    const ours = await boss.call("POST", "/api/staff", {
      email: caseworker.email,
      displayName: "二人目",
      role: "caseworker",
    });
    const elsewhere = await mintStaff(
      t.db.store,
      (await mintCenter(t.db.store, "よそ")).id,
      "caseworker",
    );
    const theirs = await boss.call("POST", "/api/staff", {
      email: elsewhere.email,
      displayName: "三人目",
      role: "caseworker",
    });
    expect(ours.status).toBe(409);
    expect(theirs.status).toBe(409);
    const body = await ours.text();
    expect(JSON.parse(body)).toMatchObject({ error: { reason: "email_taken" } });
    expect(await theirs.text()).toBe(body);
    expect(body).not.toMatch(/center|already/i);
  });
});

describe("escalations", () => {
  async function queueOf(client: Awaited<ReturnType<typeof loginAs>>, query = "") {
    const response = await client.call("GET", `/api/escalations${query}`);
    expect(response.status).toBe(200);
    return (await json<{ items: Record<string, unknown>[] }>(response)).items;
  }

  it("lists the most urgent first, then the earliest deadline", async () => {
    const store = t.db.store;
    const r = await mintRegistrant(store, centerId);
    const base = clock();
    const low = await mintEscalation(store, {
      centerId,
      registrantId: r.id,
      severity: "low",
      category: "money",
      ackDueAt: base + 1,
    });
    const urgentLate = await mintEscalation(store, {
      centerId,
      registrantId: r.id,
      severity: "urgent",
      category: "crisis",
      ackDueAt: base + 50,
    });
    const urgentEarly = await mintEscalation(store, {
      centerId,
      registrantId: r.id,
      severity: "urgent",
      category: "abuse",
      ackDueAt: base + 10,
    });
    const high = await mintEscalation(store, {
      centerId,
      registrantId: r.id,
      severity: "high",
      category: "absence",
      ackDueAt: base,
    });
    const items = await queueOf(await loginAs(t, caseworker));
    expect(items.map((item) => item.id)).toEqual([urgentEarly.id, urgentLate.id, high.id, low.id]);
    expect(Object.keys(items[0] ?? {})).toEqual(
      expect.arrayContaining([
        "id",
        "registrantId",
        "category",
        "severity",
        "status",
        "source",
        "summary",
        "openedAt",
        "ackDueAt",
        "acknowledgedAt",
        "assignedTo",
        "resolvedAt",
      ]),
    );
    expect(items[0]?.openedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("puts a new crisis above an acknowledged urgent item, and resolved items below open ones", async () => {
    const store = t.db.store;
    const r = await mintRegistrant(store, centerId);
    const base = clock();
    const seen = await mintEscalation(store, {
      centerId,
      registrantId: r.id,
      severity: "urgent",
      category: "abuse",
      ackDueAt: base,
    });
    const client = await loginAs(t, caseworker);
    expect((await client.call("POST", `/api/escalations/${seen.id}/acknowledge`)).status).toBe(200);
    const fresh = await mintEscalation(store, {
      centerId,
      registrantId: r.id,
      severity: "urgent",
      category: "crisis",
      ackDueAt: base + 60_000,
    });
    const done = await mintEscalation(store, {
      centerId,
      registrantId: r.id,
      severity: "urgent",
      category: "unreachable",
      ackDueAt: base - 60_000,
    });
    const resolved = await client.call("POST", `/api/escalations/${done.id}/resolve`, {
      note: "電話で話せた",
    });
    expect(resolved.status).toBe(200);
    const low = await mintEscalation(store, {
      centerId,
      registrantId: r.id,
      severity: "low",
      category: "money",
    });
    expect((await queueOf(client)).map((item) => item.id)).toEqual([fresh.id, seen.id, low.id]);
    expect((await queueOf(client, "?status=all")).map((item) => item.id)).toEqual([
      fresh.id,
      seen.id,
      low.id,
      done.id,
    ]);
  });

  it("moves open → acknowledged → resolved, with a timeline and the evidence", async () => {
    const store = t.db.store;
    const r = await mintRegistrant(store, centerId);
    const x = await mintEscalation(store, {
      centerId,
      registrantId: r.id,
      evidence: { quote: "ねむれない 日が つづく", question: "睡眠" },
    });
    const client = await loginAs(t, caseworker);
    clock.advance(60_000);
    const acked = await json(await client.call("POST", `/api/escalations/${x.id}/acknowledge`));
    expect(acked).toMatchObject({
      status: "acknowledged",
      acknowledgedAt: new Date(clock()).toISOString(),
    });
    expect((await queueOf(client, "?status=open")).map((i) => i.id)).toEqual([]);
    expect((await queueOf(client, "?status=acknowledged")).map((i) => i.id)).toEqual([x.id]);

    expect(
      (await client.call("POST", `/api/escalations/${x.id}/assign`, { staffId: supervisor.id }))
        .status,
    ).toBe(200);
    expect(
      (await client.call("POST", `/api/escalations/${x.id}/notes`, { text: "本人に電話" })).status,
    ).toBe(200);
    const resolved = await json(
      await client.call("POST", `/api/escalations/${x.id}/resolve`, { note: "面談した" }),
    );
    expect(resolved).toMatchObject({ status: "resolved", assignedTo: supervisor.id });
    expect((await queueOf(client)).map((i) => i.id)).toEqual([]);
    expect((await queueOf(client, "?status=resolved")).map((i) => i.id)).toEqual([x.id]);

    const detail = await json<{
      evidence: unknown[];
      timeline: { kind: string; detail: unknown }[];
    }>(await client.call("GET", `/api/escalations/${x.id}`));
    expect(detail.evidence).toEqual([expect.objectContaining({ quote: "ねむれない 日が つづく" })]);
    expect(detail.timeline.map((e) => e.kind)).toEqual([
      "opened",
      "signal",
      "acknowledged",
      "assigned",
      "note",
      "resolved",
    ]);
  });

  it("refuses to change a resolved escalation with 409", async () => {
    const r = await mintRegistrant(t.db.store, centerId);
    const x = await mintEscalation(t.db.store, { centerId, registrantId: r.id });
    const client = await loginAs(t, caseworker);
    await client.call("POST", `/api/escalations/${x.id}/resolve`, { note: "済" });
    expect(
      (await client.call("POST", `/api/escalations/${x.id}/resolve`, { note: "again" })).status,
    ).toBe(409);
    const acknowledged = await client.call("POST", `/api/escalations/${x.id}/acknowledge`);
    expect(acknowledged.status).toBe(409);
    // a program can tell this refusal from another conflict without reading the message
    expect(await acknowledged.json()).toEqual({
      error: {
        code: "conflict",
        message: "The escalation is already resolved",
        reason: "already_resolved",
      },
    });
    expect(
      (await client.call("POST", `/api/escalations/${x.id}/assign`, { staffId: caseworker.id }))
        .status,
    ).toBe(409);
  });

  it("acknowledging twice keeps the first time", async () => {
    const r = await mintRegistrant(t.db.store, centerId);
    const x = await mintEscalation(t.db.store, { centerId, registrantId: r.id });
    const client = await loginAs(t, caseworker);
    const first = await json(await client.call("POST", `/api/escalations/${x.id}/acknowledge`));
    clock.advance(1000);
    const second = await json(await client.call("POST", `/api/escalations/${x.id}/acknowledge`));
    expect(second.acknowledgedAt).toBe(first.acknowledgedAt);
  });

  it.each([["?status=closed"], ["?category=gossip"], ["?limit=0"], ["?limit=abc"]])(
    "refuses the filter %s with 400",
    async (query) => {
      const client = await loginAs(t, caseworker);
      expect((await client.call("GET", `/api/escalations${query}`)).status).toBe(400);
    },
  );

  it("filters by category and by assignee", async () => {
    const r = await mintRegistrant(t.db.store, centerId);
    const money = await mintEscalation(t.db.store, {
      centerId,
      registrantId: r.id,
      category: "money",
    });
    const sns = await mintEscalation(t.db.store, { centerId, registrantId: r.id, category: "sns" });
    const client = await loginAs(t, caseworker);
    await client.call("POST", `/api/escalations/${sns.id}/assign`, { staffId: caseworker.id });
    expect((await queueOf(client, "?category=money")).map((i) => i.id)).toEqual([money.id]);
    expect((await queueOf(client, "?assignee=me")).map((i) => i.id)).toEqual([sns.id]);
  });

  it.each([
    [
      "an assignee of another center",
      "assign",
      async () => ({
        staffId: (await mintStaff(t.db.store, (await mintCenter(t.db.store)).id, "caseworker")).id,
      }),
      400,
    ],
    ["an empty note", "notes", () => Promise.resolve({ text: "" }), 400],
    [
      "a note over 2000 characters",
      "notes",
      () => Promise.resolve({ text: "あ".repeat(2001) }),
      400,
    ],
    ["a resolve without a note", "resolve", () => Promise.resolve({}), 400],
  ])("refuses %s", async (_name, action, body, status) => {
    const r = await mintRegistrant(t.db.store, centerId);
    const x = await mintEscalation(t.db.store, { centerId, registrantId: r.id });
    const client = await loginAs(t, caseworker);
    expect(
      (await client.call("POST", `/api/escalations/${x.id}/${action}`, await body())).status,
    ).toBe(status);
  });
});

describe("audit", () => {
  it("records every read of a registrant or an escalation and every change, with actor and time", async () => {
    const r = await mintRegistrant(t.db.store, centerId);
    const x = await mintEscalation(t.db.store, { centerId, registrantId: r.id });
    const client = await loginAs(t, caseworker);
    await client.call("GET", `/api/registrants/${r.id}`);
    await client.call("GET", `/api/escalations/${x.id}`);
    await client.call("POST", `/api/escalations/${x.id}/acknowledge`);
    const rows = await t.db.store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorStaffId, caseworker.id));
    expect(rows.map((row) => [row.action, row.subjectId])).toEqual([
      ["auth.login", caseworker.id],
      ["registrant.read", r.id],
      ["escalation.read", x.id],
      ["escalation.acknowledge", x.id],
    ]);
    expect(rows.every((row) => row.at === clock() && row.centerId === centerId)).toBe(true);
  });

  it("lets a supervisor page through it, newest first", async () => {
    const r = await mintRegistrant(t.db.store, centerId);
    const client = await loginAs(t, caseworker);
    for (let i = 0; i < 5; i++) await client.call("GET", `/api/registrants/${r.id}`);
    const boss = await loginAs(t, supervisor);
    const first = await json<{
      items: { id: number; action: string; actorName: string }[];
      nextBefore: number | null;
    }>(await boss.call("GET", "/api/audit?limit=3"));
    expect(first.items).toHaveLength(3);
    expect(first.items[0]?.actorName).toMatch(/^職員/);
    const second = await json<{ items: { id: number }[]; nextBefore: number | null }>(
      await boss.call("GET", `/api/audit?limit=3&before=${first.nextBefore ?? 0}`),
    );
    // five reads and two logins: 3 + 3 + 1
    expect(second.items).toHaveLength(3);
    expect(Math.max(...second.items.map((i) => i.id))).toBeLessThan(
      Math.min(...first.items.map((i) => i.id)),
    );
    const third = await json<{ items: { id: number }[]; nextBefore: number | null }>(
      await boss.call("GET", `/api/audit?limit=3&before=${second.nextBefore ?? 0}`),
    );
    expect(third.items).toHaveLength(1);
    expect(third.nextBefore).toBeNull();
  });

  it("refuses a bad page request", async () => {
    const boss = await loginAs(t, supervisor);
    expect((await boss.call("GET", "/api/audit?limit=9999")).status).toBe(400);
    expect((await boss.call("GET", "/api/audit?before=x")).status).toBe(400);
  });
});
