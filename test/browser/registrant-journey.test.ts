// A registrant's first weeks in the emulator, in real Chromium on a 390-pixel phone: link, consent,
// help's buttons, a check-in with worries (every button tapped where it stands, nothing scrolled
// sideways), the kind close after a worry, pause and resume, and the new consent text asked once.
import type { Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answers, checkins, consents, registrants } from "../../src/store/schema";
import { emulatorChat, tapInView, type PageProblems } from "../support/browser";
import type { TestApp } from "../support/app";
import { loginAs, mintCenter, mintStaff } from "../support/staff";

let t: TestApp;
let origin: string;
let page: Page;
let problems: PageProblems;
let registrantId: string;
let linkCode: string;
let close = async () => {};

beforeAll(async () => {
  ({ t, origin, page, problems, close } = await emulatorChat());
  const center = await mintCenter(t.db.store);
  const staff = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
  const created = (await (
    await staff.call("POST", "/api/registrants", { displayName: "山田 花子" })
  ).json()) as { id: string; linkCode: string };
  registrantId = created.id;
  linkCode = created.linkCode;
});

afterAll(() => close());

async function seeBot(text: string) {
  await page.getByTestId("bubble-bot").filter({ hasText: text }).last().waitFor();
}

async function type(text: string) {
  await page.getByTestId("message-input").fill(text);
  await page.getByTestId("send").click();
}

const tap = (label: string) => tapInView(page, label);

async function registrant() {
  const rows = await t.db.store.db
    .select()
    .from(registrants)
    .where(eq(registrants.id, registrantId));
  return rows[0];
}

/** Waits for the bot's answer to what `act` sends: a new bubble that says `text`. */
async function answered(act: () => Promise<void>, text: string) {
  const said = page.getByTestId("bubble-bot").filter({ hasText: text });
  const before = await said.count();
  await act();
  await expect.poll(() => said.count()).toBeGreaterThan(before);
}

async function checkinStatuses() {
  const rows = await t.db.store.db
    .select({ status: checkins.status })
    .from(checkins)
    .where(eq(checkins.registrantId, registrantId));
  return rows.map((row) => row.status);
}

/** A check-in started by typing, every question answered with スキップ (or ない, とくに ない). */
async function skipThrough(start: string) {
  await answered(() => type(start), "からだの ちょうし");
  const next = ["ねむれて", "きもち", "くすり", "しごとに いけましたか", "こまって いる こと"];
  for (const question of next) await answered(() => tap("スキップ"), question);
  await answered(() => tap("ない"), "つたえたい こと");
  await answered(() => tap("とくに ない"), "おわりです");
}

describe("a registrant in the emulator", () => {
  it("links with the code from their supporter and agrees with a tap on 「どういする」", async () => {
    await page.goto(`${origin}/emulator`);
    await page.getByTestId("persona-name").fill("はなこ");
    await page.getByTestId("persona-create").click();
    await page.getByTestId("follow").click();
    await seeBot("ばんごう");
    await type(`${linkCode.slice(0, 4)} ${linkCode.slice(4)}`);
    await seeBot("つながりました");
    await seeBot("はじめて いいですか");
    await tap("どういする");
    await seeBot("まいしゅう 金ようび 18:00");
    const row = await registrant();
    expect(row?.lineUserId).toMatch(/^U[0-9a-f]{32}$/);
    expect(row?.consentedAt).not.toBeNull();
  });

  it("starts a check-in from help's buttons and answers it all with taps in view", async () => {
    await type("へるぷ");
    await seeBot("つなぎ で できる こと");
    await tap("チェックイン");
    await seeBot("からだの ちょうし");
    // the worst answer and the way to a person are in view on every question
    for (const label of ["わるい", "人と はなしたい"]) {
      const box = await page
        .getByTestId("card-button")
        .filter({ hasText: label })
        .last()
        .boundingBox();
      expect(box && box.x + box.width <= 390 && box.y + box.height <= 844).toBe(true);
    }
    await tap("まあまあ");
    await seeBot("ねむれて");
    await tap("よく ねむれた");
    await seeBot("きもち");
    await tap("ふつう");
    await seeBot("くすり");
    await tap("のめて いる");
    await seeBot("しごとに いけましたか");
    await tap("ちこく した");
    await seeBot("なんにち ちこく");
    await tap("1にち");
    await seeBot("こまって いる こと");
    await tap("おかね");
    await seeBot("えらんだ もの：おかね");
    await tap("しごと");
    await seeBot("えらんだ もの：おかね、しごと");
    // a chosen worry tapped again asks instead of dropping it
    await tap("✓ おかね");
    await seeBot("「おかね」は もう えらんで います");
    await tap("そのまま");
    await seeBot("えらんだ もの：おかね、しごと");
    await tap("これで おわり");
    await seeBot("つたえたい こと");
    await type("最近ねむれなくて、しごとに いきたくない");
    // not the cheerful goodbye: who will see it, when, and the way to a person
    await seeBot("おしえて くれた ことは");
    await seeBot("センターの じかん：げつ〜きん 9:00〜17:30");
    const close = await page.getByTestId("bubble-bot").last().textContent();
    expect(close).not.toContain("また らいしゅう");
    const person = page.getByTestId("quick-reply").filter({ hasText: "人と はなしたい" });
    const box = await person.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);

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
      worries: '["money","work"]',
      message: "最近ねむれなくて、しごとに いきたくない",
    });
  });

  it("pauses from help's buttons and resumes with the button it offers", async () => {
    await answered(() => type("ヘルプ"), "つなぎ で できる こと");
    await tap("おやすみする");
    await seeBot("おやすみ します");
    expect((await registrant())?.status).toBe("paused");
    expect((await registrant())?.nextCheckinAt).toBeNull();
    await tap("また はじめる");
    await seeBot("また はじめます");
    expect((await registrant())?.status).toBe("active");
    expect((await registrant())?.nextCheckinAt).not.toBeNull();
  });

  it("asks someone who agreed to the older text the new one once, after a check-in", async () => {
    // as if they had agreed to text version 1, before the employer link was in it
    await t.db.store.db
      .update(registrants)
      .set({ consentVersion: 1 })
      .where(eq(registrants.id, registrantId));
    await t.db.store.db
      .update(consents)
      .set({ textVersion: 1 })
      .where(eq(consents.registrantId, registrantId));
    await skipThrough("チェックイン");
    await seeBot("せつめいが すこし かわりました");
    await tap("どういする");
    await seeBot("ありがとうございます");
    expect((await registrant())?.consentVersion).toBe(2);
    // the next check-in ends with the plain goodbye, and no question about consent
    await skipThrough("ちぇっくいん");
    await seeBot("また らいしゅう");
    expect(await page.getByTestId("bubble-bot").filter({ hasText: "かわりました" }).count()).toBe(
      1,
    );
    expect(await checkinStatuses()).toEqual(["completed", "completed", "completed"]);
    expect(problems).toEqual({ errors: [], cspViolations: [], foreignRequests: [] });
  });
});
