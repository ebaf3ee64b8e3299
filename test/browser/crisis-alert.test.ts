// A crisis end to end in real Chromium: the caseworker's LINE is linked, a registrant writes of
// dying, gets the crisis reply at once, and the queue and the caseworker's LINE both show it.
import type { Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categories } from "../../src/vocabulary/categories";
import { registrants } from "../../src/store/schema";
import { dashboardAndChat, type PageProblems, type TwoTabs } from "../support/browser";
import type { TestApp } from "../support/app";
import { testPassword, type TestStaff } from "../support/staff";

/** The emulator polls its transcript, and a reply goes out after the webhook's commit. */
const timeout = 15_000;
const crisisWords = "もう死にたい";

let t: TestApp;
let origin: string;
let caseworker: TestStaff;
let dashboard: Page;
let chat: Page;
const problems: Record<string, PageProblems> = {};
let registrantCode: string;
let staffCode: string;
let escalationId: string;

let tabs: TwoTabs;

beforeAll(async () => {
  tabs = await dashboardAndChat(timeout);
  ({ t, origin, caseworker, dashboard, chat } = tabs);
  problems.dashboard = tabs.problems.dashboard;
  problems.chat = tabs.problems.chat;
});

afterAll(async () => {
  await tabs.close();
});

function botBubbles(text: string) {
  return chat.getByTestId("bubble-bot").filter({ hasText: text });
}

async function seeBot(text: string) {
  await botBubbles(text).last().waitFor();
}

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

describe("a registrant who writes of dying", () => {
  it("lets a caseworker create a registrant and issue a code for their own LINE", async () => {
    await dashboard.goto(`${origin}/dashboard`);
    await dashboard.getByTestId("login-email").fill(caseworker.email);
    await dashboard.getByTestId("login-password").fill(testPassword);
    await dashboard.getByTestId("login-submit").click();
    await dashboard.getByTestId("queue-empty").waitFor();

    await dashboard.goto(`${origin}/dashboard/registrants`);
    await dashboard.getByTestId("registrant-name").fill("山田 花子");
    await dashboard.getByTestId("registrant-create").click();
    registrantCode = await dashboard.getByTestId("link-code").innerText();
    expect(registrantCode).toMatch(/^\d{4} \d{4} \d{4} \d{2}$/);

    await dashboard.getByRole("link", { name: "LINE通知" }).click();
    await dashboard.waitForURL(`${origin}/dashboard/line`);
    expect(await dashboard.getByTestId("line-status").innerText()).toContain(
      "まだ連携していません",
    );
    const issue = dashboard.getByTestId("line-code-issue");
    expect(await issue.innerText()).toBe("連携コードを発行する");
    await issue.click();
    staffCode = await dashboard.getByTestId("line-code").innerText();
    expect(staffCode).toMatch(/^\d{4} \d{4} \d{4} \d{2}$/);
    expect(staffCode).not.toBe(registrantCode);
  });

  it("links the caseworker's LINE when they send that code to the bot", async () => {
    await chat.goto(`${origin}/emulator`);
    await newPersona("職員 佐藤");
    await type(staffCode);
    await seeBot("LINE 通知を設定しました");

    await dashboard.goto(`${origin}/dashboard/line`);
    expect(await dashboard.getByTestId("line-status").innerText()).toContain("連携済み");
  });

  it("answers the registrant's words at once with people to call and that staff were told", async () => {
    await newPersona("はなこ");
    await seeBot("ばんごう");
    await type(registrantCode);
    await seeBot("つながりました");
    await chat.getByTestId("quick-reply").filter({ hasText: "どういする" }).click();
    await seeBot("まいしゅう");
    const [row] = await t.db.store.db
      .select({ lineUserId: registrants.lineUserId })
      .from(registrants)
      .where(eq(registrants.displayName, "山田 花子"));
    const registrantLine = row?.lineUserId ?? "";
    expect(registrantLine).toMatch(/^U[0-9a-f]{32}$/);
    const before = t.mock.sentTo(registrantLine).length;

    await type(crisisWords);
    await seeBot("しえんの 人に すぐ つたえました");
    await seeBot("0120-279-338");
    expect(await botBubbles("0120-279-338").last().innerText()).toContain(
      "よりそいホットライン：0120-279-338（24時間）",
    );
    // the crisis words are answered in the reply to that very message, not by a later push
    const [answer] = t.mock.sentTo(registrantLine).slice(before);
    expect(answer?.endpoint).toBe("reply");
    expect(JSON.stringify(answer?.messages)).toContain("しえんの 人に すぐ つたえました");
  });

  it("puts the crisis first in the queue, urgent, with the words quoted as evidence", async () => {
    await dashboard.goto(`${origin}/dashboard`);
    const first = dashboard.getByTestId("queue-row").first();
    expect(await first.getByTestId("queue-registrant").innerText()).toBe("山田 花子");
    expect(await first.getByTestId("severity").innerText()).toBe("緊急");
    expect(await first.locator(".queue-category").innerText()).toBe(categories.crisis);
    expect(await first.getByTestId("status").innerText()).toBe("未対応");

    await first.getByTestId("queue-open").click();
    await dashboard.waitForURL(/\/dashboard\/escalations\/[^/?]+$/);
    escalationId = decodeURIComponent(new URL(dashboard.url()).pathname.split("/").pop() ?? "");
    expect(escalationId).not.toBe("");
    expect(await dashboard.getByTestId("evidence-quote").allInnerTexts()).toContain(crisisWords);
    expect(await dashboard.getByTestId("timeline").innerText()).toContain("職員の LINE に通知");
  });

  it("alerts the caseworker's LINE with the name and a link, and nothing of what was written", async () => {
    await chat.getByTestId("persona-select").selectOption({ label: "職員 佐藤" });
    await seeBot("【つなぎ・緊急】");
    const alerts = await botBubbles("【つなぎ").allInnerTexts();
    expect(alerts).toHaveLength(1);
    const alert = alerts[0] ?? "";
    expect(alert.startsWith("【つなぎ・緊急】山田 花子さん")).toBe(true);
    expect(alert.trim().split("\n").pop()).toBe(
      `${t.config.publicBaseUrl}/dashboard/escalations/${encodeURIComponent(escalationId)}`,
    );
    for (const word of ["死", "体調", crisisWords, categories.crisis]) {
      expect(alert).not.toContain(word);
    }
    // the registrant's own chat never shows the staff alert
    await chat.getByTestId("persona-select").selectOption({ label: "はなこ" });
    await seeBot("しえんの 人に すぐ つたえました");
    expect(await botBubbles("【つなぎ").count()).toBe(0);
  });

  it("ran both pages with no page errors, CSP violations or outside requests", () => {
    expect(problems).toEqual({
      dashboard: { errors: [], cspViolations: [], foreignRequests: [] },
      chat: { errors: [], cspViolations: [], foreignRequests: [] },
    });
  });
});
