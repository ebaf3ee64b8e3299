// The center's month in a real Chromium on a phone: a face-to-face visit recorded in one tap from
// the registrant page turns the person to done on the month's duties page; the statistics draw.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchPage, type PageProblems } from "../support/browser";
import { createTestApp, listen, type TestApp } from "../support/app";
import { mintCenter, mintRegistrant, mintStaff, testPassword } from "../support/staff";

const timeout = 10_000;

let t: TestApp;
let origin: string;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let registrantId = "";
let email = "";
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await createTestApp();
  cleanups.unshift(() => t.close());
  const { server, url } = await listen((request) => t.app.fetch(request, {}, t.background));
  cleanups.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
  origin = url;
  const center = await mintCenter(t.db.store, "みなと就労定着支援");
  const worker = await mintStaff(t.db.store, center.id, "caseworker");
  email = worker.email;
  registrantId = (await mintRegistrant(t.db.store, center.id, "高橋 さくら")).id;
  await mintRegistrant(t.db.store, center.id, "佐藤 健太");
  browser = await launchBrowser();
  cleanups.unshift(() => browser.close());
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "ja-JP" });
  page.setDefaultTimeout(timeout);
  problems = await watchPage(page, origin);
  await page.goto(`${origin}/login`);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(testPassword);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("queue").or(page.getByText("いま対応が必要な案件はありません")).waitFor();
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function sidewaysOverflow(): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe("the center's month on a phone", () => {
  it("records a face-to-face visit in one tap, and the month's duties page shows it done", async () => {
    await page.goto(`${origin}/dashboard/duties`);
    const row = page.getByTestId("duty-row").filter({ hasText: "高橋 さくら" });
    expect(await row.getByTestId("duty-status").innerText()).toContain("未実施");

    await page.goto(`${origin}/dashboard/registrants/${registrantId}`);
    expect(await sidewaysOverflow()).toBeLessThanOrEqual(0);
    await page.getByTestId("contact-save").click(); // the one tap
    await page.getByTestId("notice-success").waitFor();
    expect(await page.getByTestId("notice-success").innerText()).toContain(
      "支援記録を保存しました",
    );
    expect(await page.getByTestId("contact").innerText()).toContain("面談・対面");

    await page.goto(`${origin}/dashboard/duties`);
    expect(await sidewaysOverflow()).toBeLessThanOrEqual(0);
    expect(await row.getByTestId("duty-status").innerText()).toBe("実施済み");
    expect(await row.getByTestId("duty-face").innerText()).toBe("1 回");
    const other = page.getByTestId("duty-row").filter({ hasText: "佐藤 健太" });
    expect(await other.getByTestId("duty-status").innerText()).toContain("未実施");
    await page.screenshot({ path: "/tmp/duties-phone.png", fullPage: true });
  });

  it("draws the statistics with the visit counted, nothing blocked by the CSP", async () => {
    await page.goto(`${origin}/dashboard/stats`);
    const chart = page.getByTestId("chart-contacts");
    await chart.waitFor();
    expect(await chart.locator("rect.stats-bar").count()).toBe(6);
    expect(await chart.locator("svg").getAttribute("aria-label")).toMatch(/ 1$/);
    expect(problems).toEqual({ errors: [], cspViolations: [], foreignRequests: [] });
  });
});
