// The classifier seen from the emulator in real Chromium: a guest's crisis gets the crisis
// contacts before any link, and a registrant's plain worry reaches the queue as low.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categories } from "../../src/vocabulary/categories";
import { dashboardAndChat, type PageProblems, type TwoTabs } from "../support/browser";
import { testPassword, type TestStaff } from "../support/staff";

const timeout = 15_000;
const worry = "先輩と うまく はなせなくて";

let origin: string;
let caseworker: TestStaff;
let dashboard: Page;
let chat: Page;
const problems: Record<string, PageProblems> = {};
let tabs: TwoTabs;
let linkCode: string;

beforeAll(async () => {
  tabs = await dashboardAndChat(timeout);
  ({ origin, caseworker, dashboard, chat } = tabs);
  problems.dashboard = tabs.problems.dashboard;
  problems.chat = tabs.problems.chat;
});

afterAll(async () => {
  await tabs.close();
});

const botBubbles = (text: string) => chat.getByTestId("bubble-bot").filter({ hasText: text });
const seeBot = (text: string) => botBubbles(text).last().waitFor();

async function type(text: string) {
  await chat.getByTestId("message-input").fill(text);
  await chat.getByTestId("send").click();
}

async function newPersona(name: string) {
  await chat.getByTestId("persona-name").fill(name);
  await chat.getByTestId("persona-create").click();
  await chat.getByTestId("follow").click();
  await chat.getByTestId("system-note").filter({ hasText: "友だち追加しました" }).waitFor();
}

describe("a guest and a registrant write", () => {
  it("gives a guest who writes 「しにたい」 the crisis contacts before any link code", async () => {
    await chat.goto(`${origin}/emulator`);
    await newPersona("みかん");
    await seeBot("ばんごう");
    await type("しにたい");
    await seeBot("0120-279-338");
    expect(await botBubbles("0120-279-338").last().innerText()).toContain("talkme.jp");
    await seeBot("119");
    // nobody at a center knows this person yet, and the bot does not pretend otherwise
    expect(await botBubbles("つたえました").count()).toBe(0);
  });

  it("lets a caseworker register a person and hand them a code", async () => {
    await dashboard.goto(`${origin}/dashboard`);
    await dashboard.getByTestId("login-email").fill(caseworker.email);
    await dashboard.getByTestId("login-password").fill(testPassword);
    await dashboard.getByTestId("login-submit").click();
    await dashboard.getByTestId("queue-empty").waitFor();
    await dashboard.goto(`${origin}/dashboard/registrants`);
    await dashboard.getByTestId("registrant-name").fill("佐藤 一郎");
    await dashboard.getByTestId("registrant-create").click();
    linkCode = await dashboard.getByTestId("link-code").innerText();
    expect(linkCode).toMatch(/^\d{4} \d{4} \d{4} \d{2}$/);
  });

  it("raises a registrant's plain worry as low, with the words as evidence", async () => {
    await newPersona("いちろう");
    await type(linkCode);
    await seeBot("つながりました");
    await chat.getByTestId("quick-reply").filter({ hasText: "どういする" }).click();
    await seeBot("まいしゅう");
    await type(worry);
    await seeBot("センターの じかん");

    await dashboard.goto(`${origin}/dashboard`);
    const row = dashboard.getByTestId("queue-row").first();
    expect(await row.getByTestId("queue-registrant").innerText()).toBe("佐藤 一郎");
    expect(await row.getByTestId("severity").innerText()).toBe("低");
    expect(await row.locator(".queue-category").innerText()).toBe(categories.workplace);
    await row.getByTestId("queue-open").click();
    await dashboard.waitForURL(/\/dashboard\/escalations\/[^/?]+$/);
    expect(await dashboard.getByTestId("evidence-quote").allInnerTexts()).toContain(worry);
  });

  it("ran both pages with no page errors, CSP violations or outside requests", () => {
    expect(problems).toEqual({
      dashboard: { errors: [], cspViolations: [], foreignRequests: [] },
      chat: { errors: [], cspViolations: [], foreignRequests: [] },
    });
  });
});
