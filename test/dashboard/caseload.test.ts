// Caseloads: the people each worker carries against the center's guide (40 by default, as
// 就労定着支援員 40 : 1), set in the center settings, and the month's contacts each recorded.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertContact } from "../../src/store/contacts";
import { registrants } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import {
  loginAs,
  mintCenter,
  mintRegistrant,
  mintStaff,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

let t: TestApp;
let centerId: string;
let boss: ApiClient;
let worker: TestStaff;

const now = Date.parse("2026-11-25T10:00:00+09:00");

beforeEach(async () => {
  t = await createTestApp({ clock: createTestClock(now) });
  centerId = (await mintCenter(t.db.store)).id;
  boss = await loginAs(t, await mintStaff(t.db.store, centerId, "supervisor"));
  worker = await mintStaff(t.db.store, centerId, "caseworker");
});

afterEach(async () => {
  await t.close();
});

const settings = {
  name: "みなと就業支援センター",
  phone: null,
  hours: { sun: null, mon: null, tue: null, wed: null, thu: null, fri: null, sat: null },
  closedDays: [],
  yearEndClosure: true,
  replyTemplates: [],
};

async function carry(count: number) {
  for (let i = 0; i < count; i++) {
    const person = await mintRegistrant(t.db.store, centerId, `登録者 ${i}`);
    await t.db.store.write((tx) =>
      tx.update(registrants).set({ caseworkerId: worker.id }).where(eq(registrants.id, person.id)),
    );
  }
}

/** The staff table's row of one member, found by their email. */
function rowOf(html: string, email: string): string {
  const start = html.indexOf(`<td data-label="メール">${email}</td>`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</tr>", start));
}

describe("the caseload guide", () => {
  it("is 40 unless the center sets another, and the staff page marks a worker over it", async () => {
    await carry(3);
    const center = (await (await boss.call("GET", "/api/center")).json()) as {
      caseloadLimit: number;
    };
    expect(center.caseloadLimit).toBe(40);
    let page = await (await boss.call("GET", "/dashboard/staff")).text();
    expect(rowOf(page, worker.email)).toContain("3 人 / 40");
    expect(rowOf(page, worker.email)).not.toContain("超過");

    const saved = await boss.call("PUT", "/api/center", { ...settings, caseloadLimit: 2 });
    expect(saved.status).toBe(200);
    page = await (await boss.call("GET", "/dashboard/staff")).text();
    expect(rowOf(page, worker.email)).toContain("3 人 / 2");
    expect(rowOf(page, worker.email)).toContain("（超過）");
    expect(rowOf(page, worker.email)).toContain('class="over-limit"');
  });

  it.each([0, 201, 1.5, "forty"])("refuses %s with 400 and keeps the guide", async (value) => {
    const response = await boss.call("PUT", "/api/center", { ...settings, caseloadLimit: value });
    expect(response.status).toBe(400);
    const center = (await (await boss.call("GET", "/api/center")).json()) as {
      caseloadLimit: number;
    };
    expect(center.caseloadLimit).toBe(40);
  });

  it("says in words on the settings page what a wrong guide is", async () => {
    const response = await boss.call(
      "POST",
      "/dashboard/center",
      new URLSearchParams({ name: "みなと", caseloadLimit: "0", retentionDays: "1095" }).toString(),
      {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost",
        "sec-fetch-site": "same-origin",
      },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(
      "1 人の担当人数の目安は 1〜200 の整数で入力してください。",
    );
  });
});

describe("the month's contacts per worker", () => {
  it("counts what each recorded this month, not last month's", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    for (const at of [
      Date.parse("2026-11-02T10:00:00+09:00"),
      Date.parse("2026-11-20T10:00:00+09:00"),
      Date.parse("2026-10-30T10:00:00+09:00"),
    ]) {
      await t.db.store.write((tx) =>
        insertContact(tx, {
          centerId,
          registrantId: person.id,
          authorStaffId: worker.id,
          kind: "face_to_face",
          parties: ["person"],
          at,
          minutes: 30,
          note: "",
          escalationId: null,
          now: at,
        }),
      );
    }
    const page = await (await boss.call("GET", "/dashboard/staff")).text();
    expect(rowOf(page, worker.email)).toMatch(/data-testid="staff-contacts">2 件/);
  });
});
