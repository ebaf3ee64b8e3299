// The month's duties: a face-to-face meeting a month (a duty), a company contact (an effort, a
// warning), counted only from what staff recorded, by person, worker and center, against rules
// that are rows; due in the month, overdue in its last week, shown in the queue then.
import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertContact } from "../../src/store/contacts";
import { insertRegistrant, setRegistrantStatus } from "../../src/store/registrants";
import { auditLog, auditPeople, dutyRules, registrants } from "../../src/store/schema";
import type { ContactKind } from "../../src/vocabulary/kinds";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { loginAs, mintCenter, mintStaff, type ApiClient, type TestStaff } from "../support/staff";

let t: TestApp;
let clock: TestClock;
let centerId: string;
let worker: TestStaff;
let api: ApiClient;

const midMonth = Date.UTC(2026, 10, 12, 3, 0, 0); // 2026-11-12 12:00 in Japan
const lastWeek = Date.UTC(2026, 10, 26, 3, 0, 0); // 2026-11-26, five days before the end

beforeEach(async () => {
  clock = createTestClock(midMonth);
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store)).id;
  worker = await mintStaff(t.db.store, centerId, "caseworker");
  api = await loginAs(t, worker);
});

afterEach(async () => {
  await t.close();
});

async function person(name: string, changes: Partial<typeof registrants.$inferInsert> = {}) {
  const row = await t.db.store.write((tx) =>
    insertRegistrant(tx, { centerId, displayName: name, now: Date.UTC(2026, 0, 1) }),
  );
  await t.db.store.write((tx) =>
    tx
      .update(registrants)
      .set({ caseworkerId: worker.id, ...changes })
      .where(eq(registrants.id, row.id)),
  );
  return row;
}

function contact(registrantId: string, kind: ContactKind, at = Date.UTC(2026, 10, 5, 1)) {
  return t.db.store.write((tx) =>
    insertContact(tx, {
      centerId,
      registrantId,
      authorStaffId: worker.id,
      kind,
      parties: ["person"],
      at,
      minutes: 30,
      note: "",
      escalationId: null,
      now: at,
    }),
  );
}

interface Compliance {
  month: string;
  late: boolean;
  items: {
    registrantId: string;
    faceToFace: number;
    companyContacts: number;
    reportShared: boolean;
    status: string;
    warnings: string[];
    dutiesApply: boolean;
  }[];
  byWorker: { caseworkerId: string | null; people: number; ok: number; due: number }[];
  totals: { people: number; ok: number; due: number; overdue: number; companyWarnings: number };
}

async function compliance(month = "2026-11", client = api): Promise<Compliance> {
  const response = await client.call("GET", `/api/compliance?month=${month}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Compliance;
}

const itemOf = (body: Compliance, id: string) =>
  body.items.find((item) => item.registrantId === id);

describe("the month's duties", () => {
  it("counts a face-to-face meeting as done, and a phone call, a company visit or nothing as not", async () => {
    const met = await person("会えた 人");
    const called = await person("電話 だけ");
    const nothing = await person("まだ の 人");
    await contact(met.id, "face_to_face");
    await contact(met.id, "company_visit");
    await contact(called.id, "phone");
    const body = await compliance();
    expect(body.late).toBe(false);
    expect(itemOf(body, met.id)).toMatchObject({
      faceToFace: 1,
      companyContacts: 1,
      reportShared: false,
      status: "ok",
      warnings: [],
    });
    expect(itemOf(body, called.id)).toMatchObject({
      faceToFace: 0,
      status: "due",
      warnings: ["company"],
    });
    expect(itemOf(body, nothing.id)).toMatchObject({ status: "due" });
    expect(body.totals).toMatchObject({ people: 3, ok: 1, due: 2, overdue: 0, companyWarnings: 2 });
    expect(body.byWorker).toEqual([
      expect.objectContaining({ caseworkerId: worker.id, people: 3, ok: 1, due: 2 }),
    ]);
  });

  it("lists one worker's people when asked, the page a worker's own by default, totals for all", async () => {
    const colleague = await mintStaff(t.db.store, centerId, "caseworker");
    const mine = await person("自分の 人");
    const theirs = await person("同僚の 人", { caseworkerId: colleague.id });
    const nobodys = await person("担当なしの 人", { caseworkerId: null });
    const all = await compliance();
    expect(all.items.map((item) => item.registrantId).sort()).toEqual(
      [mine.id, theirs.id, nobodys.id].sort(),
    );
    const response = await api.call(
      "GET",
      `/api/compliance?month=2026-11&caseworkerId=${colleague.id}`,
    );
    const body = (await response.json()) as Compliance;
    expect(body.items.map((item) => item.registrantId)).toEqual([theirs.id]);
    expect(body.totals.people).toBe(3);
    const none = (await (
      await api.call("GET", "/api/compliance?month=2026-11&caseworkerId=none")
    ).json()) as Compliance;
    expect(none.items.map((item) => item.registrantId)).toEqual([nobodys.id]);
    // the page shows the worker their own people first, and everyone on request
    const page = (query: string) =>
      t.request(`/dashboard/duties${query}`, { headers: { cookie: api.cookie ?? "" } });
    const own = await (await page("?month=2026-11")).text();
    expect(own).toContain("自分の 人");
    expect(own).not.toContain("同僚の 人");
    const everyone = await (await page("?month=2026-11&worker=all")).text();
    expect(everyone).toContain("同僚の 人");
    expect(everyone).toContain("担当なしの 人");
  });

  it("pages a long list 200 at a time, naming in the audit only the people shown", async () => {
    for (let i = 0; i < 205; i++) await person(`利用者 ${String(i).padStart(3, "0")}`);
    const page = async (query: string) => {
      const response = await t.request(`/dashboard/duties${query}`, {
        headers: { cookie: api.cookie ?? "" },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const rows = (html: string) => html.split('data-testid="duty-row"').length - 1;
    const first = await page("?month=2026-11");
    expect(rows(first)).toBe(200);
    expect(first).toContain("205 人中 1〜200 人目");
    expect(first).toContain('data-testid="duties-next-page"');
    const second = await page("?month=2026-11&page=2");
    expect(rows(second)).toBe(5);
    expect(second).toContain("利用者 204");
    const reads = await t.db.store.db
      .select({ people: count(auditPeople.registrantId) })
      .from(auditLog)
      .leftJoin(auditPeople, eq(auditPeople.auditId, auditLog.id))
      .where(eq(auditLog.action, "duties.read"))
      .groupBy(auditLog.id)
      .orderBy(auditLog.id);
    expect(reads.map((read) => read.people)).toEqual([200, 5]);
    // the API lists everyone
    expect((await compliance()).items).toHaveLength(205);
  });

  it("counts only the month asked for; a month gone by without a meeting is overdue", async () => {
    const someone = await person("山田 花子");
    const missed = await person("会えなかった 人");
    await contact(someone.id, "face_to_face", Date.UTC(2026, 9, 30, 1)); // October
    expect(itemOf(await compliance("2026-11"), someone.id)?.status).toBe("due");
    const october = await compliance("2026-10");
    expect(itemOf(october, someone.id)?.status).toBe("ok");
    expect(itemOf(october, missed.id)?.status).toBe("overdue");
  });

  it("turns a missing meeting overdue in the month's last week, and says so in the queue", async () => {
    const someone = await person("山田 花子");
    const before = await (await api.call("GET", "/dashboard")).text();
    expect(before).not.toContain('data-testid="duties-overdue"');
    clock.set(lastWeek);
    const late = await loginAs(t, worker);
    const body = await compliance("2026-11", late);
    expect(body.late).toBe(true);
    expect(itemOf(body, someone.id)?.status).toBe("overdue");
    const queue = await (await late.call("GET", "/dashboard")).text();
    expect(queue).toContain('data-testid="duties-overdue"');
    expect(queue).toContain("面談をしていない人が 1 人");
  });

  it("has no duty for a support center's own support, and leaves out people not in support that month", async () => {
    const center = await person("センター 支援", { program: "center" });
    const ended = await person("終了 した 人", { endedAt: Date.UTC(2026, 9, 20) });
    await t.db.store.write((tx) => setRegistrantStatus(tx, ended.id, "ended"));
    const notYet = await person("まだ 始まらない", { supportStartsOn: "2026-12-01" });
    const over = await person("期間 満了", { supportEndsOn: "2026-10-31" });
    const body = await compliance();
    expect(itemOf(body, center.id)).toMatchObject({ dutiesApply: false, status: "ok" });
    for (const gone of [ended, notYet, over]) expect(itemOf(body, gone.id)).toBeUndefined();
  });

  it("reads a rule change as a row: from its month on, not before", async () => {
    const someone = await person("山田 花子");
    await contact(someone.id, "face_to_face", Date.UTC(2026, 10, 5, 1));
    await contact(someone.id, "face_to_face", Date.UTC(2026, 11, 2, 1));
    await t.db.store.write((tx) =>
      tx.insert(dutyRules).values({
        key: "face_to_face",
        program: "retention",
        effectiveFrom: "2026-12",
        kinds: ["face_to_face"],
        minPerMonth: 2,
        strength: "duty",
        source: "test: a stricter rule from December",
      }),
    );
    clock.set(Date.UTC(2026, 11, 3, 3));
    const client = await loginAs(t, worker);
    expect(itemOf(await compliance("2026-11", client), someone.id)?.status).toBe("ok");
    expect(itemOf(await compliance("2026-12", client), someone.id)?.status).toBe("due");
  });

  it("shows another center nothing, refuses a month that is not one, and audits whom it listed", async () => {
    const ours = await person("山田 花子");
    const outsider = await loginAs(
      t,
      await mintStaff(t.db.store, (await mintCenter(t.db.store, "よそ")).id, "supervisor"),
    );
    expect((await compliance("2026-11", outsider)).items).toEqual([]);
    for (const month of ["2026-13", "11-2026", "now"]) {
      expect((await api.call("GET", `/api/compliance?month=${month}`)).status).toBe(400);
    }
    await compliance();
    const [entry] = await t.db.store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "duties.read"), eq(auditLog.actorStaffId, worker.id)));
    expect(entry?.actorStaffId).toBe(worker.id);
    const people = await t.db.store.db
      .select()
      .from(auditPeople)
      .where(eq(auditPeople.auditId, entry?.id ?? -1));
    expect(people.map((row) => row.registrantId)).toEqual([ours.id]);
  });

  it("is a page with each person, the totals, the workers and the rules with their source", async () => {
    const met = await person("会えた 人");
    await person("まだ の 人");
    await contact(met.id, "face_to_face");
    const page = await api.call("GET", "/dashboard/duties?month=2026-11");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("2026-11 の実施状況");
    expect(html.match(/data-testid="duty-row"/g)).toHaveLength(2);
    expect(html).toContain("2 人のうち、面談済み 1 人・未実施 1 人");
    expect(html).toContain("留意事項通知");
    expect((await api.call("GET", "/dashboard/duties?month=2026-99")).status).toBe(400);
  });
});
