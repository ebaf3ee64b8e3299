// The support period: program, hiring date, start and end set over the API and on the page, the
// 定着支援 defaults and 3-year limit, the days left in Tokyo days, the center boundary and the audit.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, registrants } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import {
  loginAs,
  mintCenter,
  mintRegistrant,
  mintStaff,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
/** Wednesday 2026-11-25 10:00 in Tokyo. */
const start = jst("2026-11-25T10:00:00");

let t: TestApp;
let clock: TestClock;
let centerId: string;
let worker: TestStaff;
let api: ApiClient;

beforeEach(async () => {
  clock = createTestClock(start);
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store)).id;
  worker = await mintStaff(t.db.store, centerId, "caseworker");
  api = await loginAs(t, worker);
});

afterEach(async () => {
  await t.close();
});

interface Period {
  program: string | null;
  hiredOn: string | null;
  supportStartsOn: string | null;
  supportEndsOn: string | null;
  daysLeft: number | null;
}

/** Moves the clock (days or months on) and logs in again: a session does not last that long. */
async function at(iso: string) {
  clock.set(jst(iso));
  api = await loginAs(t, worker);
}

const patch = (id: string, body: unknown) => api.call("PATCH", `/api/registrants/${id}`, body);

async function periodOf(id: string): Promise<Period> {
  const response = await api.call("GET", `/api/registrants/${id}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { period: Period }).period;
}

async function patched(id: string, body: unknown): Promise<Period> {
  const response = await patch(id, body);
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { period: Period }).period;
}

const empty: Period = {
  program: null,
  hiredOn: null,
  supportStartsOn: null,
  supportEndsOn: null,
  daysLeft: null,
};

describe("setting the period over the API", () => {
  it("starts 定着支援 6 months after hiring and ends it 3 years less a day later, with the days left", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    expect(await periodOf(person.id)).toEqual(empty);
    const period = await patched(person.id, { program: "retention", hiredOn: "2024-04-01" });
    const expected = {
      program: "retention",
      hiredOn: "2024-04-01",
      supportStartsOn: "2024-10-01",
      supportEndsOn: "2027-09-30",
      // 2026-11-25 → 2027-09-30
      daysLeft: 309,
    };
    expect(period).toEqual(expected);
    expect(await periodOf(person.id)).toEqual(expected);
  });

  it("counts months from the end of a month as the Civil Code does, leap days included", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    const period = await patched(person.id, { program: "retention", hiredOn: "2024-08-31" });
    expect(period).toMatchObject({ supportStartsOn: "2025-03-01", supportEndsOn: "2028-02-29" });
  });

  it("keeps a start or an end staff typed, and fills in only what is empty", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    expect(
      await patched(person.id, {
        program: "retention",
        hiredOn: "2024-04-01",
        supportStartsOn: "2024-11-15",
      }),
    ).toMatchObject({ supportStartsOn: "2024-11-15", supportEndsOn: "2027-11-14" });
    expect(await patched(person.id, { supportEndsOn: "2026-12-31" })).toMatchObject({
      hiredOn: "2024-04-01",
      supportStartsOn: "2024-11-15",
      supportEndsOn: "2026-12-31",
      daysLeft: 36,
    });
    // a correction of the hiring date alone does not move a start already set
    expect(await patched(person.id, { hiredOn: "2024-05-01" })).toMatchObject({
      supportStartsOn: "2024-11-15",
      supportEndsOn: "2026-12-31",
    });
  });

  it("gives a center's own support no defaults and no limit", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    expect(await patched(person.id, { program: "center", hiredOn: "2015-04-01" })).toEqual({
      ...empty,
      program: "center",
      hiredOn: "2015-04-01",
    });
    expect(
      await patched(person.id, { supportStartsOn: "2015-04-01", supportEndsOn: "2035-03-31" }),
    ).toMatchObject({ supportEndsOn: "2035-03-31" });
  });

  it("accepts an end on the last day of the 3 years, and on the day it starts", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    const body = { program: "retention", supportStartsOn: "2024-10-01" };
    expect(await patched(person.id, { ...body, supportEndsOn: "2027-09-30" })).toMatchObject({
      supportEndsOn: "2027-09-30",
    });
    expect(await patched(person.id, { ...body, supportEndsOn: "2024-10-01" })).toMatchObject({
      supportEndsOn: "2024-10-01",
    });
  });

  it("clears with null: everything, or an empty 定着支援 end that comes back as the default", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    await patched(person.id, {
      program: "retention",
      hiredOn: "2024-04-01",
      supportEndsOn: "2026-12-31",
    });
    expect(await patched(person.id, { supportEndsOn: null })).toMatchObject({
      supportEndsOn: "2027-09-30",
    });
    expect(
      await patched(person.id, {
        program: null,
        hiredOn: null,
        supportStartsOn: null,
        supportEndsOn: null,
      }),
    ).toEqual(empty);
  });

  it("leaves the period alone, and answers only the profile, when a change does not touch it", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    await patched(person.id, { program: "retention", hiredOn: "2024-04-01" });
    const response = await patch(person.id, { phone: "090-1234-5678" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("period");
    expect(body.phone).toBe("090-1234-5678");
    expect(await periodOf(person.id)).toMatchObject({ supportEndsOn: "2027-09-30" });
  });

  it("sets the period together with the primary case worker", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    const response = await patch(person.id, {
      caseworkerId: worker.id,
      program: "center",
      supportEndsOn: "2027-03-31",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      caseworkerId: worker.id,
      period: { program: "center", supportEndsOn: "2027-03-31" },
    });
  });

  it("audits a change of the period as registrant.period, and a profile change as before", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    await patched(person.id, { program: "retention", hiredOn: "2024-04-01" });
    await patch(person.id, { clinic: "A病院" });
    const rows = await t.db.store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, person.id), eq(auditLog.actorStaffId, worker.id)));
    const actions = rows.map((row) => row.action);
    expect(actions.filter((action) => action === "registrant.period")).toHaveLength(1);
    expect(actions.filter((action) => action === "registrant.profile")).toHaveLength(1);
  });
});

describe("bad input", () => {
  const base = { program: "retention", hiredOn: "2024-04-01" };
  /** A center's support of 5 years: allowed, and too long for 定着支援. */
  const centerSupport = {
    program: "center",
    hiredOn: "2024-04-01",
    supportStartsOn: "2024-10-01",
    supportEndsOn: "2029-09-30",
  };

  it.each([
    ["a date that does not exist", { supportEndsOn: "2027-02-30" }, undefined],
    ["a date written another way", { hiredOn: "2024/04/01" }, undefined],
    ["a date with a time", { supportStartsOn: "2024-10-01T00:00:00+09:00" }, undefined],
    ["a month without a day", { supportEndsOn: "2027-09" }, undefined],
    ["a number for a date", { hiredOn: 20240401 }, undefined],
    ["an empty date", { hiredOn: "" }, undefined],
    ["a program it does not know", { program: "transition" }, undefined],
    [
      "an end more than 3 years after the start for 定着支援",
      { program: "retention", supportStartsOn: "2024-10-01", supportEndsOn: "2027-10-01" },
      "period_too_long",
    ],
    [
      "an end before the start",
      { supportStartsOn: "2025-01-01", supportEndsOn: "2024-12-31" },
      "period_end_before_start",
    ],
    ["定着支援 for a center support of 5 years", { program: "retention" }, "period_too_long"],
  ])("refuses %s with 400 and changes nothing", async (_what, body, reason) => {
    const person = await mintRegistrant(t.db.store, centerId);
    const before = await patched(person.id, centerSupport);
    const response = await patch(person.id, body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; reason?: string } };
    expect(error.code).toBe("bad_request");
    expect(error.reason).toBe(reason);
    expect(await periodOf(person.id)).toEqual(before);
  });

  it("refuses an end past 3 years from the start already stored", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    await patched(person.id, base);
    expect((await patch(person.id, { supportEndsOn: "2027-10-01" })).status).toBe(400);
    expect((await patch(person.id, { supportStartsOn: "2027-10-01" })).status).toBe(400);
    expect(await periodOf(person.id)).toMatchObject({
      supportStartsOn: "2024-10-01",
      supportEndsOn: "2027-09-30",
    });
  });

  it("answers 404 for another center's registrant and changes nothing", async () => {
    const elsewhere = (await mintCenter(t.db.store, "よそ")).id;
    const stranger = await mintRegistrant(t.db.store, elsewhere);
    expect((await patch(stranger.id, { program: "retention", hiredOn: "2024-04-01" })).status).toBe(
      404,
    );
    const rows = await t.db.store.db
      .select()
      .from(registrants)
      .where(eq(registrants.id, stranger.id));
    expect(rows[0]).toMatchObject({ program: null, hiredOn: null, supportEndsOn: null });
    const page = await form(stranger.id, { program: "retention", hiredOn: "2024-04-01" });
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("山田 花子");
  });
});

describe("the days left", () => {
  it("counts whole Tokyo days: 0 on the last day until midnight in Tokyo, then below zero", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    await patched(person.id, { program: "center", supportEndsOn: "2027-09-30" });
    await at("2027-09-29T23:59:00");
    expect((await periodOf(person.id)).daysLeft).toBe(1);
    await at("2027-09-30T00:00:00");
    expect((await periodOf(person.id)).daysLeft).toBe(0);
    await at("2027-09-30T23:59:00");
    expect((await periodOf(person.id)).daysLeft).toBe(0);
    await at("2027-10-01T00:00:00");
    expect((await periodOf(person.id)).daysLeft).toBe(-1);
  });
});

/** Posts the period form as the page does. */
function form(id: string, fields: Record<string, string>) {
  return api.call(
    "POST",
    `/dashboard/registrants/${id}/period`,
    new URLSearchParams(fields).toString(),
    {
      "content-type": "application/x-www-form-urlencoded",
      origin: "http://localhost",
      "sec-fetch-site": "same-origin",
    },
  );
}

async function pageOf(id: string): Promise<string> {
  const response = await api.call("GET", `/dashboard/registrants/${id}`);
  expect(response.status).toBe(200);
  return response.text();
}

const daysLeftTag = (html: string) =>
  /<p class="([^"]*)" data-testid="period-days-left" data-soon="(true|false)">([^<]*)<\/p>/.exec(
    html,
  );

describe("the registrant page", () => {
  it("shows the program, the dates and the days left, in the warning colour from 90 days", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    expect(await pageOf(person.id)).toContain("終了日が未設定です。");

    await patched(person.id, { program: "retention", hiredOn: "2024-04-01" });
    let html = await pageOf(person.id);
    expect(html).toContain("就労定着支援");
    expect(html).toContain("2024-10-01");
    expect(daysLeftTag(html)?.slice(1)).toEqual(["period-left", "false", "あと 309 日"]);

    // 91 days before the end, then 90
    await at("2027-07-01T10:00:00");
    expect(daysLeftTag(await pageOf(person.id))?.slice(2)).toEqual(["false", "あと 91 日"]);
    await at("2027-07-02T10:00:00");
    html = await pageOf(person.id);
    expect(daysLeftTag(html)?.slice(1)).toEqual([
      "period-left period-left-soon",
      "true",
      "あと 90 日",
    ]);
    expect(html).toContain('data-testid="period-handover-hint"');
  });

  it("saves the form with the same defaults, and says so", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    const response = await form(person.id, {
      program: "retention",
      hiredOn: "2024-04-01",
      supportStartsOn: "",
      supportEndsOn: "",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/dashboard/registrants/${person.id}?done=period`,
    );
    expect(await periodOf(person.id)).toMatchObject({
      supportStartsOn: "2024-10-01",
      supportEndsOn: "2027-09-30",
    });
    const done = await api.call("GET", `/dashboard/registrants/${person.id}?done=period`);
    expect(await done.text()).toContain("支援期間を保存しました。");
    // emptied fields clear the period
    await form(person.id, { program: "", hiredOn: "", supportStartsOn: "", supportEndsOn: "" });
    expect(await periodOf(person.id)).toEqual(empty);
  });

  it.each([
    [{ hiredOn: "2024-02-30" }, "採用日は 2026-04-01 のような、ある日付で入力してください。"],
    [{ supportStartsOn: "きのう" }, "開始日は 2026-04-01 のような、ある日付で入力してください。"],
    [{ supportEndsOn: "2027/09/30" }, "終了日は 2026-04-01 のような、ある日付で入力してください。"],
    [{ program: "other" }, "制度を一覧から選んでください。"],
    [
      { supportStartsOn: "2024-10-01", supportEndsOn: "2027-10-01" },
      "就労定着支援の期間は最長 3 年です。",
    ],
    [
      { supportStartsOn: "2025-01-01", supportEndsOn: "2024-12-31" },
      "終了日は開始日と同じか、それより後の日にしてください。",
    ],
  ])("refuses %o with 400 and says why in Japanese", async (fields, message) => {
    const person = await mintRegistrant(t.db.store, centerId);
    const response = await form(person.id, {
      program: "retention",
      hiredOn: "2024-04-01",
      supportStartsOn: "",
      supportEndsOn: "",
      ...fields,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await periodOf(person.id)).toEqual(empty);
  });
});
