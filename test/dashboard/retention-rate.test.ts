// 就労定着率 over the API and on its page: figures from periods, jobs and ends set through the
// API on the real migrations, everyone behind them with a reason, the band from fee_bands rows (a
// new row changes it), the fiscal year checked, only the center's own people, and the audit.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, auditPeople, feeBands } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { loginAs, mintCenter, mintStaff, type ApiClient, type TestStaff } from "../support/staff";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
/** Thursday 2026-11-12 12:00 in Tokyo: fiscal 2026, read as of 2026-03-31. */
const now = jst("2026-11-12T12:00:00");

let t: TestApp;
let clock: TestClock;
let centerId: string;
let worker: TestStaff;
let api: ApiClient;

beforeEach(async () => {
  clock = createTestClock(now);
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store)).id;
  worker = await mintStaff(t.db.store, centerId, "caseworker");
  api = await loginAs(t, worker);
});

afterEach(async () => {
  await t.close();
});

interface Rate {
  fiscalYear: number;
  window: { from: string; to: string };
  asOf: string;
  users: number;
  retained: number;
  undetermined: number;
  rate: number | null;
  band: { minPercent: number; units: number; effectiveFrom: string; source: string } | null;
  people: {
    registrantId: string;
    displayName: string;
    included: boolean;
    retained: boolean;
    reason: string;
    on: string | null;
  }[];
  estimate: boolean;
}

async function ok(response: Response) {
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.json() as Promise<Record<string, unknown>>;
}

/** A registrant made and given a period over the API, as staff would. */
async function person(name: string, period: Record<string, string>, client = api) {
  const { id } = (await ok(
    await client.call("POST", "/api/registrants", { displayName: name }),
  )) as {
    id: string;
  };
  await ok(await client.call("PATCH", `/api/registrants/${id}`, period));
  return id;
}

async function employedThenLeft(registrantId: string, endedOn: string) {
  const { id: employerId } = (await ok(
    await api.call("POST", "/api/employers", { name: "株式会社テスト" }),
  )) as { id: string };
  await ok(await api.call("POST", `/api/registrants/${registrantId}/employers`, { employerId }));
  await ok(
    await api.call("POST", `/api/registrants/${registrantId}/employers/${employerId}/end`, {
      endedOn,
    }),
  );
}

/** Moves the clock and logs in again: a session does not last months. */
async function at(ms: number) {
  clock.set(ms);
  api = await loginAs(t, worker);
}

async function rate(fy?: string, client = api): Promise<Rate> {
  const response = await client.call(
    "GET",
    fy === undefined ? "/api/retention-rate" : `/api/retention-rate?fy=${fy}`,
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Rate;
}

/** Five people of 就労定着支援 and one of the center's own support. */
async function mintPeople() {
  const working = await person("在職 一郎", { program: "retention", hiredOn: "2024-04-01" });
  const jobEnded = await person("離職 次郎", { program: "retention", hiredOn: "2023-01-10" });
  await employedThenLeft(jobEnded, "2025-12-31");
  const leftJob = await person("退職 三郎", { program: "retention", hiredOn: "2024-06-01" });
  await at(jst("2026-02-10T15:00:00"));
  await ok(await api.call("POST", `/api/registrants/${leftJob}/end`, { reason: "left_job" }));
  await at(now);
  const noHire = await person("入社日 なし", {
    program: "retention",
    supportStartsOn: "2025-04-01",
  });
  const longAgo = await person("期間外 五郎", { program: "retention", hiredOn: "2019-04-01" });
  const center = await person("センター 六子", { program: "center", hiredOn: "2024-04-01" });
  return { working, jobEnded, leftJob, noHire, longAgo, center };
}

const reasonOf = (body: Rate, id: string) => body.people.find((p) => p.registrantId === id);

describe("the retention rate", () => {
  it("counts the users of the three fiscal years still in work at the last year's end", async () => {
    const people = await mintPeople();
    const body = await rate();
    expect(body).toMatchObject({
      fiscalYear: 2026,
      window: { from: "2023-04-01", to: "2026-03-31" },
      asOf: "2026-03-31",
      users: 3,
      retained: 1,
      undetermined: 1,
      rate: 33.3,
      estimate: true,
    });
    expect(reasonOf(body, people.working)).toMatchObject({
      displayName: "在職 一郎",
      included: true,
      retained: true,
      reason: "retained",
    });
    expect(reasonOf(body, people.jobEnded)).toMatchObject({
      included: true,
      retained: false,
      reason: "jobs_ended",
      on: "2025-12-31",
    });
    expect(reasonOf(body, people.leftJob)).toMatchObject({
      included: true,
      retained: false,
      reason: "left_job",
      on: "2026-02-10",
    });
    expect(reasonOf(body, people.noHire)).toMatchObject({
      included: false,
      retained: false,
      reason: "no_hire_date",
    });
    expect(reasonOf(body, people.longAgo)).toMatchObject({
      included: false,
      reason: "not_in_window",
    });
    expect(reasonOf(body, people.center)).toBeUndefined();
    expect(body.band).toEqual({
      minPercent: 30,
      units: 1433,
      effectiveFrom: "2024-04",
      source: expect.stringContaining("CASE-RULES.md") as string,
    });
  });

  it("reads an earlier fiscal year on its own window and year end", async () => {
    const people = await mintPeople();
    const body = await rate("2025");
    // as of 2025-03-31 nobody had left; the 2019 hire's support ran into April 2022
    expect(body).toMatchObject({ asOf: "2025-03-31", users: 4, retained: 4, rate: 100 });
    expect(body.band).toMatchObject({ minPercent: 95, units: 3512 });
    expect(reasonOf(body, people.longAgo)).toMatchObject({ included: true, retained: true });
    expect(reasonOf(body, people.noHire)).toMatchObject({ reason: "not_in_window" });
  });

  it("has no rate and no band without users", async () => {
    await person("入社日 なし", { program: "retention", supportStartsOn: "2025-04-01" });
    expect(await rate()).toMatchObject({ users: 0, retained: 0, rate: null, band: null });
  });

  it("takes the band from the rows: a new version from fiscal 2026 changes 2026, not 2025", async () => {
    await mintPeople();
    await t.db.store.write((tx) =>
      tx.insert(feeBands).values([
        {
          program: "retention",
          effectiveFrom: "2026-04",
          minPercent: 50,
          units: 3000,
          source: "t",
        },
        { program: "retention", effectiveFrom: "2026-04", minPercent: 0, units: 1200, source: "t" },
      ]),
    );
    expect((await rate()).band).toEqual({
      minPercent: 0,
      units: 1200,
      effectiveFrom: "2026-04",
      source: "t",
    });
    expect((await rate("2025")).band).toMatchObject({ effectiveFrom: "2024-04", units: 3512 });
  });

  it("refuses a fiscal year that is not one, before 2018 or after this one, with a 400", async () => {
    for (const fy of ["26", "20266", "abcd", "", "2017", "2027"]) {
      const response = await api.call("GET", `/api/retention-rate?fy=${fy}`);
      expect(response.status, fy).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
    }
    expect((await rate("2018")).fiscalYear).toBe(2018);
  });

  it("counts only the center's own people, and audits whom it listed", async () => {
    const ours = await person("在職 一郎", { program: "retention", hiredOn: "2024-04-01" });
    const otherCenter = (await mintCenter(t.db.store, "よそ")).id;
    const outsider = await loginAs(t, await mintStaff(t.db.store, otherCenter, "supervisor"));
    const theirs = await person(
      "よそ の 人",
      { program: "retention", hiredOn: "2024-04-01" },
      outsider,
    );
    const body = await rate();
    expect(body).toMatchObject({ users: 1, retained: 1 });
    expect(body.people.map((p) => p.registrantId)).toEqual([ours]);
    const [entry] = await t.db.store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "retention.read"), eq(auditLog.actorStaffId, worker.id)));
    expect(entry).toMatchObject({ centerId, subjectType: "registrant", subjectId: null });
    const listed = await t.db.store.db
      .select()
      .from(auditPeople)
      .where(eq(auditPeople.auditId, entry?.id ?? -1));
    expect(listed.map((row) => row.registrantId)).toEqual([ours]);
    expect((await rate(undefined, outsider)).people.map((p) => p.registrantId)).toEqual([theirs]);
  });

  it("is a page with the rate, the band and its source, the people and their reasons, and the estimate", async () => {
    await mintPeople();
    const page = await api.call("GET", "/dashboard/retention?fy=2026");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("就労定着率（2026 年度）");
    expect(html).toContain("33.3 %");
    expect(html).toContain("推計です");
    expect(html).toContain("届出には原簿で確かめてください");
    expect(html).toContain("30 % 以上 50 % 未満");
    expect(html).toContain("1,433 単位／月");
    expect(html).toContain("CASE-RULES.md");
    expect(html).toContain("判定できない（入社日が未登録）");
    expect(html).toContain(
      "入社日が未登録の 1 人は判定できないため、分母にも分子にも入れていません",
    );
    expect(html.match(/data-testid="retention-row"/g)).toHaveLength(5);
    expect(html).toContain('data-label="理由"');
    expect(html).toContain('<option value="2025"');
    expect((await api.call("GET", "/dashboard/retention?fy=2017")).status).toBe(400);
    const stats = await (await api.call("GET", "/dashboard/stats")).text();
    expect(stats).toContain('href="/dashboard/retention"');
  });
});
