// The staff side of employers on LINE: the employer page and API, contact codes, unlinking, the
// monthly pulse, a registrant's workplaces and reports, and the center boundary around them.
import { and, count, eq, isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashLinkCode } from "../../src/link/codes";
import type { Store } from "../../src/store/db";
import { insertEmployerReport } from "../../src/store/employer-reports";
import { redeemLinkCode } from "../../src/store/link";
import { setConsent } from "../../src/store/registrants";
import { insertEmployer, insertEmployerContact, insertEmployment } from "../../src/store/employers";
import {
  auditLog,
  conversations,
  employerContacts,
  employers,
  employments,
  lineAccounts,
  linkCodes,
} from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import {
  loginAs,
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  type ApiClient,
} from "../support/staff";

let t: TestApp;
let clock: TestClock;
let store: Store;

beforeEach(async () => {
  clock = createTestClock();
  t = await createTestApp({ clock });
  store = t.db.store;
});

afterEach(async () => {
  await t.close();
});

const evil = `<script>window.__x=1</script>仕事中に泣いていた`;
const escaped = "&lt;script&gt;window.__x=1&lt;/script&gt;仕事中に泣いていた";

function lineUserId() {
  return `U${crypto.randomUUID().replaceAll("-", "")}`;
}

/** A contact linked on LINE, as if they had sent their code. */
async function mintContact(
  centerId: string,
  employerId: string,
  displayName: string,
  linked: boolean,
) {
  const line = lineUserId();
  return store.write(async (tx) => {
    const contact = await insertEmployerContact(tx, {
      centerId,
      employerId,
      displayName,
      now: clock(),
    });
    if (linked) {
      await tx.insert(lineAccounts).values({
        lineUserId: line,
        role: "employer_contact",
        personId: contact.id,
        firstSeenAt: clock(),
        lastSeenAt: clock(),
      });
      await tx
        .update(employerContacts)
        .set({ lineUserId: line, linkedAt: clock() })
        .where(eq(employerContacts.id, contact.id));
    }
    return { id: contact.id, lineUserId: linked ? line : null };
  });
}

async function mintWorld() {
  const center = await mintCenter(store, "センターA");
  const other = await mintCenter(store, "センターB");
  const caseworker = await mintStaff(store, center.id, "caseworker");
  const outsider = await mintStaff(store, other.id, "supervisor");
  const employer = await store.write((tx) => insertEmployer(tx, center.id, "株式会社つなぎ", 0));
  const sister = await store.write((tx) => insertEmployer(tx, center.id, "つなぎ物流", 0));
  const foreign = await store.write((tx) => insertEmployer(tx, other.id, "よその会社", 0));
  const linked = await mintContact(center.id, employer.id, "人事 佐藤", true);
  const unlinked = await mintContact(center.id, employer.id, "現場 田中", false);
  const sisterContact = await mintContact(center.id, sister.id, "物流 高橋", true);
  const foreignContact = await mintContact(other.id, foreign.id, "よその 担当", true);

  // one consented to the text that names the employer link (version 2), one to the older text
  const covered = await mintRegistrant(store, center.id, "山田 花子");
  const uncovered = await mintRegistrant(store, center.id, "鈴木 一郎");
  await store.write(async (tx) => {
    await setConsent(tx, covered.id, "given", 2, clock());
    await setConsent(tx, uncovered.id, "given", 1, clock());
    await insertEmployment(tx, covered.id, employer.id, clock());
    await insertEmployment(tx, uncovered.id, employer.id, clock());
  });
  const escalation = await mintEscalation(store, {
    centerId: center.id,
    registrantId: covered.id,
    category: "workplace",
    source: "employer",
    summary: "企業から: コミュニケーション",
    now: clock(),
  });
  const [report] = await store.write((tx) =>
    insertEmployerReport(tx, {
      centerId: center.id,
      employerId: employer.id,
      contactId: linked.id,
      registrantId: covered.id,
      kind: "communication",
      urgency: "week",
      words: evil,
      via: "text",
      escalationId: escalation.id,
      now: clock(),
    }),
  );
  if (!report) throw new Error("no report row");
  return {
    centerId: center.id,
    caseworker,
    outsider,
    employer,
    sister,
    foreign,
    linked,
    unlinked,
    sisterContact,
    foreignContact,
    covered,
    uncovered,
    escalation,
    reportId: report.id,
  };
}

const sameOrigin = { origin: "http://localhost", "sec-fetch-site": "same-origin" };

/** A page as a browser on this site opens it (GET) or posts a form to it. */
function page(client: ApiClient, path: string, fields?: Record<string, string>) {
  const cookie = client.cookie ?? "";
  if (fields === undefined) return t.request(path, { headers: { cookie } });
  return t.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...sameOrigin },
    body: new URLSearchParams(fields).toString(),
  });
}

async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function auditActions(subjectId: string) {
  const rows = await store.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.subjectId, subjectId))
    .orderBy(auditLog.id);
  return rows.map((row) => row.action);
}

async function contactRow(id: string) {
  const [row] = await store.db.select().from(employerContacts).where(eq(employerContacts.id, id));
  if (!row) throw new Error("contact missing");
  return row;
}

async function employerRow(id: string) {
  const [row] = await store.db.select().from(employers).where(eq(employers.id, id));
  if (!row) throw new Error("employer missing");
  return row;
}

async function codesOf(contactId: string) {
  return store.db
    .select()
    .from(linkCodes)
    .where(and(eq(linkCodes.subjectType, "employer_contact"), eq(linkCodes.subjectId, contactId)));
}

/** The rows of a table on a page, by their test id, as HTML fragments. */
function rowsOf(html: string, testId: string): string[] {
  return html.split(`data-testid="${testId}"`).slice(1);
}

/** Whether a link code still links someone: the true test of "one working code". */
async function redeems(code: string): Promise<boolean> {
  const line = lineUserId();
  const hash = await hashLinkCode(code);
  const outcome = await store.write(async (tx) => {
    await tx
      .insert(lineAccounts)
      .values({ lineUserId: line, role: "guest", firstSeenAt: clock(), lastSeenAt: clock() });
    return redeemLinkCode(tx, line, hash, clock());
  });
  return outcome.outcome === "linked";
}

describe("the employer list", () => {
  it("lists the center's employers with their counts, and creates one (post, redirect, get)", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const list = await page(client, "/dashboard/employers");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('href="/dashboard/employers" aria-current="page"');
    const row = rowsOf(html, "employer-row").find((r) => r.includes("株式会社つなぎ")) ?? "";
    expect(row).toContain(`href="/dashboard/employers/${w.employer.id}"`);
    expect(row).toContain("2 人（連携 1 人）");
    expect(row).toContain("2 人（企業連携の同意 1 人）");
    expect(row).toContain("毎月 1 日");
    expect(html).toContain("つなぎ物流");
    expect(html).not.toContain("よその会社");

    const created = await page(client, "/dashboard/employers", { name: "  株式会社あたらしい  " });
    expect(created.status).toBe(303);
    const location = created.headers.get("location") ?? "";
    expect(location).toMatch(/^\/dashboard\/employers\/[\w-]+\?done=created$/);
    const shown = await (await page(client, location)).text();
    expect(shown).toContain('data-testid="employer-title">株式会社あたらしい<');
    expect(shown).toContain("企業を追加しました");
  });

  it("refuses an empty or too long name with 400 and an error notice, creating nothing", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const before = await store.db.select({ n: count() }).from(employers);
    for (const name of ["", "   ", "社".repeat(101)]) {
      const response = await page(client, "/dashboard/employers", { name });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('data-testid="notice-error"');
    }
    expect(await store.db.select({ n: count() }).from(employers)).toEqual(before);
  });
});

describe("an employer's page", () => {
  it("shows contacts and their link state, the people with their coverage, and the reports", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const response = await page(client, `/dashboard/employers/${w.employer.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();

    const contacts = rowsOf(html, "contact-row");
    expect(contacts).toHaveLength(2);
    const sato = contacts.find((row) => row.includes("人事 佐藤")) ?? "";
    expect(sato).toContain("連携済み");
    expect(sato).toContain(`/contacts/${w.linked.id}/unlink"`);
    const tanaka = contacts.find((row) => row.includes("現場 田中")) ?? "";
    expect(tanaka).toContain("未連携");
    expect(tanaka).toContain(`/contacts/${w.unlinked.id}/link-code"`);
    expect(tanaka).not.toContain("/unlink");
    expect(html).not.toContain("物流 高橋");

    const people = rowsOf(html, "employer-registrant");
    const yamada = people.find((row) => row.includes("山田 花子")) ?? "";
    expect(yamada).toContain("同意済み（企業連携を含む）");
    expect(yamada).toContain(`href="/dashboard/registrants/${w.covered.id}"`);
    const suzuki = people.find((row) => row.includes("鈴木 一郎")) ?? "";
    expect(suzuki).toContain("企業連携の同意なし");

    expect(html).toMatch(/name="enabled"[^>]*checked/);
    expect(html).toMatch(/<option value="1" selected="">/);

    const [report] = rowsOf(html, "employer-report");
    expect(report).toContain("2026/11/20 18:00");
    expect(report).toContain(`href="/dashboard/registrants/${w.covered.id}"`);
    expect(report).toContain("人事 佐藤");
    expect(report).toContain("コミュニケーション");
    expect(report).toContain("今週中に");
    expect(report).toContain("文章");
    expect(report).toContain(`href="/dashboard/escalations/${w.escalation.id}"`);
    expect(report).toContain("未対応");
    expect(await auditActions(w.employer.id)).toEqual(["employer.read"]);
  });

  it("answers the same as JSON, with times in ISO 8601", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const response = await client.call("GET", `/api/employers/${w.employer.id}`);
    expect(response.status).toBe(200);
    const body = await json<{
      contacts: { id: string }[];
      registrants: { id: string; covered: boolean }[];
      reports: Record<string, unknown>[];
    }>(response);
    expect(body).toMatchObject({
      id: w.employer.id,
      name: "株式会社つなぎ",
      pulse: { enabled: true, day: 1 },
    });
    expect(body.contacts).toEqual(
      expect.arrayContaining([
        {
          id: w.linked.id,
          displayName: "人事 佐藤",
          linked: true,
          linkedAt: "2026-11-20T09:00:00.000Z",
        },
        { id: w.unlinked.id, displayName: "現場 田中", linked: false, linkedAt: null },
      ]),
    );
    expect(body.registrants).toEqual(
      expect.arrayContaining([
        { id: w.covered.id, displayName: "山田 花子", status: "active", covered: true },
        { id: w.uncovered.id, displayName: "鈴木 一郎", status: "active", covered: false },
      ]),
    );
    expect(body.reports).toEqual([
      {
        id: w.reportId,
        registrantId: w.covered.id,
        registrantName: "山田 花子",
        contactName: "人事 佐藤",
        kind: "communication",
        urgency: "week",
        words: evil,
        via: "text",
        escalationId: w.escalation.id,
        escalationStatus: "open",
        createdAt: "2026-11-20T09:00:00.000Z",
      },
    ]);
    expect(await auditActions(w.employer.id)).toEqual(["employer.read"]);
  });

  it("shows a report's words as text, never as markup", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    for (const path of [
      `/dashboard/employers/${w.employer.id}`,
      `/dashboard/registrants/${w.covered.id}`,
    ]) {
      const html = await (await page(client, path)).text();
      expect(html).not.toContain("<script>window");
      expect(html).toContain(escaped);
    }
  });
});

describe("contact link codes", () => {
  it("issues a new code in the response: it works, and the old one no longer does", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const path = `/dashboard/employers/${w.employer.id}/contacts/${w.unlinked.id}/link-code`;
    const first = await page(client, path, {});
    expect(first.status).toBe(201);
    expect(first.headers.get("location")).toBeNull();
    expect(first.headers.get("cache-control")).toBe("no-store");
    const html = await first.text();
    expect(html).toContain("現場 田中 さんの連携コードを発行しました");
    const oldCode = /data-testid="contact-code">([\d ]+)</.exec(html)?.[1]?.replaceAll(" ", "");
    expect(oldCode).toMatch(/^\d{14}$/);

    const second = await client.call(
      "POST",
      `/api/employers/${w.employer.id}/contacts/${w.unlinked.id}/link-code`,
    );
    expect(second.status).toBe(201);
    const issued = await json<{ id: string; linkCode: string; linkCodeExpiresAt: string }>(second);
    expect(issued).toEqual({
      id: w.unlinked.id,
      linkCode: expect.stringMatching(/^\d{14}$/) as string,
      // 14 days on
      linkCodeExpiresAt: "2026-12-04T09:00:00.000Z",
    });

    const codes = await codesOf(w.unlinked.id);
    expect(codes).toHaveLength(2);
    expect(codes.filter((row) => row.usedAt === null).map((row) => row.codeHash)).toEqual([
      await hashLinkCode(issued.linkCode),
    ]);
    expect(await redeems(oldCode ?? "")).toBe(false);
    expect(await redeems(issued.linkCode)).toBe(true);
    expect((await contactRow(w.unlinked.id)).lineUserId).not.toBeNull();
    expect(await auditActions(w.unlinked.id)).toEqual([
      "employer_contact.link_code",
      "employer_contact.link_code",
    ]);
  });

  it("adds a contact from the page and shows their code once; an empty name is refused", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const path = `/dashboard/employers/${w.employer.id}/contacts`;
    const refused = await page(client, path, { displayName: "  " });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("担当者の名前を入力してください");

    const response = await page(client, path, { displayName: "総務 伊藤" });
    expect(response.status).toBe(201);
    const html = await response.text();
    expect(html).toContain("総務 伊藤 さんの連携コードを発行しました");
    const code = /data-testid="contact-code">([\d ]+)</.exec(html)?.[1]?.replaceAll(" ", "") ?? "";
    expect(code).toMatch(/^\d{14}$/);
    const contacts = await store.db
      .select()
      .from(employerContacts)
      .where(eq(employerContacts.employerId, w.employer.id));
    const added = contacts.find((row) => row.displayName === "総務 伊藤");
    expect(contacts).toHaveLength(3);
    const [stored] = await codesOf(added?.id ?? "");
    expect(stored?.codeHash).toBe(await hashLinkCode(code));
    // shown once: the page afterwards lists the contact but not the code
    const later = await (await page(client, `/dashboard/employers/${w.employer.id}`)).text();
    expect(later).toContain("総務 伊藤");
    expect(later).not.toContain('data-testid="contact-code"');
  });
});

describe("unlinking a contact", () => {
  it("makes the contact's LINE account a guest and says so; a report in progress is left for the bot to end", async () => {
    const w = await mintWorld();
    const line = w.linked.lineUserId ?? "";
    await store.write((tx) =>
      tx
        .insert(conversations)
        .values({ lineUserId: line, flow: "employer", state: { version: 1 }, updatedAt: clock() }),
    );
    const client = await loginAs(t, w.caseworker);
    const response = await page(
      client,
      `/dashboard/employers/${w.employer.id}/contacts/${w.linked.id}/unlink`,
      {},
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/dashboard/employers/${w.employer.id}?done=unlinked`,
    );
    expect(await contactRow(w.linked.id)).toMatchObject({ lineUserId: null, linkedAt: null });
    const [account] = await store.db
      .select()
      .from(lineAccounts)
      .where(eq(lineAccounts.lineUserId, line));
    expect(account).toMatchObject({ role: "guest", personId: null });
    const left = await store.db
      .select()
      .from(conversations)
      .where(eq(conversations.lineUserId, line));
    // kept: the contact's next message meets the flow, which says the link is gone and records
    // nothing (test/bot/employer-line.test.ts), instead of a guest's "send your code"
    expect(left).toHaveLength(1);
    expect(await auditActions(w.linked.id)).toEqual(["employer_contact.unlink"]);

    const html = await (await page(client, response.headers.get("location") ?? "")).text();
    expect(html).toContain("LINE 連携を解除しました");
    const sato = rowsOf(html, "contact-row").find((row) => row.includes("人事 佐藤")) ?? "";
    expect(sato).toContain("未連携");

    const again = await client.call(
      "POST",
      `/api/employers/${w.employer.id}/contacts/${w.linked.id}/unlink`,
    );
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual({ unlinked: false });
  });

  it("unlinks through the API too", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const response = await client.call(
      "POST",
      `/api/employers/${w.employer.id}/contacts/${w.linked.id}/unlink`,
    );
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ unlinked: true });
    expect((await contactRow(w.linked.id)).lineUserId).toBeNull();
  });
});

describe("the monthly pulse", () => {
  it("saves on/off and the day through the API; bad input is a 400 that changes nothing", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const path = `/api/employers/${w.employer.id}/pulse`;
    const saved = await client.call("POST", path, { enabled: false, day: 15 });
    expect(saved.status).toBe(200);
    expect(await json(saved)).toEqual({ id: w.employer.id, pulse: { enabled: false, day: 15 } });
    expect(await employerRow(w.employer.id)).toMatchObject({ pulseEnabled: false, pulseDay: 15 });
    expect(await auditActions(w.employer.id)).toEqual(["employer.pulse"]);

    for (const body of [
      { enabled: true, day: 0 },
      { enabled: true, day: 29 },
      { enabled: true, day: 1.5 },
      { enabled: true, day: "3" },
      { enabled: "yes", day: 3 },
      { enabled: true },
      { day: 3 },
    ]) {
      const response = await client.call("POST", path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await json(response)).toMatchObject({ error: { code: "bad_request" } });
    }
    expect(await employerRow(w.employer.id)).toMatchObject({ pulseEnabled: false, pulseDay: 15 });
    expect(await auditActions(w.employer.id)).toEqual(["employer.pulse"]);
  });

  it("saves from the page (post, redirect, get); a bad day shows an error notice", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const path = `/dashboard/employers/${w.employer.id}/pulse`;
    const off = await page(client, path, { day: "28" });
    expect(off.status).toBe(303);
    expect(off.headers.get("location")).toBe(`/dashboard/employers/${w.employer.id}?done=pulse`);
    expect(await employerRow(w.employer.id)).toMatchObject({ pulseEnabled: false, pulseDay: 28 });
    const html = await (await page(client, off.headers.get("location") ?? "")).text();
    expect(html).toContain("月1回の確認の設定を保存しました");
    expect(html).not.toMatch(/name="enabled"[^>]*checked/);
    expect(html).toMatch(/<option value="28" selected="">/);

    const bad: Record<string, string>[] = [
      { enabled: "on", day: "29" },
      { enabled: "on", day: "abc" },
      {},
    ];
    for (const fields of bad) {
      const response = await page(client, path, fields);
      expect(response.status).toBe(400);
      const refused = await response.text();
      expect(refused).toContain('data-testid="notice-error"');
    }
    expect(await employerRow(w.employer.id)).toMatchObject({ pulseEnabled: false, pulseDay: 28 });

    const on = await page(client, path, { enabled: "on", day: "5" });
    expect(on.status).toBe(303);
    expect(await employerRow(w.employer.id)).toMatchObject({ pulseEnabled: true, pulseDay: 5 });
  });
});

describe("a registrant's workplaces", () => {
  it("lists them, links another from the center's employers, and shows the employers' reports", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const path = `/dashboard/registrants/${w.covered.id}`;
    const html = await (await page(client, path)).text();
    const workplaces = html.split('data-testid="workplaces"')[1] ?? "";
    expect(workplaces).toContain(`href="/dashboard/employers/${w.employer.id}"`);
    expect(workplaces).toContain(`<option value="${w.sister.id}">つなぎ物流</option>`);
    expect(workplaces).not.toContain(`<option value="${w.employer.id}"`);
    expect(workplaces).not.toContain("よその会社");
    const [report] = rowsOf(html, "registrant-employer-report");
    expect(report).toContain("株式会社つなぎ・人事 佐藤");
    expect(report).toContain("コミュニケーション");
    expect(report).toContain(`href="/dashboard/escalations/${w.escalation.id}"`);

    const linked = await page(client, `${path}/employment`, { employerId: w.sister.id });
    expect(linked.status).toBe(303);
    expect(linked.headers.get("location")).toBe(`${path}?done=employment`);
    const after = await (await page(client, `${path}?done=employment`)).text();
    expect(after).toContain("勤務先を登録しました");
    expect(after).toContain(`href="/dashboard/employers/${w.sister.id}"`);
    expect(await auditActions(w.covered.id)).toContain("employment.create");

    const detail = await json<{ employerReports: Record<string, unknown>[] }>(
      await client.call("GET", `/api/registrants/${w.covered.id}`),
    );
    expect(detail.employerReports).toEqual([
      {
        id: w.reportId,
        employerName: "株式会社つなぎ",
        contactName: "人事 佐藤",
        kind: "communication",
        urgency: "week",
        words: evil,
        via: "text",
        escalationId: w.escalation.id,
        createdAt: "2026-11-20T09:00:00.000Z",
      },
    ]);
  });

  it("refuses another center's employer or none with 400 and an error notice", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const path = `/dashboard/registrants/${w.uncovered.id}/employment`;
    const bad: Record<string, string>[] = [{ employerId: w.foreign.id }, { employerId: "" }, {}];
    for (const fields of bad) {
      const response = await page(client, path, fields);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('data-testid="notice-error"');
    }
    const jobs = await store.db
      .select()
      .from(employments)
      .where(eq(employments.registrantId, w.uncovered.id));
    expect(jobs.map((job) => job.employerId)).toEqual([w.employer.id]);
  });
});

describe("the center boundary", () => {
  it("answers 404 for a contact of another employer, even one of the same center", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const codesBefore = await store.db.select({ n: count() }).from(linkCodes);
    for (const contact of [w.sisterContact, w.foreignContact]) {
      const base = `/employers/${w.employer.id}/contacts/${contact.id}`;
      for (const action of ["link-code", "unlink"]) {
        expect((await client.call("POST", `/api${base}/${action}`)).status).toBe(404);
        const pageResponse = await page(client, `/dashboard${base}/${action}`, {});
        expect(pageResponse.status).toBe(404);
        expect(await pageResponse.text()).toContain("見つかりません");
      }
      expect((await contactRow(contact.id)).lineUserId).toBe(contact.lineUserId);
    }
    // nothing was read or changed; the other center's contact id is recorded as refused, four
    // times (API and page, link code and unlink), the same center's as nothing at all
    expect(await auditActions(w.sisterContact.id)).toEqual([]);
    expect(await auditActions(w.foreignContact.id)).toEqual(Array(4).fill("access.refused"));
    expect(await store.db.select({ n: count() }).from(linkCodes)).toEqual(codesBefore);
  });

  it("answers 404 for another center's employer, reads nothing and changes nothing", async () => {
    const w = await mintWorld();
    const client = await loginAs(t, w.caseworker);
    const before = await employerRow(w.foreign.id);
    const id = w.foreign.id;
    const contactId = w.foreignContact.id;
    const apiCalls: [string, string, unknown][] = [
      ["GET", `/api/employers/${id}`, undefined],
      ["POST", `/api/employers/${id}/pulse`, { enabled: false, day: 9 }],
      ["POST", `/api/employers/${id}/contacts`, { displayName: "侵入者" }],
      ["POST", `/api/employers/${id}/contacts/${contactId}/link-code`, undefined],
      ["POST", `/api/employers/${id}/contacts/${contactId}/unlink`, undefined],
    ];
    for (const [method, path, body] of apiCalls) {
      const response = await client.call(method, path, body);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("よその");
    }
    const pageCalls: [string, Record<string, string> | undefined][] = [
      [`/dashboard/employers/${id}`, undefined],
      [`/dashboard/employers/${id}/pulse`, { day: "9" }],
      [`/dashboard/employers/${id}/pulse`, { day: "99" }],
      [`/dashboard/employers/${id}/contacts`, { displayName: "侵入者" }],
      [`/dashboard/employers/${id}/contacts/${contactId}/link-code`, {}],
      [`/dashboard/employers/${id}/contacts/${contactId}/unlink`, {}],
    ];
    for (const [path, fields] of pageCalls) {
      const response = await page(client, path, fields);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("よその");
    }
    expect(await employerRow(id)).toEqual(before);
    expect((await contactRow(contactId)).lineUserId).toBe(w.foreignContact.lineUserId);
    const contacts = await store.db
      .select({ n: count() })
      .from(employerContacts)
      .where(eq(employerContacts.employerId, id));
    expect(contacts[0]?.n).toBe(1);
    // no read and no change in the trail: only the refusals of the other center's ids
    const refused = await auditActions(id);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((action) => action === "access.refused")).toBe(true);
    const unused = await store.db
      .select()
      .from(linkCodes)
      .where(and(eq(linkCodes.subjectId, contactId), isNull(linkCodes.usedAt)));
    expect(unused).toEqual([]);
  });

  it("shows another center's staff nothing of this center's employers", async () => {
    const w = await mintWorld();
    const outsider = await loginAs(t, w.outsider);
    const list = await (await page(outsider, "/dashboard/employers")).text();
    expect(list).toContain("よその会社");
    expect(list).not.toContain("株式会社つなぎ");
    const items = await json<{ items: { id: string }[] }>(
      await outsider.call("GET", "/api/employers"),
    );
    expect(items.items.map((item) => item.id)).toEqual([w.foreign.id]);
  });
});
