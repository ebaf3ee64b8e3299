// The monthly support report (支援レポート): drafted only from the month's records with the records
// behind each sentence, a month with none says so, staff edit a draft, finalise it (locked; a
// correction is a new version), and share it with the person (the short plain version on LINE)
// and the employer (only the marked sections, only under consent v2) — each refusal sending
// nothing; shares counted in the duties and statistics, kept in the center, audited, erased.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertRegistrant } from "../../src/store/registrants";
import {
  answers,
  auditLog,
  checkins,
  employerContacts,
  employerReports,
  employers,
  employments,
  lineAccounts,
  outbox,
  registrants,
  reportShares,
  supportReports,
} from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import {
  loginAs,
  mintCenter,
  mintEscalation,
  mintStaff,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
/** Friday 2026-11-27 15:00 in Tokyo: November is this month. */
const start = jst("2026-11-27T15:00:00");

let t: TestApp;
let clock: TestClock;
let centerId: string;
let worker: TestStaff;
let api: ApiClient;
let person: { id: string };

beforeEach(async () => {
  clock = createTestClock(start);
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store)).id;
  worker = await mintStaff(t.db.store, centerId, "caseworker");
  api = await loginAs(t, worker);
  person = await t.db.store.write((tx) =>
    insertRegistrant(tx, { centerId, displayName: "山田 花子", now: jst("2026-09-01T10:00:00") }),
  );
});

afterEach(async () => {
  await t.close();
});

interface Section {
  key: string;
  title: string;
  text: string;
  sources: { kind: string; id: string; label: string }[];
  sentences: { text: string; sources: { kind: string; id: string }[] }[];
  forEmployer: boolean;
  employerAllowed: boolean;
  edited: boolean;
  empty: boolean;
}
interface ReportJson {
  month: string;
  status: "draft" | "final";
  version: number;
  saved: boolean;
  hasData: boolean;
  sections: Section[];
  personSummary: { wentWell: string; nextMonth: string };
  versions: { version: number; status: string }[];
  shares: { version: number; to: string; channel: string; employerName: string | null }[];
}

const url = (month = "2026-11", id = person.id) => `/api/registrants/${id}/reports/${month}`;

async function report(month = "2026-11", client = api): Promise<ReportJson> {
  const response = await client.call("GET", url(month));
  expect(response.status).toBe(200);
  return (await response.json()) as ReportJson;
}

const section = (json: ReportJson, key: string) => {
  const found = json.sections.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
};

/** A check-in sent and answered at a Tokyo time, with its scale and other answers. */
async function checkin(at: string, scores: Record<string, number>, other: Record<string, string>) {
  const id = crypto.randomUUID();
  const sentAt = jst(at);
  await t.db.store.db.insert(checkins).values({
    id,
    registrantId: person.id,
    status: "completed",
    sentAt,
    completedAt: sentAt + 60_000,
  });
  const rows = [
    ...Object.entries(scores).map(([question, score]) => ({
      question,
      value: String(score),
      score,
    })),
    ...Object.entries(other).map(([question, value]) => ({ question, value, score: null })),
  ];
  for (const row of rows) {
    await t.db.store.db.insert(answers).values({
      checkinId: id,
      question: row.question as "condition",
      value: row.value,
      score: row.score,
      answeredAt: sentAt + 30_000,
    });
  }
  return id;
}

const visit = {
  kind: "face_to_face",
  with: "person",
  at: "2026-11-05T14:00:00+09:00",
  minutes: 40,
  note: "職場で面談。朝の通勤が少しつらい。",
};

async function recordVisit(body: unknown = visit) {
  const response = await api.call("POST", `/api/registrants/${person.id}/contacts`, body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The person on LINE (following), with the given consent text version. */
async function linkPerson(consentVersion: number | null = 2) {
  const lineUserId = `U${"a".repeat(32)}`;
  await t.db.store.db
    .insert(lineAccounts)
    .values({ lineUserId, role: "registrant", personId: person.id, firstSeenAt: 0, lastSeenAt: 0 });
  await t.db.store.db
    .update(registrants)
    .set({
      lineUserId,
      linkedAt: start - 86_400_000 * 30,
      consentedAt: consentVersion === null ? null : start - 86_400_000 * 30,
      consentVersion,
    })
    .where(eq(registrants.id, person.id));
  return lineUserId;
}

/** The person's employer with one contact linked on LINE. */
async function employerWithContact() {
  const employerId = crypto.randomUUID();
  const lineUserId = `U${"e".repeat(32)}`;
  await t.db.store.db
    .insert(employers)
    .values({ id: employerId, centerId, name: "つなぎ工業", createdAt: 0 });
  await t.db.store.db
    .insert(employments)
    .values({ registrantId: person.id, employerId, createdAt: 0 });
  const contactId = crypto.randomUUID();
  await t.db.store.db.insert(employerContacts).values({
    id: contactId,
    centerId,
    employerId,
    displayName: "佐藤 課長",
    lineUserId,
    linkedAt: 0,
    createdAt: 0,
  });
  await t.db.store.db.insert(lineAccounts).values({
    lineUserId,
    role: "employer_contact",
    personId: contactId,
    firstSeenAt: 0,
    lastSeenAt: 0,
  });
  return { employerId, contactId, lineUserId };
}

async function outboxRows() {
  return t.db.store.db.select().from(outbox);
}

/** Writes the person's short version and locks the draft. */
async function finalizeWithSummary() {
  const edited = await api.call("PUT", url(), {
    personSummary: {
      wentWell: "まいしゅう こたえて くれました。",
      nextMonth: "12がつ 3にち に あいに いきます。",
    },
    sections: [{ key: "share", text: "通勤の時間帯について、来月相談させてください。" }],
  });
  expect(edited.status).toBe(200);
  expect((await api.call("POST", `${url()}/finalize`)).status).toBe(200);
}

describe("the draft, from the records only", () => {
  it("cites the check-ins, the visit, the employer's report and the open escalation it read", async () => {
    // October: a lower mood, for the month's direction
    await checkin("2026-10-16T18:00:00", { condition: 3, sleep: 2, mood: 2 }, {});
    const first = await checkin(
      "2026-11-06T18:00:00",
      { condition: 3, sleep: 3, mood: 3 },
      { medication: "as_prescribed", attendance: "all", worries: '["money"]', message: "つかれた" },
    );
    const second = await checkin(
      "2026-11-13T18:00:00",
      { condition: 4, sleep: 1, mood: 4 },
      { medication: "forgot_sometimes", attendance: "late:2", worries: '["none"]' },
    );
    const contactId = await recordVisit();
    const escalation = await mintEscalation(t.db.store, {
      centerId,
      registrantId: person.id,
      category: "absence",
      source: "employer",
      now: jst("2026-11-10T10:00:00"),
    });
    const { employerId, contactId: employerContactId } = await employerWithContact();
    const employerReportId = crypto.randomUUID();
    await t.db.store.db.insert(employerReports).values({
      id: employerReportId,
      centerId,
      employerId,
      contactId: employerContactId,
      registrantId: person.id,
      kind: "absence",
      urgency: "week",
      words: "遅刻が二回ありました",
      via: "buttons",
      escalationId: escalation.id,
      createdAt: jst("2026-11-10T10:00:00"),
    });

    const json = await report();
    expect(json).toMatchObject({ month: "2026-11", status: "draft", version: 1, saved: false });
    expect(json.hasData).toBe(true);
    expect(json.sections.map((s) => s.key)).toEqual([
      "goal",
      "situation",
      "support",
      "next",
      "others",
      "share",
    ]);
    const situation = section(json, "situation");
    expect(situation.text).toContain("チェックイン：送信 2回、回答 2回。");
    expect(situation.text).toContain("体調：平均 3.5");
    // mood went from 2 in October to 3.5
    expect(situation.text).toMatch(
      /気分：平均 3\.5（4段階、4がよい）。先月（2\.0）より よくなりました/,
    );
    expect(situation.text).toContain("睡眠：平均 2.0");
    expect(situation.text).toContain("いちばん低い「1」の回答が 1回（11/13）");
    expect(situation.text).toContain("服薬：飲めている 1回、ときどき飲み忘れ 1回。");
    expect(situation.text).toContain("出勤：全日出勤 1回、遅刻あり（2日） 1回。");
    expect(situation.text).toContain("困りごととして選んだもの：お金 1回。");
    // the person's own words are counted, never quoted
    expect(situation.text).toContain("ひとことの記入が 1回");
    expect(JSON.stringify(json.sections)).not.toContain("つかれた");
    expect(situation.sources.map((s) => s.id).sort()).toEqual([first, second].sort());
    for (const sentence of situation.sentences) expect(sentence.sources.length).toBeGreaterThan(0);

    const support = section(json, "support");
    expect(support.sentences[0]).toEqual({
      text: `11/5 面談・対面（本人、40分）：${visit.note}`,
      sources: [{ kind: "contact", id: contactId, label: "11/5 面談・対面" }],
    });
    expect(support.text).toContain("「欠勤・遅刻」の件（中）を受け付け → 未対応");
    expect(section(json, "next").sources).toEqual([
      expect.objectContaining({ kind: "escalation", id: escalation.id }),
    ]);
    const others = section(json, "others");
    expect(others.text).toContain("本人：チェックインに 2回 答えました。");
    expect(others.text).toContain(
      "企業：11/10「遅刻・欠勤が増えた」について相談がありました → 未対応。",
    );
    expect(others.sources.map((s) => s.kind)).toContain("employer_report");
    expect(JSON.stringify(json)).not.toContain("遅刻が二回ありました");
    // nothing recorded for these: they say so, and ask the worker
    expect(section(json, "goal")).toMatchObject({ empty: true, sources: [] });
    expect(section(json, "share").text).toContain("記録からは書けません");
    // the plain version drafts what went well; next month is the worker's to write
    expect(json.personSummary).toEqual({
      wentWell:
        "しつもんに 2かい こたえて くれました。ありがとう。\n1かい あって、はなしを しました。",
      nextMonth: "",
    });
  });

  it("says so for a month with no records, as a draft, never an empty success", async () => {
    const json = await report("2026-10");
    expect(json.hasData).toBe(false);
    expect(json.sections).toHaveLength(6);
    for (const s of json.sections) {
      expect(s.empty).toBe(true);
      expect(s.text.length).toBeGreaterThan(10);
      expect(s.sources).toEqual([]);
    }
    expect(section(json, "situation").text).toBe("この月のチェックインの記録はありません。");
  });

  it("takes last month's final plan as this month's goal, pointing at that report", async () => {
    clock.set(jst("2026-11-02T10:00:00"));
    api = await loginAs(t, worker);
    const put = await api.call("PUT", url("2026-10"), {
      sections: [{ key: "next", text: "朝の通勤の負担を減らす方法を一緒に考える。" }],
    });
    expect(put.status).toBe(200);
    expect((await api.call("POST", `${url("2026-10")}/finalize`)).status).toBe(200);
    const goal = section(await report(), "goal");
    expect(goal.text).toBe(
      "先月のレポートの「来月の予定」より：朝の通勤の負担を減らす方法を一緒に考える。",
    );
    expect(goal.sources).toEqual([
      expect.objectContaining({ kind: "report", label: "10月のレポート（第1版）" }),
    ]);
  });

  it("refuses a malformed month, one still to come and one before registration", async () => {
    for (const [month, reason] of [
      ["2026-13", undefined],
      ["26-11", undefined],
      ["2026-12", "month_in_future"],
      ["2026-08", "before_registration"],
    ] as const) {
      const response = await api.call("GET", url(month));
      expect(response.status, month).toBe(400);
      const body = (await response.json()) as { error: { reason?: string } };
      expect(body.error.reason).toBe(reason);
    }
  });
});

describe("editing and finalising", () => {
  it("keeps staff's words over the draft, goes back to the draft on null, and stores version 1", async () => {
    await recordVisit();
    const put = await api.call("PUT", url(), {
      sections: [{ key: "support", text: "面談で通勤の相談を受けた。" }],
    });
    expect(put.status).toBe(200);
    let json = (await put.json()) as ReportJson;
    expect(json.saved).toBe(true);
    expect(section(json, "support")).toMatchObject({
      text: "面談で通勤の相談を受けた。",
      edited: true,
      sentences: [],
    });
    // the records it was drafted from stay named
    expect(section(json, "support").sources).toHaveLength(1);
    // a contact recorded later still reaches the parts staff did not rewrite
    await recordVisit({
      ...visit,
      kind: "company_visit",
      with: "employer",
      at: "2026-11-20T10:00:00+09:00",
    });
    json = await report();
    expect(section(json, "support").text).toBe("面談で通勤の相談を受けた。");
    const reset = await api.call("PUT", url(), { sections: [{ key: "support", text: null }] });
    json = (await reset.json()) as ReportJson;
    expect(section(json, "support").edited).toBe(false);
    expect(section(json, "support").sentences).toHaveLength(2);
    expect(await t.db.store.db.select().from(supportReports)).toHaveLength(1);
  });

  it("never marks the check-in section for the employer, and refuses unknown fields", async () => {
    const cases: [unknown, string | undefined][] = [
      [{ sections: [{ key: "situation", forEmployer: true }] }, "not_for_employer"],
      [{ sections: [{ key: "nope", text: "x" }] }, undefined],
      [{ sections: [{ key: "share", text: "x".repeat(2001) }] }, undefined],
      [{ personSummary: { wentWell: "x" } }, undefined],
      [{ title: "x" }, undefined],
    ];
    for (const [body, reason] of cases) {
      const response = await api.call("PUT", url(), body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(((await response.json()) as { error: { reason?: string } }).error.reason).toBe(reason);
    }
    expect(await t.db.store.db.select().from(supportReports)).toEqual([]);
  });

  it("locks a final version: an edit or a second finalise is 409, a correction is version 2", async () => {
    await recordVisit();
    const finalized = await api.call("POST", `${url()}/finalize`);
    expect(finalized.status).toBe(200);
    const final = (await finalized.json()) as ReportJson;
    expect(final).toMatchObject({ status: "final", version: 1 });
    expect(section(final, "support").sentences[0]?.sources[0]?.kind).toBe("contact");
    // a request to the worker is not printed as the report; a fact that there is none stays
    expect(section(final, "goal").text).toBe("");
    expect(section(final, "next").text).toBe("");
    expect(section(final, "situation").text).toBe("この月のチェックインの記録はありません。");

    const edit = await api.call("PUT", url(), { sections: [{ key: "share", text: "x" }] });
    expect(edit.status).toBe(409);
    expect(((await edit.json()) as { error: { reason: string } }).error.reason).toBe(
      "report_final",
    );
    expect((await api.call("POST", `${url()}/finalize`)).status).toBe(409);

    // later records do not change what was locked
    await recordVisit({ ...visit, at: "2026-11-21T10:00:00+09:00", note: "二回目" });
    expect(section(await report(), "support").text).not.toContain("二回目");

    const revised = await api.call("POST", `${url()}/versions`);
    expect(revised.status).toBe(201);
    const v2 = (await revised.json()) as ReportJson;
    expect(v2).toMatchObject({ status: "draft", version: 2 });
    expect(section(v2, "support").text).toBe(section(final, "support").text);
    expect(v2.versions.map((v) => [v.version, v.status])).toEqual([
      [2, "draft"],
      [1, "final"],
    ]);
    // a new version only from a final one
    expect((await api.call("POST", `${url()}/versions`)).status).toBe(409);
    const old = await api.call("GET", `${url()}?version=1`);
    expect(((await old.json()) as ReportJson).status).toBe("final");
    expect((await api.call("GET", `${url()}?version=9`)).status).toBe(404);
    expect((await api.call("GET", `${url()}?version=x`)).status).toBe(400);
  });
});

describe("sharing", () => {
  it("refuses a draft, and a LINE share without the person's short version, sending nothing", async () => {
    await linkPerson();
    const draft = await api.call("POST", `${url()}/share`, { to: ["person"] });
    expect(draft.status).toBe(409);
    expect(((await draft.json()) as { error: { reason: string } }).error.reason).toBe(
      "report_not_final",
    );
    expect((await api.call("POST", `${url()}/finalize`)).status).toBe(200);
    // the drafted short version has no plan for next month yet
    const noSummary = await api.call("POST", `${url()}/share`, { to: ["person"] });
    expect(noSummary.status).toBe(409);
    expect(((await noSummary.json()) as { error: { reason: string } }).error.reason).toBe(
      "summary_missing",
    );
    expect(await outboxRows()).toEqual([]);
    expect(await t.db.store.db.select().from(reportShares)).toEqual([]);
  });

  it("sends the person the plain version once, logs it in their conversation and counts the duty", async () => {
    const lineUserId = await linkPerson();
    await recordVisit();
    await finalizeWithSummary();
    const shared = await api.call("POST", `${url()}/share`, { to: ["person"] });
    expect(shared.status).toBe(200);
    expect(await shared.json()).toEqual({
      shared: [
        {
          version: 1,
          to: "person",
          channel: "line",
          employerId: null,
          employerName: null,
          recipients: 1,
        },
      ],
    });
    // a double submit sends nothing more
    expect((await api.call("POST", `${url()}/share`, { to: ["person"] })).status).toBe(200);
    const rows = await outboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "push", recipients: [lineUserId], purpose: "report" });
    await t.background.drain();
    const texts = JSON.stringify(t.mock.messagesTo(lineUserId));
    expect(texts).toContain("11がつの ふりかえり");
    expect(texts).toContain("まいしゅう こたえて くれました。");
    expect(texts).toContain("12がつ 3にち に あいに いきます。");
    expect(texts).toContain("そうだんする");
    // the staff report's own text never goes to the person
    expect(texts).not.toContain("面談・対面");

    const duties = (await (await api.call("GET", "/api/compliance?month=2026-11")).json()) as {
      items: {
        registrantId: string;
        reportShared: boolean;
        reportStatus: string;
        status: string;
      }[];
      totals: { reportsShared: number };
    };
    expect(duties.items[0]).toMatchObject({ reportShared: true, reportStatus: "ok", status: "ok" });
    expect(duties.totals.reportsShared).toBe(1);
    const stats = (await (await api.call("GET", "/api/stats?from=2026-11&to=2026-11")).json()) as {
      months: { reportsShared: number }[];
    };
    expect(stats.months[0]?.reportsShared).toBe(1);
    const json = await report();
    expect(json.shares).toEqual([
      expect.objectContaining({ version: 1, to: "person", channel: "line" }),
    ]);
  });

  it("records a report handed over on paper to someone not on LINE, sending nothing", async () => {
    expect((await api.call("POST", `${url()}/finalize`)).status).toBe(200);
    const line = await api.call("POST", `${url()}/share`, { to: ["person"], channel: "line" });
    expect(line.status).toBe(409);
    const paper = await api.call("POST", `${url()}/share`, { to: ["person"], channel: "paper" });
    expect(paper.status).toBe(200);
    expect(await outboxRows()).toEqual([]);
    const duties = (await (await api.call("GET", "/api/compliance?month=2026-11")).json()) as {
      items: { reportShared: boolean }[];
    };
    expect(duties.items[0]?.reportShared).toBe(true);
  });

  it("sends the employer only the marked sections, never the check-in answers", async () => {
    await linkPerson(2);
    const { lineUserId } = await employerWithContact();
    await checkin(
      "2026-11-06T18:00:00",
      { condition: 1, sleep: 1, mood: 1 },
      { medication: "not_taking" },
    );
    await recordVisit();
    await finalizeWithSummary();
    const shared = await api.call("POST", `${url()}/share`, { to: ["employer"] });
    expect(shared.status).toBe(200);
    const rows = await outboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      recipients: [lineUserId],
      purpose: "report",
      about: [person.id],
    });
    await t.background.drain();
    const texts = JSON.stringify(t.mock.messagesTo(lineUserId));
    expect(texts).toContain("【支援レポート 2026年11月】山田 花子さん");
    expect(texts).toContain("通勤の時間帯について、来月相談させてください。");
    for (const health of ["体調", "服薬", "睡眠", "気分", "チェックイン", visit.note]) {
      expect(texts).not.toContain(health);
    }
    const json = await report();
    expect(json.shares).toEqual([
      expect.objectContaining({ to: "employer", channel: "line", employerName: "つなぎ工業" }),
    ]);
  });

  it("refuses the employer when consent does not cover the link, and sends the person nothing either", async () => {
    await linkPerson(1);
    await employerWithContact();
    await finalizeWithSummary();
    const response = await api.call("POST", `${url()}/share`, { to: ["person", "employer"] });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe(
      "not_consented",
    );
    expect(await outboxRows()).toEqual([]);
    expect(await t.db.store.db.select().from(reportShares)).toEqual([]);
  });

  it("refuses an employer share with nothing marked, without an employer, or without a linked contact", async () => {
    await linkPerson(2);
    const reasons: string[] = [];
    const share = async (channel = "line") => {
      const response = await api.call("POST", `${url()}/share`, { to: ["employer"], channel });
      expect(response.status).toBe(409);
      reasons.push(((await response.json()) as { error: { reason: string } }).error.reason);
    };
    // nothing marked: the share section is empty and the draft marks only it
    expect((await api.call("PUT", url(), { sections: [{ key: "share", text: "" }] })).status).toBe(
      200,
    );
    expect((await api.call("POST", `${url()}/finalize`)).status).toBe(200);
    await share();
    await api.call("POST", `${url()}/versions`);
    await api.call("PUT", url(), { sections: [{ key: "share", text: "共有です" }] });
    await api.call("POST", `${url()}/finalize`);
    await share();
    const { contactId } = await employerWithContact();
    await t.db.store.db
      .update(employerContacts)
      .set({ lineUserId: null })
      .where(eq(employerContacts.id, contactId));
    await share();
    expect(reasons).toEqual(["nothing_for_employer", "no_employer", "no_employer_contact"]);
    // on paper it needs no LINE
    const paper = await api.call("POST", `${url()}/share`, { to: ["employer"], channel: "paper" });
    expect(paper.status).toBe(200);
    expect(await outboxRows()).toEqual([]);
  });

  it("refuses bad share bodies", async () => {
    for (const body of [
      {},
      { to: [] },
      { to: ["boss"] },
      { to: ["person"], channel: "fax" },
      { to: "person" },
    ]) {
      expect((await api.call("POST", `${url()}/share`, body)).status, JSON.stringify(body)).toBe(
        400,
      );
    }
  });
});

describe("the boundary, the audit and the person's rights", () => {
  it("answers 404 for another center's person on every report route", async () => {
    const other = await mintCenter(t.db.store, "よそのセンター");
    const stranger = await loginAs(t, await mintStaff(t.db.store, other.id, "supervisor"));
    const calls: [string, string, unknown?][] = [
      ["GET", url()],
      ["PUT", url(), { sections: [] }],
      ["POST", `${url()}/finalize`],
      ["POST", `${url()}/versions`],
      ["POST", `${url()}/share`, { to: ["person"] }],
      ["GET", `/api/registrants/${person.id}/reports`],
    ];
    for (const [method, path, body] of calls) {
      expect((await stranger.call(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect(await t.db.store.db.select().from(supportReports)).toEqual([]);
  });

  it("audits each read and change, lists the months, discloses and erases the reports", async () => {
    await linkPerson();
    await finalizeWithSummary();
    await api.call("POST", `${url()}/share`, { to: ["person"] });
    const actions = (
      await t.db.store.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, person.id)))
    ).map((row) => row.action);
    for (const action of ["report.edit", "report.finalize", "report.read", "report.share"]) {
      expect(actions).toContain(action);
    }
    const list = (await (
      await api.call("GET", `/api/registrants/${person.id}/reports`)
    ).json()) as {
      items: { month: string; status: string; version: number }[];
    };
    expect(list.items).toEqual([
      expect.objectContaining({ month: "2026-11", version: 1, status: "final" }),
    ]);

    const boss = await loginAs(t, await mintStaff(t.db.store, centerId, "supervisor"));
    const disclosure = (await (
      await boss.call("GET", `/api/registrants/${person.id}/export`)
    ).json()) as { reports: { month: string; sections: { text: string }[] }[] };
    expect(disclosure.reports).toEqual([
      expect.objectContaining({ month: "2026-11", status: "final" }),
    ]);
    expect(JSON.stringify(disclosure.reports)).toContain("通勤の時間帯について");
    const erased = await boss.call("DELETE", `/api/registrants/${person.id}`, {
      confirm: "山田 花子",
    });
    expect(erased.status).toBe(200);
    expect(await t.db.store.db.select().from(supportReports)).toEqual([]);
    expect(await t.db.store.db.select().from(reportShares)).toEqual([]);
  });
});

describe("the page", () => {
  const page = (path: string, init?: RequestInit) =>
    t.request(path, {
      ...init,
      headers: {
        cookie: api.cookie ?? "",
        ...(init?.headers as Record<string, string> | undefined),
      },
    });
  const form = (fields: Record<string, string>) => ({
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "http://localhost",
    },
    body: new URLSearchParams(fields).toString(),
  });

  it("shows the draft with its records, saves, finalises and shares on paper", async () => {
    await recordVisit();
    const base = `/dashboard/registrants/${person.id}/reports/2026-11`;
    const html = await (await page(base)).text();
    expect(html).toContain("山田 花子 さんの支援レポート（2026年11月）");
    expect(html).toContain("根拠：11/5 面談・対面");
    expect(html).toContain("本人の回答を含むため、企業には渡しません。");
    const json = await report();
    const fields: Record<string, string> = {
      action: "finalize",
      wentWell: "あえて よかった",
      nextMonth: "また あいます",
    };
    for (const s of json.sections) fields[`text_${s.key}`] = s.text;
    fields.text_share = "来月の面談日を相談させてください。";
    fields.employer_share = "1";
    const saved = await page(base, form(fields));
    expect(saved.status).toBe(303);
    const final = await report();
    expect(final.status).toBe("final");
    // only the rewritten section counts as staff's words
    expect(section(final, "share")).toMatchObject({ edited: true, forEmployer: true });
    expect(section(final, "support").edited).toBe(false);
    expect(final.personSummary).toEqual({
      wentWell: "あえて よかった",
      nextMonth: "また あいます",
    });
    // not on LINE: the page says so, in words, with 409
    const refused = await page(`${base}/share`, form({ to: "person", channel: "line" }));
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("この人は LINE とつながっていません");
    const paper = await page(`${base}/share`, form({ to: "person", channel: "paper" }));
    expect(paper.status).toBe(303);
    const after = await (await page(`${base}?done=shared`)).text();
    expect(after).toContain("本人に紙で渡しました");
    expect(after).toContain("訂正する（新しい版を作る）");
    const registrantPage = await (await page(`/dashboard/registrants/${person.id}`)).text();
    expect(registrantPage).toContain("確定・第1版");
  });
});
