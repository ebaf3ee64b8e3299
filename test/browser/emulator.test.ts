// The emulator's chat page in a real Chromium: one person's chat with the bot, step by step.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorChat, type PageProblems } from "../support/browser";
import { testAccessToken, type TestApp } from "../support/app";
import { installTestRichMenus } from "../support/rich-menus";

let t: TestApp;
let origin: string;
let page: Page;
let problems: PageProblems;
let close = async () => {};

beforeAll(async () => {
  ({ t, origin, page, problems, close } = await emulatorChat({
    viewport: { width: 420, height: 860 },
  }));
  await installTestRichMenus(t);
});

afterAll(() => close());

function bubbles(from: "bot" | "user", text?: string) {
  const all = page.getByTestId(`bubble-${from}`);
  return text === undefined ? all : all.filter({ hasText: text });
}

/** Waits until a bubble with that text is on screen (the page polls the transcript). */
async function seeBubble(from: "bot" | "user", text: string) {
  await bubbles(from, text).last().waitFor({ state: "visible" });
}

async function chosenUserId(): Promise<string> {
  const userId = await page.getByTestId("persona-select").inputValue();
  expect(userId).toMatch(/^U[0-9a-f]{32}$/);
  return userId;
}

/** Pushes messages to the persona as the bot would, through the mock Messaging API. */
function push(to: string, messages: unknown[]) {
  const result = t.mock.handle(
    "push",
    { authorization: `Bearer ${testAccessToken}` },
    { to, messages },
  );
  expect(result.status).toBe(200);
}

describe("the emulator chat page", () => {
  it("lets a person create a persona, add the bot as a friend and read the greeting", async () => {
    await page.goto(`${origin}/emulator`);
    // Nobody to send as yet: the rich menu waits, like the input.
    expect(await page.getByTestId("richmenu-item").first().isDisabled()).toBe(true);
    await page.getByTestId("persona-name").fill("さくら");
    await page.getByTestId("persona-create").click();

    const follow = page.getByTestId("follow");
    await follow.waitFor({ state: "visible" });
    expect(await follow.textContent()).toContain("友だち追加");
    const userId = await chosenUserId();
    expect(t.emulator?.personas.get(userId)?.displayName).toBe("さくら");
    expect(await page.evaluate(() => localStorage.getItem("tsunagi.emulator.userId"))).toBe(userId);

    await follow.click();
    await seeBubble("bot", "ともだち ついか ありがとうございます");
    await seeBubble("bot", "ばんごう");
    await page.getByText("友だち追加しました").waitFor();
    await page.getByTestId("block").waitFor({ state: "visible" });
    expect(await follow.isVisible()).toBe(false);
    // Line breaks in the bot's text stay line breaks.
    expect(await bubbles("bot", "ともだち ついか").first().innerText()).toBe(
      "ともだち ついか ありがとうございます。\nつなぎ は、センターと あなたを つなぐ LINE です。",
    );
  });

  it("sends typed text on Enter and shows the answer, but never an empty message", async () => {
    const input = page.getByTestId("message-input");
    await input.fill("   ");
    await input.press("Enter");
    await input.fill("こんにちは");
    await input.press("Enter");

    await seeBubble("user", "こんにちは");
    await seeBubble("bot", "センターから もらった ばんごう");
    expect(await input.inputValue()).toBe("");
    expect(await bubbles("user").allInnerTexts()).toEqual(["こんにちは"]);
    expect(await page.getByTestId("error").isVisible()).toBe(false);
  });

  it("answers the quick-reply button ヘルプ with the help text", async () => {
    const help = page.getByTestId("quick-reply").filter({ hasText: "ヘルプ" });
    await help.waitFor({ state: "visible" });
    await help.click();

    await seeBubble("user", "ヘルプ");
    await seeBubble("bot", "つなぎ は");
  });

  it("acknowledges a sticker and an image", async () => {
    await page.getByTestId("sticker").click();
    await seeBubble("user", "（スタンプ）");
    await seeBubble("bot", "スタンプ ありがとうございます");

    await page.getByTestId("image").click();
    await seeBubble("user", "（画像）");
    await seeBubble("bot", "ことばで おくって ください");
  });

  it("sends a rich-menu tap as the person's own text, and folds the menu away and back", async () => {
    const userId = await chosenUserId();
    const toggle = page.getByTestId("richmenu-toggle");
    const items = page.getByTestId("richmenu-item");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    // not linked yet: the channel's default, the guest menu
    expect(await items.allInnerTexts()).toEqual(["ばんごうを おくる", "ヘルプ"]);

    const helpBefore = await bubbles("bot", "つなぎ は").count();
    await items.filter({ hasText: "ヘルプ" }).click();
    await page.waitForFunction(
      (count) =>
        [...document.querySelectorAll('[data-testid="bubble-bot"]')].filter((bubble) =>
          bubble.textContent.includes("つなぎ は"),
        ).length > count,
      helpBefore,
    );
    await items.filter({ hasText: "ばんごうを おくる" }).click();
    await seeBubble("user", "ばんごうを おくる");
    await seeBubble("bot", "はじめに、");
    const sent = t.emulator?.entriesFor(userId, 0).filter((entry) => entry.from === "user");
    expect(sent?.slice(-2).map((entry) => entry.message)).toEqual([
      { type: "text", text: "ヘルプ" },
      { type: "text", text: "ばんごうを おくる" },
    ]);

    await toggle.click();
    await items.first().waitFor({ state: "hidden" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await toggle.innerText()).toContain("▲");
    await toggle.click();
    await items.first().waitFor({ state: "visible" });
    expect(await toggle.innerText()).toBe("メニュー ▼");
  });

  it("shows markup in a bot message as plain text and runs none of it", async () => {
    const userId = await chosenUserId();
    const img = "<img src=x onerror=window.__x=1>";
    const script = "<script>window.__y=1</script>";
    push(userId, [
      { type: "text", text: img },
      { type: "text", text: script },
    ]);

    await seeBubble("bot", img);
    await seeBubble("bot", script);
    expect(await bubbles("bot", img).last().innerText()).toBe(img);
    const transcript = page.getByTestId("transcript");
    expect(await transcript.locator("img, script").count()).toBe(0);
    expect(
      await page.evaluate(() => [
        typeof Reflect.get(window, "__x"),
        typeof Reflect.get(window, "__y"),
      ]),
    ).toEqual(["undefined", "undefined"]);
    // The last bot message has no quick reply, so no quick-reply buttons are left over.
    expect(await page.getByTestId("quick-reply").count()).toBe(0);
  });

  it("renders template messages and sends what their buttons say", async () => {
    const userId = await chosenUserId();
    push(userId, [
      {
        type: "template",
        altText: "きょうの ちょうし",
        template: {
          type: "buttons",
          title: "きょうの ちょうし",
          text: "いまの きもちを えらんで ください。",
          actions: [
            { type: "postback", label: "げんき", data: "mood=good" },
            { type: "message", label: "ふつう", text: "ふつう です" },
            { type: "uri", label: "くわしく", uri: "https://example.org/about" },
            { type: "datetimepicker", label: "ひにち", data: "d", mode: "date" },
          ],
        },
      },
      {
        type: "template",
        altText: "どうい",
        template: {
          type: "confirm",
          text: "つづけますか？",
          actions: [
            { type: "postback", label: "はい", data: "yes", displayText: "はい、つづけます" },
            { type: "postback", label: "いいえ", data: "no" },
          ],
        },
      },
      { type: "flex", altText: "おしらせ が あります", contents: { type: "bubble" } },
      { type: "video", originalContentUrl: "https://example.org/v.mp4" },
    ]);

    await seeBubble("bot", "いまの きもちを えらんで ください。");
    await seeBubble("bot", "おしらせ が あります");
    await seeBubble("bot", "(未対応のメッセージ: video)");
    const actions = page.getByTestId("template-action");
    const link = actions.filter({ hasText: "くわしく" });
    expect(await link.getAttribute("href")).toBe("https://example.org/about");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await actions.filter({ hasText: "ひにち" }).isDisabled()).toBe(true);

    await actions.filter({ hasText: "ふつう" }).click();
    await seeBubble("user", "ふつう です");
    await actions.filter({ hasText: "げんき" }).click();
    await seeBubble("user", "げんき");
    await actions.filter({ hasText: "はい" }).click();
    await seeBubble("user", "はい、つづけます");
    await page.screenshot({ path: "/tmp/emulator.png" });

    const sent = t.emulator?.entriesFor(userId, 0).filter((entry) => entry.from === "user");
    expect(sent?.slice(-3).map((entry) => entry.message)).toMatchObject([
      { type: "text", text: "ふつう です" },
      { type: "postback", data: "mood=good", displayText: "げんき" },
      { type: "postback", data: "yes", displayText: "はい、つづけます" },
    ]);
  });

  it("blocks the bot, which clears the quick replies, and unblocks it again", async () => {
    await page.getByTestId("quick-reply").first().waitFor({ state: "visible" });
    await page.getByTestId("block").click();
    await page.getByText("ブロックしました").waitFor();
    expect(await page.getByTestId("quick-reply").count()).toBe(0);

    const follow = page.getByTestId("follow");
    await follow.waitFor({ state: "visible" });
    expect(await follow.textContent()).toContain("ブロック解除");
    const before = await bubbles("bot").count();
    await follow.click();
    await page.getByText("友だち追加しました").last().waitFor();
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="bubble-bot"]').length > count,
      before,
    );
    await page.getByTestId("block").waitFor({ state: "visible" });
  });

  it("remembers the chosen persona and its conversation after a reload", async () => {
    const userId = await chosenUserId();
    const before = await bubbles("bot").allInnerTexts();
    await page.reload();
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="bubble-bot"]').length >= count,
      before.length,
    );
    expect(await chosenUserId()).toBe(userId);
    expect(await bubbles("bot").allInnerTexts()).toEqual(before);
  });

  it("shows an error line when the webhook fails or the send does not go through", async () => {
    const error = page.getByTestId("error");
    await page.route("**/emulator/api/send", (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/json",
        body: '{"webhookStatus":500}',
      }),
    );
    await page.getByTestId("sticker").click();
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toContain("500");

    await page.unroute("**/emulator/api/send");
    await page.route("**/emulator/api/send", (route) => route.abort());
    await page.getByTestId("image").click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="error"]')?.textContent.includes("おくれませんでした"),
    );

    await page.unroute("**/emulator/api/send");
    await page.getByTestId("message-input").fill("もういちど");
    await page.getByTestId("send").click();
    await seeBubble("user", "もういちど");
    await error.waitFor({ state: "hidden" });
  });

  it("ran under a strict CSP with no page errors, violations or outside requests", async () => {
    const response = await fetch(`${origin}/emulator`);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    // The aborted request in the previous step is logged by Chromium as a failed resource.
    const errors = problems.errors.filter((line) => !line.includes("net::ERR_FAILED"));
    expect(errors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
});
