// A registrant's first weeks in the emulator, in real Chromium: link, consent, a check-in, pause.
import type { Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answers, checkins, registrants } from "../../src/store/schema";
import { launchBrowser, watchPage, type PageProblems } from "../support/browser";
import { createTestApp, listen, type TestApp } from "../support/app";
import { loginAs, mintCenter, mintStaff } from "../support/staff";

let t: TestApp;
let origin: string;
let page: Page;
let problems: PageProblems;
let registrantId: string;
let linkCode: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await createTestApp({ emulator: true });
  cleanups.unshift(() => t.close());
  const { server, url } = await listen((request) => t.app.fetch(request, {}, t.background));
  cleanups.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
  origin = url;
  const center = await mintCenter(t.db.store);
  const staff = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
  const created = (await (
    await staff.call("POST", "/api/registrants", { displayName: "山田 花子" })
  ).json()) as { id: string; linkCode: string };
  registrantId = created.id;
  linkCode = created.linkCode;
  const browser = await launchBrowser();
  cleanups.unshift(() => browser.close());
  page = await browser.newPage({ viewport: { width: 420, height: 860 }, locale: "ja-JP" });
  page.setDefaultTimeout(10_000);
  problems = await watchPage(page, origin);
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function seeBot(text: string) {
  await page.getByTestId("bubble-bot").filter({ hasText: text }).last().waitFor();
}

async function type(text: string) {
  await page.getByTestId("message-input").fill(text);
  await page.getByTestId("send").click();
}

async function tapQuickReply(label: string) {
  await page.getByTestId("quick-reply").filter({ hasText: label }).first().click();
}

async function registrant() {
  const rows = await t.db.store.db
    .select()
    .from(registrants)
    .where(eq(registrants.id, registrantId));
  return rows[0];
}

describe("a registrant in the emulator", () => {
  it("links with the code from their supporter and agrees with a tap", async () => {
    await page.goto(`${origin}/emulator`);
    await page.getByTestId("persona-name").fill("はなこ");
    await page.getByTestId("persona-create").click();
    await page.getByTestId("follow").click();
    await seeBot("ばんごう");
    await type(`${linkCode.slice(0, 4)} ${linkCode.slice(4)}`);
    await seeBot("つながりました");
    await seeBot("はじめて いいですか");
    await tapQuickReply("同意する");
    await seeBot("まいしゅう 金ようび 18:00");
    const row = await registrant();
    expect(row?.lineUserId).toMatch(/^U[0-9a-f]{32}$/);
    expect(row?.consentedAt).not.toBeNull();
  });

  it("answers a whole check-in with buttons, in well under two minutes of taps", async () => {
    await tapQuickReply("チェックイン");
    await seeBot("からだの ちょうし");
    await tapQuickReply("まあまあ");
    await seeBot("ねむれて");
    await tapQuickReply("よく ねむれた");
    await seeBot("きもち");
    await tapQuickReply("ふつう");
    await seeBot("くすり");
    await tapQuickReply("のめて いる");
    await seeBot("しごとに いけましたか");
    await tapQuickReply("ちこく した");
    await seeBot("なんにち ちこく");
    await tapQuickReply("1日");
    await seeBot("こまって いる こと");
    await tapQuickReply("お金");
    await seeBot("えらんだ もの：お金");
    await tapQuickReply("これで おわり");
    await seeBot("つたえたい こと");
    await type("らいしゅうは がんばります");
    await seeBot("おわりです");
    const [checkin] = await t.db.store.db
      .select()
      .from(checkins)
      .where(eq(checkins.registrantId, registrantId));
    expect(checkin?.status).toBe("completed");
    const stored = await t.db.store.db
      .select({ question: answers.question, value: answers.value })
      .from(answers)
      .where(eq(answers.checkinId, checkin?.id ?? ""));
    expect(Object.fromEntries(stored.map((row) => [row.question, row.value]))).toEqual({
      condition: "3",
      sleep: "4",
      mood: "3",
      medication: "as_prescribed",
      attendance: "late:1",
      worries: '["money"]',
      message: "らいしゅうは がんばります",
    });
  });

  it("pauses and resumes the weekly check-ins", async () => {
    await type("停止");
    await seeBot("おやすみ します");
    expect((await registrant())?.status).toBe("paused");
    expect((await registrant())?.nextCheckinAt).toBeNull();
    await tapQuickReply("再開");
    await seeBot("また はじめます");
    expect((await registrant())?.status).toBe("active");
    expect((await registrant())?.nextCheckinAt).not.toBeNull();
    expect(problems).toEqual({ errors: [], cspViolations: [], foreignRequests: [] });
  });
});
