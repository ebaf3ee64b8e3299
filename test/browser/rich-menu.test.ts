// The emulator shows each persona the rich menu LINE would: a guest the default, an employer
// contact theirs once the outbox linked it. Real Chromium, at a phone's width.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDue } from "../../src/outbox/delivery";
import type { RichMenuIds } from "../../src/line/rich-menu";
import { emulatorChat, type PageProblems } from "../support/browser";
import type { TestApp } from "../support/app";
import { installTestRichMenus } from "../support/rich-menus";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let ids: RichMenuIds;
let staff: ApiClient;
let origin: string;
let page: Page;
let problems: PageProblems;
let close = async () => {};

beforeAll(async () => {
  const opened = await emulatorChat();
  ({ t, origin, page, problems, close } = opened);
  ids = await installTestRichMenus(t);
  const center = await mintCenter(t.db.store, "むさしの就労支援センター");
  staff = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
});

afterAll(() => close());

const items = () => page.getByTestId("richmenu-item");

/** Waits until the menu under the chat shows exactly these tiles (the page polls for it). */
async function seeMenu(labels: string[]) {
  await page.waitForFunction(
    (want) =>
      JSON.stringify(
        [...document.querySelectorAll('[data-testid="richmenu-item"]')].map((item) =>
          item.textContent.trim(),
        ),
      ) === JSON.stringify(want),
    labels,
  );
}

async function createPersona(name: string): Promise<string> {
  await page.getByTestId("persona-name").fill(name);
  await page.getByTestId("persona-create").click();
  await page.getByTestId("follow").waitFor({ state: "visible" });
  const userId = await page.getByTestId("persona-select").inputValue();
  expect(userId).toMatch(/^U[0-9a-f]{32}$/);
  return userId;
}

describe("the rich menu in the emulator", () => {
  let contactUserId: string;

  it("shows a guest 「ばんごうを おくる」 and ヘルプ, within a phone's width", async () => {
    await page.goto(`${origin}/emulator`);
    await createPersona("すずき");
    await seeMenu(["ばんごうを おくる", "ヘルプ"]);
    for (const box of await Promise.all((await items().all()).map((item) => item.boundingBox()))) {
      expect(box?.x).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
      expect(box?.height).toBeGreaterThanOrEqual(44);
    }
    expect(await page.getByTestId("richmenu-toggle").innerText()).toBe("メニュー ▼");
  });

  it("shows an employer contact the employer menu once their code linked it", async () => {
    contactUserId = await page.getByTestId("persona-select").inputValue();
    const employer = (await (
      await staff.call("POST", "/api/employers", { name: "株式会社 みどり" })
    ).json()) as { id: string };
    const contact = (await (
      await staff.call("POST", `/api/employers/${employer.id}/contacts`, {
        displayName: "人事 すずき",
      })
    ).json()) as { linkCode: string };

    await page.getByTestId("message-input").fill(contact.linkCode);
    await page.getByTestId("message-input").press("Enter");
    await page.getByTestId("bubble-bot").filter({ hasText: "登録が完了しました" }).waitFor();
    // the outbox's sweep links the menu (the scheduler's tick, run here by hand)
    await t.background.drain();
    await deliverDue(t.deps);
    expect(t.mock.userRichMenus.get(contactUserId)).toBe(ids.employer_contact);
    await seeMenu(["相談する", "ヘルプ"]);

    await items().filter({ hasText: "相談する" }).click();
    await page.getByTestId("bubble-user").filter({ hasText: "相談する" }).waitFor();
    const sent = t.emulator?.entriesFor(contactUserId, 0).filter((entry) => entry.from === "user");
    expect(sent?.at(-1)?.message).toEqual({ type: "text", text: "相談する" });
  });

  it("changes the menu with the persona: a new guest sees the default, the contact theirs again", async () => {
    await createPersona("たなか");
    await seeMenu(["ばんごうを おくる", "ヘルプ"]);
    await page.getByTestId("persona-select").selectOption(contactUserId);
    await seeMenu(["相談する", "ヘルプ"]);
  });

  it("ran with no page errors, CSP violations or outside requests", () => {
    expect(problems).toEqual({ errors: [], cspViolations: [], foreignRequests: [] });
  });
});
