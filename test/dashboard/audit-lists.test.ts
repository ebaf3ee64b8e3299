// A list read shown again: every read keeps its own audit entry, but the same people shown to the
// same staff member within a day are named once, and "who saw this person" (the audit page's
// person filter, the person's disclosure) still finds every read.
import { eq, isNotNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, auditPeople } from "../../src/store/schema";
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

let t: TestApp;
let clock: TestClock;
let centerId: string;
let workerStaff: TestStaff;
let worker: ApiClient;
let boss: ApiClient;
let people: { id: string }[];

beforeEach(async () => {
  clock = createTestClock(Date.UTC(2026, 10, 20, 3, 0, 0));
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store)).id;
  workerStaff = await mintStaff(t.db.store, centerId, "caseworker");
  worker = await loginAs(t, workerStaff);
  boss = await loginAs(t, await mintStaff(t.db.store, centerId, "supervisor"));
  people = [];
  for (const name of ["山田 花子", "佐藤 健太", "高橋 さくら"]) {
    people.push(await mintRegistrant(t.db.store, centerId, name));
  }
});

afterEach(async () => {
  await t.close();
});

const listReads = () =>
  t.db.store.db.select().from(auditLog).where(eq(auditLog.action, "registrant.list"));
const named = async () => (await t.db.store.db.select().from(auditPeople)).length;

interface AuditItems {
  items: { action: string; people: number }[];
}

describe("the same list read again", () => {
  it("keeps a row per read and names the people once, and the person's readers find both", async () => {
    expect((await worker.call("GET", "/api/registrants")).status).toBe(200);
    clock.advance(60_000);
    expect((await worker.call("GET", "/api/registrants")).status).toBe(200);
    const [first, second] = await listReads();
    expect(first?.peopleFrom).toBeNull();
    expect(second?.peopleFrom).toBe(first?.id);
    expect(await named()).toBe(3);

    const target = people[1]?.id ?? "";
    const filtered = (await (
      await boss.call("GET", `/api/audit?person=${target}&action=registrant.list`)
    ).json()) as AuditItems;
    expect(filtered.items).toHaveLength(2);
    expect(filtered.items.map((item) => item.people)).toEqual([3, 3]);
    const disclosure = (await (
      await boss.call("GET", `/api/registrants/${target}/export`)
    ).json()) as {
      readBy: { action: string }[];
    };
    expect(disclosure.readBy.filter((read) => read.action === "registrant.list")).toHaveLength(2);
  });

  it("names the people again for another staff member, other people, or a day later", async () => {
    await worker.call("GET", "/api/registrants");
    await boss.call("GET", "/api/registrants");
    expect(await named()).toBe(6);
    // a fourth person joins the list: a different list
    await mintRegistrant(t.db.store, centerId, "中村 翔");
    await worker.call("GET", "/api/registrants");
    expect(await named()).toBe(10);
    clock.advance(24 * 60 * 60 * 1000 + 1);
    // (a session does not last a day: log in again)
    worker = await loginAs(t, workerStaff);
    await worker.call("GET", "/api/registrants");
    expect(await named()).toBe(14);
    expect(
      await t.db.store.db.select().from(auditLog).where(isNotNull(auditLog.peopleFrom)),
    ).toEqual([]);
  });
});
