// Trends over weeks: each rule of the table on its own, and the weeks read back from the database.
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { trendRules, trendSignals } from "../../src/escalation/rules/trend";
import { type TrendAnswer, type TrendWeek } from "../../src/store/trends";
import { weekKey } from "../../src/time/calendar";
import { insertCheckin, upsertAnswer } from "../../src/store/checkins";
import * as schema from "../../src/store/schema";
import type { QuestionKey } from "../../src/vocabulary/kinds";
import { recentWeeksForTrends } from "../../src/store/trends";
import { createTestStore, type TestStore } from "../support/db";
import { seedCheckin, type WeekAnswers } from "../support/history";
import { mintCenter, mintRegistrant } from "../support/staff";

type Given = Partial<Record<QuestionKey, number | string>>;

const fine: Given = {
  condition: 4,
  sleep: 4,
  mood: 4,
  medication: "as_prescribed",
  attendance: "all",
};

/** Week `n` of 2026, answered: numbers are scale scores, strings are values ("skip", "talk"…). */
function answered(n: number, given: Given): TrendWeek {
  const all: Given = { ...fine, ...given };
  const answers: Partial<Record<QuestionKey, TrendAnswer>> = {};
  for (const question of Object.keys(all) as QuestionKey[]) {
    const answer = all[question];
    if (answer === undefined) continue;
    answers[question] =
      typeof answer === "number"
        ? { value: String(answer), score: answer }
        : { value: answer, score: null };
  }
  return { weekKey: `2026-W${String(n)}`, status: "completed", answers };
}

const missed = (n: number): TrendWeek => ({
  weekKey: `2026-W${String(n)}`,
  status: "missed",
  answers: {},
});

/** Consecutive weeks from W40 on, one answer to `question` each ("missed" for a missed week). */
function series(question: QuestionKey, values: (number | string)[]): TrendWeek[] {
  return values.map((value, i) =>
    value === "missed" ? missed(40 + i) : answered(40 + i, { [question]: value }),
  );
}

const byRule = (weeks: TrendWeek[]) =>
  trendSignals(weeks).map((signal) => `${String(signal.evidence.rule)} ${signal.severity}`);

describe("the trend rules table", () => {
  it("gives every rule its own id and a reason in Japanese", () => {
    const ids = trendRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of trendRules) expect(rule.reason).toMatch(/[ぁ-ん一-龯]/);
  });

  it("raises nothing for good weeks, no weeks, or weeks of skips and misses", () => {
    expect(trendSignals([])).toEqual([]);
    expect(trendSignals([40, 41, 42, 43].map((n) => answered(n, {})))).toEqual([]);
    const skipped: Given = {
      condition: "skip",
      sleep: "skip",
      mood: "skip",
      medication: "skip",
      attendance: "skip",
    };
    expect(trendSignals([answered(40, skipped), missed(41), answered(42, skipped)])).toEqual([]);
  });
});

describe("condition two weeks running at 'a little bad' or worse", () => {
  it("raises health/normal from the trend, quoting both weeks with their labels", () => {
    expect(trendSignals(series("condition", [4, 2, 1]))).toEqual([
      {
        category: "health",
        severity: "normal",
        source: "trend",
        evidence: {
          reason: "体調が2週つづけて「すこしわるい」以下",
          rule: "condition-low-2w",
          question: "体調",
          weeks: [
            { week: "2026-W41", answer: "😐 すこし わるい" },
            { week: "2026-W42", answer: "😣 わるい" },
          ],
        },
      },
    ]);
  });

  it("just misses on one bad week, a good week last, or a run that is over", () => {
    expect(byRule(series("condition", [4, 2]))).toEqual([]);
    expect(byRule(series("condition", [2, 3]))).toEqual([]);
    expect(byRule(series("condition", [3, 2]))).toEqual([]);
    expect(byRule(series("condition", [2, 2, 3]))).toEqual([]);
  });

  it("reads across a skipped answer, and does not count the skip as a bad week", () => {
    const [signal] = trendSignals(series("condition", [2, "skip", 2]));
    expect(signal?.evidence.weeks).toEqual([
      { week: "2026-W40", answer: "😐 すこし わるい" },
      { week: "2026-W42", answer: "😐 すこし わるい" },
    ]);
    expect(byRule(series("condition", [4, 2, "skip"]))).toEqual([]);
    expect(byRule(series("condition", [2, "talk", 2]))).toEqual(["condition-low-2w normal"]);
  });

  it("reads across a missed week, which is no bad week by itself", () => {
    const [signal] = trendSignals(series("condition", [1, "missed", 2]));
    expect(signal?.evidence.weeks).toEqual([
      { week: "2026-W40", answer: "😣 わるい" },
      { week: "2026-W42", answer: "😐 すこし わるい" },
    ]);
    expect(byRule(series("condition", [3, 2, "missed"]))).toEqual([]);
  });

  it("stays quiet when the newest week does not answer the question: an old run is not raised again", () => {
    expect(byRule(series("condition", [2, 2]))).toEqual(["condition-low-2w normal"]);
    expect(byRule(series("condition", [2, 2, "skip"]))).toEqual([]);
    expect(byRule(series("condition", [2, 2, "missed"]))).toEqual([]);
    expect(byRule(series("mood", [1, 1, 1, "talk"]))).toEqual([]);
  });
});

describe("condition falling 2 points below the average of the three weeks before", () => {
  it("raises health/low, quoting the four weeks compared", () => {
    expect(trendSignals(series("condition", [4, 4, 4, 2]))).toEqual([
      {
        category: "health",
        severity: "low",
        source: "trend",
        evidence: {
          reason: "体調が前の3週の平均より2段階以上さがった",
          rule: "condition-drop",
          question: "体調",
          weeks: [
            { week: "2026-W40", answer: "😄 とても いい" },
            { week: "2026-W41", answer: "😄 とても いい" },
            { week: "2026-W42", answer: "😄 とても いい" },
            { week: "2026-W43", answer: "😐 すこし わるい" },
          ],
        },
      },
    ]);
  });

  it("matches a fall of exactly 2 and just misses a smaller one", () => {
    expect(byRule(series("condition", [3, 3, 3, 1]))).toEqual(["condition-drop low"]);
    expect(byRule(series("condition", [4, 3, 3, 2]))).toEqual([]);
    expect(byRule(series("condition", [4, 4, 3, 2]))).toEqual([]);
  });

  it("needs three answered weeks before, reading across skips and missed weeks", () => {
    expect(byRule(series("condition", [4, 4, 2]))).toEqual([]);
    expect(byRule(series("condition", [4, 4, "skip", 2]))).toEqual([]);
    const weeks = series("condition", [4, "skip", 4, "missed", 4, 2]);
    expect(trendSignals(weeks)[0]?.evidence.weeks).toEqual([
      { week: "2026-W40", answer: "😄 とても いい" },
      { week: "2026-W42", answer: "😄 とても いい" },
      { week: "2026-W44", answer: "😄 とても いい" },
      { week: "2026-W45", answer: "😐 すこし わるい" },
    ]);
  });

  it("stays quiet when a two-week run of poor condition already speaks for it", () => {
    expect(byRule(series("condition", [4, 4, 2, 1]))).toEqual(["condition-low-2w normal"]);
  });
});

describe("sleep two weeks running at 'not sleeping well' or worse", () => {
  it("raises health/normal quoting the sleep answers", () => {
    const [signal, ...rest] = trendSignals(series("sleep", [3, 2, 1]));
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({ category: "health", severity: "normal", source: "trend" });
    expect(signal?.evidence).toEqual({
      reason: "睡眠が2週つづけて「あまりねむれない」以下",
      rule: "sleep-low-2w",
      question: "睡眠",
      weeks: [
        { week: "2026-W41", answer: "😐 あまり ねむれない" },
        { week: "2026-W42", answer: "😣 ねむれない" },
      ],
    });
  });

  it("just misses with one good night between, and reads across a skip", () => {
    expect(byRule(series("sleep", [1, 3, 1]))).toEqual([]);
    expect(byRule(series("sleep", [1, "skip", "missed", 2]))).toEqual(["sleep-low-2w normal"]);
  });

  it("speaks alongside poor condition: both are evidence for the one health escalation", () => {
    const weeks = [
      answered(40, { condition: 2, sleep: 2 }),
      answered(41, { condition: 1, sleep: 1 }),
    ];
    expect(byRule(weeks)).toEqual(["condition-low-2w normal", "sleep-low-2w normal"]);
  });
});

describe("mood at 'a little hard' or worse, two and three weeks running", () => {
  it("raises mood/normal after two weeks", () => {
    const signals = trendSignals(series("mood", [4, 2, 1]));
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ category: "mood", severity: "normal", source: "trend" });
    expect(signals[0]?.evidence).toMatchObject({
      rule: "mood-low-2w",
      question: "気分",
      weeks: [
        { week: "2026-W41", answer: "😐 すこし つらい" },
        { week: "2026-W42", answer: "😢 つらい" },
      ],
    });
  });

  it("raises only mood/high after three weeks, quoting all three", () => {
    const signals = trendSignals(series("mood", [2, 2, 1]));
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ category: "mood", severity: "high" });
    expect(signals[0]?.evidence).toMatchObject({
      reason: "気分が3週つづけて「すこしつらい」以下",
      rule: "mood-low-3w",
      weeks: [
        { week: "2026-W40", answer: "😐 すこし つらい" },
        { week: "2026-W41", answer: "😐 すこし つらい" },
        { week: "2026-W42", answer: "😢 つらい" },
      ],
    });
  });

  it("keeps a three-week run across skips and missed weeks, and breaks it on a good week", () => {
    expect(byRule(series("mood", [2, "skip", 1, "missed", 2]))).toEqual(["mood-low-3w high"]);
    expect(byRule(series("mood", [2, 3, 1, 2]))).toEqual(["mood-low-2w normal"]);
    expect(byRule(series("mood", [2, 1, 3]))).toEqual([]);
  });
});

describe("medication forgotten or not taken two weeks running", () => {
  it("raises medication/normal for any mix of the two, quoting both answers", () => {
    expect(trendSignals(series("medication", ["forgot_sometimes", "not_taking"]))).toEqual([
      {
        category: "medication",
        severity: "normal",
        source: "trend",
        evidence: {
          reason: "薬を2週つづけて「ときどき忘れた」か「のんでいない」",
          rule: "medication-2w",
          question: "服薬",
          weeks: [
            { week: "2026-W40", answer: "ときどき わすれた" },
            { week: "2026-W41", answer: "のんで いない" },
          ],
        },
      },
    ]);
  });

  it("just misses when a week in between or the last week went as prescribed", () => {
    expect(byRule(series("medication", ["not_taking", "as_prescribed", "not_taking"]))).toEqual([]);
    expect(byRule(series("medication", ["not_taking", "no_medicine"]))).toEqual([]);
  });

  it("reads across a skip and a missed week", () => {
    const weeks = series("medication", ["not_taking", "skip", "missed", "forgot_sometimes"]);
    expect(trendSignals(weeks)[0]?.evidence.weeks).toEqual([
      { week: "2026-W40", answer: "のんで いない" },
      { week: "2026-W43", answer: "ときどき わすれた" },
    ]);
  });
});

describe("late or absent in 3 of the last 4 answered weeks", () => {
  it("raises absence/normal, quoting the four weeks looked at with the days", () => {
    expect(trendSignals(series("attendance", ["late:1", "absent:2", "all", "late:4"]))).toEqual([
      {
        category: "absence",
        severity: "normal",
        source: "trend",
        evidence: {
          reason: "最近の4週のうち3週 遅刻か欠勤",
          rule: "attendance-3of4",
          question: "出勤",
          weeks: [
            { week: "2026-W40", answer: "⏰ ちこく した（1日）" },
            { week: "2026-W41", answer: "🏠 やすんだ（2日）" },
            { week: "2026-W42", answer: "🏢 ぜんぶ いけた" },
            { week: "2026-W43", answer: "⏰ ちこく した（4日 いじょう）" },
          ],
        },
      },
    ]);
  });

  it("just misses at 2 of 4, and counts only the last four answered weeks", () => {
    expect(byRule(series("attendance", ["late:1", "all", "all", "absent:1"]))).toEqual([]);
    expect(byRule(series("attendance", ["late:1", "late:1", "late:1", "all", "all"]))).toEqual([]);
    expect(byRule(series("attendance", ["all", "late:1", "absent:1", "all", "late:2"]))).toEqual([
      "attendance-3of4 normal",
    ]);
  });

  it("does not count skips, missed weeks or weeks off, and judges a short history on what there is", () => {
    const weeks = series("attendance", ["late:1", "skip", "off", "absent:3", "missed", "late:2"]);
    expect(trendSignals(weeks)[0]?.evidence.weeks).toEqual([
      { week: "2026-W40", answer: "⏰ ちこく した（1日）" },
      { week: "2026-W43", answer: "🏠 やすんだ（3日）" },
      { week: "2026-W45", answer: "⏰ ちこく した（2日）" },
    ]);
    expect(byRule(series("attendance", ["late:1", "off", "absent:1"]))).toEqual([]);
  });
});

describe("recentWeeksForTrends", () => {
  const jst = (iso: string) => Date.parse(`${iso}+09:00`);
  const weekMs = 7 * 24 * 60 * 60 * 1000;
  /** Friday 2026-10-16 18:00 in Tokyo (2026-W42), then every Friday after. */
  const friday = (i: number) => jst("2026-10-16T18:00:00") + i * weekMs;
  const week = (mood: number): WeekAnswers => ({
    condition: 3,
    sleep: 3,
    mood,
    medication: "as_prescribed",
    attendance: "all",
    worries: [],
  });

  let db: TestStore;
  let registrantId: string;

  beforeEach(async () => {
    db = await createTestStore();
    const center = await mintCenter(db.store);
    registrantId = (await mintRegistrant(db.store, center.id)).id;
  });

  afterEach(() => {
    db.cleanup();
  });

  const seed = (sentAt: number, answers: WeekAnswers, who = registrantId) =>
    db.store.write((tx) => seedCheckin(tx, who, sentAt, answers));

  it("returns the last four weeks sent by now, oldest first, with answers and statuses", async () => {
    const plan: WeekAnswers[] = [week(4), week(3), week(2), "missed", week(1), week(4)];
    for (const [i, answers] of plan.entries()) await seed(friday(i), answers);
    // the sixth check-in (2026-W47) goes out after `now`
    const weeks = await recentWeeksForTrends(db.store.db, registrantId, friday(5) - 1);
    expect(weeks.map((w) => [w.weekKey, w.status, w.answers.mood?.value])).toEqual([
      ["2026-W43", "completed", "3"],
      ["2026-W44", "completed", "2"],
      ["2026-W45", "missed", undefined],
      ["2026-W46", "completed", "1"],
    ]);
    expect(weeks[3]?.answers).toEqual({
      condition: { value: "3", score: 3 },
      sleep: { value: "3", score: 3 },
      mood: { value: "1", score: 1 },
      medication: { value: "as_prescribed", score: null },
      attendance: { value: "all", score: null },
      worries: { value: "[]", score: null },
    });
    expect(trendSignals(weeks).map((s) => [s.category, s.severity])).toEqual([["mood", "normal"]]);
    expect(await recentWeeksForTrends(db.store.db, registrantId, friday(5), 2)).toHaveLength(2);
  });

  it("lets the latest answered check-in of a week stand for it, without crowding out older weeks", async () => {
    await seed(friday(0), week(4));
    await seed(friday(1), week(4));
    await seed(friday(2), "missed");
    // the person starts one themselves after the missed one, and answers the mood question
    const selfId = crypto.randomUUID();
    await db.store.write(async (tx) => {
      const now = friday(2) + 24 * 60 * 60 * 1000;
      await insertCheckin(tx, {
        id: selfId,
        registrantId,
        origin: "self",
        weekKey: weekKey(friday(2)),
        now,
      });
      await upsertAnswer(tx, { checkinId: selfId, question: "mood", value: "1", score: 1, now });
    });
    await seed(friday(3), week(2));
    // a staff check-in the same week, still unanswered, does not hide the answered one
    await db.store.write((tx) =>
      insertCheckin(tx, {
        id: crypto.randomUUID(),
        registrantId,
        origin: "staff",
        weekKey: weekKey(friday(3)),
        now: friday(3) + 60 * 60 * 1000,
      }),
    );

    const weeks = await recentWeeksForTrends(db.store.db, registrantId, friday(4));
    expect(weeks.map((w) => [w.weekKey, w.status, w.answers.mood?.value])).toEqual([
      ["2026-W42", "completed", "4"],
      ["2026-W43", "completed", "4"],
      ["2026-W44", "in_progress", "1"],
      ["2026-W45", "completed", "2"],
    ]);
  });

  it("keeps a week with no answers at all as its latest check-in", async () => {
    await seed(friday(0), "missed");
    await db.store.write((tx) =>
      insertCheckin(tx, {
        id: crypto.randomUUID(),
        registrantId,
        origin: "staff",
        weekKey: weekKey(friday(0)),
        now: friday(0) + 60_000,
      }),
    );
    expect(await recentWeeksForTrends(db.store.db, registrantId, friday(1))).toEqual([
      { weekKey: "2026-W42", status: "sent", answers: {} },
    ]);
  });

  it("reads only the registrant's own check-ins", async () => {
    const center = await mintCenter(db.store, "センターB");
    const other = (await mintRegistrant(db.store, center.id, "佐藤 太郎")).id;
    await seed(friday(0), week(1), other);
    await seed(friday(1), week(3));
    const weeks = await recentWeeksForTrends(db.store.db, registrantId, friday(2));
    expect(weeks.map((w) => w.weekKey)).toEqual(["2026-W43"]);
    expect(await recentWeeksForTrends(db.store.db, other, friday(2))).toHaveLength(1);
  });

  it("asks the database twice whatever the number of check-ins, and once when there are none", async () => {
    for (let i = 0; i < 6; i++) await seed(friday(i), i === 2 ? "missed" : week(3));
    const client = createClient({ url: db.url });
    const logged: string[] = [];
    const watched = drizzle(client, {
      schema,
      logger: { logQuery: (query) => logged.push(query) },
    });
    try {
      const weeks = await recentWeeksForTrends(watched, registrantId, friday(6), 6);
      expect(weeks).toHaveLength(6);
      expect(logged).toHaveLength(2);
      logged.length = 0;
      expect(await recentWeeksForTrends(watched, crypto.randomUUID(), friday(6))).toEqual([]);
      expect(logged).toHaveLength(1);
    } finally {
      client.close();
    }
  });
});
