// The phrase tables' reading of a message: categories and severities, with the person's own words as evidence.
import { severities, type Category, type Severity } from "../categories";
import { concernTables } from "./concern-phrases";
import { abuseTable } from "./abuse-phrases";
import { crisisTable } from "./crisis-phrases";
import { harmToOthersTable } from "./harm-phrases";
import { foldText, type FoldedText } from "./fold";
import { negationTail } from "./fragments";
import { compileTables, type CompiledRule, type Outcome } from "./rules";

export interface RuleFinding {
  category: Category;
  severity: Severity;
  /** The matched words as they appear in the original text (evidence for staff). */
  phrases: string[];
  /** Set when the risk to life is to someone else (他害): the reply differs. */
  harmToOthers?: true;
}

export interface RuleReading {
  findings: RuleFinding[];
  /** The most urgent finding's severity, or null when nothing matched. */
  severity: Severity | null;
  /**
   * A phrase of a risk to life that a context read as harmless here (an idiom, a negation,
   * fiction, someone else): the rules recognised it and decided it is not one.
   */
  defused: boolean;
}

interface Hit {
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  harmToOthers: boolean;
}

const rules: CompiledRule[] = compileTables([
  crisisTable,
  harmToOthersTable,
  abuseTable,
  ...concernTables,
]);

const lifeCategories: ReadonlySet<Category> = new Set(["crisis", "abuse"]);

/** Context windows stay short: the words that change a phrase sit next to it, and it keeps long texts linear. */
const nearby = 32;
const around = 64;

const rank = (severity: Severity): number => severities.indexOf(severity);

function sentenceAround(text: string, start: number, end: number): [number, number] {
  const from = text.lastIndexOf("。", start - 1) + 1;
  const to = text.indexOf("。", end);
  return [from, to === -1 ? text.length : to];
}

/** What the phrase at [start, end) means here: its rule's outcome, a context's, or nothing. */
function interpret(rule: CompiledRule, folded: string, start: number, end: number): Outcome {
  const [from, to] = sentenceAround(folded, start, end);
  const before = folded.slice(Math.max(from, start - nearby), start);
  const after = folded.slice(end, Math.min(to, end + nearby));
  if (rule.negatable && negationTail.test(after)) return null;
  let sentence: string | null = null;
  for (const context of rule.contexts) {
    if (context.before && !context.before.test(before)) continue;
    if (context.after && !context.after.test(after)) continue;
    if (context.sentence) {
      sentence ??= folded.slice(Math.max(from, start - around), Math.min(to, end + around));
      if (!context.sentence.test(sentence)) continue;
    }
    if (context.message && !context.message.test(folded)) continue;
    return context.then;
  }
  return { category: rule.category, severity: rule.severity };
}

function findHits(folded: string): { hits: Hit[]; defused: boolean } {
  const hits: Hit[] = [];
  let defused = false;
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = rule.pattern.exec(folded)) !== null) {
      const start = match.index;
      const end = start + match[0].length;
      if (end === start) {
        rule.pattern.lastIndex++;
        continue;
      }
      const outcome = interpret(rule, folded, start, end);
      const category = outcome ? (outcome.category ?? rule.category) : null;
      if (
        lifeCategories.has(rule.category) &&
        rule.severity === "urgent" &&
        (outcome === null || category !== rule.category || outcome.severity !== "urgent")
      ) {
        defused = true;
      }
      if (outcome && category) {
        hits.push({
          category,
          severity: outcome.severity,
          start,
          end,
          harmToOthers: rule.harmToOthers && category === "crisis",
        });
      }
    }
  }
  return { hits, defused };
}

/** Words a crisis phrase already covers (「生きるのがつらい」's 「つらい」) add no second finding. */
function withoutCrisisEchoes(hits: Hit[]): Hit[] {
  const crisis = hits.filter((hit) => hit.category === "crisis");
  if (crisis.length === 0) return hits;
  return hits.filter(
    (hit) =>
      hit.category === "crisis" ||
      !crisis.some((outer) => outer.start < hit.end && hit.start < outer.end),
  );
}

/** The original text behind folded [start, end): the person's own words, spaces and emoji included. */
function originalSpan(original: string, folded: FoldedText, start: number, end: number): string {
  const from = folded.starts[start] ?? 0;
  const to = folded.ends[end - 1] ?? original.length;
  return original.slice(from, to);
}

function toFindings(original: string, folded: FoldedText, hits: Hit[]): RuleFinding[] {
  const byCategory = new Map<Category, Hit[]>();
  for (const hit of hits) {
    const list = byCategory.get(hit.category);
    if (list) list.push(hit);
    else byCategory.set(hit.category, [hit]);
  }
  const findings: RuleFinding[] = [];
  for (const [category, list] of byCategory) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let severity: Severity = "low";
    const spans: [number, number][] = [];
    for (const hit of list) {
      if (rank(hit.severity) < rank(severity)) severity = hit.severity;
      const lastSpan = spans[spans.length - 1];
      // Overlapping matches of one category are one piece of evidence.
      if (lastSpan && hit.start < lastSpan[1]) lastSpan[1] = Math.max(lastSpan[1], hit.end);
      else spans.push([hit.start, hit.end]);
    }
    const phrases = [...new Set(spans.map(([s, e]) => originalSpan(original, folded, s, e)))];
    const harmToOthers = list.some((hit) => hit.harmToOthers && hit.severity === "urgent");
    findings.push({ category, severity, phrases, ...(harmToOthers ? { harmToOthers } : {}) });
  }
  return findings.sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** Reads one message with the phrase tables; never throws, whatever the text holds. */
export function readByRules(text: string, folded: FoldedText = foldText(text)): RuleReading {
  if (folded.text === "") return { findings: [], severity: null, defused: false };
  const { hits, defused } = findHits(folded.text);
  const findings = toFindings(text, folded, withoutCrisisEchoes(hits));
  const crisis = findings.some((finding) => lifeCategories.has(finding.category));
  return { findings, severity: findings[0]?.severity ?? null, defused: defused && !crisis };
}

/**
 * V8 compiles a regular expression on its first use, once for one-byte and once for two-byte
 * subjects. Doing it for every pattern when the module loads (on Workers: at isolate start-up,
 * which has its own CPU allowance) keeps ~15 ms of compiling out of the first message's budget.
 */
function compileNow(): void {
  const japanese = "あ";
  negationTail.test(japanese);
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    rule.pattern.test(japanese);
    rule.pattern.lastIndex = 0;
    for (const context of rule.contexts) {
      for (const pattern of [context.before, context.after, context.sentence, context.message]) {
        pattern?.test(japanese);
      }
    }
  }
  readByRules("友達が「死にたい」って言ってた");
}

compileNow();
