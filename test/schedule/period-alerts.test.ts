// The support period's alerts: 6 and 3 months before the end, to the primary case worker and the
// supervisors on their own LINE, once per staff member, registrant, alert and end date; in opening
// hours; never for ended people, people without an end date, or to an employer; erased with the
// person.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverDue } from "../../src/outbox/delivery";
import { runAlertSweeps, sendPeriodAlerts } from "../../src/schedule/alert-sweeps";
import { insertEmployer, insertEmployerContact, insertEmployment } from "../../src/store/employers";
import { employerContacts, lineAccounts, outbox, staffAlerts } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { newLineUserId } from "../support/events";
import { lineChat } from "../support/line-chat";
import {
  loginAs,
  mintCenter,
  mintRegistrant,
  mintStaff,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
/** Tuesday 2026-11-24 10:00 in Tokyo: the center is open. */
const start = jst("2026-11-24T10:00:00");

let t: TestApp;
let clock: TestClock;
let centerId: string;

beforeEach(async () => {
  clock = createTestClock(start);
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store)).id;
});

afterEach(async () => {
  await t.close();
});

interface LinkedStaff extends TestStaff {
  api: ApiClient;
  lineUserId: string;
}

/** A staff member who linked their own LINE account with a code from their profile. */
async function linkedStaff(role: "caseworker" | "supervisor"): Promise<LinkedStaff> {
  const member = await mintStaff(t.db.store, centerId, role);
  const api = await loginAs(t, member);
  const response = await api.call("POST", "/api/me/line-link-code");
  expect(response.status).toBe(201);
  const { linkCode } = (await response.json()) as { linkCode: string };
  const lineUserId = newLineUserId();
  await lineChat(t, clock).say(lineUserId, linkCode);
  return { ...member, api, lineUserId };
}

/** What LINE received for a user, the link reply included. */
const texts = (userId: string) =>
  t.mock.messagesTo(userId).map((message) => (message as { text?: string }).text ?? "");
const periodTexts = (userId: string) =>
  texts(userId).filter((text) => text.includes("の支援期間は"));

/** The tick's alert sweeps, then delivery of what they queued. */
async function sweeps() {
  const report = await runAlertSweeps({ ...t.deps, baseUrl: t.config.publicBaseUrl });
  await deliverDue(t.deps, 100);
  return report;
}

async function periodRows() {
  return t.db.store.db.select().from(staffAlerts).where(eq(staffAlerts.kind, "period"));
}

/** A registrant whose primary worker is `caseworker`, with a period ending on `endsOn`. */
async function endingOn(api: ApiClient, endsOn: string, caseworker: TestStaff, name = "山田 花子") {
  const person = await mintRegistrant(t.db.store, centerId, name);
  const response = await api.call("PATCH", `/api/registrants/${person.id}`, {
    caseworkerId: caseworker.id,
    program: "retention",
    supportStartsOn: "2024-07-01",
    supportEndsOn: endsOn,
  });
  expect(response.status).toBe(200);
  return person;
}

describe("the period alerts", () => {
  it("tell the primary worker and the supervisors once 6 months and once 3 months before the end", async () => {
    const primary = await linkedStaff("caseworker");
    const colleague = await linkedStaff("caseworker");
    const supervisor = await linkedStaff("supervisor");
    const person = await endingOn(supervisor.api, "2027-05-25", primary);
    const url = `${t.config.publicBaseUrl}/dashboard/registrants/${person.id}`;

    // the day before 6 months ahead: nothing yet
    expect((await sweeps()).periods).toBe(0);

    clock.set(jst("2026-11-25T10:00:00"));
    expect((await sweeps()).periods).toBe(2);
    const sixMonths = `【つなぎ】山田 花子さんの支援期間は 2027-05-25 に終わります（あと 181 日）。引き継ぎの準備を。\n${url}`;
    expect(periodTexts(primary.lineUserId)).toEqual([sixMonths]);
    expect(periodTexts(supervisor.lineUserId)).toEqual([sixMonths]);

    // a second sweep, a second tick later that day, the next day: no second alert
    expect((await sweeps()).periods).toBe(0);
    clock.set(jst("2026-11-25T15:00:00"));
    expect((await sweeps()).periods).toBe(0);
    clock.set(jst("2026-11-26T10:00:00"));
    expect((await sweeps()).periods).toBe(0);
    expect(periodTexts(primary.lineUserId)).toHaveLength(1);

    clock.set(jst("2027-02-25T10:00:00"));
    expect((await sweeps()).periods).toBe(2);
    expect((await sweeps()).periods).toBe(0);
    // from 3 months before the end, a handover not on record is named
    const threeMonths = `【つなぎ】山田 花子さんの支援期間は 2027-05-25 に終わります（あと 89 日）。引き継ぎの準備を。\n引き継ぎ（本人の同意と、次の支援機関へ渡した記録）がまだありません。\n${url}`;
    for (const member of [primary, supervisor]) {
      expect(periodTexts(member.lineUserId)).toEqual([sixMonths, threeMonths]);
    }
    // another case worker is not told about someone else's person
    expect(texts(colleague.lineUserId)).toHaveLength(1);

    const rows = await periodRows();
    expect(rows.map((row) => `${row.staffId} ${row.dedupKey}`).sort()).toEqual(
      [primary.id, supervisor.id]
        .flatMap((id) => [
          `${id} period:${person.id}:6m:2027-05-25`,
          `${id} period:${person.id}:3m:2027-05-25`,
        ])
        .sort(),
    );
    expect(rows.every((row) => row.outboxId !== null && row.escalationId === null)).toBe(true);
    // pushed with a retry key, named in the outbox rows' `about`
    const pushes = t.mock.calls.filter((call) => call.endpoint === "push");
    expect(pushes.length).toBeGreaterThanOrEqual(4);
    const sent = await t.db.store.db.select().from(outbox).where(eq(outbox.purpose, "alert"));
    expect(sent).toHaveLength(4);
    for (const row of sent) expect(row.about).toEqual([person.id]);
  });

  it("sends only the nearest alert for a period set late, and alerts again for a new end date", async () => {
    const primary = await linkedStaff("caseworker");
    const person = await endingOn(primary.api, "2027-01-31", primary);
    expect(await sendPeriodAlerts({ ...t.deps, baseUrl: t.config.publicBaseUrl })).toBe(1);
    await deliverDue(t.deps, 100);
    expect(periodTexts(primary.lineUserId)).toEqual([
      expect.stringContaining("2027-01-31 に終わります（あと 68 日）"),
    ]);
    const moved = await primary.api.call("PATCH", `/api/registrants/${person.id}`, {
      supportEndsOn: "2027-03-31",
    });
    expect(moved.status).toBe(200);
    expect((await sweeps()).periods).toBe(1);
    expect(periodTexts(primary.lineUserId).at(-1)).toContain(
      "2027-03-31 に終わります（あと 127 日）",
    );
    expect((await periodRows()).map((row) => row.dedupKey).sort()).toEqual([
      `period:${person.id}:3m:2027-01-31`,
      `period:${person.id}:6m:2027-03-31`,
    ]);
  });

  it("names a missing handover 3 months ahead, but not once it was given or judged not needed", async () => {
    const primary = await linkedStaff("caseworker");
    const api = primary.api;
    await endingOn(api, "2027-01-31", primary, "未記録 一郎");
    const given = await endingOn(api, "2027-02-01", primary, "渡し済み 次郎");
    const notNeeded = await endingOn(api, "2027-02-02", primary, "不要 三郎");
    const handover = (id: string) => `/api/registrants/${id}/handover`;
    await api.call("PUT", handover(given.id), { needed: true, agency: "さくら" });
    await api.call("POST", `${handover(given.id)}/consent`, {
      decision: "given",
      channel: "paper",
    });
    expect((await api.call("POST", `${handover(given.id)}/given`, { to: "さくら" })).status).toBe(
      200,
    );
    await api.call("PUT", handover(notNeeded.id), { needed: false, agency: "" });

    expect((await sweeps()).periods).toBe(3);
    const reminder = "引き継ぎ（本人の同意と、次の支援機関へ渡した記録）がまだありません。";
    const byName = (name: string) =>
      periodTexts(primary.lineUserId).find((text) => text.includes(name)) ?? "";
    expect(byName("未記録 一郎")).toContain(reminder);
    expect(byName("渡し済み 次郎")).not.toContain(reminder);
    expect(byName("不要 三郎")).not.toContain(reminder);
  });

  it("says nothing of ended people, people without an end date or long before it, or after the end", async () => {
    const primary = await linkedStaff("caseworker");
    const api = primary.api;
    const ended = await endingOn(api, "2027-01-31", primary, "終了 一郎");
    expect(
      (await api.call("POST", `/api/registrants/${ended.id}/end`, { reason: "left_job" })).status,
    ).toBe(200);
    const paused = await endingOn(api, "2027-01-31", primary, "休止 花子");
    expect((await api.call("POST", `/api/registrants/${paused.id}/pause`)).status).toBe(200);
    const noEnd = await mintRegistrant(t.db.store, centerId, "期限 なし子");
    await api.call("PATCH", `/api/registrants/${noEnd.id}`, {
      caseworkerId: primary.id,
      program: "center",
      hiredOn: "2020-04-01",
      supportStartsOn: "2020-04-01",
    });
    await endingOn(api, "2027-06-30", primary, "先の 三郎");
    await endingOn(api, "2026-11-23", primary, "過ぎた 四郎");

    expect((await sweeps()).periods).toBe(1);
    expect(periodTexts(primary.lineUserId)).toEqual([expect.stringContaining("休止 花子さんの")]);
    expect((await periodRows()).map((row) => row.dedupKey)).toEqual([
      `period:${paused.id}:3m:2027-01-31`,
    ]);
  });

  it("waits for opening hours, and skips staff who turned the digest off or were deactivated", async () => {
    const primary = await linkedStaff("caseworker");
    const quiet = await linkedStaff("supervisor");
    const supervisor = await linkedStaff("supervisor");
    const person = await endingOn(supervisor.api, "2027-01-31", primary);
    expect(
      (await quiet.api.call("POST", "/api/me/alerts", { urgent: true, high: true, digest: false }))
        .status,
    ).toBe(200);
    expect((await supervisor.api.call("POST", `/api/staff/${primary.id}/deactivate`)).status).toBe(
      200,
    );

    clock.set(jst("2026-11-24T22:00:00"));
    expect((await sweeps()).periods).toBe(0);
    clock.set(jst("2026-11-28T10:00:00")); // Saturday
    expect((await sweeps()).periods).toBe(0);
    clock.set(jst("2026-11-30T09:00:00"));
    expect((await sweeps()).periods).toBe(1);
    expect(periodTexts(supervisor.lineUserId)).toHaveLength(1);
    expect(periodTexts(quiet.lineUserId)).toEqual([]);
    expect(periodTexts(primary.lineUserId)).toEqual([]);
    expect((await periodRows()).map((row) => row.staffId)).toEqual([supervisor.id]);
    expect(person.id).toBeTruthy();
  });

  it("never reaches the person's employer", async () => {
    const primary = await linkedStaff("caseworker");
    const person = await endingOn(primary.api, "2027-01-31", primary);
    const employerLine = newLineUserId();
    await t.db.store.write(async (tx) => {
      const employer = await insertEmployer(tx, centerId, "株式会社テスト", clock());
      const contact = await insertEmployerContact(tx, {
        centerId,
        employerId: employer.id,
        displayName: "人事 佐藤",
        now: clock(),
      });
      await tx.insert(lineAccounts).values({
        lineUserId: employerLine,
        role: "employer_contact",
        personId: contact.id,
        firstSeenAt: clock(),
        lastSeenAt: clock(),
      });
      await tx
        .update(employerContacts)
        .set({ lineUserId: employerLine, linkedAt: clock() })
        .where(eq(employerContacts.id, contact.id));
      await insertEmployment(tx, person.id, employer.id, clock());
    });
    expect((await sweeps()).periods).toBe(1);
    expect(t.mock.sentTo(employerLine)).toEqual([]);
    const recipients = t.mock.requests.flatMap((request) => request.recipients);
    expect(new Set(recipients)).toEqual(new Set([primary.lineUserId]));
  });

  it("leaves no period alert rows, nor their messages, when the person is erased", async () => {
    const primary = await linkedStaff("caseworker");
    const supervisor = await linkedStaff("supervisor");
    const person = await endingOn(supervisor.api, "2027-01-31", primary, "田中 一郎");
    const other = await endingOn(supervisor.api, "2027-01-31", primary, "佐藤 二郎");
    expect((await sweeps()).periods).toBe(4);
    expect(await periodRows()).toHaveLength(4);

    const erased = await supervisor.api.call("DELETE", `/api/registrants/${person.id}`, {
      confirm: "田中 一郎",
    });
    expect(erased.status).toBe(200);
    const left = await periodRows();
    expect(left.map((row) => row.dedupKey)).toEqual([
      `period:${other.id}:3m:2027-01-31`,
      `period:${other.id}:3m:2027-01-31`,
    ]);
    const alerts = await t.db.store.db.select().from(outbox).where(eq(outbox.purpose, "alert"));
    expect(alerts.every((row) => !row.about?.includes(person.id))).toBe(true);
    expect(alerts).toHaveLength(2);
    // and the next sweep does not tell anyone about them again
    expect((await sweeps()).periods).toBe(0);
  });
});
