// The dashboard in a real Chromium: log in, work the queue, create a registrant, and run no markup.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { dashboardPages } from "../../src/dashboard/pages/index";
import type { Category, Severity } from "../../src/vocabulary/categories";
import { launchBrowser, watchPage, type PageProblems } from "../support/browser";
import { createTestApp, listen, type TestApp } from "../support/app";
import {
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  testPassword,
  type TestStaff,
} from "../support/staff";

const timeout = 10_000;
const hour = 3_600_000;
const evil = `<script>window.__x=1</script><img src=x onerror="window.__y=1">`;

let t: TestApp;
let origin: string;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let worker: TestStaff;
const ids: Record<string, string> = {};
/** Undone newest first; filled as each piece starts, so a half-failed start still cleans up. */
const cleanups: (() => Promise<void>)[] = [];

async function mintQueue() {
  const store = t.db.store;
  const center = await mintCenter(store, "むさしの就労支援センター");
  worker = await mintStaff(store, center.id, "supervisor");
  await mintStaff(store, center.id, "caseworker");
  const now = Date.now();
  const items: {
    key: string;
    name: string;
    severity: Severity;
    category: Category;
    summary: string;
    quote: string;
    openedHoursAgo: number;
    dueInHours: number;
  }[] = [
    {
      key: "low",
      name: "田中 美咲",
      severity: "low",
      category: "money",
      summary: "困りごと: お金",
      quote: "困りごと: お金",
      openedHoursAgo: 30,
      dueInHours: 48,
    },
    {
      key: "urgent",
      name: "佐藤 健太",
      severity: "urgent",
      category: "crisis",
      summary: "メッセージに命の危険を示す言葉",
      quote: "もう 消えたい",
      openedHoursAgo: 1,
      dueInHours: -1,
    },
    {
      key: "high",
      name: "鈴木 一郎",
      severity: "high",
      category: "workplace",
      summary: "企業から: 職場の人とのトラブルが続いている",
      quote: "同僚と口論になり、午後は作業に入れませんでした。",
      openedHoursAgo: 5,
      dueInHours: 3,
    },
    {
      key: "normal",
      name: "高橋 さくら",
      severity: "normal",
      category: "health",
      summary: "体調が 2 週つづけて わるい",
      quote: "体調: わるい",
      openedHoursAgo: 50,
      dueInHours: 20,
    },
  ];
  for (const item of items) {
    const registrant = await mintRegistrant(store, center.id, item.name);
    const escalation = await mintEscalation(store, {
      centerId: center.id,
      registrantId: registrant.id,
      severity: item.severity,
      category: item.category,
      summary: item.summary,
      evidence: { quote: item.quote },
      now: now - item.openedHoursAgo * hour,
      ackDueAt: now + item.dueInHours * hour,
    });
    ids[item.key] = escalation.id;
  }
  const evilRegistrant = await mintRegistrant(store, center.id, evil);
  const evilEscalation = await mintEscalation(store, {
    centerId: center.id,
    registrantId: evilRegistrant.id,
    severity: "low",
    category: "sns",
    summary: evil,
    evidence: { quote: evil, reason: evil, detail: { words: evil } },
    now: now - 200 * hour,
    ackDueAt: now + 100 * hour,
  });
  ids.evil = evilEscalation.id;
}

beforeAll(async () => {
  t = await createTestApp();
  cleanups.unshift(() => t.close());
  const deps = {
    ...t.deps,
    config: { ...t.deps.config, lineFriendUrl: "https://line.me/R/ti/p/@tsunagi-demo" },
  };
  const app = createApp(deps, { mount: (routes) => routes.route("/", dashboardPages()) });
  const { server, url } = await listen((request) => app.fetch(request, {}, t.background));
  cleanups.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
  origin = url;
  await mintQueue();
  browser = await launchBrowser();
  cleanups.unshift(() => browser.close());
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
  page.setDefaultTimeout(timeout);
  problems = await watchPage(page, origin);
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function markupRan(): Promise<string[]> {
  return page.evaluate(() => [
    typeof Reflect.get(window, "__x"),
    typeof Reflect.get(window, "__y"),
  ]);
}

describe("the dashboard in a browser", () => {
  it("sends a visitor to the login form and, after logging in, back to the queue", async () => {
    await page.goto(`${origin}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.screenshot({ path: "/tmp/login-laptop.png" });
    await page.getByTestId("login-email").fill(worker.email);
    await page.getByTestId("login-password").fill("wrong password");
    await page.getByTestId("login-submit").click();
    await page.getByText("メールアドレスかパスワードが違います").waitFor();
    expect(await page.getByTestId("login-email").inputValue()).toBe(worker.email);

    await page.getByTestId("login-password").fill(testPassword);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("queue").waitFor();
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    expect(await page.getByTestId("who").innerText()).toMatch(/^職員\d+$/);
  });

  it("shows the queue most urgent first, overdue in words", async () => {
    const rows = page.getByTestId("queue-row");
    expect(await rows.count()).toBe(5);
    expect(await page.getByTestId("severity").allInnerTexts()).toEqual([
      "緊急",
      "高",
      "中",
      "低",
      "低",
    ]);
    const first = rows.first();
    expect(await first.getByTestId("queue-registrant").innerText()).toBe("佐藤 健太");
    expect(await first.getByTestId("overdue").innerText()).toBe("期限切れ");
    expect(await page.getByTestId("overdue").count()).toBe(1);
    await page.screenshot({ path: "/tmp/dashboard-laptop.png", fullPage: true });
  });

  it("fits a phone: the queue becomes cards without sideways scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId("queue").waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "/tmp/dashboard-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("filters the queue with the GET form", async () => {
    await page.goto(`${origin}/dashboard`);
    await page.getByTestId("filters").locator('select[name="category"]').selectOption("crisis");
    await page.getByTestId("filters").getByRole("button").click();
    await page.waitForURL(/category=crisis/);
    expect(await page.getByTestId("queue-registrant").allInnerTexts()).toEqual(["佐藤 健太"]);
  });

  it("opens an escalation, acknowledges it and sees the status change", async () => {
    await page.goto(`${origin}/dashboard`);
    await page.getByTestId("queue-row").first().getByTestId("queue-open").click();
    await page.waitForURL(`${origin}/dashboard/escalations/${ids.urgent ?? ""}`);
    expect(await page.getByTestId("summary").innerText()).toBe("メッセージに命の危険を示す言葉");
    expect(await page.getByTestId("evidence-quote").innerText()).toBe("もう 消えたい");
    expect(await page.getByTestId("status").innerText()).toBe("未対応");

    await page.getByTestId("acknowledge").click();
    await page.waitForURL(/done=acknowledged/);
    expect(await page.getByTestId("status").innerText()).toBe("確認済み");
    expect(await page.getByTestId("notice-success").innerText()).toContain("確認済みにしました");
    expect(await page.getByTestId("timeline").innerText()).toContain("確認");
    expect(await page.getByTestId("acknowledge").count()).toBe(0);
    await page.screenshot({ path: "/tmp/escalation-laptop.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/escalation-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("assigns, notes and resolves through the forms", async () => {
    await page.getByTestId("assign-select").selectOption({ index: 1 });
    const chosen = await page.getByTestId("assign-select").locator("option:checked").innerText();
    await page.getByTestId("assign").click();
    await page.waitForURL(/done=assigned/);
    expect(await page.getByTestId("assignee").innerText()).toBe(chosen);

    await page.getByTestId("note-text").fill("本人に電話。\n夕方に面談します。");
    await page.getByTestId("add-note").click();
    await page.waitForURL(/done=note/);
    expect(await page.getByTestId("timeline").innerText()).toContain("夕方に面談します。");

    // the browser itself refuses an empty required note: no request, no change
    await page.getByTestId("resolve").click();
    expect(page.url()).toMatch(/done=note/);

    await page.getByTestId("resolve-note").fill("面談し、主治医につなぎました。");
    await page.getByTestId("resolve").click();
    await page.waitForURL(/done=resolved/);
    expect(await page.getByTestId("status").innerText()).toBe("解決済み");
    expect(await page.getByTestId("actions").count()).toBe(0);
    await page.getByTestId("resolved-note").waitFor();
  });

  it("shows markup in evidence, summary and name as literal text and runs none of it", async () => {
    await page.goto(`${origin}/dashboard`);
    const queue = page.getByTestId("queue");
    expect(await queue.locator("img, script").count()).toBe(0);
    expect(await queue.getByTestId("queue-registrant").allInnerTexts()).toContain(evil);

    await page.goto(`${origin}/dashboard/escalations/${ids.evil ?? ""}`);
    expect(await page.getByTestId("summary").innerText()).toBe(evil);
    expect(await page.getByTestId("evidence-quote").innerText()).toBe(evil);
    expect(await page.getByTestId("registrant-link").innerText()).toBe(evil);
    const evidence = page.getByTestId("evidence");
    expect(await evidence.locator("img, script").count()).toBe(0);
    // in words, as text: the reason is shown, a nested structure is not dumped as JSON
    expect(await evidence.getByTestId("evidence-line").allInnerTexts()).toContain(evil);
    expect(await evidence.innerText()).not.toContain('"words"');
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(await markupRan()).toEqual(["undefined", "undefined"]);

    await page.getByTestId("registrant-link").click();
    expect(await page.getByTestId("registrant-title").innerText()).toBe(evil);
    expect(await markupRan()).toEqual(["undefined", "undefined"]);
  });

  it("creates a registrant and shows the link code with a printable sheet", async () => {
    await page.goto(`${origin}/dashboard/registrants`);
    await page.getByTestId("registrant-create").click();
    expect(new URL(page.url()).pathname).toBe("/dashboard/registrants");

    await page.getByTestId("registrant-name").fill("伊藤 ひなた");
    await page.getByTestId("registrant-create").click();
    const code = await page.getByTestId("link-code").innerText();
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{2}$/);
    expect(await page.getByTestId("sheet-code").innerText()).toBe(code);
    expect(await page.getByTestId("link-sheet").innerText()).toContain("伊藤 ひなた さんへ");
    // a first code is no "new number"
    expect(await page.getByTestId("sheet-reissued").count()).toBe(0);
    const qr = page.getByTestId("sheet-qr");
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
      true,
    );
    // the print button is the one thing that needs the script, and the script shows it
    await page.getByRole("button", { name: "用紙を印刷する" }).waitFor({ state: "visible" });
    await page.screenshot({ path: "/tmp/link-code-laptop.png", fullPage: true });
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("link-code").isVisible()).toBe(false);
    expect(await page.getByTestId("link-sheet").isVisible()).toBe(true);
    await page.screenshot({ path: "/tmp/link-sheet-print.png", fullPage: true });
    await page.emulateMedia({ media: "screen" });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/link-code-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole("link", { name: "登録者のページへ" }).click();
    expect(await page.getByTestId("registrant-title").innerText()).toBe("伊藤 ひなた");
    expect(await page.getByTestId("registrant-linked").innerText()).toContain("未連携");
    await page.screenshot({ path: "/tmp/registrant-laptop.png", fullPage: true });
    await page.goto(`${origin}/dashboard/registrants`);
    await page.screenshot({ path: "/tmp/registrants-laptop.png", fullPage: true });
  });

  it("lets a supervisor add staff (password shown once) and read the audit log", async () => {
    await page.goto(`${origin}/dashboard/staff`);
    await page.getByTestId("staff-name").fill("山本 由美");
    await page.getByTestId("staff-email").fill("yamamoto@example.jp");
    await page.getByTestId("staff-role").selectOption("caseworker");
    await page.getByTestId("staff-create").click();
    expect((await page.getByTestId("staff-password").innerText()).length).toBeGreaterThanOrEqual(
      12,
    );
    await page.goto(`${origin}/dashboard/staff`);
    expect(await page.getByTestId("staff").innerText()).toContain("山本 由美");
    await page.screenshot({ path: "/tmp/staff-laptop.png", fullPage: true });

    await page.goto(`${origin}/dashboard/audit`);
    const audit = await page.getByTestId("audit").innerText();
    expect(audit).toContain("職員を作成");
    expect(audit).toContain("案件を確認");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/audit-phone.png" });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("logs out with the header button", async () => {
    await page.getByTestId("logout").click();
    await page.waitForURL(`${origin}/login`);
    await page.goto(`${origin}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("ran under the strict CSP with no page errors, violations or outside requests", () => {
    // The wrong-password answer is a 401 page, which Chromium logs as a failed resource.
    const errors = problems.errors.filter((line) => !line.includes("status of 401"));
    expect(errors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
});
