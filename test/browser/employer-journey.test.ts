// An employer's contact end to end in real Chromium: staff set up the company and its people, the
// contact links on LINE, reports an absence with buttons and a worry in their own words, and the
// queue and the employer page show both, while the contact's chat holds nothing but employer words.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categories, severityNames } from "../../src/vocabulary/categories";
import { questions } from "../../src/words/checkin-questions";
import { employerWords } from "../../src/words/employer";
import { registrantWords } from "../../src/words/registrant";
import type { OutMessage } from "../../src/line/message";
import { dashboardAndChat, tapInView, type PageProblems, type TwoTabs } from "../support/browser";
import { testPassword, type TestStaff } from "../support/staff";

/** The emulator polls its transcript, and a reply goes out after the webhook's commit. */
const timeout = 15_000;
/** A step of several round trips through the emulator. */
const stepTimeout = 90_000;

const company = "つなぎ製作所";
const contactName = "人事 鈴木";
const worryWords = "佐藤さんの身だしなみが最近気になります";

interface Person {
  name: string;
  persona: string;
  code: string;
  page: string;
}

const tanaka: Person = { name: "田中 一郎", persona: "いちろう", code: "", page: "" };
const sato: Person = { name: "佐藤 花子", persona: "はなこ", code: "", page: "" };

let origin: string;
let caseworker: TestStaff;
let dashboard: Page;
let chat: Page;
const problems: Record<string, PageProblems> = {};
let employerPage: string;
let contactCode: string;

let tabs: TwoTabs;

beforeAll(async () => {
  tabs = await dashboardAndChat(timeout);
  ({ origin, caseworker, dashboard, chat } = tabs);
  problems.dashboard = tabs.problems.dashboard;
  problems.chat = tabs.problems.chat;
});

afterAll(async () => {
  await tabs.close();
});

/** A message's words: a text's text, a card's alt text (which is its words). */
const textOf = (message: OutMessage | undefined) =>
  message?.type === "text" ? message.text : message?.type === "flex" ? message.altText : "";

function botBubbles(text: string | RegExp) {
  return chat.getByTestId("bubble-bot").filter({ hasText: text });
}

async function seeBot(text: string | RegExp) {
  await botBubbles(text).last().waitFor();
}

async function type(text: string) {
  await chat.getByTestId("message-input").fill(text);
  await chat.getByTestId("send").click();
}

/** Taps a button of the newest message (a quick reply, or a card's button), checked in view. */
async function tap(label: string) {
  await tapInView(chat, label);
}

async function quickReplies() {
  return chat.getByTestId("quick-reply").allInnerTexts();
}

/** The buttons of the newest card: questions with more than four answers come as cards. */
async function cardButtons() {
  return chat.getByTestId("bubble-bot").last().getByTestId("card-button").allInnerTexts();
}

/** Creates a persona and waits until the chat shows it (its own, so far empty, transcript). */
async function newPersona(name: string) {
  await chat.getByTestId("persona-name").fill(name);
  await chat.getByTestId("persona-create").click();
  await expect
    .poll(() => chat.locator("[data-testid=persona-select] option:checked").innerText(), {
      timeout,
    })
    .toBe(name);
}

async function createRegistrant(person: Person) {
  await dashboard.goto(`${origin}/dashboard/registrants`);
  await dashboard.getByTestId("registrant-name").fill(person.name);
  await dashboard.getByTestId("registrant-create").click();
  person.code = await dashboard.getByTestId("link-code").innerText();
  expect(person.code).toMatch(/^\d{4} \d{4} \d{4} \d{2}$/);
  await dashboard.getByRole("link", { name: "登録者のページへ" }).click();
  await dashboard.waitForURL(/\/dashboard\/registrants\/[^/?]+$/);
  person.page = dashboard.url();
  expect(await dashboard.getByTestId("registrant-title").innerText()).toBe(person.name);
}

describe("an employer's contact who reports on two people", () => {
  it(
    "lets a caseworker log in and create two registrants, each with a link code",
    async () => {
      await dashboard.goto(`${origin}/dashboard`);
      await dashboard.getByTestId("login-email").fill(caseworker.email);
      await dashboard.getByTestId("login-password").fill(testPassword);
      await dashboard.getByTestId("login-submit").click();
      await dashboard.getByTestId("queue-empty").waitFor();

      await createRegistrant(tanaka);
      await createRegistrant(sato);
      expect(sato.code).not.toBe(tanaka.code);
      expect(sato.page).not.toBe(tanaka.page);
    },
    stepTimeout,
  );

  it(
    "links each registrant on LINE with their code, and each agrees with a tap",
    async () => {
      await chat.goto(`${origin}/emulator`);
      for (const person of [tanaka, sato]) {
        await newPersona(person.persona);
        await chat.getByTestId("follow").click();
        await chat.getByTestId("system-note").filter({ hasText: "友だち追加しました" }).waitFor();
        await seeBot("ばんごう");
        await type(person.code);
        await seeBot("つながりました");
        await seeBot("はじめて いいですか");
        await tap("どういする");
        await seeBot("まいしゅう");
      }
      for (const person of [tanaka, sato]) {
        await dashboard.goto(person.page);
        expect(await dashboard.getByTestId("registrant-linked").innerText()).toContain("連携済み");
        expect(await dashboard.getByTestId("registrant-consented").innerText()).toContain(
          "同意あり",
        );
      }
    },
    stepTimeout,
  );

  it(
    "creates the employer, links both people to it and adds a contact, whose code is shown",
    async () => {
      await dashboard.goto(`${origin}/dashboard/employers`);
      await dashboard.getByTestId("employer-name").fill(company);
      await dashboard.getByTestId("employer-create").click();
      await dashboard.waitForURL(/\/dashboard\/employers\/[^/?]+\?done=created$/);
      const url = new URL(dashboard.url());
      employerPage = `${origin}${url.pathname}`;
      expect(await dashboard.getByTestId("employer-title").innerText()).toBe(company);

      for (const person of [tanaka, sato]) {
        await dashboard.goto(person.page);
        const workplaces = dashboard.getByTestId("workplaces");
        expect(await workplaces.innerText()).toContain("まだ登録されていません");
        await workplaces.getByTestId("employment-employer").selectOption({ label: company });
        await workplaces.getByTestId("employment-save").click();
        await dashboard.waitForURL(/\?done=employment$/);
        const listed = dashboard.getByTestId("workplace-list").getByRole("link");
        expect(await listed.allInnerTexts()).toEqual([company]);
        // still employed: the form for the last day is offered
        await dashboard.getByTestId("employment-end").waitFor();
        expect(await dashboard.getByTestId("registrant-employers").innerText()).toBe(company);
      }

      await dashboard.goto(employerPage);
      const people = dashboard.getByTestId("employer-registrant");
      expect((await people.allInnerTexts()).map((row) => row.split("\t")[0]?.trim())).toEqual(
        expect.arrayContaining([tanaka.name, sato.name]),
      );
      expect(await people.count()).toBe(2);
      for (const covered of await people.evaluateAll((rows) =>
        rows.map((row) => row.getAttribute("data-covered")),
      )) {
        expect(covered).toBe("true");
      }

      await dashboard.getByTestId("contact-name").fill(contactName);
      await dashboard.getByTestId("contact-create").click();
      const box = dashboard.getByTestId("contact-code-box");
      expect(await box.innerText()).toContain(`${contactName} さんの連携コードを発行しました`);
      contactCode = await box.getByTestId("contact-code").innerText();
      expect(contactCode).toMatch(/^\d{4} \d{4} \d{4} \d{2}$/);
      expect([tanaka.code, sato.code]).not.toContain(contactCode);
      expect(await dashboard.getByTestId("contact-row").innerText()).toContain("未連携");
    },
    stepTimeout,
  );

  it(
    "links the contact's LINE straight away when they send that code",
    async () => {
      // The contact writes to the account without the guest greeting of a new friend, so the
      // whole chat is theirs: every bubble in it can be checked against the employer's words.
      await newPersona(contactName);
      expect(await chat.getByTestId("bubble-bot").count()).toBe(0);
      await type(contactCode);
      await seeBot("登録が完了しました");
      expect(await quickReplies()).toEqual(["相談する"]);

      await dashboard.goto(employerPage);
      expect(await dashboard.getByTestId("contact-row").innerText()).toContain("連携済み");
    },
    stepTimeout,
  );

  it(
    "reports 無断欠勤 with buttons and is told the center was told at once",
    async () => {
      await tap("相談する");
      await seeBot("どなたのことですか？");
      expect((await quickReplies()).sort()).toEqual([sato.name, tanaka.name, "やめる"].sort());
      expect(await cardButtons()).toEqual([]);
      await tap(tanaka.name);
      await seeBot(`${tanaka.name}さんについて、どんなことが気になりますか？`);
      expect(await quickReplies()).toEqual([]);
      expect(await cardButtons()).toEqual([
        "遅刻・欠勤が増えた",
        "無断欠勤・連絡がつかない",
        "身だしなみ",
        "服薬・体調",
        "作業のミス",
        "コミュニケーション",
        "SNS・ネット",
        "その他",
        "やめる",
      ]);
      await tap("無断欠勤・連絡がつかない");
      await seeBot("ひとことお書きください");
      await tap("なし");
      await seeBot(/センター.*すぐ伝えました/);
      const done = await botBubbles(/センター.*すぐ伝えました/)
        .last()
        .textContent();
      expect(done).toMatch(
        new RegExp(`^${tanaka.name}さんのこと、センター(に|の担当者に)すぐ伝えました。`),
      );
    },
    stepTimeout,
  );

  it(
    "reads a worry written in their own words, asks only how urgent, and names when it is read",
    async () => {
      await type(worryWords);
      await seeBot("どのくらい急ぎますか？");
      expect(await quickReplies()).toEqual(["今日中に", "今週中に", "急ぎではない", "やめる"]);
      // the person and the kind came from the words: neither is asked
      expect(await botBubbles("どなたのことですか？").count()).toBe(1);
      expect(await botBubbles("どんなことが気になりますか？").count()).toBe(1);
      await tap("今週中に");
      await seeBot("までに担当者が確認します");
      const done = (await botBubbles("までに担当者が確認します").last().textContent()) ?? "";
      expect(done.startsWith(`${sato.name}さんのこと、センターに伝えました。`)).toBe(true);
      expect(done).toContain("受付");
      expect(done).not.toContain("すぐ伝えました");
    },
    stepTimeout,
  );

  it("puts the absence first in the queue, urgent, and the worry about 佐藤 at 中", async () => {
    await dashboard.goto(`${origin}/dashboard`);
    const rows = dashboard.getByTestId("queue-row");
    await rows.first().waitFor();
    const first = rows.first();
    expect(await first.getByTestId("queue-registrant").innerText()).toBe(tanaka.name);
    expect(await first.locator(".queue-category").innerText()).toBe(categories.unreachable);
    expect(await first.getByTestId("severity").innerText()).toBe(severityNames.urgent);

    const satoRows = rows.filter({
      has: dashboard.getByTestId("queue-registrant").getByText(sato.name, { exact: true }),
    });
    expect(await satoRows.count()).toBe(1);
    expect(await satoRows.locator(".queue-category").innerText()).toBe(categories.appearance);
    expect(await satoRows.getByTestId("severity").innerText()).toBe(severityNames.normal);
    expect(await rows.count()).toBe(2);
  });

  it("lists both reports on the employer's page, with who sent them and how urgent", async () => {
    await dashboard.goto(employerPage);
    const reports = dashboard.getByTestId("employer-report");
    expect(await reports.count()).toBe(2);
    const byName = (name: string) =>
      reports.filter({ has: dashboard.getByRole("link", { name, exact: true }) });

    const absence = byName(tanaka.name);
    expect(await absence.count()).toBe(1);
    const absenceCells = await absence.locator("td").allInnerTexts();
    expect(absenceCells.slice(1, 6)).toEqual([
      tanaka.name,
      contactName,
      "無断欠勤・連絡がつかない",
      "今日中に",
      "—",
    ]);
    expect(absenceCells[0]).toContain("ボタン");

    const worry = byName(sato.name);
    expect(await worry.count()).toBe(1);
    const worryCells = await worry.locator("td").allInnerTexts();
    expect(worryCells.slice(1, 6)).toEqual([
      sato.name,
      contactName,
      "身だしなみ",
      "今週中に",
      worryWords,
    ]);
    expect(worryCells[0]).toContain("文章");
  });

  it("shows the contact nothing but the employer's words, and nothing of the registrants", async () => {
    await chat.getByTestId("persona-select").selectOption({ label: contactName });
    await seeBot("までに担当者が確認します");
    // what the bot and the contact wrote: a card's buttons are the allow-listed report kinds
    // (「服薬・体調」 among them), which the contact chooses from, not words about a registrant
    const transcript = await chat.getByTestId("transcript").evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const button of copy.querySelectorAll(".card-button")) button.remove();
      return copy.textContent;
    });
    // a card's words without its buttons' labels
    const bot = await chat
      .getByTestId("bubble-bot")
      .evaluateAll((bubbles) =>
        bubbles.map(
          (bubble) => bubble.querySelector(".card-text")?.textContent ?? bubble.textContent,
        ),
      );
    const expected: (string | RegExp)[] = [
      textOf(employerWords.linked()[0]),
      textOf(employerWords.askWho([])),
      textOf(employerWords.askWhat(tanaka.name)),
      textOf(employerWords.askWords()),
      new RegExp(`^${tanaka.name}さんのこと、センター(に|の担当者に)すぐ伝えました。`),
      textOf(employerWords.askUrgency()),
      new RegExp(
        `^${sato.name}さんのこと、センターに伝えました。\\n.+までに担当者が確認します。（センターの受付：.+）$`,
      ),
    ];
    expect(bot).toHaveLength(expected.length);
    expected.forEach((want, index) => {
      const got = bot[index] ?? "";
      if (typeof want === "string") expect(got, `bubble ${index}`).toBe(want);
      else expect(got, `bubble ${index}`).toMatch(want);
    });
    expect(bot[0]).toBe(
      "登録が完了しました。ありがとうございます。\n気になることがあれば、いつでも「相談する」からセンターにお知らせください。",
    );
    expect(bot[1]).toBe("どなたのことですか？");
    expect(bot[2]).toBe("田中 一郎さんについて、どんなことが気になりますか？");
    expect(bot[5]).toBe("どのくらい急ぎますか？");
    expect(await chat.getByTestId("bubble-user").allTextContents()).toEqual([
      contactCode,
      "相談する",
      tanaka.name,
      "無断欠勤・連絡がつかない",
      "なし",
      worryWords,
      "今週中に",
    ]);

    const registrantSide = [
      ...questions.map((question) => question.text),
      ...registrantWords.consentRequest().map(textOf),
      textOf(registrantWords.consentThanks(5, 18 * 60)[0]),
      "からだの ちょうし",
      "ねむれて",
      "きもち",
      "くすり",
      "チェックイン",
      "同意",
      "ばんごう",
      "しえんの 人",
      "体調",
      "気分",
      "回答",
    ].filter((words) => words !== "");
    for (const words of registrantSide) expect(transcript, words).not.toContain(words);
  });

  it("ran both pages with no page errors, CSP violations or outside requests", () => {
    expect(problems).toEqual({
      dashboard: { errors: [], cspViolations: [], foreignRequests: [] },
      chat: { errors: [], cspViolations: [], foreignRequests: [] },
    });
  });
});
