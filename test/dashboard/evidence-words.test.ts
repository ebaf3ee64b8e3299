// Evidence in plain Japanese: quoted words, answers with their question, why and which part of
// the classifier flagged it; no JSON keys, no internal ids.
import { describe, expect, it } from "vitest";
import { evidenceLines, weekLabel } from "../../src/dashboard/pages/escalation-evidence";

describe("evidence lines", () => {
  it("name the answer with its question, the reason, the source and both readers", () => {
    const lines = evidenceLines({
      checkinId: "0b6c5e0e-1111-4c1e-9d5b-000000000000",
      question: "気分",
      answer: "すこし わるい",
      reason: "気分が わるい",
      source: "checkin",
      severity: "normal",
      phrases: ["消えたい"],
      model: 0.934,
      rule: "mood-two-weeks",
    });
    expect(lines).toEqual([
      { label: "発生元", text: "チェックイン" },
      { label: "このときの重要度", text: "中" },
      { label: "理由", text: "気分が わるい" },
      { label: "回答", text: "気分：すこし わるい" },
      { label: "見つけたしくみ", text: "言葉のルール：「消えたい」" },
      { label: "見つけたしくみ", text: "学習モデル：確からしさ 93%" },
    ]);
    const all = JSON.stringify(lines);
    expect(all).not.toContain("0b6c5e0e");
    expect(all).not.toContain("mood-two-weeks");
  });

  it("turn a trend's weeks into dated lines", () => {
    const lines = evidenceLines({
      weeks: [
        { week: "2026-W46", answer: "わるい" },
        { week: "2026-W47", answer: "すこし わるい" },
      ],
    });
    expect(lines).toEqual([
      {
        label: "週ごとの回答",
        text: "11月9日（月）の週：わるい\n11月16日（月）の週：すこし わるい",
      },
    ]);
  });

  it("never dump a structure they do not know", () => {
    expect(evidenceLines({ detail: { words: "x" }, note: "ひとこと" })).toEqual([
      { label: "補足", text: "ひとこと" },
    ]);
  });

  it("date ISO weeks across a year boundary", () => {
    expect(weekLabel("2027-W01")).toBe("1月4日（月）の週");
    expect(weekLabel("2026-W01")).toBe("12月29日（月）の週");
    expect(weekLabel("not a week")).toBe("not a week");
  });
});
