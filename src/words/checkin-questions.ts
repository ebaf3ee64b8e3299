// The weekly check-in's questions and answer buttons, in やさしい日本語, one question per message.
import type { QuestionKey } from "../vocabulary/kinds";

export interface Choice {
  value: string;
  /** The button's label (LINE allows 20 characters). */
  label: string;
  /** 1 (bad) … 4 (good) on the scale questions. */
  score?: number;
  /** Other words that mean this choice when typed (the kanji of an earlier label). */
  typed?: string[];
}

export interface Question {
  key: QuestionKey;
  /** What staff see as the question. */
  staffLabel: string;
  text: string;
  choices: Choice[];
}

const scale = (labels: [string, string, string, string]): Choice[] =>
  labels.map((label, i) => ({ value: String(4 - i), label, score: 4 - i }));

export const questions: Question[] = [
  {
    key: "condition",
    staffLabel: "体調",
    text: "からだの ちょうしは どうですか？",
    choices: scale(["😄 とても いい", "🙂 まあまあ", "😐 すこし わるい", "😣 わるい"]),
  },
  {
    key: "sleep",
    staffLabel: "睡眠",
    text: "よく ねむれて いますか？",
    choices: scale(["😴 よく ねむれた", "🙂 まあまあ", "😐 あまり ねむれない", "😣 ねむれない"]),
  },
  {
    key: "mood",
    staffLabel: "気分",
    text: "きもちは どうですか？",
    choices: scale(["😄 げんき", "🙂 ふつう", "😐 すこし つらい", "😢 つらい"]),
  },
  {
    key: "medication",
    staffLabel: "服薬",
    text: "くすりは のめて いますか？",
    choices: [
      { value: "as_prescribed", label: "💊 のめて いる" },
      { value: "forgot_sometimes", label: "ときどき わすれた" },
      { value: "not_taking", label: "のんで いない" },
      { value: "no_medicine", label: "くすりは ない" },
    ],
  },
  {
    key: "attendance",
    staffLabel: "出勤",
    text: "この 1しゅうかん、しごとに いけましたか？",
    choices: [
      { value: "all", label: "🏢 ぜんぶ いけた" },
      { value: "late", label: "⏰ ちこく した" },
      { value: "absent", label: "🏠 やすんだ" },
      { value: "off", label: "やすみの しゅう" },
    ],
  },
  {
    key: "worries",
    staffLabel: "困りごと",
    text: "こまって いる ことは ありますか？\nいくつ えらんでも いいです。",
    choices: [
      { value: "workplace", label: "しごとの ひと", typed: ["職場の人", "職場"] },
      { value: "work", label: "しごと", typed: ["仕事"] },
      { value: "money", label: "おかね", typed: ["お金"] },
      { value: "housing", label: "すまい", typed: ["住まい", "家"] },
      { value: "family", label: "かぞく", typed: ["家族"] },
      { value: "sns", label: "SNS・ネット", typed: ["SNS", "ネット"] },
      { value: "health", label: "からだ・びょういん", typed: ["体調・病院", "体調", "病院"] },
      { value: "other", label: "そのほか", typed: ["その他"] },
      { value: "none", label: "ない", typed: ["なし", "とくにない"] },
    ],
  },
  {
    key: "message",
    staffLabel: "ひとこと",
    text: "さいごに、しえんの 人に つたえたい ことは ありますか？\nじゆうに かいて ください。",
    choices: [{ value: "none", label: "とくに ない" }],
  },
];

/** Follow-up for late or absent: how many days. */
export const dayChoices: Choice[] = [
  { value: "1", label: "1にち", typed: ["1日"] },
  { value: "2", label: "2にち", typed: ["2日"] },
  { value: "3", label: "3にち", typed: ["3日"] },
  { value: "4", label: "4にち いじょう", typed: ["4日以上", "4日"] },
];

export const worriesDone: Choice = { value: "done", label: "✅ これで おわり" };
/** On every question: nobody has to answer, and anyone can ask for a person. */
export const skipChoice: Choice = { value: "skip", label: "スキップ" };
export const talkChoice: Choice = { value: "talk", label: "🙋 人と はなしたい" };
/** Tapping a worry already chosen asks first: take it off, or keep it. */
export const keepWorry: Choice = { value: "keep", label: "そのまま" };
export const unsetWorryPrefix = "-";

export function questionOf(key: QuestionKey): Question {
  const found = questions.find((question) => question.key === key);
  if (!found) throw new Error(`unknown question ${key}`);
  return found;
}

/**
 * What staff see for an answer: typed words as written (emptied once past retention), a stored
 * value this build cannot read as stored rather than an error.
 */
export function answerText(key: QuestionKey, value: string): string {
  if (key === "message") return value === "" ? "（保存期間を過ぎたため削除しました）" : value;
  try {
    return labelOf(key, value);
  } catch {
    return value;
  }
}

export function labelOf(key: QuestionKey, value: string): string {
  if (value === skipChoice.value) return skipChoice.label;
  if (value === talkChoice.value) return talkChoice.label;
  const [head, days] = value.split(":");
  const choice = questionOf(key).choices.find((c) => c.value === head);
  if (key === "worries" && value.startsWith("[")) {
    const keys = parseList(value);
    return keys
      .map((k) => questionOf("worries").choices.find((c) => c.value === k)?.label ?? k)
      .join("、");
  }
  if (!choice) return value;
  return days ? `${choice.label}（${days === "4" ? "4日 いじょう" : `${days}日`}）` : choice.label;
}

/** A stored list of worries; anything else (a damaged value) as the one item it is. */
function parseList(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [value];
  } catch {
    return [value];
  }
}
