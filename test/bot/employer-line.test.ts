// Employers on LINE, over the real webhook: linking, reporting with buttons and in their own words,
// the monthly pulse, the feedback loop, and that nothing but the allow-list ever reaches them.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queueOutbound } from "../../src/outbox/queue";
import { employerWords } from "../../src/words/employer";
import { encodePostback } from "../../src/words/postback";
import { consentTextVersion } from "../../src/words/registrant";
import { createLogger } from "../../src/core/log";
import { runTick } from "../../src/schedule/tick";
import {
  conversations,
  employerPulses,
  employerReports,
  escalations,
  registrants,
  signals,
} from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { newLineUserId } from "../support/events";
import { buttonsOf, lineChat, textOf, type Sent } from "../support/line-chat";
import { accountOf } from "../support/queries";
import { countWrites } from "../support/write-count";
import {
  loginAs,
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  type ApiClient,
} from "../support/staff";

/** Tuesday 2026-11-24 10:00 in Tokyo: the center is open. */
const tuesday = Date.parse("2026-11-24T10:00:00+09:00");

let t: TestApp;
let clock: TestClock;
let staff: ApiClient;
let center: string;
let lines: string[];

beforeEach(async () => {
  clock = createTestClock(tuesday);
  lines = [];
  t = await createTestApp({ clock, log: createLogger((line) => lines.push(line)) });
  center = (await mintCenter(t.db.store)).id;
  staff = await loginAs(t, await mintStaff(t.db.store, center, "caseworker"));
});

afterEach(async () => {
  await t.close();
});

const db = () => t.db.store.db;

const chat = () => lineChat(t, clock);
const say = (userId: string, text: string) => chat().say(userId, text);
const press = (userId: string, data: string) => chat().press(userId, data);
const tap = (userId: string, messages: Sent, label: string) => chat().tap(userId, messages, label);

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

/** A registrant on LINE who consented (to the current text, which names the employer link). */
async function registrant(displayName: string, employerId?: string) {
  const { id, linkCode } = await json<{ id: string; linkCode: string }>(
    staff.call("POST", "/api/registrants", { displayName }),
  );
  const userId = newLineUserId();
  await say(userId, linkCode);
  await press(userId, encodePostback({ a: "consent", v: consentTextVersion, c: "yes" }));
  if (employerId) {
    const linked = await staff.call("POST", `/api/registrants/${id}/employers`, { employerId });
    expect(linked.status).toBeLessThan(300);
  }
  return { id, userId, displayName };
}

async function employer(name = "つなぎ製作所") {
  return (await json<{ id: string }>(staff.call("POST", "/api/employers", { name }))).id;
}

/** An employer contact who sent their link code from LINE. */
async function contact(employerId: string, displayName = "人事 鈴木") {
  const { id, linkCode } = await json<{ id: string; linkCode: string }>(
    staff.call("POST", `/api/employers/${employerId}/contacts`, { displayName }),
  );
  const userId = newLineUserId();
  const reply = await say(userId, linkCode);
  return { id, userId, reply };
}

async function reportsOf(registrantId: string) {
  return db().select().from(employerReports).where(eq(employerReports.registrantId, registrantId));
}

async function escalationOf(registrantId: string, category: string) {
  const rows = await db()
    .select()
    .from(escalations)
    .where(and(eq(escalations.registrantId, registrantId), eq(escalations.category, category)));
  return rows[0];
}

describe("linking an employer contact", () => {
  it("links straight away with the code, and answers in employer words from then on", async () => {
    const company = await employer();
    const { userId, reply } = await contact(company);
    expect(textOf(reply)).toBe((employerWords.linked()[0] as { text: string }).text);
    expect((await accountOf(t.db.store, userId))?.role).toBe("employer_contact");
    expect(textOf(await say(userId, "ヘルプ"))).toContain("「相談する」を押すか");
  });

  it("answers the registrants' menu words (チェックイン, 停止) with the employer's help, not a report", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    for (const words of ["チェックイン", "停止", "ヘルプ"]) {
      expect(textOf(await say(userId, words))).toContain("「相談する」を押すか");
    }
    expect(await reportsOf(tanaka.id)).toEqual([]);
    expect(textOf(await say(userId, "報告"))).toContain("田中 一郎さんについて");
  });

  it("reads the contact and whom they may name with the request, and writes it in one batch", async () => {
    const company = await employer();
    await registrant("田中 一郎", company);
    await registrant("佐藤 次郎", await employer("よその会社"));
    const { userId } = await contact(company);
    const calls = countWrites(t.db.store);
    const reply = textOf(await say(userId, "報告"));
    expect(reply).toContain("田中 一郎さんについて");
    expect(reply).not.toContain("佐藤");
    // no transaction: the request's batch, then the reply's "sent" mark
    expect(calls).toEqual({ write: 0, commit: 2 });
  });

  it("files a report, raises it on the person's escalation and alerts staff, all in the request's batch", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    await registrant("佐藤 花子", company);
    // a caseworker who takes urgent alerts on their own LINE
    const code = await json<{ linkCode: string }>(staff.call("POST", "/api/me/line-link-code"));
    const caseworkerLine = newLineUserId();
    await say(caseworkerLine, code.linkCode);
    // the person already has an open escalation of the same category (from their own words)
    const before = await mintEscalation(t.db.store, {
      centerId: center,
      registrantId: tanaka.id,
      category: "unreachable",
      severity: "high",
      source: "checkin",
      now: clock(),
    });
    const { userId } = await contact(company);
    const calls = countWrites(t.db.store);
    const who = await say(userId, "相談する");
    const what = await tap(userId, who, "田中 一郎");
    const words = await tap(userId, what, "無断欠勤・連絡がつかない");
    expect(textOf(await tap(userId, words, "なし"))).toContain("センターにすぐ伝えました");
    // four requests, each one batch and one "sent" mark (and the alert's), never a transaction
    expect(calls.write).toBe(0);

    const escalation = await escalationOf(tanaka.id, "unreachable");
    expect(escalation).toMatchObject({ id: before.id, severity: "urgent", status: "open" });
    expect(await reportsOf(tanaka.id)).toMatchObject([
      { kind: "no_show", via: "buttons", escalationId: before.id },
    ]);
    const joined = await db().select().from(signals).where(eq(signals.escalationId, before.id));
    expect(joined.map((signal) => signal.source)).toEqual(["employer"]);
    // raised to urgent: the caseworker hears at once, with no health details
    const alerts = t.mock.messagesTo(caseworkerLine).slice(1);
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts)).not.toContain("無断欠勤");
  });

  it("tells a contact with nobody to report on to call the center", async () => {
    const { userId } = await contact(await employer());
    expect(textOf(await say(userId, "相談する"))).toContain("センターにお電話で");
  });
});

describe("a report with buttons", () => {
  it("skips the person when there is only one, and files 無断欠勤 as unreachable/urgent at once", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    const what = await say(userId, "相談する");
    expect(textOf(what)).toContain("田中 一郎さんについて、どんなことが気になりますか");
    expect(buttonsOf(what).map((b) => b.label)).toEqual([
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
    const words = await tap(userId, what, "無断欠勤・連絡がつかない");
    const done = await tap(userId, words, "なし");
    expect(textOf(done)).toContain("センターにすぐ伝えました");

    const escalation = await escalationOf(tanaka.id, "unreachable");
    expect(escalation).toMatchObject({ severity: "urgent", source: "employer", status: "open" });
    expect(await reportsOf(tanaka.id)).toMatchObject([
      { kind: "no_show", via: "buttons", words: null, escalationId: escalation?.id },
    ]);
  });

  it("asks who among the people covered, then how urgent, and names the response time", async () => {
    const company = await employer();
    const other = await employer("ほかの会社");
    const tanaka = await registrant("田中 一郎", company);
    await registrant("佐藤 花子", company);
    await registrant("鈴木 次郎", other);
    const notConsented = await json<{ id: string }>(
      staff.call("POST", "/api/registrants", { displayName: "高橋 三郎" }),
    );
    await staff.call("POST", `/api/registrants/${notConsented.id}/employers`, {
      employerId: company,
    });
    const { userId } = await contact(company);

    const who = await say(userId, "相談する");
    expect(buttonsOf(who).map((b) => b.label)).toEqual(["佐藤 花子", "田中 一郎", "やめる"]);
    const what = await tap(userId, who, "田中 一郎");
    const words = await tap(userId, what, "遅刻・欠勤が増えた");
    const urgency = await say(userId, "今週 3回 遅刻しています");
    expect(buttonsOf(urgency).map((b) => b.label)).toEqual([
      "今日中に",
      "今週中に",
      "急ぎではない",
      "やめる",
    ]);
    expect(words).toHaveLength(1);
    const done = await tap(userId, urgency, "今週中に");
    // normal: one business day after Tuesday 10:00 is Wednesday 10:00
    expect(textOf(done)).toContain("11/25(水) 10:00までに担当者が確認します");
    expect(textOf(done)).toContain("受付：平日 09:00〜17:30");
    const escalation = await escalationOf(tanaka.id, "absence");
    expect(escalation).toMatchObject({ severity: "normal", source: "employer" });
    const [signal] = await db()
      .select()
      .from(signals)
      .where(eq(signals.escalationId, escalation?.id ?? ""));
    expect(signal?.evidence).toMatchObject({
      reason: "企業から：遅刻・欠勤が増えた（今週中に）",
      quote: "今週 3回 遅刻しています",
    });
  });

  it("cancels on やめる, leaving nothing behind", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    const what = await say(userId, "相談する");
    expect(textOf(await tap(userId, what, "やめる"))).toContain("とりやめました");
    expect(await reportsOf(tanaka.id)).toEqual([]);
    expect(
      await db().select().from(conversations).where(eq(conversations.lineUserId, userId)),
    ).toEqual([]);
  });
});

describe("a report in their own words", () => {
  it("reads 「田中さんが今日無断欠勤で、電話にも出ません」 as the same report the buttons make", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    await registrant("佐藤 花子", company);
    const { userId } = await contact(company);
    const reply = await say(userId, "田中さんが今日無断欠勤で、電話にも出ません");
    expect(textOf(reply)).toContain("田中 一郎さんのこと、センターにすぐ伝えました");
    expect(await escalationOf(tanaka.id, "unreachable")).toMatchObject({ severity: "urgent" });
    expect(await reportsOf(tanaka.id)).toMatchObject([
      { kind: "no_show", via: "text", words: "田中さんが今日無断欠勤で、電話にも出ません" },
    ]);
  });

  it("asks which one when a name matches two people, offering only those two", async () => {
    const company = await employer();
    await registrant("田中 一郎", company);
    const hanako = await registrant("田中 花子", company);
    await registrant("佐藤 三郎", company);
    const { userId } = await contact(company);
    const who = await say(userId, "田中さん、最近ミスが多いです");
    expect(buttonsOf(who).map((b) => b.label)).toEqual(["田中 一郎", "田中 花子", "やめる"]);
    const urgency = await tap(userId, who, "田中 花子");
    const done = await tap(userId, urgency, "急ぎではない");
    expect(textOf(done)).toContain("田中 花子さんのこと、センターに伝えました");
    expect(await escalationOf(hanako.id, "work")).toMatchObject({ severity: "low" });
  });

  it("does not match a name outside the contact's people, and records nothing against them", async () => {
    const company = await employer();
    await registrant("田中 一郎", company);
    await registrant("佐藤 花子", company);
    const stranger = await registrant("鈴木 次郎", await employer("ほかの会社"));
    const { userId } = await contact(company);
    const who = await say(userId, "鈴木さんが無断欠勤です");
    expect(buttonsOf(who).map((b) => b.label)).toEqual(["佐藤 花子", "田中 一郎", "やめる"]);
    expect(textOf(who)).not.toContain("鈴木");
    expect(await reportsOf(stranger.id)).toEqual([]);
  });

  it("asks for the kind with buttons when the words do not say, keeping the words", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    const what = await say(userId, "ちょっと気になることがあります");
    expect(textOf(what)).toContain("どんなことが気になりますか");
    const urgency = await tap(userId, what, "その他");
    await tap(userId, urgency, "今日中に");
    expect(await reportsOf(tanaka.id)).toMatchObject([
      { kind: "other", urgency: "today", words: "ちょっと気になることがあります" },
    ]);
    expect(await escalationOf(tanaka.id, "other")).toMatchObject({ severity: "high" });
  });

  it("files a risk to life in the employer's words as a crisis in its own right", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    const urgency = await say(userId, "田中さんが体調が悪そうで、「死にたい」と何度も言っています");
    await tap(userId, urgency, "今日中に");
    expect(await escalationOf(tanaka.id, "medication")).toMatchObject({ source: "employer" });
    const crisis = await escalationOf(tanaka.id, "crisis");
    expect(crisis?.severity).toBe("urgent");
  });
});

describe("bad input", () => {
  it("refuses a tampered button naming someone of another employer, logged, nothing recorded", async () => {
    const company = await employer();
    await registrant("田中 一郎", company);
    await registrant("佐藤 花子", company);
    const stranger = await registrant("鈴木 次郎", await employer("ほかの会社"));
    const { userId } = await contact(company);
    await say(userId, "相談する");
    const reply = await press(userId, encodePostback({ a: "er", s: "who", v: stranger.id }));
    expect(textOf(reply)).toContain("このかたについては、いまはご相談を受け付けられません");
    expect(buttonsOf(reply).map((b) => b.label)).toEqual(["佐藤 花子", "田中 一郎", "やめる"]);
    expect(await reportsOf(stranger.id)).toEqual([]);
    expect(lines.join("\n")).toContain("employer-registrant-not-covered");
    expect(lines.join("\n")).not.toContain(stranger.id);
  });

  it("refuses a tampered button naming someone of another center, nothing recorded", async () => {
    const company = await employer();
    await registrant("田中 一郎", company);
    await registrant("佐藤 花子", company);
    const elsewhere = await mintCenter(t.db.store, "ほかのセンター");
    const outsider = await mintRegistrant(t.db.store, elsewhere.id, "外部 太郎");
    const { userId } = await contact(company);
    const who = await say(userId, "相談する");
    const reply = await press(userId, encodePostback({ a: "er", s: "who", v: outsider.id }));
    expect(textOf(reply)).toContain("受け付けられません");
    expect(textOf(reply)).not.toContain("外部");
    const what = await tap(userId, who, "田中 一郎");
    expect(textOf(what)).toContain("田中 一郎さんについて");
    expect(await reportsOf(outsider.id)).toEqual([]);
  });

  it("refuses a tampered pulse answer about someone not covered", async () => {
    const company = await employer();
    await registrant("田中 一郎", company);
    const stranger = await registrant("鈴木 次郎", await employer("ほかの会社"));
    const { userId } = await contact(company);
    const data = encodePostback({ a: "pulse", m: "2026-11", r: stranger.id, c: "consult" });
    expect(textOf(await press(userId, data))).toContain("受け付けられません");
    expect(await db().select().from(employerPulses)).toEqual([]);
  });

  it("ends a report politely when staff unlink the contact mid-flow, recording nothing", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    const { id, userId } = await contact(company);
    const what = await say(userId, "相談する");
    const unlinked = await staff.call("POST", `/api/employers/${company}/contacts/${id}/unlink`);
    expect(await unlinked.json()).toEqual({ unlinked: true });
    const reply = await tap(userId, what, "身だしなみ");
    expect(textOf(reply)).toContain("登録は解除されています");
    expect(await reportsOf(tanaka.id)).toEqual([]);
  });

  it("ends a report when the person's consent is withdrawn mid-flow", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    const what = await say(userId, "相談する");
    await t.db.store.write((tx) =>
      tx.update(registrants).set({ consentedAt: null }).where(eq(registrants.id, tanaka.id)),
    );
    const reply = await tap(userId, what, "身だしなみ");
    expect(textOf(reply)).toMatch(/受け付けられ/);
    expect(await reportsOf(tanaka.id)).toEqual([]);
  });

  it("asks again on a stale button and on words where a button is needed", async () => {
    const company = await employer();
    await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    const what = await say(userId, "相談する");
    const words = await tap(userId, what, "作業のミス");
    // the kind button again, after it was answered: the current question comes back
    expect(textOf(await tap(userId, what, "作業のミス"))).toContain("ひとことお書きください");
    const urgency = await tap(userId, words, "なし");
    expect(textOf(await say(userId, "うーん"))).toContain("ボタンから選んでください");
    expect(textOf(await tap(userId, urgency, "今日中に"))).toContain("までに担当者が確認します");
  });
});

describe("the monthly pulse", () => {
  it("asks each contact about each person once on the employer's day, and a worry starts a report", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    await registrant("佐藤 花子", company);
    const { userId } = await contact(company);
    // December 1st 2026 is a Tuesday: due an hour after opening
    clock.set(Date.parse("2026-12-01T09:59:00+09:00"));
    await runTick(t.deps);
    expect(t.mock.messagesTo(userId).filter((m) => JSON.stringify(m).includes("月に1回"))).toEqual(
      [],
    );
    clock.set(Date.parse("2026-12-01T10:00:00+09:00"));
    await runTick(t.deps);
    await runTick(t.deps);
    const asked = (t.mock.messagesTo(userId) as Sent).filter((m) => m.text?.includes("月に1回"));
    expect(asked.map((m) => m.text)).toEqual([
      "【月に1回の確認】佐藤 花子さんの最近の様子はいかがですか？",
      "【月に1回の確認】田中 一郎さんの最近の様子はいかがですか？",
    ]);
    const tanakaQuestion = asked[1] ? [asked[1]] : [];
    const calls = countWrites(t.db.store);
    const what = await tap(userId, tanakaQuestion, "相談したい");
    expect(textOf(what)).toContain("田中 一郎さんについて");
    // the answer is taken in the request's batch, with no transaction
    expect(calls.write).toBe(0);
    expect(textOf(await tap(userId, tanakaQuestion, "問題なし"))).toContain("ありがとうございます");
    const rows = await db()
      .select()
      .from(employerPulses)
      .where(eq(employerPulses.registrantId, tanaka.id));
    expect(rows).toMatchObject([{ month: "2026-12", answer: "consult" }]);
  });

  it("is skipped for an employer whose pulse is off", async () => {
    const company = await employer();
    await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    const { setPulse } = await import("../../src/store/employers");
    await t.db.store.write((tx) => setPulse(tx, company, { enabled: false, day: 1 }));
    clock.set(Date.parse("2026-12-01T11:00:00+09:00"));
    await runTick(t.deps);
    expect(await db().select().from(employerPulses)).toEqual([]);
    expect(t.mock.messagesTo(userId)).toHaveLength(1);
  });
});

describe("the feedback loop", () => {
  it("tells the contact that the center received and then followed up, without content", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    const urgency = await say(userId, "田中さんの身だしなみが気になります");
    await tap(userId, urgency, "今週中に");
    const escalation = await escalationOf(tanaka.id, "appearance");
    const id = escalation?.id ?? "";
    const before = t.mock.messagesTo(userId).length;
    expect((await staff.call("POST", `/api/escalations/${id}/acknowledge`)).status).toBe(200);
    await runTick(t.deps);
    expect(
      (await staff.call("POST", `/api/escalations/${id}/resolve`, { note: "面談した" })).status,
    ).toBe(200);
    await runTick(t.deps);
    const told = (t.mock.messagesTo(userId) as Sent).slice(before).map((m) => m.text);
    expect(told).toEqual([
      "11/24にいただいた田中 一郎さんについてのご相談を、センターの担当者が確認しました。",
      "11/24にいただいた田中 一郎さんについてのご相談に、センターが対応しました。ありがとうございました。",
    ]);
  });
});

describe("the sender's allow-list", () => {
  it("drops anything not built for employers, however it is addressed to one, and logs it", async () => {
    const company = await employer();
    await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    const row = await t.db.store.write((tx) =>
      queueOutbound(
        tx,
        {
          kind: "push",
          recipients: [userId],
          messages: [{ type: "text", text: "体調: わるい" }],
          now: clock(),
        },
        t.deps.log,
      ),
    );
    expect(row).toBeNull();
    expect(lines.join("\n")).toContain("outbound.blocked_for_employer");
    expect(lines.join("\n")).not.toContain("体調");
  });
});

describe("a full scenario, scanned", () => {
  /** Every text an employer may receive, as its template reads. */
  const allowed: RegExp[] = [
    /^登録が完了しました。/,
    /^「相談する」を押すか、気になることをそのまま送ってください/,
    /^.+さんについて、どんなことが気になりますか？$/,
    /^どなたのことですか？/,
    /^よろしければ、ひとことお書きください/,
    /^どのくらい急ぎますか？$/,
    /^.+さんのこと、センター(に|の担当者に)すぐ伝えました。/,
    /^.+さんのこと、センターに伝えました。\n.+までに担当者が確認します。/,
    /^【月に1回の確認】.+さんの最近の様子はいかがですか？$/,
    /^ありがとうございます。センターにお伝えしました。$/,
    /^\d+\/\d+にいただいた.+さんについてのご相談(を、センターの担当者が確認しました|に、センターが対応しました)。/,
    /^ご相談をとりやめました。$/,
  ];

  it("sends an employer nothing but allow-listed words: no answers, no words of the registrant, no category of another source", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    const { userId: contactUser } = await contact(company);

    // the registrant: a hard week, worries, words about abuse at work and a risk to life
    let step = await say(tanaka.userId, "チェックイン");
    for (let i = 0; i < 12; i++) {
      const choices = buttonsOf(step).filter(
        (b) => b.data && !/v=(talk|skip|done|none)/.test(b.data),
      );
      const pick = choices.at(-1);
      if (!pick?.data) break;
      step = await press(tanaka.userId, pick.data);
    }
    await say(tanaka.userId, "上司に毎日怒鳴られて、殴られたこともある");
    await say(tanaka.userId, "もう死にたい");

    // the employer: a report with buttons, one in words, the pulse
    const what = await say(contactUser, "相談する");
    const words = await tap(contactUser, what, "コミュニケーション");
    const urgency = await tap(contactUser, words, "なし");
    await tap(contactUser, urgency, "今日中に");
    await say(contactUser, "田中さんが今日無断欠勤で、電話にも出ません");
    clock.set(Date.parse("2026-12-01T10:30:00+09:00"));
    await runTick(t.deps);
    const pulse = (t.mock.messagesTo(contactUser) as Sent).filter((m) =>
      m.text?.includes("月に1回"),
    );
    const fine = await tap(contactUser, pulse, "問題なし");
    expect(textOf(fine)).toContain("ありがとうございます");

    // staff (logged in again: a week has passed) act on everything: acknowledged, then resolved
    const caseworker = await loginAs(t, await mintStaff(t.db.store, center, "caseworker"));
    const open = await db()
      .select()
      .from(escalations)
      .where(eq(escalations.registrantId, tanaka.id));
    expect(open.map((row) => row.category).sort()).toEqual(
      expect.arrayContaining(["abuse", "crisis", "unreachable", "workplace"]),
    );
    for (const row of open) {
      const ack = await caseworker.call("POST", `/api/escalations/${row.id}/acknowledge`);
      expect(ack.status).toBe(200);
      const resolved = await caseworker.call("POST", `/api/escalations/${row.id}/resolve`, {
        note: "対応済み",
      });
      expect(resolved.status).toBe(200);
    }
    await runTick(t.deps);

    const sent = t.mock.requests.filter((request) => request.recipients.includes(contactUser));
    expect(sent.length).toBeGreaterThan(8);
    const forbidden = [
      "死",
      "殴",
      "怒鳴",
      "上司",
      "わるい",
      "ねむれ",
      "つらい",
      "くすり",
      "薬",
      "回答",
      "命の危険",
      "虐待",
      "気分",
      "睡眠",
    ];
    for (const request of sent) {
      for (const message of request.messages as Sent) {
        // a card's words are its alt text (its buttons are the allow-listed report kinds)
        const text = message.text ?? message.altText ?? "";
        expect(
          allowed.some((pattern) => pattern.test(text)),
          text,
        ).toBe(true);
        for (const word of forbidden) expect(text, text).not.toContain(word);
      }
    }
    // the feedback loop spoke about the employer's own reports, and only those
    const notices = sent
      .flatMap((request) => request.messages as Sent)
      .filter((m) => m.text?.includes("にいただいた"));
    expect(notices.length).toBeGreaterThanOrEqual(2);
  });
});

describe("after the job ends", () => {
  const end = (registrantId: string, employerId: string, endedOn: string) =>
    staff.call("POST", `/api/registrants/${registrantId}/employers/${employerId}/end`, {
      endedOn,
    });

  it("offers the person no more, refuses a report about them politely and records nothing", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    await registrant("佐藤 花子", company);
    await registrant("鈴木 次郎", company);
    const { userId } = await contact(company);
    expect((await end(tanaka.id, company, "2026-11-22")).status).toBe(200);

    const who = await say(userId, "相談する");
    expect(buttonsOf(who).map((b) => b.label)).toEqual(["佐藤 花子", "鈴木 次郎", "やめる"]);
    const reply = await press(userId, encodePostback({ a: "er", s: "who", v: tanaka.id }));
    expect(textOf(reply)).toContain("このかたについては、いまはご相談を受け付けられません");
    expect(await reportsOf(tanaka.id)).toEqual([]);
  });

  it("records nothing when the job ends between the report's read and its write", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    await registrant("佐藤 花子", company);
    const { userId } = await contact(company);
    const who = await say(userId, "相談する");
    const what = await tap(userId, who, "田中 一郎");
    const words = await tap(userId, what, "無断欠勤・連絡がつかない");
    const store = t.db.store;
    const commit = store.commit.bind(store);
    let ended = false;
    store.commit = async (statements) => {
      const files = statements.some((statement) =>
        JSON.stringify((statement as { toSQL?: () => unknown }).toSQL?.() ?? "").includes(
          "employer_reports",
        ),
      );
      if (files && !ended) {
        ended = true;
        expect((await end(tanaka.id, company, "2026-11-22")).status).toBe(200);
      }
      return commit(statements);
    };
    const reply = await tap(userId, words, "なし");
    store.commit = commit;
    expect(ended).toBe(true);
    expect(textOf(reply)).not.toContain("センターにすぐ伝えました");
    expect(await reportsOf(tanaka.id)).toEqual([]);
    expect(await escalationOf(tanaka.id, "unreachable")).toBeUndefined();
  });

  it("still covers the person until the last day when it is still to come", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    const { userId } = await contact(company);
    expect((await end(tanaka.id, company, "2026-12-31")).status).toBe(200);
    expect(textOf(await say(userId, "相談する"))).toContain("田中 一郎さんについて");
  });

  it("refuses a date that is not one (400) and a job that does not exist (404)", async () => {
    const company = await employer();
    const tanaka = await registrant("田中 一郎", company);
    expect((await end(tanaka.id, company, "2026-02-30")).status).toBe(400);
    expect((await end(tanaka.id, company, "31/12/2026")).status).toBe(400);
    expect((await end(tanaka.id, await employer("ほかの会社"), "2026-12-31")).status).toBe(404);
  });
});
