// The server-rendered dashboard in process: login, the gate, CSRF, every form, and bad input.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app";
import { dashboardPages, pageRoutes, type PageRoute } from "../../src/dashboard/pages/index";
import { safeNextPath } from "../../src/dashboard/pages/next-path";
import type { Store } from "../../src/store/db";
import { refreshNextCheckin, setConsent, setRegistrantLine } from "../../src/store/registrants";
import { insertEmployer, insertEmployerContact, insertEmployment } from "../../src/store/employers";
import {
  auditLog,
  centers,
  checkins,
  employerContacts,
  employers,
  employments,
  escalationEvents,
  escalations,
  handovers,
  lineAccounts,
  linkCodes,
  messages,
  outbox,
  registrants,
  sessions,
  staff,
} from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import {
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  testPassword,
  type TestStaff,
} from "../support/staff";
import { mintFinalReport } from "../support/reports";

const start = Date.UTC(2026, 10, 20, 3, 0, 0);
let now = start;
let t: TestApp;
let app: App;
let store: Store;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  app = createApp(t.deps, { mount: (routes) => routes.route("/", dashboardPages()) });
  store = t.db.store;
});

afterAll(async () => {
  await t.close();
});

beforeEach(() => {
  now = start;
});

/** An hour before the test clock's now, Japan time, as a datetime-local field sends it. */
function localNow(): string {
  return new Date(now - 3_600_000 + 9 * 3_600_000).toISOString().slice(0, 16);
}

const sameOrigin = { origin: "http://localhost", "sec-fetch-site": "same-origin" };
/** What browsers say when another site's page posts a form here. */
const crossSiteHeaders: Record<string, string>[] = [
  { origin: "https://evil.example" },
  { origin: "null" },
  { "sec-fetch-site": "cross-site" },
  { "sec-fetch-site": "same-site" },
];

function request(path: string, init: RequestInit = {}) {
  return app.request(path, init, {}, t.background);
}

function get(path: string, cookie?: string) {
  return request(path, { headers: cookie ? { cookie } : {} });
}

/** Posts a form as a browser on this site would (or, with `headers`, as another site would). */
function post(
  path: string,
  fields: Record<string, string>,
  cookie?: string,
  headers: Record<string, string> = sameOrigin,
) {
  return request(path, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

function cookieOf(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  return header.split(";")[0] ?? "";
}

async function logIn(who: { email: string }, password = testPassword): Promise<string> {
  const response = await post("/login", { email: who.email, password });
  expect(response.status).toBe(303);
  return cookieOf(response);
}

interface World {
  centerId: string;
  caseworker: TestStaff;
  supervisor: TestStaff;
  outsider: TestStaff;
  registrantId: string;
  escalationId: string;
  otherRegistrantId: string;
  otherEscalationId: string;
}

async function mintWorld(): Promise<World> {
  const center = await mintCenter(store, "センターA");
  const other = await mintCenter(store, "センターB");
  const caseworker = await mintStaff(store, center.id, "caseworker");
  const supervisor = await mintStaff(store, center.id, "supervisor");
  const outsider = await mintStaff(store, other.id, "supervisor");
  const registrant = await mintRegistrant(store, center.id, "山田 花子");
  const escalation = await mintEscalation(store, {
    centerId: center.id,
    registrantId: registrant.id,
    now: start - 3 * 3_600_000,
  });
  const otherRegistrant = await mintRegistrant(store, other.id, "別センターの人");
  const otherEscalation = await mintEscalation(store, {
    centerId: other.id,
    registrantId: otherRegistrant.id,
  });
  return {
    centerId: center.id,
    caseworker,
    supervisor,
    outsider,
    registrantId: registrant.id,
    escalationId: escalation.id,
    otherRegistrantId: otherRegistrant.id,
    otherEscalationId: otherEscalation.id,
  };
}

async function escalationRow(id: string) {
  const [row] = await store.db.select().from(escalations).where(eq(escalations.id, id));
  if (!row) throw new Error("escalation missing");
  return row;
}

async function eventKinds(id: string) {
  const rows = await store.db
    .select({ kind: escalationEvents.kind, detail: escalationEvents.detail })
    .from(escalationEvents)
    .where(eq(escalationEvents.escalationId, id))
    .orderBy(escalationEvents.id);
  return rows;
}

async function countOf(table: typeof registrants | typeof staff | typeof linkCodes) {
  const rows = await store.db.select({ n: count() }).from(table);
  return rows[0]?.n ?? 0;
}

async function registrantCount(centerId: string) {
  const rows = await store.db
    .select({ n: count() })
    .from(registrants)
    .where(eq(registrants.centerId, centerId));
  return rows[0]?.n ?? 0;
}

describe("login", () => {
  it("shows the login form to someone without a session", async () => {
    const response = await get("/login");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('action="/login"');
    expect(html).toContain('name="password"');
  });

  it("logs in with the right password, sets an HttpOnly cookie and goes to the queue", async () => {
    const w = await mintWorld();
    const response = await post("/login", { email: w.caseworker.email, password: testPassword });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dashboard");
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const page = await get("/dashboard", cookieOf(response));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("職員");
  });

  it("accepts the email in another case and with spaces around it", async () => {
    const w = await mintWorld();
    const response = await post("/login", {
      email: `  ${w.caseworker.email.toUpperCase()} `,
      password: testPassword,
    });
    expect(response.status).toBe(303);
  });

  it("goes on to a same-site next path after login", async () => {
    const w = await mintWorld();
    const response = await post("/login", {
      email: w.caseworker.email,
      password: testPassword,
      next: "/dashboard/registrants?x=1",
    });
    expect(response.headers.get("location")).toBe("/dashboard/registrants?x=1");
  });

  it.each([
    "https://evil.example",
    "https://evil.example/dashboard",
    "//evil.example/dashboard",
    "/\\evil.example/dashboard",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/api/me",
    "/dashboard/../api/me",
    "/dashboardx",
  ])("ignores next=%s and goes to the queue instead", async (next) => {
    const w = await mintWorld();
    const response = await post("/login", {
      email: w.caseworker.email,
      password: testPassword,
      next,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dashboard");
    expect(safeNextPath(next)).toBe("/dashboard");
  });

  it("keeps an open-redirect next out of the login form too", async () => {
    const html = await (await get("/login?next=https%3A%2F%2Fevil.example")).text();
    expect(html).not.toContain("evil.example");
    expect(html).toContain('name="next" value="/dashboard"');
  });

  it("answers a wrong password and an unknown email alike: 401, the form, no cookie", async () => {
    const w = await mintWorld();
    for (const email of [w.caseworker.email, "nobody@example.jp"]) {
      const response = await post("/login", { email, password: "wrong password!" });
      expect(response.status).toBe(401);
      expect(response.headers.get("set-cookie")).toBeNull();
      const html = await response.text();
      expect(html).toContain("メールアドレスかパスワードが違います");
      expect(html).toContain('action="/login"');
    }
  });

  it("refuses empty and oversized fields with 400 and creates no session", async () => {
    const w = await mintWorld();
    const before = await store.db.select({ n: count() }).from(sessions);
    const cases: Record<string, string>[] = [
      { email: "", password: testPassword },
      { email: w.caseworker.email, password: "" },
      { email: w.caseworker.email },
      { email: `${"a".repeat(250)}@example.jp`, password: testPassword },
      { email: w.caseworker.email, password: "x".repeat(1025) },
    ];
    for (const fields of cases) {
      const response = await post("/login", fields);
      expect(response.status).toBe(400);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(await store.db.select({ n: count() }).from(sessions)).toEqual(before);
  });

  it("throttles after ten failures: 429 with a message, even with the right password", async () => {
    const w = await mintWorld();
    for (let i = 0; i < 10; i++) {
      expect((await post("/login", { email: w.caseworker.email, password: "nope" })).status).toBe(
        401,
      );
    }
    const response = await post("/login", { email: w.caseworker.email, password: testPassword });
    expect(response.status).toBe(429);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toContain("しばらくログインできません");
    // an unknown email is throttled the same way, so 429 does not reveal which emails exist
    for (let i = 0; i < 10; i++) await post("/login", { email: "ghost@example.jp", password: "x" });
    expect((await post("/login", { email: "ghost@example.jp", password: "x" })).status).toBe(429);
  });

  it("sends someone already logged in from /login straight on", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const response = await get("/login?next=%2Fdashboard%2Fregistrants", cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dashboard/registrants");
  });

  it("refuses a cross-site login post (login CSRF) and sets no cookie", async () => {
    const w = await mintWorld();
    for (const headers of crossSiteHeaders) {
      const response = await post(
        "/login",
        { email: w.caseworker.email, password: testPassword },
        undefined,
        headers,
      );
      expect(response.status).toBe(403);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });
});

describe("sessions", () => {
  it("redirects to the login form without a session, remembering where to come back", async () => {
    const response = await get("/dashboard/escalations/abc?x=1");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/login?next=${encodeURIComponent("/dashboard/escalations/abc?x=1")}`,
    );
  });

  it("after a form post without a session, comes back to the page, not the action", async () => {
    const response = await post("/dashboard/escalations/abc/notes", { text: "メモ" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/login?next=${encodeURIComponent("/dashboard/escalations/abc")}`,
    );
  });

  it("sends an expired session back to the login form", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    expect((await get("/dashboard", cookie)).status).toBe(200);
    now += 13 * 3_600_000;
    const response = await get("/dashboard", cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?next=%2Fdashboard");
  });

  it("sends an idle session back to the login form", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    now += 2 * 3_600_000 + 1;
    expect((await get("/dashboard/registrants", cookie)).status).toBe(303);
  });

  it("logs out: the session is gone, and replaying the old cookie changes nothing", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const response = await post("/logout", {}, cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login");
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0/i);
    expect((await get("/dashboard", cookie)).status).toBe(303);

    const sessionsBefore = await store.db.select({ n: count() }).from(sessions);
    const replay = await post("/logout", {}, cookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.get("location")).toBe("/login");
    expect(await store.db.select({ n: count() }).from(sessions)).toEqual(sessionsBefore);
  });

  it("refuses a cross-site logout and keeps the session", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const response = await post("/logout", {}, cookie, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await get("/dashboard", cookie)).status).toBe(200);
  });
});

/** How each page is reached with center A's resources; with a body for form posts. */
type Call = (
  w: World,
) =>
  | { path: string; fields?: Record<string, string> }
  | Promise<{ path: string; fields?: Record<string, string> }>;
const calls: Record<string, Call> = {
  "get /dashboard": () => ({ path: "/dashboard" }),
  "get /dashboard/escalations/:id": (w) => ({ path: `/dashboard/escalations/${w.escalationId}` }),
  "post /dashboard/escalations/:id/acknowledge": (w) => ({
    path: `/dashboard/escalations/${w.escalationId}/acknowledge`,
    fields: {},
  }),
  "post /dashboard/escalations/:id/assign": (w) => ({
    path: `/dashboard/escalations/${w.escalationId}/assign`,
    fields: { staffId: w.caseworker.id },
  }),
  "post /dashboard/escalations/:id/notes": (w) => ({
    path: `/dashboard/escalations/${w.escalationId}/notes`,
    fields: { text: "電話しました" },
  }),
  "post /dashboard/escalations/:id/resolve": (w) => ({
    path: `/dashboard/escalations/${w.escalationId}/resolve`,
    fields: { note: "面談で確認しました" },
  }),
  "get /dashboard/registrants": () => ({ path: "/dashboard/registrants" }),
  "post /dashboard/registrants": () => ({
    path: "/dashboard/registrants",
    fields: { displayName: "新しい人" },
  }),
  "get /dashboard/registrants/:id": (w) => ({ path: `/dashboard/registrants/${w.registrantId}` }),
  "post /dashboard/registrants/:id/checkin": async (w) => {
    await makeReachable(w.registrantId);
    return { path: `/dashboard/registrants/${w.registrantId}/checkin`, fields: {} };
  },
  "get /dashboard/duties": () => ({ path: "/dashboard/duties" }),
  "get /dashboard/stats": () => ({ path: "/dashboard/stats" }),
  "get /dashboard/retention": () => ({ path: "/dashboard/retention" }),
  "get /dashboard/registrants/:id/reports/:month": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/reports/2026-11`,
  }),
  "post /dashboard/registrants/:id/reports/:month": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/reports/2026-11`,
    fields: {
      action: "save",
      text_share: "来月の面談日を相談させてください。",
      employer_share: "1",
    },
  }),
  "post /dashboard/registrants/:id/reports/:month/versions": async (w) => {
    await mintFinalReport(store, {
      centerId: w.centerId,
      registrantId: w.registrantId,
      month: "2026-11",
      staffId: w.caseworker.id,
    });
    return {
      path: `/dashboard/registrants/${w.registrantId}/reports/2026-11/versions`,
      fields: {},
    };
  },
  "post /dashboard/registrants/:id/reports/:month/share": async (w) => {
    await mintFinalReport(store, {
      centerId: w.centerId,
      registrantId: w.registrantId,
      month: "2026-11",
      staffId: w.caseworker.id,
    });
    return {
      path: `/dashboard/registrants/${w.registrantId}/reports/2026-11/share`,
      fields: { to: "person", channel: "paper" },
    };
  },
  "post /dashboard/registrants/:id/period": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/period`,
    fields: { program: "retention", hiredOn: "2026-04-01", supportStartsOn: "", supportEndsOn: "" },
  }),
  "post /dashboard/registrants/:id/handover": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/handover`,
    fields: { needed: "1", agency: "みなと就業・生活支援センター", whatWorks: "紙で伝える" },
  }),
  "post /dashboard/registrants/:id/handover/consent-request": async (w) => {
    await makeReachable(w.registrantId);
    await handoverFor(w);
    return {
      path: `/dashboard/registrants/${w.registrantId}/handover/consent-request`,
      fields: {},
    };
  },
  "post /dashboard/registrants/:id/handover/consent": async (w) => {
    await handoverFor(w);
    return {
      path: `/dashboard/registrants/${w.registrantId}/handover/consent`,
      fields: { decision: "given" },
    };
  },
  "post /dashboard/registrants/:id/handover/given": async (w) => {
    await handoverFor(w, "given");
    return {
      path: `/dashboard/registrants/${w.registrantId}/handover/given`,
      fields: { to: "みなとセンター 田中", on: "" },
    };
  },
  "get /dashboard/registrants/:id/handover/packet": async (w) => {
    await handoverFor(w, "given");
    return { path: `/dashboard/registrants/${w.registrantId}/handover/packet` };
  },
  "post /dashboard/registrants/:id/contacts": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/contacts`,
    fields: { kind: "face_to_face", with: "person", at: localNow(), minutes: "30", note: "" },
  }),
  "post /dashboard/registrants/:id/schedule": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/schedule`,
    fields: { weekday: "1", time: "07:30" },
  }),
  "post /dashboard/registrants/:id/end": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/end`,
    fields: { reason: "person_request" },
  }),
  "post /dashboard/registrants/:id/reopen": async (w) => {
    await store.write((tx) =>
      tx
        .update(registrants)
        .set({ status: "ended", endedAt: 0, endedReason: "other" })
        .where(eq(registrants.id, w.registrantId)),
    );
    return { path: `/dashboard/registrants/${w.registrantId}/reopen`, fields: {} };
  },
  "get /dashboard/registrants/:id/data": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/data`,
  }),
  "post /dashboard/registrants/:id/erase": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/erase`,
    fields: { confirm: "山田 花子" },
  }),
  "get /dashboard/registrants/:id/export": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/export`,
  }),
  "post /dashboard/registrants/:id/pause": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/pause`,
    fields: {},
  }),
  "post /dashboard/registrants/:id/resume": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/resume`,
    fields: {},
  }),
  "post /dashboard/registrants/:id/link-code": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/link-code`,
    fields: {},
  }),
  "post /dashboard/registrants/:id/employment": async (w) => {
    const { employerId } = await mintLinkedContact(w.centerId);
    return {
      path: `/dashboard/registrants/${w.registrantId}/employment`,
      fields: { employerId },
    };
  },
  "get /dashboard/employers": () => ({ path: "/dashboard/employers" }),
  "post /dashboard/employers": () => ({
    path: "/dashboard/employers",
    fields: { name: "株式会社あたらしい" },
  }),
  "get /dashboard/employers/:id": async (w) => {
    const { employerId } = await mintLinkedContact(w.centerId);
    return { path: `/dashboard/employers/${employerId}` };
  },
  "post /dashboard/employers/:id/contacts": async (w) => {
    const { employerId } = await mintLinkedContact(w.centerId);
    return {
      path: `/dashboard/employers/${employerId}/contacts`,
      fields: { displayName: "人事 鈴木" },
    };
  },
  "post /dashboard/employers/:id/contacts/:contactId/link-code": async (w) => {
    const { employerId, contactId } = await mintLinkedContact(w.centerId);
    return {
      path: `/dashboard/employers/${employerId}/contacts/${contactId}/link-code`,
      fields: {},
    };
  },
  "post /dashboard/employers/:id/contacts/:contactId/unlink": async (w) => {
    const { employerId, contactId } = await mintLinkedContact(w.centerId);
    return { path: `/dashboard/employers/${employerId}/contacts/${contactId}/unlink`, fields: {} };
  },
  "post /dashboard/employers/:id/pulse": async (w) => {
    const { employerId } = await mintLinkedContact(w.centerId);
    return { path: `/dashboard/employers/${employerId}/pulse`, fields: { day: "15" } };
  },
  "get /dashboard/staff": () => ({ path: "/dashboard/staff" }),
  "post /dashboard/staff": () => ({
    path: "/dashboard/staff",
    fields: {
      email: `new-${crypto.randomUUID()}@example.jp`,
      displayName: "新人",
      role: "caseworker",
    },
  }),
  "get /dashboard/audit": () => ({ path: "/dashboard/audit" }),
  "get /dashboard/audit.csv": () => ({ path: "/dashboard/audit.csv" }),
  "get /dashboard/line": () => ({ path: "/dashboard/line" }),
  "post /dashboard/line/code": () => ({ path: "/dashboard/line/code", fields: {} }),
  "post /dashboard/line/unlink": () => ({ path: "/dashboard/line/unlink", fields: {} }),
  "post /dashboard/line/settings": () => ({
    path: "/dashboard/line/settings",
    fields: { urgent: "on" },
  }),
  "get /dashboard/inbox": () => ({ path: "/dashboard/inbox" }),
  "get /dashboard/center": () => ({ path: "/dashboard/center" }),
  "get /dashboard/undelivered": () => ({ path: "/dashboard/undelivered" }),
  "post /dashboard/registrants/:id/employment/end": async (w) => {
    const employerId = await store.write(async (tx) => {
      const employer = await insertEmployer(tx, w.centerId, "株式会社おわり", now);
      await insertEmployment(tx, w.registrantId, employer.id, now);
      return employer.id;
    });
    return {
      path: `/dashboard/registrants/${w.registrantId}/employment/end`,
      fields: { employerId, endedOn: "2026-12-31" },
    };
  },
  "post /dashboard/undelivered/:id/retry": async (w) => ({
    path: `/dashboard/undelivered/${await failedMessageFor(w.registrantId)}/retry`,
  }),
  "post /dashboard/undelivered/:id/handled": async (w) => ({
    path: `/dashboard/undelivered/${await failedMessageFor(w.registrantId)}/handled`,
  }),
  "get /dashboard/employers/:id/contacts/:contactId/messages": async (w) => {
    const { employerId, contactId } = await mintLinkedContact(w.centerId);
    return { path: `/dashboard/employers/${employerId}/contacts/${contactId}/messages` };
  },
  "post /dashboard/employers/:id/contacts/:contactId/messages": async (w) => {
    const { employerId, contactId } = await mintLinkedContact(w.centerId);
    return {
      path: `/dashboard/employers/${employerId}/contacts/${contactId}/messages`,
      fields: { text: "来週 伺います。", confirm: "company", clientKey: crypto.randomUUID() },
    };
  },
  "post /dashboard/registrants/:id/profile": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/profile`,
    fields: { phone: "090-1234-5678", caseworkerId: w.caseworker.id },
  }),
  "post /dashboard/staff/:id/deactivate": (w) => ({
    path: `/dashboard/staff/${w.caseworker.id}/deactivate`,
  }),
  "post /dashboard/staff/:id/reactivate": (w) => ({
    path: `/dashboard/staff/${w.caseworker.id}/reactivate`,
  }),
  "post /dashboard/staff/:id/reset-password": (w) => ({
    path: `/dashboard/staff/${w.caseworker.id}/reset-password`,
  }),
  "post /dashboard/staff/:id/role": (w) => ({
    path: `/dashboard/staff/${w.caseworker.id}/role`,
    fields: { role: "supervisor" },
  }),
  "post /dashboard/center": () => ({
    path: "/dashboard/center",
    fields: {
      name: "センターA",
      phone: "03-1111-2222",
      "mon.open": "1",
      "mon.opens": "09:00",
      "mon.closes": "17:00",
      closedDays: "2026-12-28",
      yearEndClosure: "1",
      replyTemplates: "あとで でんわします",
    },
  }),
  "get /dashboard/registrants/:id/messages": (w) => ({
    path: `/dashboard/registrants/${w.registrantId}/messages`,
  }),
  "post /dashboard/registrants/:id/messages": async (w) => {
    await makeReachable(w.registrantId);
    return {
      path: `/dashboard/registrants/${w.registrantId}/messages`,
      fields: { text: "あとで でんわします", clientKey: crypto.randomUUID() },
    };
  },
  "get /dashboard/password": () => ({ path: "/dashboard/password" }),
  "post /dashboard/password": () => ({
    path: "/dashboard/password",
    fields: {
      currentPassword: testPassword,
      newPassword: testPassword,
      confirmPassword: testPassword,
    },
  }),
};
const key = (route: PageRoute) => `${route.method} ${route.path}`;

async function snapshot() {
  const counts: Record<string, number> = {};
  const tables = {
    registrants,
    staff,
    linkCodes,
    escalations,
    escalationEvents,
    checkins,
    outbox,
    messages,
    handovers,
  };
  for (const [name, table] of Object.entries(tables)) {
    const rows = await store.db.select({ n: count() }).from(table);
    counts[name] = rows[0]?.n ?? 0;
  }
  const rows = await store.db.select().from(escalations).orderBy(escalations.id);
  // a refused pause, schedule, pulse or unlink shows in the rows, not in the counts
  const people = await store.db.select().from(registrants).orderBy(registrants.id);
  const companies = await store.db.select().from(employers).orderBy(employers.id);
  const contacts = await store.db.select().from(employerContacts).orderBy(employerContacts.id);
  const jobs = await store.db.select({ n: count() }).from(employments);
  const places = await store.db.select().from(centers).orderBy(centers.id);
  const members = await store.db.select().from(staff).orderBy(staff.id);
  return { counts, rows, people, companies, contacts, jobs, places, members };
}

/** An employer of the center with one contact linked on LINE. */
async function mintLinkedContact(centerId: string) {
  const lineUserId = `U${crypto.randomUUID().replaceAll("-", "")}`;
  return store.write(async (tx) => {
    const employer = await insertEmployer(tx, centerId, "株式会社テスト", now);
    const contact = await insertEmployerContact(tx, {
      centerId,
      employerId: employer.id,
      displayName: "人事 佐藤",
      now,
    });
    await tx.insert(lineAccounts).values({
      lineUserId,
      role: "employer_contact",
      personId: contact.id,
      firstSeenAt: now,
      lastSeenAt: now,
    });
    await tx
      .update(employerContacts)
      .set({ lineUserId, linkedAt: now })
      .where(eq(employerContacts.id, contact.id));
    return { employerId: employer.id, contactId: contact.id };
  });
}

/** A message to the registrant (linked for it) that LINE would not take: its outbox id. */
async function failedMessageFor(registrantId: string): Promise<number> {
  await makeReachable(registrantId);
  const [row] = await store.db.select().from(registrants).where(eq(registrants.id, registrantId));
  const inserted = await store.write((tx) =>
    tx
      .insert(outbox)
      .values({
        retryKey: crypto.randomUUID(),
        kind: "push",
        recipients: [row?.lineUserId ?? ""],
        messages: [{ type: "text", text: "x" }],
        status: "failed",
        purpose: "crisis",
        nextAttemptAt: 0,
        createdAt: now,
      })
      .returning({ id: outbox.id }),
  );
  return inserted[0]?.id ?? 0;
}

/** A handover marked as needed, with the person's consent when told (the packet needs it). */
async function handoverFor(w: World, consent: "given" | null = null) {
  await store.write((tx) =>
    tx.insert(handovers).values({
      registrantId: w.registrantId,
      centerId: w.centerId,
      needed: true,
      agency: "みなと就業・生活支援センター",
      consent,
      consentChannel: consent === null ? null : "paper",
      consentAt: consent === null ? null : now,
      updatedAt: now,
    }),
  );
}

/** Links a registrant on LINE with consent, so that a check-in can be sent to them now. */
async function makeReachable(registrantId: string) {
  const lineUserId = `U${crypto.randomUUID().replaceAll("-", "")}`;
  await store.write(async (tx) => {
    await tx.insert(lineAccounts).values({
      lineUserId,
      role: "registrant",
      personId: registrantId,
      firstSeenAt: now,
      lastSeenAt: now,
    });
    await setRegistrantLine(tx, registrantId, lineUserId, now);
    await setConsent(tx, registrantId, "given", 1, now);
    await refreshNextCheckin(tx, registrantId, now);
  });
}

describe("the page table", () => {
  it("has a call for every page, so a new page cannot skip these checks", () => {
    expect(pageRoutes.map(key).sort()).toEqual(Object.keys(calls).sort());
  });

  type Who = "no session" | "caseworker" | "supervisor" | "other center's supervisor";
  const who: Who[] = ["no session", "caseworker", "supervisor", "other center's supervisor"];
  const cases = pageRoutes.flatMap((route) => who.map((w) => [key(route), w, route] as const));

  it.each(cases)("%s as %s answers as the boundary says", async (_name, as, route) => {
    const w = await mintWorld();
    const cookie =
      as === "no session"
        ? undefined
        : await logIn(
            as === "caseworker" ? w.caseworker : as === "supervisor" ? w.supervisor : w.outsider,
          );
    const call = calls[key(route)];
    if (!call) throw new Error(`no call for ${key(route)}`);
    const { path, fields } = await call(w);
    const before = await snapshot();
    const response =
      route.method === "get" ? await get(path, cookie) : await post(path, fields ?? {}, cookie);
    const html = await response.text();
    const expected =
      as === "no session"
        ? 303
        : as === "caseworker" && route.role === "supervisor"
          ? 403
          : as === "other center's supervisor" && route.path.includes(":id")
            ? 404
            : "ok";
    if (expected === "ok") {
      expect(response.status, html).toBeGreaterThanOrEqual(200);
      expect(response.status, html).toBeLessThan(400);
      return;
    }
    expect(response.status, html).toBe(expected);
    if (expected === 303) expect(response.headers.get("location")).toMatch(/^\/login\?next=/);
    else expect(response.headers.get("content-type")).toContain("text/html");
    expect(await snapshot()).toEqual(before);
    // another center's page says nothing of center A's registrant
    expect(html).not.toContain("山田 花子");
  });
});

describe("the queue", () => {
  it("lists the most urgent first, with labels, age, deadline, overdue in words, assignee", async () => {
    const center = await mintCenter(store);
    const worker = await mintStaff(store, center.id, "caseworker");
    const a = await mintRegistrant(store, center.id, "低い人");
    const b = await mintRegistrant(store, center.id, "緊急の人");
    const c = await mintRegistrant(store, center.id, "高い人");
    await mintEscalation(store, { centerId: center.id, registrantId: a.id, severity: "low" });
    await mintEscalation(store, {
      centerId: center.id,
      registrantId: b.id,
      severity: "urgent",
      category: "crisis",
      now: start - 3 * 3_600_000,
      ackDueAt: start - 3 * 3_600_000,
    });
    await mintEscalation(store, {
      centerId: center.id,
      registrantId: c.id,
      severity: "high",
      category: "workplace",
    });
    const cookie = await logIn(worker);
    const html = await (await get("/dashboard", cookie)).text();
    const order = ["緊急の人", "高い人", "低い人"].map((name) => html.indexOf(name));
    expect(order.every((index) => index > 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(html).toContain("緊急");
    expect(html).toContain("命の危険（自殺・自傷・他害）");
    expect(html).toContain("職場の人間関係・コミュニケーション");
    expect(html).toContain("3時間前");
    expect(html).toContain("期限切れ");
    expect(html.match(/期限切れ/g)).toHaveLength(1);
  });

  it("shows one row per person, with their other items behind 「ほか n 件」", async () => {
    const center = await mintCenter(store);
    const worker = await mintStaff(store, center.id, "caseworker");
    const busy = await mintRegistrant(store, center.id, "大変な週の人");
    const calm = await mintRegistrant(store, center.id, "ひとつだけの人");
    for (const [category, severity] of [
      ["mood", "normal"],
      ["health", "high"],
      ["absence", "low"],
    ] as const) {
      await mintEscalation(store, {
        centerId: center.id,
        registrantId: busy.id,
        category,
        severity,
      });
    }
    await mintEscalation(store, { centerId: center.id, registrantId: calm.id, severity: "normal" });
    const html = await (await get("/dashboard", await logIn(worker))).text();
    expect(html.match(/data-testid="queue-row"/g)).toHaveLength(2);
    expect(html.match(/data-testid="queue-item"/g)).toHaveLength(2);
    expect(html).toContain("ほか 2 件");
    // the busy person's row leads with their most pressing item, and comes first
    expect(html.indexOf("大変な週の人")).toBeLessThan(html.indexOf("ひとつだけの人"));
    expect(html.match(/data-testid="severity">([^<]+)</g)).toEqual([
      'data-testid="severity">高<',
      'data-testid="severity">中<',
    ]);
  });

  it("filters by status, category and assignee", async () => {
    const w = await mintWorld();
    const other = await mintRegistrant(store, w.centerId, "家族の人");
    const family = await mintEscalation(store, {
      centerId: w.centerId,
      registrantId: other.id,
      category: "family",
    });
    const cookie = await logIn(w.caseworker);
    await post(`/dashboard/escalations/${family.id}/assign`, { staffId: w.caseworker.id }, cookie);
    await post(`/dashboard/escalations/${w.escalationId}/resolve`, { note: "済" }, cookie);

    const open = await (await get("/dashboard", cookie)).text();
    expect(open).toContain("家族の人");
    expect(open).not.toContain("山田 花子");

    const resolved = await (await get("/dashboard?status=resolved", cookie)).text();
    expect(resolved).toContain("山田 花子");
    expect(resolved).not.toContain("家族の人");

    const all = await (await get("/dashboard?status=all", cookie)).text();
    expect(all).toContain("山田 花子");
    expect(all).toContain("家族の人");

    const byCategory = await (await get("/dashboard?status=all&category=health", cookie)).text();
    expect(byCategory).toContain("山田 花子");
    expect(byCategory).not.toContain("家族の人");

    const mine = await (await get("/dashboard?status=all&assignee=me", cookie)).text();
    expect(mine).toContain("家族の人");
    expect(mine).not.toContain("山田 花子");
    const supervisorCookie = await logIn(w.supervisor);
    const theirs = await (await get("/dashboard?assignee=me", supervisorCookie)).text();
    expect(theirs).toContain("条件に合う案件はありません");
  });

  it("refuses unknown filter values with 400", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    for (const query of ["status=deleted", "category=nope", "assignee=someone"]) {
      expect((await get(`/dashboard?${query}`, cookie)).status).toBe(400);
    }
  });

  it("says so kindly when there is nothing to do", async () => {
    const center = await mintCenter(store);
    const worker = await mintStaff(store, center.id, "caseworker");
    const html = await (await get("/dashboard", await logIn(worker))).text();
    expect(html).toContain("いま対応が必要な案件はありません");
  });
});

describe("an escalation's page and its forms", () => {
  it("shows summary, registrant link, evidence exactly as stored, timeline and the forms", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const response = await get(`/dashboard/escalations/${w.escalationId}`, cookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("体調が 2 週つづけて わるい");
    expect(html).toContain(`href="/dashboard/registrants/${w.registrantId}"`);
    expect(html).toContain("体調: わるい");
    expect(html).toContain("発生");
    for (const action of ["acknowledge", "assign", "notes", "resolve"]) {
      expect(html).toContain(`action="/dashboard/escalations/${w.escalationId}/${action}"`);
    }
  });

  it("escapes markup in the summary, evidence and registrant name", async () => {
    const center = await mintCenter(store);
    const worker = await mintStaff(store, center.id, "caseworker");
    const evil = `<script>window.__x=1</script><img src=x onerror="window.__y=1">`;
    const registrant = await mintRegistrant(store, center.id, evil);
    const escalation = await mintEscalation(store, {
      centerId: center.id,
      registrantId: registrant.id,
      summary: evil,
      evidence: { quote: evil, answers: { note: evil } },
    });
    const cookie = await logIn(worker);
    for (const path of [
      `/dashboard/escalations/${escalation.id}`,
      "/dashboard",
      "/dashboard/registrants",
      `/dashboard/registrants/${registrant.id}`,
    ]) {
      const html = await (await get(path, cookie)).text();
      expect(html).not.toContain("<script>window");
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;script&gt;window.__x=1&lt;/script&gt;");
    }
  });

  it("acknowledges: 303 back to the page, the status changes and the timeline says who", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const response = await post(`/dashboard/escalations/${w.escalationId}/acknowledge`, {}, cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/dashboard/escalations/${w.escalationId}?done=acknowledged`,
    );
    const row = await escalationRow(w.escalationId);
    expect(row.status).toBe("acknowledged");
    expect(row.acknowledgedBy).toBe(w.caseworker.id);
    const html = await (await get(response.headers.get("location") ?? "", cookie)).text();
    expect(html).toContain("確認済みにしました");
    expect(html).not.toContain(`/${w.escalationId}/acknowledge"`);
  });

  it("assigns to a staff member of the center, and refuses one of another center", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const path = `/dashboard/escalations/${w.escalationId}/assign`;
    const refused = await post(path, { staffId: w.outsider.id }, cookie);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("担当者を一覧から選んでください");
    expect((await escalationRow(w.escalationId)).assignedTo).toBeNull();
    expect((await post(path, { staffId: "" }, cookie)).status).toBe(400);
    expect((await post(path, {}, cookie)).status).toBe(400);

    const response = await post(path, { staffId: w.supervisor.id }, cookie);
    expect(response.status).toBe(303);
    expect((await escalationRow(w.escalationId)).assignedTo).toBe(w.supervisor.id);
  });

  it("adds a note, and refuses an empty or oversized one, keeping what was typed", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const path = `/dashboard/escalations/${w.escalationId}/notes`;
    const before = await eventKinds(w.escalationId);
    for (const text of ["", "   ", "あ".repeat(2001)]) {
      const response = await post(path, { text }, cookie);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('role="alert"');
      if (text.length > 10) expect(html).toContain(text);
    }
    expect(await eventKinds(w.escalationId)).toEqual(before);

    expect((await post(path, { text: "本人に電話。\n来週 面談。" }, cookie)).status).toBe(303);
    expect((await eventKinds(w.escalationId)).at(-1)).toEqual({
      kind: "note",
      detail: { text: "本人に電話。\n来週 面談。" },
    });
  });

  it("resolves only with a note; a resolved one shows no forms and refuses changes", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const base = `/dashboard/escalations/${w.escalationId}`;
    expect((await post(`${base}/resolve`, { note: "" }, cookie)).status).toBe(400);
    expect((await escalationRow(w.escalationId)).status).toBe("open");

    expect((await post(`${base}/resolve`, { note: "面談で解決" }, cookie)).status).toBe(303);
    expect((await escalationRow(w.escalationId)).status).toBe("resolved");
    const html = await (await get(base, cookie)).text();
    expect(html).toContain("この案件は解決済みです");
    expect(html).not.toContain('<form method="post" action="/dashboard/escalations');

    const events = await eventKinds(w.escalationId);
    const again = await post(`${base}/acknowledge`, {}, cookie);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("すでに解決済み");
    expect((await post(`${base}/resolve`, { note: "もう一度" }, cookie)).status).toBe(409);
    expect(await eventKinds(w.escalationId)).toEqual(events);
  });

  it("answers 404 pages for another center's escalation and registrant, changing nothing", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    for (const path of [
      `/dashboard/escalations/${w.otherEscalationId}`,
      `/dashboard/registrants/${w.otherRegistrantId}`,
      "/dashboard/escalations/no-such-id",
      "/dashboard/no-such-page",
    ]) {
      const response = await get(path, cookie);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain("見つかりません");
      expect(html).not.toContain("別センターの人");
    }
    const before = await escalationRow(w.otherEscalationId);
    const events = await eventKinds(w.otherEscalationId);
    for (const [action, fields] of [
      ["acknowledge", {}],
      ["assign", { staffId: w.caseworker.id }],
      ["notes", { text: "のぞき見" }],
      ["resolve", { note: "勝手に解決" }],
    ] as const) {
      const response = await post(
        `/dashboard/escalations/${w.otherEscalationId}/${action}`,
        fields,
        cookie,
      );
      expect(response.status).toBe(404);
    }
    expect(await escalationRow(w.otherEscalationId)).toEqual(before);
    expect(await eventKinds(w.otherEscalationId)).toEqual(events);
  });

  it("refuses a cross-site form post with 403 and changes nothing", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    for (const headers of crossSiteHeaders) {
      const ack = await post(
        `/dashboard/escalations/${w.escalationId}/acknowledge`,
        {},
        cookie,
        headers,
      );
      expect(ack.status).toBe(403);
      const create = await post(
        "/dashboard/registrants",
        { displayName: "偽の人" },
        cookie,
        headers,
      );
      expect(create.status).toBe(403);
    }
    expect((await escalationRow(w.escalationId)).status).toBe("open");
    expect(await registrantCount(w.centerId)).toBe(1);
  });

  it("refuses a body over 64 KiB with 413 and changes nothing", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const before = await eventKinds(w.escalationId);
    const response = await post(
      `/dashboard/escalations/${w.escalationId}/notes`,
      { text: "あ".repeat(70_000) },
      cookie,
    );
    expect(response.status).toBe(413);
    expect(await eventKinds(w.escalationId)).toEqual(before);
  });

  it("reads a JSON body as an empty form: 400, nothing changed", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const response = await request(`/dashboard/escalations/${w.escalationId}/notes`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, ...sameOrigin },
      body: JSON.stringify({ text: "JSON で送ったメモ" }),
    });
    expect(response.status).toBe(400);
    expect((await eventKinds(w.escalationId)).map((event) => event.kind)).toEqual([
      "opened",
      "signal",
    ]);
  });
});

describe("registrants", () => {
  it("creates a registrant and shows the link code once, its expiry and the sheet", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const codesBefore = await countOf(linkCodes);
    const response = await post("/dashboard/registrants", { displayName: "佐藤 一郎" }, cookie);
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    const code = /data-testid="link-code">(\d{4} \d{4} \d{4} \d{2})</.exec(html)?.[1];
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{2}$/);
    expect(html).toContain("佐藤 一郎 さんへ");
    // 14 days after 2026-11-20 12:00 JST
    expect(html).toContain("2026/12/4 12:00");
    expect(html).toContain("2026年12月4日(金)");
    // this test app has a LINE channel but no add-friend URL: the sheet says to ask for the QR
    expect(html).toContain('data-testid="sheet-no-qr"');
    expect(await countOf(linkCodes)).toBe(codesBefore + 1);
    expect(await registrantCount(w.centerId)).toBe(2);
    // only the hash is stored
    const rows = await store.db.select().from(linkCodes);
    expect(JSON.stringify(rows)).not.toContain((code ?? "").replace(" ", ""));
  });

  it("refuses an empty or too long name with 400, keeping what was typed", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    for (const displayName of ["", "   ", "長".repeat(61)]) {
      const response = await post("/dashboard/registrants", { displayName }, cookie);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('role="alert"');
      if (displayName.length > 10) expect(html).toContain(displayName);
    }
    expect(await registrantCount(w.centerId)).toBe(1);
  });

  it("lists registrants with link and consent status, and shows one", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const list = await (await get("/dashboard/registrants", cookie)).text();
    expect(list).toContain("山田 花子");
    expect(list).toContain("未連携");
    expect(list).toContain("同意なし");
    expect(list).not.toContain("別センターの人");
    const detail = await (await get(`/dashboard/registrants/${w.registrantId}`, cookie)).text();
    expect(detail).toContain("山田 花子");
    expect(detail).toContain("まだありません");
    expect(detail).toContain("利用中");
    const [read] = await store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, w.registrantId));
    expect(read?.action).toBe("registrant.read");
  });

  it("shows a linked, consented registrant's latest check-in and employers", async () => {
    const w = await mintWorld();
    const employer = await store.write((tx) => insertEmployer(tx, w.centerId, "株式会社つなぐ", 0));
    await store.write(async (tx) => {
      await insertEmployment(tx, w.registrantId, employer.id, 0);
      await tx
        .update(registrants)
        .set({ lineUserId: `U${"a".repeat(32)}`, linkedAt: start, consentedAt: start })
        .where(eq(registrants.id, w.registrantId));
      await tx.insert(checkins).values([
        { id: crypto.randomUUID(), registrantId: w.registrantId, status: "missed", sentAt: 1 },
        {
          id: crypto.randomUUID(),
          registrantId: w.registrantId,
          status: "completed",
          sentAt: start - 3_600_000,
          completedAt: start,
        },
      ]);
    });
    const cookie = await logIn(w.caseworker);
    const html = await (await get(`/dashboard/registrants/${w.registrantId}`, cookie)).text();
    expect(html).toContain("連携済み");
    expect(html).toContain("同意あり");
    expect(html).toContain("回答済み（送信 2026/11/20 11:00・回答 2026/11/20 12:00）");
    expect(html).toContain("株式会社つなぐ");
    const list = await (await get("/dashboard/registrants", cookie)).text();
    expect(list).toContain("連携済み");
  });

  it("prints the add-friend QR code when the account's URL is configured", async () => {
    const emulatorApp = await createTestApp({ emulator: true, clock: () => now });
    try {
      const friendly = createApp(
        {
          ...emulatorApp.deps,
          config: { ...emulatorApp.deps.config, lineFriendUrl: "https://line.me/R/ti/p/@tsunagi" },
        },
        { mount: (routes) => routes.route("/", dashboardPages()) },
      );
      const center = await mintCenter(emulatorApp.db.store);
      const worker = await mintStaff(emulatorApp.db.store, center.id, "caseworker");
      const login = await friendly.request(
        "/login",
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: worker.email, password: testPassword }).toString(),
        },
        {},
        emulatorApp.background,
      );
      const response = await friendly.request(
        "/dashboard/registrants",
        {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            cookie: cookieOf(login),
          },
          body: new URLSearchParams({ displayName: "QR の人" }).toString(),
        },
        {},
        emulatorApp.background,
      );
      const html = await response.text();
      expect(html).toContain('src="data:image/svg+xml;charset=utf-8,%3Csvg');
      expect(html).toContain("https://line.me/R/ti/p/@tsunagi");
    } finally {
      await emulatorApp.close();
    }
  });
});

describe("staff, audit and password pages", () => {
  it("lets a supervisor create staff and shows the password once; the new person can log in", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.supervisor);
    const email = `new-${crypto.randomUUID().slice(0, 8)}@example.jp`;
    const response = await post(
      "/dashboard/staff",
      { email, displayName: "新人 さん", role: "caseworker" },
      cookie,
    );
    expect(response.status).toBe(201);
    const html = await response.text();
    const password = /data-testid="staff-password">([^<]+)</.exec(html)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(12);
    await logIn({ email }, password);
    const list = await (await get("/dashboard/staff", cookie)).text();
    expect(list).toContain("新人 さん");
    expect(list).not.toContain(password);
  });

  it("refuses a taken email (409), a bad email, an empty name and an unknown role (400)", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.supervisor);
    const before = await countOf(staff);
    const taken = await post(
      "/dashboard/staff",
      { email: w.caseworker.email, displayName: "重複", role: "caseworker" },
      cookie,
    );
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("このメールアドレスは使えません。");
    for (const fields of [
      { email: "not-an-email", displayName: "名前", role: "caseworker" },
      { email: "a@example.jp", displayName: "", role: "caseworker" },
      { email: "b@example.jp", displayName: "名前", role: "admin" },
      { email: `${"x".repeat(250)}@example.jp`, displayName: "名前", role: "caseworker" },
    ]) {
      expect((await post("/dashboard/staff", fields, cookie)).status).toBe(400);
    }
    expect(await countOf(staff)).toBe(before);
  });

  it("refuses caseworkers the staff and audit pages with a 403 page", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    for (const path of ["/dashboard/staff", "/dashboard/audit"]) {
      const response = await get(path, cookie);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("権限がありません");
    }
    const nav = await (await get("/dashboard", cookie)).text();
    expect(nav).not.toContain('href="/dashboard/staff"');
    expect(nav).not.toContain('href="/dashboard/audit"');
  });

  it("pages through the audit log, older and back to newer", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.supervisor);
    for (let i = 0; i < 120; i++) await get("/dashboard/registrants", cookie);
    const first = await (await get("/dashboard/audit", cookie)).text();
    expect(first.match(/data-testid="audit-row"/g)).toHaveLength(50);
    expect(first).toContain("登録者一覧を表示");
    expect(first).not.toContain('data-testid="audit-newer"');
    const olderHref = /href="([^"]+)"[^>]*data-testid="audit-older"/.exec(first)?.[1] ?? "";
    expect(olderHref).toMatch(/^\/dashboard\/audit\?before=\d+&amp;trail=0$/);
    const second = await (await get(olderHref.replaceAll("&amp;", "&"), cookie)).text();
    expect(second.match(/data-testid="audit-row"/g)).toHaveLength(50);
    const newerHref = /href="([^"]+)"[^>]*data-testid="audit-newer"/.exec(second)?.[1] ?? "";
    expect(newerHref).toBe("/dashboard/audit");
    const third = /href="([^"]+)"[^>]*data-testid="audit-older"/.exec(second)?.[1] ?? "";
    const page3 = await (await get(third.replaceAll("&amp;", "&"), cookie)).text();
    const back = /href="([^"]+)"[^>]*data-testid="audit-newer"/.exec(page3)?.[1] ?? "";
    expect(back).toBe(olderHref);
    expect((await get("/dashboard/audit?before=abc", cookie)).status).toBe(400);
    expect((await get("/dashboard/audit?before=1&trail=x", cookie)).status).toBe(400);
  });

  it("changes a password: wrong current 403, mismatch or short 400, then the new one works", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const fresh = "a brand new password";
    const wrong = await post(
      "/dashboard/password",
      { currentPassword: "nope", newPassword: fresh, confirmPassword: fresh },
      cookie,
    );
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain("今のパスワードが違います");
    for (const fields of [
      { currentPassword: testPassword, newPassword: fresh, confirmPassword: `${fresh}!` },
      { currentPassword: testPassword, newPassword: "short", confirmPassword: "short" },
      { currentPassword: "", newPassword: fresh, confirmPassword: fresh },
    ]) {
      expect((await post("/dashboard/password", fields, cookie)).status).toBe(400);
    }
    await logIn(w.caseworker);

    const done = await post(
      "/dashboard/password",
      { currentPassword: testPassword, newPassword: fresh, confirmPassword: fresh },
      cookie,
    );
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/dashboard/password?done=1");
    expect(await (await get("/dashboard/password?done=1", cookie)).text()).toContain(
      "パスワードを変更しました",
    );
    expect(
      (await post("/login", { email: w.caseworker.email, password: testPassword })).status,
    ).toBe(401);
    await logIn(w.caseworker, fresh);
  });
});

describe("the LINE alerts page", () => {
  it("issues a code in the response (never a URL), saves the three settings, and unlinks", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const page = await (await get("/dashboard/line", cookie)).text();
    expect(page).toContain("まだ連携していません");
    expect(page).toMatch(/name="urgent"[^>]*checked/);

    const issued = await post("/dashboard/line/code", {}, cookie);
    expect(issued.status).toBe(201);
    const html = await issued.text();
    const code = /data-testid="line-code">([\d ]+)</.exec(html)?.[1]?.replaceAll(" ", "") ?? "";
    expect(code).toMatch(/^\d{14}$/);
    const stored = await store.db
      .select()
      .from(linkCodes)
      .where(eq(linkCodes.subjectId, w.caseworker.id));
    expect(stored.map((row) => row.subjectType)).toEqual(["staff"]);

    const saved = await post("/dashboard/line/settings", { high: "on" }, cookie);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/dashboard/line?saved=settings");
    const rows = await store.db.select().from(staff).where(eq(staff.id, w.caseworker.id));
    expect(rows[0]).toMatchObject({ alertUrgent: false, alertHigh: true, alertDigest: false });
    const after = await (await get("/dashboard/line?saved=settings", cookie)).text();
    expect(after).toContain("通知の設定を保存しました");
    expect(after).not.toMatch(/name="urgent"[^>]*checked/);
    expect(after).toMatch(/name="high"[^>]*checked/);

    const unlinked = await post("/dashboard/line/unlink", {}, cookie);
    expect(unlinked.headers.get("location")).toBe("/dashboard/line?saved=unlinked");
  });
});

describe("assets", () => {
  it("serves the stylesheet and script as files under the CSP", async () => {
    const css = await get("/dashboard/app.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
    const js = await get("/dashboard/app.js");
    expect(js.headers.get("content-type")).toContain("text/javascript");
    const page = await get("/login");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle=/);
  });
});

describe("the inbox and a conversation", () => {
  async function unreadPerson(centerId: string, displayName: string, words: string[]) {
    const person = await mintRegistrant(store, centerId, displayName);
    await makeReachable(person.id);
    const [row] = await store.db.select().from(registrants).where(eq(registrants.id, person.id));
    await store.write(async (tx) => {
      for (const text of words) {
        await tx.insert(messages).values({
          lineUserId: row?.lineUserId ?? "",
          registrantId: person.id,
          direction: "in",
          messageType: "text",
          text,
          createdAt: now,
        });
      }
      await tx
        .update(registrants)
        .set({ unreadCount: words.length, unreadSince: now })
        .where(eq(registrants.id, person.id));
    });
    return person;
  }

  it("lists unread people, counts them in the nav, and opening one marks them read", async () => {
    const w = await mintWorld();
    const person = await unreadPerson(w.centerId, "佐藤 一郎", ["<b>めんだん</b> の じかん"]);
    const cookie = await logIn(w.caseworker);
    const inbox = await (await get("/dashboard/inbox", cookie)).text();
    expect(inbox).toContain("佐藤 一郎");
    expect(inbox).toMatch(/data-testid="nav-unread">1</);
    const page = await get(`/dashboard/registrants/${person.id}/messages`, cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("&lt;b&gt;めんだん&lt;/b&gt; の じかん");
    expect(html).not.toContain("<b>めんだん</b>");
    const after = await (await get("/dashboard/inbox", cookie)).text();
    expect(after).toContain('data-testid="inbox-empty"');
    expect(after).not.toContain('data-testid="nav-unread"');
  });

  it("sends a reply from the form, once for a double submit, and says when it cannot go", async () => {
    const w = await mintWorld();
    const person = await unreadPerson(w.centerId, "佐藤 一郎", ["しつもんです"]);
    const cookie = await logIn(w.caseworker);
    const path = `/dashboard/registrants/${person.id}/messages`;
    const clientKey = crypto.randomUUID();
    const first = await post(path, { text: "あとで でんわします", clientKey }, cookie);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`${path}?sent=1`);
    expect((await post(path, { text: "あとで でんわします", clientKey }, cookie)).status).toBe(303);
    const staffRows = await store.db
      .select()
      .from(messages)
      .where(eq(messages.registrantId, person.id));
    expect(staffRows.filter((row) => row.messageType === "staff")).toHaveLength(1);

    const empty = await post(path, { text: " ", clientKey: crypto.randomUUID() }, cookie);
    expect(empty.status).toBe(400);
    const unlinked = await mintRegistrant(store, w.centerId, "未連携 さん");
    const refused = await post(
      `/dashboard/registrants/${unlinked.id}/messages`,
      { text: "こんにちは", clientKey: crypto.randomUUID() },
      cookie,
    );
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("LINE で届きません");
  });
});

describe("the center's settings page", () => {
  const week = {
    name: "みなとセンター",
    phone: "03-1111-2222",
    "mon.open": "1",
    "mon.opens": "09:00",
    "mon.closes": "17:00",
    "sat.open": "1",
    "sat.opens": "10:00",
    "sat.closes": "12:00",
    closedDays: "2026-12-28\n\n2026-08-13",
    yearEndClosure: "1",
    replyTemplates: "あとで でんわします\nメッセージ よみました",
  };

  it("saves hours per weekday, closed days and templates, and shows them again", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.supervisor);
    const saved = await post("/dashboard/center", week, cookie);
    expect(saved.status).toBe(303);
    const [row] = await store.db.select().from(centers).where(eq(centers.id, w.centerId));
    expect(row?.phone).toBe("03-1111-2222");
    expect(row?.closedDays).toEqual(["2026-08-13", "2026-12-28"]);
    expect(row?.replyTemplates).toEqual(["あとで でんわします", "メッセージ よみました"]);
    expect(row?.weeklyHours).toMatchObject({ "1": [540, 1020], "6": [600, 720], "3": null });
    const html = await (await get("/dashboard/center?saved=1", cookie)).text();
    expect(html).toContain("保存しました");
    expect(html).toContain('value="03-1111-2222"');
  });

  it("prints the center's name and phone on a new person's link sheet", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.supervisor);
    expect((await post("/dashboard/center", week, cookie)).status).toBe(303);
    const sheet = await post("/dashboard/registrants", { displayName: "新しい 人" }, cookie);
    expect(sheet.status).toBe(201);
    expect(await sheet.text()).toMatch(
      /data-testid="sheet-center">みなとセンター：<strong>03-1111-2222/,
    );
  });

  it("refuses hours that close before they open, in plain Japanese, and changes nothing", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.supervisor);
    const before = await store.db.select().from(centers).where(eq(centers.id, w.centerId));
    const refused = await post("/dashboard/center", { ...week, "mon.closes": "08:00" }, cookie);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("閉所は開所より後の時刻");
    expect(await store.db.select().from(centers).where(eq(centers.id, w.centerId))).toEqual(before);
  });

  it("offers the templates on the reply form and sends the chosen one", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.supervisor);
    expect((await post("/dashboard/center", week, cookie)).status).toBe(303);
    await makeReachable(w.registrantId);
    const path = `/dashboard/registrants/${w.registrantId}/messages`;
    expect(await (await get(path, cookie)).text()).toContain("メッセージ よみました");
    const sent = await post(
      path,
      { text: "", template: "メッセージ よみました", clientKey: crypto.randomUUID() },
      cookie,
    );
    expect(sent.status).toBe(303);
    const rows = await store.db
      .select()
      .from(messages)
      .where(eq(messages.registrantId, w.registrantId));
    expect(rows.map((row) => row.text)).toContain("メッセージ よみました");
  });
});

describe("the staff page's actions", () => {
  it("deactivates a caseworker, whose open session then goes to the login page", async () => {
    const w = await mintWorld();
    const boss = await logIn(w.supervisor);
    const worker = await logIn(w.caseworker);
    const done = await post(`/dashboard/staff/${w.caseworker.id}/deactivate`, {}, boss);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/dashboard/staff?done=deactivate");
    const page = await (await get("/dashboard/staff?done=deactivate", boss)).text();
    expect(page).toContain("無効にしました");
    const after = await get("/dashboard", worker);
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/^\/login/);
    const again = await post("/login", { email: w.caseworker.email, password: testPassword });
    expect(again.status).not.toBe(303);
  });

  it("refuses in words to deactivate the supervisor themself", async () => {
    const w = await mintWorld();
    const boss = await logIn(w.supervisor);
    const refused = await post(`/dashboard/staff/${w.supervisor.id}/deactivate`, {}, boss);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("自分のアカウントは無効にできません");
  });

  it("shows a reset password once", async () => {
    const w = await mintWorld();
    const boss = await logIn(w.supervisor);
    const reset = await post(`/dashboard/staff/${w.caseworker.id}/reset-password`, {}, boss);
    expect(reset.status).toBe(200);
    const password = /data-testid="staff-password">([^<]+)</.exec(await reset.text())?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect((await post("/login", { email: w.caseworker.email, password })).status).toBe(303);
  });
});

describe("a reply to an employer contact from the page", () => {
  it("asks for the confirmation that the company reads it before sending anything", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const { employerId, contactId } = await mintLinkedContact(w.centerId);
    const path = `/dashboard/employers/${employerId}/contacts/${contactId}/messages`;
    const page = await (await get(path, cookie)).text();
    expect(page).toContain("会社の担当者</strong>に届きます");
    const before = await snapshot();
    const refused = await post(
      path,
      { text: "来週 伺います。", clientKey: crypto.randomUUID() },
      cookie,
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("チェックしてください");
    expect(await snapshot()).toEqual(before);
    const sent = await post(
      path,
      { text: "来週 伺います。", confirm: "company", clientKey: crypto.randomUUID() },
      cookie,
    );
    expect(sent.status).toBe(303);
    const html = await (await get(`${path}?sent=1`, cookie)).text();
    expect(html).toContain("センターの担当者より：");
  });
});

describe("ending a job on the registrant page", () => {
  it("records the last day and shows it instead of the form", async () => {
    const w = await mintWorld();
    const cookie = await logIn(w.caseworker);
    const employerId = await store.write(async (tx) => {
      const employer = await insertEmployer(tx, w.centerId, "株式会社おわり", now);
      await insertEmployment(tx, w.registrantId, employer.id, now);
      return employer.id;
    });
    const path = `/dashboard/registrants/${w.registrantId}`;
    const bad = await post(`${path}/employment/end`, { employerId, endedOn: "そのうち" }, cookie);
    expect(bad.status).toBe(400);
    const done = await post(
      `${path}/employment/end`,
      { employerId, endedOn: "2026-11-30" },
      cookie,
    );
    expect(done.status).toBe(303);
    const html = await (await get(`${path}?done=employment_end`, cookie)).text();
    expect(html).toContain("勤務の終了を登録しました");
    expect(html).toMatch(/data-testid="employment-ended">[^<]*2026-11-30 まで/);
  });
});
