// The center's settings over the API, and the bot using them at once: the phone in help and the
// crisis reply, and honest words about when a person will read a message.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import { lineChat, registrantOnLine, textOf } from "../support/line-chat";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let logInBoth: () => Promise<void>;
let supervisor: ApiClient;
let caseworker: ApiClient;
/** Wednesday 2026-11-25 10:00 in Tokyo. */
const clock = createTestClock(Date.parse("2026-11-25T10:00:00+09:00"));

beforeEach(async () => {
  clock.set(Date.parse("2026-11-25T10:00:00+09:00"));
  t = await createTestApp({ clock });
  const center = await mintCenter(t.db.store);
  const boss = await mintStaff(t.db.store, center.id, "supervisor");
  const worker = await mintStaff(t.db.store, center.id, "caseworker");
  // again after moving the clock a day: sessions end after two idle hours
  logInBoth = async () => {
    supervisor = await loginAs(t, boss);
    caseworker = await loginAs(t, worker);
  };
  await logInBoth();
});

afterEach(async () => {
  await t.close();
});

const workday = { opens: "09:00", closes: "17:30" };
const settings = {
  name: "みなと就業支援センター",
  phone: "03-1234-5678",
  hours: {
    sun: null,
    mon: workday,
    tue: workday,
    wed: null,
    thu: { opens: "10:00", closes: "19:00" },
    fri: workday,
    sat: { opens: "09:00", closes: "12:00" },
  },
  closedDays: ["2026-11-27"],
  yearEndClosure: true,
  replyTemplates: ["あとで でんわします", "メッセージ よみました"],
};

async function put(body: unknown, client = supervisor) {
  return client.call("PUT", "/api/center", body);
}

describe("the settings", () => {
  it("start as weekdays 9:00–17:30 with no phone", async () => {
    const response = await caseworker.call("GET", "/api/center");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: "テストセンター",
      phone: null,
      hours: {
        sun: null,
        mon: workday,
        tue: workday,
        wed: workday,
        thu: workday,
        fri: workday,
        sat: null,
      },
      closedDays: [],
      yearEndClosure: true,
      replyTemplates: [],
      notifyAcknowledged: true,
      retentionDays: 1095,
      caseloadLimit: 40,
      handoverPolicy: "",
      handoverResponsible: "",
    });
  });

  it("are saved by a supervisor, read back by everyone, and audited", async () => {
    const response = await put(settings);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ...settings,
      notifyAcknowledged: true,
      retentionDays: 1095,
      caseloadLimit: 40,
      handoverPolicy: "",
      handoverResponsible: "",
    });
    expect(await (await caseworker.call("GET", "/api/center")).json()).toMatchObject(settings);
    const audited = await t.db.store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "center.settings"));
    expect(audited).toHaveLength(1);
  });

  it.each([
    [
      "hours that close before they open",
      { hours: { ...settings.hours, mon: { opens: "18:00", closes: "09:00" } } },
    ],
    [
      "hours that close as they open",
      { hours: { ...settings.hours, mon: { opens: "09:00", closes: "09:00" } } },
    ],
    [
      "a time that is not a time",
      { hours: { ...settings.hours, mon: { opens: "9時", closes: "17:30" } } },
    ],
    ["a missing weekday", { hours: { mon: workday } }],
    ["a closed day that is not a date", { closedDays: ["2026-02-30"] }],
    ["a phone with letters", { phone: "call me" }],
    ["an empty name", { name: "  " }],
    ["a reply template over 500 characters", { replyTemplates: ["あ".repeat(501)] }],
  ])("refuse %s with 400 and keep what was there", async (_what, change) => {
    expect((await put(settings)).status).toBe(200);
    const response = await put({ ...settings, ...change });
    expect(response.status).toBe(400);
    expect(await (await caseworker.call("GET", "/api/center")).json()).toMatchObject(settings);
  });

  it.each([30, 365, 3650])("keep a retention period of %i days, audited", async (days) => {
    const response = await put({ ...settings, retentionDays: days });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ retentionDays: days });
    expect(await (await caseworker.call("GET", "/api/center")).json()).toMatchObject({
      retentionDays: days,
    });
    const audited = await t.db.store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "center.settings"));
    expect(audited).toHaveLength(1);
  });

  it("keep the retention period when a change leaves it out", async () => {
    expect((await put({ ...settings, retentionDays: 400 })).status).toBe(200);
    expect((await put(settings)).status).toBe(200);
    expect(await (await caseworker.call("GET", "/api/center")).json()).toMatchObject({
      retentionDays: 400,
    });
  });

  it.each([
    ["0", 0],
    ["29 (under a month)", 29],
    ["3651 (over ten years)", 3651],
    ['"abc"', "abc"],
    ['"400" (a string)', "400"],
    ["12.5", 12.5],
    ["null", null],
  ])(
    "refuse a retention period of %s with 400 naming the field and the range",
    async (_what, days) => {
      expect((await put({ ...settings, retentionDays: 400 })).status).toBe(200);
      const response = await put({ ...settings, retentionDays: days });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toBe(
        "retentionDays must be a whole number of days from 30 to 3650",
      );
      expect(await (await caseworker.call("GET", "/api/center")).json()).toMatchObject({
        retentionDays: 400,
      });
    },
  );

  it("may not be changed by a caseworker", async () => {
    expect((await put(settings, caseworker)).status).toBe(403);
  });

  it("keep the handover policy and its responsible person, and leave them when a change omits them", async () => {
    const policy =
      "終了後も支援が必要な人は、本人の同意を得て、終了の3か月前までに就業・生活支援センターへ伝える。\n記録は本人ごとに残す。";
    const response = await put({
      ...settings,
      handoverPolicy: `  ${policy}  `,
      handoverResponsible: " サービス管理責任者 鈴木 ",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      handoverPolicy: policy,
      handoverResponsible: "サービス管理責任者 鈴木",
    });
    expect((await put(settings)).status).toBe(200);
    expect(await (await caseworker.call("GET", "/api/center")).json()).toMatchObject({
      handoverPolicy: policy,
      handoverResponsible: "サービス管理責任者 鈴木",
    });
  });

  it.each([
    [
      "a handover policy over 4000 characters",
      { handoverPolicy: "あ".repeat(4001) },
      "handoverPolicy",
    ],
    [
      "a responsible person over 100 characters",
      { handoverResponsible: "あ".repeat(101) },
      "handoverResponsible",
    ],
    ["a handover policy that is not text", { handoverPolicy: 12 }, "handoverPolicy"],
  ])("refuse %s with 400 naming the field", async (_what, change, field) => {
    const response = await put({ ...settings, ...change });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message.startsWith(field)).toBe(true);
    expect(await (await caseworker.call("GET", "/api/center")).json()).toMatchObject({
      handoverPolicy: "",
      handoverResponsible: "",
    });
  });
});

describe("the settings page", () => {
  const form = {
    name: "みなとセンター",
    "mon.open": "1",
    "mon.opens": "09:00",
    "mon.closes": "17:00",
    yearEndClosure: "1",
  };
  const post = (fields: Record<string, string>) =>
    supervisor.call("POST", "/dashboard/center", new URLSearchParams(fields).toString(), {
      "content-type": "application/x-www-form-urlencoded",
      origin: "http://localhost",
      "sec-fetch-site": "same-origin",
    });
  const stored = async () =>
    (
      (await (await caseworker.call("GET", "/api/center")).json()) as {
        retentionDays: number;
      }
    ).retentionDays;

  it("shows the retention period and saves a new one", async () => {
    const page = await supervisor.call("GET", "/dashboard/center");
    expect(await page.text()).toMatch(/name="retentionDays" value="1095"/);
    expect((await post({ ...form, retentionDays: "180" })).status).toBe(303);
    expect(await stored()).toBe(180);
  });

  it("shows the handover policy and its responsible person and saves them", async () => {
    const saved = await post({
      ...form,
      retentionDays: "1095",
      caseloadLimit: "40",
      handoverPolicy: "本人の同意を得て伝える。\r\n記録を残す。",
      handoverResponsible: "鈴木 一郎",
    });
    expect(saved.status).toBe(303);
    const settingsNow = (await (await caseworker.call("GET", "/api/center")).json()) as {
      handoverPolicy: string;
      handoverResponsible: string;
    };
    expect(settingsNow.handoverPolicy).toBe("本人の同意を得て伝える。\n記録を残す。");
    expect(settingsNow.handoverResponsible).toBe("鈴木 一郎");
    const page = await (await supervisor.call("GET", "/dashboard/center")).text();
    expect(page).toContain('data-testid="center-handover-policy"');
    expect(page).toContain("本人の同意を得て伝える。");
    expect(page).toMatch(/name="handoverResponsible" value="鈴木 一郎"/);
  });

  it("refuses a responsible person over 100 characters in plain Japanese", async () => {
    const refused = await post({
      ...form,
      retentionDays: "1095",
      caseloadLimit: "40",
      handoverResponsible: "あ".repeat(101),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("引き継ぎの責任者は 100 文字までで入力してください。");
  });

  it.each(["0", "29", "3651", "abc", "12.5"])(
    "refuses a retention period of %s in plain Japanese and keeps the old one",
    async (days) => {
      const refused = await post({ ...form, retentionDays: days });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain(
        "保存期間は 30〜3650 の整数（日数）で入力してください。",
      );
      expect(await stored()).toBe(1095);
    },
  );
});

describe("the bot, at once", () => {
  it("gives the center's phone in the help text and, while open, in the crisis reply", async () => {
    clock.set(Date.parse("2026-11-26T18:00:00+09:00")); // Thursday, open until 19:00
    await logInBoth();
    expect((await put(settings)).status).toBe(200);
    const { userId } = await registrantOnLine(t, caseworker, clock);
    const chat = lineChat(t, clock);
    expect(textOf(await chat.say(userId, "ヘルプ"))).toContain("センター：03-1234-5678");
    const crisis = textOf(await chat.say(userId, "しにたい"));
    expect(crisis).toContain("センター：03-1234-5678（いま あいて います）");
  });

  it("leaves the center's phone out of the crisis reply while it is closed", async () => {
    expect((await put(settings)).status).toBe(200); // Wednesday: closed all day
    const { userId } = await registrantOnLine(t, caseworker, clock);
    const crisis = textOf(await lineChat(t, clock).say(userId, "しにたい"));
    expect(crisis).toContain("0120-279-338");
    expect(crisis).not.toContain("03-1234-5678");
  });

  it("says when the center opens again instead of promising a quick read", async () => {
    expect((await put(settings)).status).toBe(200);
    const { userId } = await registrantOnLine(t, caseworker, clock);
    const chat = lineChat(t, clock);
    // Wednesday closed: Thursday opens at 10:00
    expect(textOf(await chat.say(userId, "しごとの ことで ききたい ことが あります"))).toContain(
      "あした 10じに あきます。そのとき しえんの 人が よみます。",
    );
    // Thursday 19:30: Friday is an extra closed day, so Saturday 9:00
    clock.set(Date.parse("2026-11-26T19:30:00+09:00"));
    expect(textOf(await chat.say(userId, "こんど しりょうを みせたいです"))).toContain(
      "11がつ 28にち（ど）9じに あきます",
    );
    // open now: no talk of closing
    clock.set(Date.parse("2026-11-28T09:30:00+09:00"));
    const open = textOf(await chat.say(userId, "あした めんだん よろしく おねがいします"));
    expect(open).toContain("しえんの 人が よみます");
    expect(open).not.toContain("おやすみ");
  });
});
