// Every staff API route × {no session, caseworker, supervisor, another center's supervisor}.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoutes, type ApiRoute } from "../../src/dashboard/api";
import type { Store } from "../../src/store/db";
import {
  centers,
  checkins,
  employerContacts,
  employers,
  employments,
  escalationEvents,
  handovers,
  escalations,
  lineAccounts,
  linkCodes,
  messages,
  outbox,
  registrants,
  staff,
  supportContacts,
} from "../../src/store/schema";
import { refreshNextCheckin, setConsent, setRegistrantLine } from "../../src/store/registrants";
import { insertEmployer, insertEmployerContact, insertEmployment } from "../../src/store/employers";
import { insertContact } from "../../src/store/contacts";
import { mintFinalReport } from "../support/reports";
import { createTestApp, type TestApp } from "../support/app";
import {
  anonymous,
  loginAs,
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  testPassword,
} from "../support/staff";

interface World {
  centerId: string;
  caseworker: { id: string; email: string };
  supervisor: { id: string; email: string };
  registrantId: string;
  registrantName: string;
  employerId: string;
  contactId: string;
  escalationId: string;
  outsider: { id: string; email: string };
  /** A message to the registrant that LINE would not take. */
  failedOutboxId: number;
}

async function mintWorld(store: Store): Promise<World> {
  const center = await mintCenter(store, "センターA");
  const other = await mintCenter(store, "センターB");
  const caseworker = await mintStaff(store, center.id, "caseworker");
  const supervisor = await mintStaff(store, center.id, "supervisor");
  const outsider = await mintStaff(store, other.id, "supervisor");
  const registrant = await mintRegistrant(store, center.id);
  // linked, following and consenting, so that sending a check-in now can succeed
  const lineUserId = `U${crypto.randomUUID().replaceAll("-", "")}`;
  await store.write(async (tx) => {
    await tx.insert(lineAccounts).values({
      lineUserId,
      role: "registrant",
      personId: registrant.id,
      firstSeenAt: 0,
      lastSeenAt: 0,
    });
    await setRegistrantLine(tx, registrant.id, lineUserId, 0);
    await setConsent(tx, registrant.id, "given", 1, 0);
    await refreshNextCheckin(tx, registrant.id, 0);
  });
  const employer = await store.write((tx) => insertEmployer(tx, center.id, "株式会社テスト", 0));
  // employed there, so that ending the employment has something to end
  await store.write((tx) => insertEmployment(tx, registrant.id, employer.id, 0));
  // a linked contact, so that unlinking has something to undo
  const contactLine = `U${crypto.randomUUID().replaceAll("-", "")}`;
  const contact = await store.write(async (tx) => {
    const created = await insertEmployerContact(tx, {
      centerId: center.id,
      employerId: employer.id,
      displayName: "人事 佐藤",
      now: 0,
    });
    await tx.insert(lineAccounts).values({
      lineUserId: contactLine,
      role: "employer_contact",
      personId: created.id,
      firstSeenAt: 0,
      lastSeenAt: 0,
    });
    await tx
      .update(employerContacts)
      .set({ lineUserId: contactLine, linkedAt: 0 })
      .where(eq(employerContacts.id, created.id));
    return created;
  });
  const escalation = await mintEscalation(store, {
    centerId: center.id,
    registrantId: registrant.id,
  });
  const failed = await store.write((tx) =>
    tx
      .insert(outbox)
      .values({
        retryKey: crypto.randomUUID(),
        kind: "push",
        recipients: [lineUserId],
        messages: [{ type: "text", text: "x" }],
        status: "failed",
        purpose: "reply",
        nextAttemptAt: 0,
        createdAt: 0,
      })
      .returning({ id: outbox.id }),
  );
  return {
    failedOutboxId: failed[0]?.id ?? 0,
    centerId: center.id,
    caseworker,
    supervisor,
    outsider,
    registrantId: registrant.id,
    registrantName: registrant.displayName,
    employerId: employer.id,
    contactId: contact.id,
    escalationId: escalation.id,
  };
}

/** How to call each route against center A's resources. */
/** A contact an hour ago, as the API takes it. */
const contactBody = () => ({
  kind: "face_to_face",
  with: "person",
  at: new Date(Date.now() - 3_600_000).toISOString(),
  minutes: 30,
  note: "面談",
});

type Call = (
  w: World,
) => { path: string; body?: unknown } | Promise<{ path: string; body?: unknown }>;

/** Support ended, as a case worker would have done it. */
async function endSupportFor(registrantId: string) {
  await t.db.store.write((tx) =>
    tx
      .update(registrants)
      .set({ status: "ended", endedAt: 0, endedReason: "other" })
      .where(eq(registrants.id, registrantId)),
  );
}
/** A handover marked as needed, with the person's consent when told (the packet needs it). */
async function handoverFor(w: World, consent: "given" | null = null) {
  await t.db.store.write((tx) =>
    tx.insert(handovers).values({
      registrantId: w.registrantId,
      centerId: w.centerId,
      needed: true,
      agency: "みなと就業・生活支援センター",
      consent,
      consentChannel: consent === null ? null : "paper",
      consentAt: consent === null ? null : Date.now(),
      updatedAt: Date.now(),
    }),
  );
}
const calls: Record<string, Call> = {
  "post /api/logout": () => ({ path: "/api/logout" }),
  "get /api/me": () => ({ path: "/api/me" }),
  "post /api/me/password": () => ({
    path: "/api/me/password",
    body: { currentPassword: testPassword, newPassword: testPassword },
  }),
  "post /api/me/line-link-code": () => ({ path: "/api/me/line-link-code" }),
  "post /api/me/line/unlink": () => ({ path: "/api/me/line/unlink" }),
  "post /api/me/alerts": () => ({
    path: "/api/me/alerts",
    body: { urgent: true, high: false, digest: true },
  }),
  "get /api/escalations": () => ({ path: "/api/escalations?status=all" }),
  "get /api/escalations/:id": (w) => ({ path: `/api/escalations/${w.escalationId}` }),
  "post /api/escalations/:id/acknowledge": (w) => ({
    path: `/api/escalations/${w.escalationId}/acknowledge`,
  }),
  "post /api/escalations/:id/assign": (w) => ({
    path: `/api/escalations/${w.escalationId}/assign`,
    body: { staffId: w.caseworker.id },
  }),
  "post /api/escalations/:id/notes": (w) => ({
    path: `/api/escalations/${w.escalationId}/notes`,
    body: { text: "電話しました" },
  }),
  "post /api/escalations/:id/resolve": (w) => ({
    path: `/api/escalations/${w.escalationId}/resolve`,
    body: { note: "面談で確認しました" },
  }),
  "post /api/registrants": () => ({ path: "/api/registrants", body: { displayName: "新しい人" } }),
  "get /api/registrants": () => ({ path: "/api/registrants" }),
  "post /api/registrants/:id/link-code": (w) => ({
    path: `/api/registrants/${w.registrantId}/link-code`,
  }),
  "get /api/registrants/:id": (w) => ({ path: `/api/registrants/${w.registrantId}` }),
  "patch /api/registrants/:id": (w) => ({
    path: `/api/registrants/${w.registrantId}`,
    body: { phone: "090-1234-5678", caseworkerId: w.caseworker.id },
  }),
  "post /api/registrants/:id/checkins": (w) => ({
    path: `/api/registrants/${w.registrantId}/checkins`,
  }),
  "post /api/registrants/:id/schedule": (w) => ({
    path: `/api/registrants/${w.registrantId}/schedule`,
    body: { weekday: 1, time: "07:30" },
  }),
  "post /api/registrants/:id/pause": (w) => ({ path: `/api/registrants/${w.registrantId}/pause` }),
  "get /api/compliance": () => ({ path: "/api/compliance?month=2026-11" }),
  "get /api/stats": () => ({ path: "/api/stats?from=2026-10&to=2026-11" }),
  "get /api/stats.csv": () => ({ path: "/api/stats.csv?from=2026-10&to=2026-11" }),
  "get /api/retention-rate": () => ({ path: "/api/retention-rate" }),
  "get /api/registrants/:id/reports": (w) => ({
    path: `/api/registrants/${w.registrantId}/reports`,
  }),
  "get /api/registrants/:id/reports/:month": (w) => ({
    path: `/api/registrants/${w.registrantId}/reports/2026-11`,
  }),
  "put /api/registrants/:id/reports/:month": (w) => ({
    path: `/api/registrants/${w.registrantId}/reports/2026-11`,
    body: { sections: [{ key: "share", text: "来月の面談日を相談させてください。" }] },
  }),
  "post /api/registrants/:id/reports/:month/finalize": (w) => ({
    path: `/api/registrants/${w.registrantId}/reports/2026-11/finalize`,
  }),
  "post /api/registrants/:id/reports/:month/versions": async (w) => {
    await mintFinalReport(t.db.store, {
      centerId: w.centerId,
      registrantId: w.registrantId,
      month: "2026-11",
      staffId: w.caseworker.id,
    });
    return { path: `/api/registrants/${w.registrantId}/reports/2026-11/versions` };
  },
  "post /api/registrants/:id/reports/:month/share": async (w) => {
    await mintFinalReport(t.db.store, {
      centerId: w.centerId,
      registrantId: w.registrantId,
      month: "2026-11",
      staffId: w.caseworker.id,
    });
    return {
      path: `/api/registrants/${w.registrantId}/reports/2026-11/share`,
      body: { to: ["person"], channel: "paper" },
    };
  },
  "post /api/registrants/:id/contacts": (w) => ({
    path: `/api/registrants/${w.registrantId}/contacts`,
    body: contactBody(),
  }),
  "get /api/registrants/:id/handover": (w) => ({
    path: `/api/registrants/${w.registrantId}/handover`,
  }),
  "put /api/registrants/:id/handover": (w) => ({
    path: `/api/registrants/${w.registrantId}/handover`,
    body: { needed: true, agency: "みなと就業・生活支援センター", whatWorks: "紙で伝える" },
  }),
  "post /api/registrants/:id/handover/consent-request": async (w) => {
    await handoverFor(w);
    return { path: `/api/registrants/${w.registrantId}/handover/consent-request` };
  },
  "post /api/registrants/:id/handover/consent": async (w) => {
    await handoverFor(w);
    return {
      path: `/api/registrants/${w.registrantId}/handover/consent`,
      body: { decision: "given", channel: "paper" },
    };
  },
  "get /api/registrants/:id/handover/packet": async (w) => {
    await handoverFor(w, "given");
    return { path: `/api/registrants/${w.registrantId}/handover/packet` };
  },
  "post /api/registrants/:id/handover/given": async (w) => {
    await handoverFor(w, "given");
    return {
      path: `/api/registrants/${w.registrantId}/handover/given`,
      body: { to: "みなとセンター 田中" },
    };
  },
  "get /api/registrants/:id/contacts": (w) => ({
    path: `/api/registrants/${w.registrantId}/contacts`,
  }),
  "patch /api/registrants/:id/contacts/:contactId": async (w) => {
    // the case worker's contact: its author may correct it, a supervisor may revise it
    const contact = await t.db.store.write((tx) =>
      insertContact(tx, {
        centerId: w.centerId,
        registrantId: w.registrantId,
        authorStaffId: w.caseworker.id,
        kind: "phone",
        parties: ["person"],
        at: Date.now() - 3_600_000,
        minutes: 10,
        note: "",
        escalationId: null,
        now: Date.now(),
      }),
    );
    return {
      path: `/api/registrants/${w.registrantId}/contacts/${contact.id}`,
      body: { ...contactBody(), minutes: 15 },
    };
  },
  "post /api/registrants/:id/resume": (w) => ({
    path: `/api/registrants/${w.registrantId}/resume`,
  }),
  "get /api/registrants/:id/messages": (w) => ({
    path: `/api/registrants/${w.registrantId}/messages`,
  }),
  "post /api/registrants/:id/messages": (w) => ({
    path: `/api/registrants/${w.registrantId}/messages`,
    body: { text: "あとで でんわします" },
  }),
  "post /api/registrants/:id/read": (w) => ({ path: `/api/registrants/${w.registrantId}/read` }),
  "get /api/inbox": () => ({ path: "/api/inbox" }),
  "get /api/changes": () => ({ path: "/api/changes?since=0" }),
  "post /api/registrants/:id/end": (w) => ({
    path: `/api/registrants/${w.registrantId}/end`,
    body: { reason: "person_request" },
  }),
  "get /api/registrants/:id/export": (w) => ({ path: `/api/registrants/${w.registrantId}/export` }),
  "post /api/registrants/:id/reopen": async (w) => {
    // ended first, so that reopening has something to undo
    await endSupportFor(w.registrantId);
    return { path: `/api/registrants/${w.registrantId}/reopen` };
  },
  "delete /api/registrants/:id": (w) => ({
    path: `/api/registrants/${w.registrantId}`,
    body: { confirm: w.registrantName },
  }),
  "post /api/registrants/:id/employers/:employerId/end": (w) => ({
    path: `/api/registrants/${w.registrantId}/employers/${w.employerId}/end`,
    body: { endedOn: "2026-12-31" },
  }),
  "post /api/registrants/:id/employers": (w) => ({
    path: `/api/registrants/${w.registrantId}/employers`,
    body: { employerId: w.employerId },
  }),
  "get /api/employers": () => ({ path: "/api/employers" }),
  "post /api/employers": () => ({ path: "/api/employers", body: { name: "株式会社あたらしい" } }),
  "post /api/employers/:id/contacts": (w) => ({
    path: `/api/employers/${w.employerId}/contacts`,
    body: { displayName: "人事 佐藤" },
  }),
  "get /api/employers/:id": (w) => ({ path: `/api/employers/${w.employerId}` }),
  "post /api/employers/:id/contacts/:contactId/link-code": (w) => ({
    path: `/api/employers/${w.employerId}/contacts/${w.contactId}/link-code`,
  }),
  "post /api/employers/:id/contacts/:contactId/unlink": (w) => ({
    path: `/api/employers/${w.employerId}/contacts/${w.contactId}/unlink`,
  }),
  "get /api/employers/:id/contacts/:contactId/messages": (w) => ({
    path: `/api/employers/${w.employerId}/contacts/${w.contactId}/messages`,
  }),
  "post /api/employers/:id/contacts/:contactId/messages": (w) => ({
    path: `/api/employers/${w.employerId}/contacts/${w.contactId}/messages`,
    body: { text: "来週 伺います。", confirmRecipientIsCompany: true },
  }),
  "post /api/employers/:id/pulse": (w) => ({
    path: `/api/employers/${w.employerId}/pulse`,
    body: { enabled: false, day: 15 },
  }),
  "get /api/staff": () => ({ path: "/api/staff" }),
  "post /api/staff": () => ({
    path: "/api/staff",
    body: {
      email: `new-${crypto.randomUUID()}@example.jp`,
      displayName: "新人",
      role: "caseworker",
    },
  }),
  "get /api/audit": () => ({ path: "/api/audit" }),
  "get /api/center": () => ({ path: "/api/center" }),
  "get /api/outbox/failed": () => ({ path: "/api/outbox/failed" }),
  "post /api/outbox/:id/retry": (w) => ({ path: `/api/outbox/${w.failedOutboxId}/retry` }),
  "post /api/outbox/:id/handled": (w) => ({ path: `/api/outbox/${w.failedOutboxId}/handled` }),
  "post /api/staff/:id/deactivate": (w) => ({ path: `/api/staff/${w.caseworker.id}/deactivate` }),
  "post /api/staff/:id/reactivate": (w) => ({ path: `/api/staff/${w.caseworker.id}/reactivate` }),
  "post /api/staff/:id/reset-password": (w) => ({
    path: `/api/staff/${w.caseworker.id}/reset-password`,
  }),
  "post /api/staff/:id/role": (w) => ({
    path: `/api/staff/${w.caseworker.id}/role`,
    body: { role: "supervisor" },
  }),
  "put /api/center": () => ({ path: "/api/center", body: centerBody }),
};

const workday = { opens: "09:00", closes: "17:30" };
const centerBody = {
  name: "センターA（新）",
  phone: "03-1234-5678",
  hours: {
    sun: null,
    mon: workday,
    tue: workday,
    wed: workday,
    thu: workday,
    fri: workday,
    sat: null,
  },
  closedDays: ["2026-12-28"],
  yearEndClosure: true,
  replyTemplates: ["あとで でんわします"],
};

const key = (route: ApiRoute) => `${route.method} ${route.path}`;
/** Routes that name one of center A's resources in their path. */
const namesResource = (route: ApiRoute) => route.path.includes(":id");

async function snapshot(store: Store) {
  const tables = {
    registrants,
    employers,
    employerContacts,
    employments,
    escalations,
    escalationEvents,
    staff,
    checkins,
    outbox,
    linkCodes,
    messages,
    centers,
    supportContacts,
    handovers,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const rows = await store.db.select({ n: count() }).from(table);
    counts[name] = rows[0]?.n ?? 0;
  }
  // a refused acknowledgement, pause, schedule, pulse or unlink shows in the rows, not the counts
  const rows = {
    escalations: await store.db.select().from(escalations).orderBy(escalations.id),
    registrants: await store.db.select().from(registrants).orderBy(registrants.id),
    employers: await store.db.select().from(employers).orderBy(employers.id),
    employerContacts: await store.db.select().from(employerContacts).orderBy(employerContacts.id),
    centers: await store.db.select().from(centers).orderBy(centers.id),
    staff: await store.db.select().from(staff).orderBy(staff.id),
    outbox: await store.db.select().from(outbox).orderBy(outbox.id),
    handovers: await store.db.select().from(handovers).orderBy(handovers.registrantId),
    employments: await store.db
      .select()
      .from(employments)
      .orderBy(employments.registrantId, employments.employerId),
  };
  return { counts, rows };
}

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

describe("the route table", () => {
  it("has a call for every route, so a new route cannot skip these checks", () => {
    expect(apiRoutes.map(key).sort()).toEqual(Object.keys(calls).sort());
  });
});

type Who = "no session" | "caseworker" | "supervisor" | "other center's supervisor";
const cases = apiRoutes.flatMap((route) =>
  (["no session", "caseworker", "supervisor", "other center's supervisor"] as Who[]).map(
    (who) => [key(route), who, route] as const,
  ),
);

describe.each(cases)("%s as %s", (_name, who, route) => {
  it("answers as the boundary says, and a refusal changes nothing", async () => {
    // each case gets its own two centers, so one case's change cannot hide another's leak
    const store = t.db.store;
    const w = await mintWorld(store);
    const client =
      who === "no session"
        ? anonymous(t)
        : await loginAs(
            t,
            who === "caseworker" ? w.caseworker : who === "supervisor" ? w.supervisor : w.outsider,
          );
    const call: Call = calls[key(route)] ?? (() => ({ path: "/" }));
    const { path, body } = await call(w);
    const before = await snapshot(store);
    const response = await client.call(route.method.toUpperCase(), path, body);
    const text = await response.text();

    const expected =
      who === "no session"
        ? 401
        : who === "caseworker" && route.role === "supervisor"
          ? 403
          : who === "other center's supervisor" && namesResource(route)
            ? 404
            : "ok";
    if (expected === "ok") {
      expect(response.status, text).toBeGreaterThanOrEqual(200);
      expect(response.status, text).toBeLessThan(300);
    } else {
      expect(response.status, text).toBe(expected);
      expect(JSON.parse(text)).toHaveProperty("error.code");
      expect(await snapshot(store)).toEqual(before);
    }
    if (who === "other center's supervisor") {
      // nothing of center A, not even an id, reaches another center
      for (const id of [
        w.centerId,
        w.registrantId,
        w.employerId,
        w.contactId,
        w.escalationId,
        w.caseworker.id,
        w.supervisor.id,
      ]) {
        expect(text).not.toContain(id);
      }
    }
  });
});
