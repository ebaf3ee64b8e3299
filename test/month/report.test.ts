// The report's draft as a pure function of the month's facts: what each section says, which
// records each sentence names, and what a month without records says.
import { describe, expect, it } from "vitest";
import {
  draftPersonSummary,
  draftReport,
  hasFacts,
  type ReportFacts,
} from "../../src/month/report";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
const span = { from: jst("2026-11-01T00:00:00"), to: jst("2026-12-01T00:00:00") };

const none: ReportFacts = {
  checkins: [],
  previousScores: {},
  contacts: [],
  escalations: [],
  employerReports: [],
  previousReport: null,
};

const sectionOf = (facts: ReportFacts, key: string) => {
  const found = draftReport(facts, span).find((section) => section.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe("draftReport", () => {
  it("says for every section that nothing was recorded, and names no record", () => {
    const sections = draftReport(none, span);
    expect(sections.every((section) => section.empty)).toBe(true);
    expect(sections.flatMap((section) => section.sentences.flatMap((s) => s.sources))).toEqual([]);
    expect(hasFacts(none)).toBe(false);
  });

  it("tells an escalation resolved this month from one still open, each where it belongs", () => {
    const facts: ReportFacts = {
      ...none,
      escalations: [
        {
          id: "old",
          category: "health",
          severity: "high",
          source: "checkin",
          status: "resolved",
          openedAt: jst("2026-10-20T10:00:00"),
          resolvedAt: jst("2026-11-03T10:00:00"),
        },
        {
          id: "carried",
          category: "money",
          severity: "normal",
          source: "message",
          status: "acknowledged",
          openedAt: jst("2026-10-25T10:00:00"),
          resolvedAt: null,
        },
        {
          id: "new",
          category: "mood",
          severity: "normal",
          source: "checkin",
          status: "resolved",
          openedAt: jst("2026-11-10T10:00:00"),
          resolvedAt: jst("2026-11-12T10:00:00"),
        },
      ],
    };
    const support = sectionOf(facts, "support");
    expect(support.sentences.map((s) => s.text)).toEqual([
      "11/10 「気分・こころ」の件（中）を受け付け → 11/12 対応済み。",
      "10/20からの「体調・睡眠・通院」の件 → 11/3 対応済み。",
    ]);
    expect(support.sentences.map((s) => s.sources[0]?.id)).toEqual(["new", "old"]);
    const next = sectionOf(facts, "next");
    expect(next.sentences).toEqual([
      {
        text: "続けて対応する件：「お金」（10/25から）。",
        sources: [{ kind: "escalation", id: "carried", label: "10/25 受付「お金」" }],
      },
    ]);
  });

  it("counts answers in the order first seen, with skipped questions left out", () => {
    const facts: ReportFacts = {
      ...none,
      checkins: [
        {
          id: "a",
          status: "completed",
          sentAt: jst("2026-11-06T18:00:00"),
          answers: [
            { question: "attendance", value: "off", score: null },
            { question: "medication", value: "skip", score: null },
          ],
        },
        {
          id: "b",
          status: "missed",
          sentAt: jst("2026-11-13T18:00:00"),
          answers: [],
        },
        {
          id: "c",
          status: "completed",
          sentAt: jst("2026-11-20T18:00:00"),
          answers: [
            { question: "attendance", value: "absent:4", score: null },
            { question: "attendance", value: "off", score: null },
          ],
        },
      ],
    };
    const situation = sectionOf(facts, "situation");
    expect(situation.sentences.map((s) => s.text)).toEqual([
      "チェックイン：送信 3回、回答 2回、未回答 1回。",
      "出勤：休みの週 2回、欠勤あり（4日以上） 1回。",
    ]);
    expect(situation.sentences[0]?.sources.map((s) => s.id)).toEqual(["a", "b", "c"]);
    expect(draftPersonSummary(facts)).toEqual({
      wentWell: "しつもんに 2かい こたえて くれました。ありがとう。",
      nextMonth: "",
    });
  });

  it("names family, clinic and agency contacts under the others, and not a phone call with the person", () => {
    const facts: ReportFacts = {
      ...none,
      contacts: [
        {
          id: "clinic",
          kind: "agency_contact",
          parties: ["clinic"],
          at: jst("2026-11-04T10:00:00"),
          minutes: 15,
          note: "",
        },
        {
          id: "call",
          kind: "phone",
          parties: ["person"],
          at: jst("2026-11-05T10:00:00"),
          minutes: 10,
          note: "",
        },
      ],
    };
    const others = sectionOf(facts, "others");
    expect(others.sentences).toEqual([
      {
        text: "医療機関：11/4 関係機関との連絡で連絡しました。",
        sources: [{ kind: "contact", id: "clinic", label: "11/4 関係機関との連絡" }],
      },
    ]);
    // a phone call is not a meeting in the person's short version
    expect(draftPersonSummary(facts).wentWell).toBe("");
  });
});
