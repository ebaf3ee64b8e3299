// The labelled corpus of registrants' messages: its row schema, and reading it from JSON Lines files.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { categoryKeys, type Category, type Severity } from "../../src/vocabulary/categories";

export const corpusRoot = new URL("../../corpus/", import.meta.url).pathname;

export const labelSeverities = ["urgent", "high", "normal", "low", "none"] as const;
export type LabelSeverity = (typeof labelSeverities)[number];

export const kindsBySeverity = {
  urgent: [
    "suicidal",
    "suicidal-passive",
    "preparation",
    "farewell",
    "self-harm",
    "harm-to-others",
    "violence",
    "sexual-violence",
    "acute-danger",
  ],
  high: [
    "psychotic",
    "not-eating-sleeping",
    "medication-stopped",
    "absence-no-notice",
    "fired",
    "quitting-now",
    "money-crisis",
    "eviction",
    "family-emergency",
    "bullying",
    "harassment",
    "call-for-help",
  ],
  concern: [
    "worry-sleep",
    "worry-health",
    "worry-tired",
    "worry-mood",
    "worry-workplace",
    "worry-work",
    "worry-money",
    "worry-family",
    "worry-housing",
    "worry-sns",
    "worry-medication",
    "worry-absence",
    "worry-quitting",
    "worry-appearance",
    "worry-other",
    "request",
  ],
  none: ["everyday", "idiom", "media", "past-resolved", "third-party", "negated", "fragment"],
} as const;
export const kinds = Object.values(kindsBySeverity).flat();
export type Kind = (typeof kinds)[number];

export const registers = [
  "plain",
  "hiragana",
  "katakana",
  "halfwidth",
  "spaced",
  "typo",
  "slang",
  "emoji",
  "kansai",
  "dialect",
  "fragment",
  "long",
  "polite",
  "romaji",
  "mixed",
] as const;

export const corpusRowSchema = z
  .object({
    text: z.string().min(1).max(5_000),
    severity: z.enum(labelSeverities),
    categories: z.array(z.enum(categoryKeys as [Category, ...Category[]])),
    kind: z.enum(kinds as unknown as [Kind, ...Kind[]]),
    register: z.enum(registers),
    family: z.string().min(1).max(60),
  })
  .strict()
  .refine((row) => (row.severity === "none") === (row.categories.length === 0), {
    message: "categories must be empty exactly when severity is none",
  })
  .refine((row) => new Set(row.categories).size === row.categories.length, {
    message: "a category is listed twice",
  });
export type CorpusRow = z.infer<typeof corpusRowSchema>;

/** A corpus row with where it came from. */
export interface SourcedRow extends CorpusRow {
  file: string;
  line: number;
}

export class CorpusError extends Error {}

/** Reads one JSON Lines file; every bad line is reported with its number, none skipped. */
export function readCorpusFile(path: string): SourcedRow[] {
  const rows: SourcedRow[] = [];
  const problems: string[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((raw, index) => {
      if (raw.trim() === "") return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        problems.push(`${path}:${index + 1}: not JSON`);
        return;
      }
      const result = corpusRowSchema.safeParse(parsed);
      if (!result.success) {
        const issue = result.error.issues[0];
        problems.push(
          `${path}:${index + 1}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`,
        );
        return;
      }
      rows.push({ ...result.data, file: path, line: index + 1 });
    });
  if (problems.length > 0) throw new CorpusError(problems.slice(0, 20).join("\n"));
  return rows;
}

/** Every .jsonl file of a corpus folder, in name order. */
export function readCorpusDir(dir: string): SourcedRow[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .flatMap((name) => readCorpusFile(join(dir, name)));
}

/** Severity as the classifier speaks it: none is null. */
export const severityOf = (row: CorpusRow): Severity | null =>
  row.severity === "none" ? null : row.severity;
