// Which check-in answers are worth a human's look, as one table (trends over weeks come on top).
import type { QuestionKey } from "../../vocabulary/kinds";
import type { Category, Severity } from "../../vocabulary/categories";

export interface AnswerRule {
  question: QuestionKey;
  /** Why, in words staff read in the evidence. */
  reason: string;
  matches: (value: string, score: number | null) => boolean;
  category: Category;
  severity: Severity;
}

const days = (value: string): number => Number(value.split(":")[1] ?? "0");

export const answerRules: AnswerRule[] = [
  {
    question: "condition",
    reason: "体調が「わるい」",
    matches: (_v, s) => s === 1,
    category: "health",
    severity: "normal",
  },
  {
    question: "sleep",
    reason: "ねむれていない",
    matches: (_v, s) => s === 1,
    category: "health",
    severity: "normal",
  },
  {
    question: "mood",
    reason: "気分が「つらい」",
    matches: (_v, s) => s === 1,
    category: "mood",
    severity: "normal",
  },
  {
    question: "medication",
    reason: "薬をのんでいない",
    matches: (v) => v === "not_taking",
    category: "medication",
    severity: "normal",
  },
  {
    question: "medication",
    reason: "薬をときどき忘れた",
    matches: (v) => v === "forgot_sometimes",
    category: "medication",
    severity: "low",
  },
  {
    question: "attendance",
    reason: "2日以上休んだ",
    matches: (v) => v.startsWith("absent") && days(v) >= 2,
    category: "absence",
    severity: "high",
  },
  {
    question: "attendance",
    reason: "1日休んだ",
    matches: (v) => v.startsWith("absent") && days(v) < 2,
    category: "absence",
    severity: "normal",
  },
  {
    question: "attendance",
    reason: "2日以上遅刻した",
    matches: (v) => v.startsWith("late") && days(v) >= 2,
    category: "absence",
    severity: "normal",
  },
  {
    question: "attendance",
    reason: "遅刻した",
    matches: (v) => v.startsWith("late") && days(v) < 2,
    category: "absence",
    severity: "low",
  },
];

/** Worries map one to one onto categories. */
export const worryCategories: Record<string, Category> = {
  workplace: "workplace",
  work: "work",
  money: "money",
  housing: "housing",
  family: "family",
  sns: "sns",
  health: "health",
  other: "other",
};

export function rulesFor(question: QuestionKey, value: string, score: number | null): AnswerRule[] {
  return answerRules.filter((rule) => rule.question === question && rule.matches(value, score));
}
