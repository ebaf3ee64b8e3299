// The monthly report end to end in real Chromium, the worker on a phone: a visit logged in one
// tap turns the person to done on the duties page, the month's report draft cites the visit and
// the check-ins, the worker finalises it and shares it, and the emulator shows the person the
// plain version and the employer's contact only the part marked for the company; a person two
// months from the end of support stays on the handover list until they agree on LINE and the
// packet is recorded as given.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueLinkCode } from "../../src/link/codes";
import { insertEmployer, insertEmployerContact, insertEmployment } from "../../src/store/employers";
import { eq } from "drizzle-orm";
import { answers, checkins, registrants } from "../../src/store/schema";
import { monthKey } from "../../src/time/calendar";
import { dashboardAndChat, type TwoTabs } from "../support/browser";
import { mintCenter, mintRegistrant, testPassword } from "../support/staff";

const timeout = 15_000;
const stepTimeout = 90_000;

let tabs: TwoTabs;
let origin: string;
let dashboard: Page;
let chat: Page;
let registrantId = "";
let personCode = "";
let contactCode = "";
const month = monthKey(Date.now());
const shareWords = "来月は通勤の時間帯について一緒に相談させてください。";
const nextMonth = "らいげつ も あいに いきます。";

beforeAll(async () => {
  tabs = await dashboardAndChat(timeout);
  ({ origin, dashboard, chat } = tabs);
  await dashboard.setViewportSize({ width: 390, height: 844 });
  const store = tabs.t.db.store;
  const [staff] = await store.db.query.staff.findMany();
  const centerId = staff?.centerId ?? (await mintCenter(store)).id;
  const person = await mintRegistrant(store, centerId, "高橋 さくら");
  registrantId = person.id;
  const now = Date.now();
  const employer = await store.write((tx) => insertEmployer(tx, centerId, "みなと物流", 0));
  await store.write((tx) => insertEmployment(tx, person.id, employer.id, 0));
  const contact = await store.write((tx) =>
    insertEmployerContact(tx, {
      centerId,
      employerId: employer.id,
      displayName: "人事 森",
      now: 0,
    }),
  );
  const issue = (subjectType: "registrant" | "employer_contact", subjectId: string) =>
    store.write((tx) =>
      issueLinkCode(tx, { centerId, subjectType, subjectId, createdBy: staff?.id ?? "", now }),
    );
  personCode = (await issue("registrant", person.id)).linkCode;
  contactCode = (await issue("employer_contact", contact.id)).linkCode;
  // two check-ins answered earlier this month (the week's flow is tested elsewhere)
  const monthStart = Date.parse(`${month}-01T00:00:00+09:00`);
  for (const [i, score] of [
    [0, 3],
    [1, 2],
  ] as const) {
    const id = crypto.randomUUID();
    const sentAt = Math.max(monthStart + i * 60_000, now - 3_600_000 + i * 60_000);
    await store.db
      .insert(checkins)
      .values({ id, registrantId: person.id, status: "completed", sentAt, completedAt: sentAt });
    for (const question of ["condition", "sleep", "mood"] as const) {
      await store.db
        .insert(answers)
        .values({ checkinId: id, question, value: String(score), score, answeredAt: sentAt });
    }
  }
});

afterAll(async () => {
  await tabs.close();
});

const bot = (text: string | RegExp) => chat.getByTestId("bubble-bot").filter({ hasText: text });

async function type(text: string) {
  await chat.getByTestId("message-input").fill(text);
  await chat.getByTestId("send").click();
}

async function newPersona(name: string) {
  await chat.getByTestId("persona-name").fill(name);
  await chat.getByTestId("persona-create").click();
  await expect
    .poll(() => chat.locator("[data-testid=persona-select] option:checked").innerText(), {
      timeout,
    })
    .toBe(name);
}

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe("the monthly report on a phone", () => {
  it(
    "links the person (who agrees) and the employer's contact on LINE",
    async () => {
      await chat.goto(`${origin}/emulator`);
      await newPersona("さくら");
      await chat.getByTestId("follow").click();
      await bot("ばんごう").last().waitFor();
      await type(personCode);
      await bot("はじめて いいですか").last().waitFor();
      await chat.getByTestId("quick-reply").filter({ hasText: "どういする" }).first().click();
      await bot("まいしゅう").last().waitFor();
      await newPersona("森");
      await type(contactCode);
      await bot("登録が完了しました").last().waitFor();
    },
    stepTimeout,
  );

  it(
    "records a visit in one tap, and the duties page shows the person done",
    async () => {
      await dashboard.goto(`${origin}/dashboard`);
      await dashboard.getByTestId("login-email").fill(tabs.caseworker.email);
      await dashboard.getByTestId("login-password").fill(testPassword);
      await dashboard.getByTestId("login-submit").click();
      await dashboard.goto(`${origin}/dashboard/registrants/${registrantId}`);
      await dashboard.getByTestId("contact-save").click();
      await dashboard.getByTestId("notice-success").waitFor();
      await dashboard.goto(`${origin}/dashboard/duties`);
      const row = dashboard.getByTestId("duty-row").filter({ hasText: "高橋 さくら" });
      expect(await row.getByTestId("duty-status").innerText()).toBe("実施済み");
      expect(await row.getByTestId("duty-report").innerText()).toContain("未共有");
    },
    stepTimeout,
  );

  it(
    "drafts the month's report citing the visit and the check-ins, and finalises it",
    async () => {
      await dashboard.goto(`${origin}/dashboard/registrants/${registrantId}`);
      await dashboard.getByTestId(`report-link-${month}`).click();
      await dashboard.getByTestId("report-form").waitFor();
      expect(await sidewaysOverflow(dashboard)).toBeLessThanOrEqual(0);
      const support = dashboard.getByTestId("report-edit-support");
      expect(await support.getByTestId("report-sources").first().innerText()).toMatch(
        /根拠：\d+\/\d+ 面談・対面/,
      );
      const situation = dashboard.getByTestId("report-edit-situation");
      expect(await situation.innerText()).toContain("チェックイン：送信 2回、回答 2回");
      expect(await situation.getByTestId("report-sources").first().innerText()).toContain(
        "チェックイン",
      );
      await dashboard.getByTestId("report-edit-share").locator("textarea").fill(shareWords);
      await dashboard.getByTestId("report-next-month").fill(nextMonth);
      await dashboard.getByTestId("report-finalize").click();
      await dashboard.getByTestId("notice-success").waitFor();
      expect(await dashboard.getByTestId("report-status").innerText()).toContain("確定済み・第1版");
      expect(await dashboard.getByTestId("report-article").innerText()).toContain(shareWords);
      await dashboard.screenshot({ path: "/tmp/report-phone.png", fullPage: true });
      // on paper only the report: no nav, no forms, no buttons
      await dashboard.emulateMedia({ media: "print" });
      expect(await dashboard.locator(".topbar").isVisible()).toBe(false);
      expect(await dashboard.getByTestId("report-share").isVisible()).toBe(false);
      expect(await dashboard.getByTestId("report-article").isVisible()).toBe(true);
      await dashboard.emulateMedia({ media: "screen" });
    },
    stepTimeout,
  );

  it(
    "shares it: the person gets the plain version, the employer only the marked part",
    async () => {
      await dashboard.getByTestId("report-share-person-line").click();
      await dashboard.getByTestId("notice-success").waitFor();
      await dashboard.getByTestId("report-share-employer-line").click();
      await dashboard.getByTestId("notice-success").waitFor();
      expect(await dashboard.getByTestId("report-shares").innerText()).toContain(
        "企業（みなと物流）",
      );

      await chat.getByTestId("persona-select").selectOption({ label: "さくら" });
      await bot("ふりかえり").last().waitFor();
      await bot(nextMonth).last().waitFor();

      await chat.getByTestId("persona-select").selectOption({ label: "森" });
      await bot("【支援レポート").last().waitFor();
      const employerChat = await chat.getByTestId("bubble-bot").allInnerTexts();
      const report = employerChat.find((text) => text.includes("【支援レポート")) ?? "";
      expect(report).toContain(shareWords);
      for (const health of ["体調", "睡眠", "気分", "チェックイン", "面談・対面"]) {
        expect(report).not.toContain(health);
      }

      await dashboard.goto(`${origin}/dashboard/duties`);
      const row = dashboard.getByTestId("duty-row").filter({ hasText: "高橋 さくら" });
      expect(await row.getByTestId("duty-report").innerText()).toBe("共有済み（本人・企業）");
      expect(tabs.problems.dashboard).toEqual({
        errors: [],
        cspViolations: [],
        foreignRequests: [],
      });
      expect(tabs.problems.chat).toEqual({ errors: [], cspViolations: [], foreignRequests: [] });
    },
    stepTimeout,
  );

  it(
    "lists a person near the end for handover until they agree on LINE and the packet is given",
    async () => {
      // support ends in about two months (the 3-month alert has been and gone)
      const endsOn = new Date(Date.now() + 60 * 86_400_000 + 9 * 3_600_000)
        .toISOString()
        .slice(0, 10);
      await tabs.t.db.store.db
        .update(registrants)
        .set({ program: "retention", supportEndsOn: endsOn })
        .where(eq(registrants.id, registrantId));
      const listed = async () => {
        await dashboard.goto(`${origin}/dashboard/duties`);
        return dashboard.getByTestId("handover-due").filter({ hasText: "高橋 さくら" }).count();
      };
      expect(await listed()).toBe(1);

      await dashboard.goto(`${origin}/dashboard/registrants/${registrantId}#handover`);
      await dashboard.getByTestId("handover-edit").click();
      await dashboard
        .getByTestId("handover-form")
        .locator("input[name=agency]")
        .fill("みなと障害者就業・生活支援センター");
      await dashboard.getByTestId("handover-form").locator("input[name=needed]").check();
      await dashboard.getByTestId("handover-save").click();
      await dashboard.getByTestId("notice-success").waitFor();
      await dashboard.getByTestId("handover-ask").click();
      await dashboard.getByTestId("handover-pending").waitFor();
      expect(await listed()).toBe(1);

      await chat.getByTestId("persona-select").selectOption({ label: "さくら" });
      await bot("つぎの センターに").last().waitFor();
      await chat.getByTestId("quick-reply").filter({ hasText: "いいよ" }).first().click();
      await bot("ありがとう").last().waitFor();
      // agreed, but nothing given yet: still on the list
      expect(await listed()).toBe(1);

      await dashboard.goto(`${origin}/dashboard/registrants/${registrantId}#handover`);
      expect(await dashboard.getByTestId("handover-consent").innerText()).toContain("LINE");
      const packet = await dashboard.getByTestId("handover-packet-link").getAttribute("href");
      const response = await dashboard.request.get(`${origin}${packet ?? ""}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain("みなと物流");
      await dashboard.getByTestId("handover-given-save").click();
      await dashboard.getByTestId("notice-success").waitFor();
      expect(await listed()).toBe(0);
      expect(tabs.problems.dashboard).toEqual({
        errors: [],
        cspViolations: [],
        foreignRequests: [],
      });
    },
    stepTimeout,
  );
});
