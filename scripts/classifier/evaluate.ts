// The classifier's figures on labelled rows: recall and precision per severity and category, and what everyday talk raises.
import {
  categoryKeys,
  severities,
  type Category,
  type Severity,
} from "../../src/vocabulary/categories";
import type { CorpusRow, LabelSeverity } from "./corpus";

export interface Prediction {
  severity: Severity | null;
  categories: Category[];
  /** True when the reply to this very message is the crisis reply. */
  crisisReply: boolean;
  /** True when the reply offers the crisis contacts at all (the crisis reply, or gently). */
  contactsOffered: boolean;
}

/** What a reader's findings come to; a crisis reply goes with any urgent crisis or abuse finding. */
export function predictionOf(
  findings: readonly { category: Category; severity: Severity; possible?: true }[],
): Prediction {
  const life = findings.filter(
    (finding) => finding.category === "crisis" || finding.category === "abuse",
  );
  return {
    severity: findings.reduce<Severity | null>(
      (worst, finding) =>
        worst === null || severities.indexOf(finding.severity) < severities.indexOf(worst)
          ? finding.severity
          : worst,
      null,
    ),
    categories: findings.map((finding) => finding.category),
    crisisReply: life.some((finding) => finding.severity === "urgent" && !finding.possible),
    contactsOffered: life.some((finding) => finding.severity === "urgent" || finding.possible),
  };
}

/** A share with the counts behind it. */
export interface Share {
  hits: number;
  of: number;
}

export interface SeverityFigures {
  rows: number;
  /** Labelled this level, predicted at least this level (for normal and low: predicted at all). */
  recall: Share;
  /** Labelled this level, predicted exactly it. */
  exact: Share;
  /** Predicted this level, labelled it. */
  precision: Share;
}

export interface CategoryFigures {
  /** Rows whose main category this is, where it was predicted among others. */
  recall: Share;
  /** Rows where it was predicted, that a case worker would accept it for. */
  precision: Share;
}

export interface Report {
  rows: number;
  severity: Record<LabelSeverity, SeverityFigures>;
  /** normal and low together: raised at all. */
  concern: Share;
  category: Partial<Record<Category, CategoryFigures>>;
  /** Urgent rows (risk to life or body) predicted urgent. */
  urgentCaught: Share;
  /** Urgent crisis/abuse rows whose reply was the crisis reply. */
  crisisReplies: Share;
  /** Urgent crisis/abuse rows whose reply offered the contacts at all. */
  contactsOffered: Share;
  /** Urgent rows a person reads today: urgent, or high. */
  urgentToday: Share;
  /** Everyday rows (severity none) that raised anything / normal or more / urgent. */
  everydayRaised: Share;
  everydayEscalated: Share;
  everydayUrgent: Share;
}

const rankOf: Record<LabelSeverity, number> = { urgent: 4, high: 3, normal: 2, low: 1, none: 0 };
const rankPredicted = (severity: Severity | null): number =>
  severity === null ? 0 : rankOf[severity];

const share = (hits: number, of: number): Share => ({ hits, of });

export function evaluate(rows: readonly CorpusRow[], predictions: readonly Prediction[]): Report {
  const pairs = rows.map(
    (row, i) =>
      [
        row,
        predictions[i] ?? {
          severity: null,
          categories: [],
          crisisReply: false,
          contactsOffered: false,
        },
      ] as const,
  );
  const severity = {} as Record<LabelSeverity, SeverityFigures>;
  for (const level of ["urgent", "high", "normal", "low", "none"] as const) {
    const labelled = pairs.filter(([row]) => row.severity === level);
    const predictedLevel = (p: Prediction) => (p.severity ?? "none") === level;
    const recalled = labelled.filter(([, p]): boolean =>
      level === "normal" || level === "low"
        ? p.severity !== null
        : level === "none"
          ? p.severity === null
          : rankPredicted(p.severity) >= rankOf[level],
    );
    const predicted = pairs.filter(([, p]) => predictedLevel(p));
    severity[level] = {
      rows: labelled.length,
      recall: share(recalled.length, labelled.length),
      exact: share(labelled.filter(([, p]) => predictedLevel(p)).length, labelled.length),
      precision: share(
        predicted.filter(([row]) => row.severity === level).length,
        predicted.length,
      ),
    };
  }
  const concernRows = pairs.filter(([row]) => row.severity === "normal" || row.severity === "low");
  const category: Partial<Record<Category, CategoryFigures>> = {};
  for (const key of categoryKeys) {
    const main = pairs.filter(([row]) => row.categories[0] === key);
    const predicted = pairs.filter(([, p]) => p.categories.includes(key));
    if (main.length === 0 && predicted.length === 0) continue;
    category[key] = {
      recall: share(main.filter(([, p]) => p.categories.includes(key)).length, main.length),
      precision: share(
        predicted.filter(([row]) => row.categories.includes(key)).length,
        predicted.length,
      ),
    };
  }
  const urgent = pairs.filter(([row]) => row.severity === "urgent");
  const life = urgent.filter(
    ([row]) => row.categories[0] === "crisis" || row.categories[0] === "abuse",
  );
  const everyday = pairs.filter(([row]) => row.severity === "none");
  return {
    rows: rows.length,
    severity,
    concern: share(concernRows.filter(([, p]) => p.severity !== null).length, concernRows.length),
    category,
    urgentCaught: share(urgent.filter(([, p]) => p.severity === "urgent").length, urgent.length),
    crisisReplies: share(life.filter(([, p]) => p.crisisReply).length, life.length),
    contactsOffered: share(life.filter(([, p]) => p.contactsOffered).length, life.length),
    urgentToday: share(
      urgent.filter(([, p]) => rankPredicted(p.severity) >= rankOf.high).length,
      urgent.length,
    ),
    everydayRaised: share(everyday.filter(([, p]) => p.severity !== null).length, everyday.length),
    everydayEscalated: share(
      everyday.filter(([, p]) => rankPredicted(p.severity) >= rankOf.normal).length,
      everyday.length,
    ),
    everydayUrgent: share(
      everyday.filter(([, p]) => p.severity === "urgent").length,
      everyday.length,
    ),
  };
}

export const percent = (value: Share): string =>
  value.of === 0 ? "   –  " : `${((value.hits / value.of) * 100).toFixed(1).padStart(5)}%`;
export const counted = (value: Share): string => `${value.hits}/${value.of}`;

/** The figures side by side, one column per reader (rules, model, combined). */
export function reportTable(columns: Record<string, Report>): string[] {
  const names = Object.keys(columns);
  const reports = Object.values(columns);
  const lines: string[] = [];
  const cell = (value: Share) => `${percent(value)} ${counted(value).padStart(9)}`;
  const row = (title: string, pick: (report: Report) => Share) =>
    lines.push(`  ${title.padEnd(30)}${reports.map((r) => cell(pick(r)).padStart(18)).join("")}`);
  lines.push(`  ${"".padEnd(30)}${names.map((name) => name.padStart(18)).join("")}`);
  row("urgent recall (urgent)", (r) => r.severity.urgent.recall);
  row("urgent read today (≥ high)", (r) => r.urgentToday);
  row("crisis reply (urgent life)", (r) => r.crisisReplies);
  row("contacts offered (urgent life)", (r) => r.contactsOffered);
  row("high recall (≥ high)", (r) => r.severity.high.recall);
  row("concern recall (raised)", (r) => r.concern);
  row("everyday raised (any)", (r) => r.everydayRaised);
  row("everyday escalated (≥ normal)", (r) => r.everydayEscalated);
  row("everyday urgent", (r) => r.everydayUrgent);
  for (const level of ["urgent", "high", "normal", "low", "none"] as const) {
    row(`${level} exact`, (r) => r.severity[level].exact);
    row(`${level} precision`, (r) => r.severity[level].precision);
  }
  for (const key of categoryKeys) {
    if (!reports.some((r) => r.category[key])) continue;
    const empty = share(0, 0);
    row(`${key} recall`, (r) => r.category[key]?.recall ?? empty);
    row(`${key} precision`, (r) => r.category[key]?.precision ?? empty);
  }
  return lines;
}
