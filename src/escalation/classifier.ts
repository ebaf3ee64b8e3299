// The text classifier: the phrase tables and the learned model read each message; the more serious reading wins.
import {
  categoryKeys,
  higherSeverity,
  severities,
  type Category,
  type Severity,
} from "../vocabulary/categories";
import { foldText } from "./text/fold";
import {
  scoreText,
  severitySteps,
  type ModelScores,
  type SeverityStep,
  type TextModel,
  type Thresholds,
} from "./text/model";
import { readByRules, type RuleFinding } from "./text/rule-reading";

export interface Finding {
  category: Category;
  severity: Severity;
  /** The words the phrase tables matched, as the person wrote them; empty when only the model saw it. */
  phrases: string[];
  /** The model's probability for this category, when the model flagged it. */
  model?: number;
  /** A risk to someone else's life (他害): the reply says so. */
  harmToOthers?: true;
  /** The model's lower tier: a possible risk to life, read today, answered gently. */
  possible?: true;
}

/** What kind of danger the reply to this very message must answer. */
export type Danger = "self" | "others" | "abuse";

export interface Classification {
  findings: Finding[];
  /** The most urgent finding's severity, or null when nothing needs a person. */
  severity: Severity | null;
  /** A risk to life or body: the crisis reply goes with this very message. */
  danger: Danger | null;
  /** Not sure enough for that, but possible: the reply offers the crisis contacts gently. */
  possibleDanger: Danger | null;
}

export interface TextClassifier {
  classify(text: string): Classification;
}

const maxLength = 5_000;
const rank = (severity: Severity): number => severities.indexOf(severity);
const lifeCategories: ReadonlySet<Category> = new Set(["crisis", "abuse"]);

/** The severity step the model reaches, "unsure" below it, or null. */
function modelLevel(scores: ModelScores, thresholds: Thresholds): Severity | "unsure" | null {
  const { severity, unsure } = thresholds;
  for (const step of [...severitySteps].reverse()) {
    if (scores.severity[step] >= severity[step]) return step satisfies SeverityStep;
  }
  return scores.severity.low >= unsure ? "unsure" : null;
}

const oneBelow = (severity: Severity): Severity =>
  severities[Math.min(rank(severity) + 1, severities.length - 1)] ?? "low";

/**
 * The model's findings: the most likely category gets the severity the model reached, the other
 * likely ones one step less (at most normal). A message it finds non-trivial but cannot place
 * becomes other/low, so a person reads it.
 */
export function modelFindings(scores: ModelScores, thresholds: Thresholds): Finding[] {
  const level = modelLevel(scores, thresholds);
  const possible = level !== "urgent" && scores.severity.urgent >= thresholds.possible;
  if (possible) {
    // below urgent but a risk to life is possible: a person reads it today, as what it may be
    const life: Category = scores.categories.abuse > scores.categories.crisis ? "abuse" : "crisis";
    const rest =
      level === null || level === "unsure"
        ? []
        : modelFindings(scores, { ...thresholds, possible: 1 });
    return [
      {
        category: life,
        severity: "high",
        phrases: [],
        model: Math.round(scores.severity.urgent * 100) / 100,
        possible: true,
      },
      ...rest.filter((finding) => finding.category !== life),
    ];
  }
  if (level === null) return [];
  if (level === "unsure") return [{ category: "other", severity: "low", phrases: [] }];
  const threshold = thresholds.category;
  const ranked = [...categoryKeys]
    .filter((category) => scores.categories[category] >= threshold)
    .sort((a, b) => scores.categories[b] - scores.categories[a]);
  const harmToOthers = scores.harmToOthers >= thresholds.harmToOthers;
  if (level === "urgent" && (harmToOthers || !ranked.some((c) => lifeCategories.has(c)))) {
    // a risk to life or body names what it is, even when no category is sure of it
    const life: Category =
      harmToOthers || scores.categories.crisis >= scores.categories.abuse ? "crisis" : "abuse";
    const at = ranked.indexOf(life);
    if (at !== -1) ranked.splice(at, 1);
    ranked.unshift(life);
  }
  if (ranked.length === 0) ranked.push("other");
  const secondary = level === "urgent" || level === "high" ? "normal" : oneBelow(level);
  return ranked.map((category, index) => ({
    category,
    severity: index === 0 ? level : secondary,
    phrases: [],
    model: Math.round(scores.categories[category] * 100) / 100,
    ...(harmToOthers && category === "crisis" && level === "urgent"
      ? { harmToOthers: true as const }
      : {}),
  }));
}

/**
 * Both readings together: per category the higher severity, the rules' words and the model's
 * score side by side. A harmless idiom the rules recognised (「死ぬほど眠い」) takes back the
 * model's risk to life, unless the model is confident of it.
 */
export function combine(
  rules: RuleFinding[],
  defused: boolean,
  model: Finding[],
  urgentScore: number,
  confident: number,
): Finding[] {
  const modelKept =
    defused && urgentScore < confident
      ? model.filter((finding) => !lifeCategories.has(finding.category))
      : model;
  const merged = new Map<Category, Finding>();
  for (const finding of rules) merged.set(finding.category, { ...finding });
  for (const finding of modelKept) {
    const existing = merged.get(finding.category);
    if (!existing) {
      merged.set(finding.category, { ...finding });
      continue;
    }
    if (existing.severity !== higherSeverity(existing.severity, finding.severity)) {
      existing.severity = finding.severity;
      if (finding.possible) existing.possible = true;
    }
    if (finding.model !== undefined) existing.model = finding.model;
    if (finding.harmToOthers) existing.harmToOthers = true;
  }
  return [...merged.values()].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      Number(lifeCategories.has(b.category)) - Number(lifeCategories.has(a.category)),
  );
}

function dangerOf(findings: readonly Finding[]): Danger | null {
  const urgent = findings.filter((finding) => finding.severity === "urgent" && !finding.possible);
  if (urgent.some((finding) => finding.category === "crisis" && finding.harmToOthers)) {
    return "others";
  }
  if (urgent.some((finding) => finding.category === "crisis")) return "self";
  if (urgent.some((finding) => finding.category === "abuse")) return "abuse";
  return null;
}

/** A classifier over one loaded model; it never throws, whatever the text holds. */
export function createClassifier(model: TextModel): TextClassifier {
  return {
    classify(text) {
      // LINE allows 5,000 characters; anything longer is not a message and is read no further
      if (text.length > maxLength) text = text.slice(0, maxLength);
      const folded = foldText(text);
      if (folded.text === "") {
        return { findings: [], severity: null, danger: null, possibleDanger: null };
      }
      const rules = readByRules(text, folded);
      const scores = scoreText(model, text, folded);
      const findings = combine(
        rules.findings,
        rules.defused,
        modelFindings(scores, model.thresholds),
        scores.severity.urgent,
        model.thresholds.confident,
      );
      const danger = dangerOf(findings);
      const possible = findings.find(
        (finding) => finding.possible && lifeCategories.has(finding.category),
      );
      return {
        findings,
        severity: findings[0]?.severity ?? null,
        danger,
        possibleDanger:
          danger === null && possible ? (possible.category === "abuse" ? "abuse" : "self") : null,
      };
    },
  };
}
