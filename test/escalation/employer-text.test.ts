// Reading an employer's own words: who (among their people only), what happened, how urgent.
import { describe, expect, it } from "vitest";
import {
  matchPerson,
  namedIn,
  readKind,
  readUrgency,
  reportSeverity,
  reportSignal,
  signalsInReportWords,
} from "../../src/escalation/rules/employer-report";
import type { Finding } from "../../src/escalation/classifier";

const people = [
  { id: "a", displayName: "田中 一郎" },
  { id: "b", displayName: "田中 花子" },
  { id: "c", displayName: "佐藤 三郎" },
  { id: "d", displayName: "はなこ" },
];

describe("who the words are about", () => {
  it.each([
    ["田中一郎さんが来ていません", { match: "one", id: "a" }],
    ["田中 花子さん、最近遅刻が多い", { match: "one", id: "b" }],
    ["佐藤さんのことで", { match: "one", id: "c" }],
    ["三郎くんが", { match: "one", id: "c" }],
    ["ｻﾄｳではなく佐藤　三郎です", { match: "one", id: "c" }],
    ["はなこさんが", { match: "one", id: "d" }],
    // the same folding as typed keywords: katakana, width and sentence marks do not matter
    ["ハナコさんが来ていません", { match: "one", id: "d" }],
    ["ﾊﾅｺさん！", { match: "one", id: "d" }],
    ["田中さんが休んでいます", { match: "many", ids: ["a", "b"] }],
    ["鈴木さんが休んでいます", { match: "none" }],
    ["", { match: "none" }],
  ])("%s", (text, expected) => {
    expect(matchPerson(text, people)).toEqual(expected);
  });

  it("never names someone outside the list, even with the same family name elsewhere", () => {
    expect(matchPerson("田中さん", [{ id: "x", displayName: "鈴木 一" }])).toEqual({
      match: "none",
    });
  });
});

describe("what happened", () => {
  it.each([
    ["今日無断欠勤で、電話にも出ません", "no_show"],
    ["連絡が取れません", "no_show"],
    ["LINEの既読がつかない", "no_show"],
    ["最近遅刻が多いです", "absence"],
    ["休みがちです", "absence"],
    ["薬を飲み忘れているようです", "medication"],
    ["顔色が悪く、しんどそう", "medication"],
    ["服装が乱れていて、同じ服が続いています", "appearance"],
    ["作業のミスが増えました", "mistakes"],
    ["同僚と口論になりました", "communication"],
    ["SNSでトラブルになっています", "sns"],
    ["ちょっと気になることがあります", null],
    ["🙂🙂🙂", null],
    ["<script>alert(1)</script>'; DROP TABLE x;--", null],
  ])("%s → %s", (text, kind) => {
    expect(readKind(text)).toBe(kind);
  });

  it("reads urgency, a negated 急ぎ included", () => {
    expect(readUrgency("至急お願いします")).toBe("today");
    expect(readUrgency("今日中に相談したい")).toBe("today");
    expect(readUrgency("今週中で大丈夫です")).toBe("week");
    expect(readUrgency("急ぎではないです")).toBe("whenever");
    expect(readUrgency("よろしくお願いします")).toBeNull();
  });

  it("makes 無断欠勤・連絡がつかない urgent whatever the urgency, the rest by urgency", () => {
    expect(reportSeverity("no_show", "whenever")).toBe("urgent");
    expect(reportSeverity("absence", "today")).toBe("high");
    expect(reportSeverity("absence", "week")).toBe("normal");
    expect(reportSeverity("absence", "whenever")).toBe("low");
  });

  it("reads 5,000 characters without trouble", () => {
    expect(readKind(`${"あ".repeat(4_990)}無断欠勤です`)).toBe("no_show");
  });
});

describe("what a report means for the queue", () => {
  it("raises the report's kind and urgency as an employer signal, quoting their words", () => {
    expect(reportSignal({ kind: "absence", urgency: "week", words: "遅刻が続いています" })).toEqual(
      {
        category: "absence",
        severity: "normal",
        source: "employer",
        evidence: {
          reason: "企業から：遅刻・欠勤が増えた（今週中に）",
          quote: "遅刻が続いています",
        },
      },
    );
  });

  it("calls a no-show a welfare check, urgent, and quotes nothing when there were no words", () => {
    expect(reportSignal({ kind: "no_show", urgency: "whenever", words: null })).toEqual({
      category: "unreachable",
      severity: "urgent",
      source: "employer",
      evidence: { reason: "企業から：無断欠勤・連絡がつかない（安否確認が必要）" },
    });
  });

  it("takes a risk to life or abuse from the contact's words in its own right, nothing else", () => {
    const findings: Finding[] = [
      { category: "crisis", severity: "urgent", phrases: ["死にたい"] },
      { category: "abuse", severity: "high", phrases: [], model: 0.9 },
      { category: "work", severity: "normal", phrases: ["ミス"] },
    ];
    expect(signalsInReportWords("本人が死にたいと", findings)).toEqual([
      {
        category: "crisis",
        severity: "urgent",
        source: "employer",
        evidence: {
          reason: "企業担当者の文章から",
          quote: "本人が死にたいと",
          phrases: ["死にたい"],
        },
      },
      {
        category: "abuse",
        severity: "high",
        source: "employer",
        evidence: { reason: "企業担当者の文章から", quote: "本人が死にたいと", model: 0.9 },
      },
    ]);
  });

  it("knows which of the contact's people the replies to them name", () => {
    const replies = [{ type: "text" as const, text: "田中 花子さんのことですね" }];
    expect(namedIn(replies, people)).toEqual(["b"]);
    expect(namedIn([{ type: "text", text: "ありがとうございます" }], people)).toBeUndefined();
    expect(namedIn(replies, [])).toBeUndefined();
  });
});
