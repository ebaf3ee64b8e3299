// The escalation vocabulary of CONTRACT.md and DOMAIN.md: categories, severities, sources.
export const categories = {
  crisis: "命の危険（自殺・自傷・他害）",
  abuse: "虐待・暴力",
  unreachable: "連絡がつかない・無断欠勤",
  absence: "欠勤・遅刻",
  health: "体調・睡眠・通院",
  medication: "服薬",
  mood: "気分・こころ",
  workplace: "職場の人間関係・コミュニケーション",
  work: "作業・ミス",
  appearance: "身だしなみ",
  sns: "SNS・ネットのトラブル",
  money: "お金",
  housing: "住まい",
  family: "家族",
  quitting: "退職の意向",
  other: "その他",
} as const;
export type Category = keyof typeof categories;
export const categoryKeys = Object.keys(categories) as Category[];

/** Most urgent first: the queue's order and the direction in which severity may only rise. */
export const severities = ["urgent", "high", "normal", "low"] as const;
export type Severity = (typeof severities)[number];

/** What staff read for each severity, in the dashboard and in LINE alerts alike. */
export const severityNames: Record<Severity, string> = {
  urgent: "緊急",
  high: "高",
  normal: "中",
  low: "低",
};

export const sources = [
  "checkin",
  "message",
  "employer",
  "missed",
  "trend",
  "unfollow",
  "staff",
] as const;
export type Source = (typeof sources)[number];

/** The more urgent of two severities (an open escalation's severity only rises). */
export function higherSeverity(a: Severity, b: Severity): Severity {
  return severities.indexOf(a) <= severities.indexOf(b) ? a : b;
}

/** Something a human may need to see; the escalation engine decides what becomes of it. */
export interface Signal {
  category: Category;
  severity: Severity;
  source: Source;
  /** What staff are shown as the reason: the answers or words, quoted. */
  evidence: Record<string, unknown>;
}
