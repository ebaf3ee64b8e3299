// The phrase tables' reading of a message: categories and severities, with the person's own words as evidence.
import { severities, type Category, type Severity } from "../../vocabulary/categories";
import { concernTables } from "./concern-phrases";
import { abuseTable, acuteDangerTable } from "./abuse-phrases";
import { crisisTable } from "./crisis-phrases";
import { harmToOthersTable } from "./harm-phrases";
import { foldText, type FoldedText } from "./fold";
import { denialTail, leadInOnly, negationTail } from "./fragments";
import { general } from "./general-patterns";
import { generalReading } from "./general-reading";
import { wordsFor } from "./rule-words";
import { compileTables, type CompiledRule, type Outcome } from "./rules";
import {
  lifeCategories,
  MessageIndex,
  sentenceAround,
  storyWords,
  type Surroundings,
} from "./surroundings";
import { WordIndex } from "./word-index";

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

/** The phrase tables' rules, in the order they are read. */
export const phraseRules: readonly CompiledRule[] = compileTables([
  crisisTable,
  harmToOthersTable,
  abuseTable,
  acuteDangerTable,
  ...concernTables,
]);

const ruleNumbers = new Map(phraseRules.map((rule, number) => [rule, number]));

/**
 * Most patterns cannot match without one of a few words (「死に」 for 「死にたい」…): found for all
 * of them in one pass, a message is searched only with the patterns whose words it holds. A rule
 * left unsearched has no match, so nothing it would have read is missed.
 */
const ruleWords = new WordIndex(phraseRules.map((rule) => wordsFor(rule.pattern)));

/** Per rule (in `phraseRules` order), 1 when `folded` holds one of its words and it must be searched. */
export function rulesToSearch(folded: string): Uint8Array {
  return ruleWords.present(folded);
}

/** Context windows stay short: the words that change a phrase sit next to it, and it keeps long texts linear. */
const nearby = 32;
const around = 64;
/** How far the general readings look: back within the sentence, and on through the message. */
const leadLength = 48;
/**
 * How far a "whole message" context reads from the phrase: the message a person writes, but not
 * the far end of a 5,000-character letter (which would also make every phrase re-read all of it).
 */
const messageReach = 320;
const onwardLength = 96;

const rank = (severity: Severity): number => severities.indexOf(severity);

const doubleNegative = /^(?:い|かった)?(?:わけ|訳|こと)(?:は|も)?(?:じゃ|では)(?:な|あり)/u;

/**
 * 「死にたいとかは思ってへんって言うたけど、あれうそや」「していませんと言いましたが、本当は」: a
 * denial the person takes back right after.
 */
function denialRetracted(folded: string, from: number): boolean {
  return general.retracted.test(folded.slice(from, from + 48));
}

/** What the phrase at [start, end) means here: its rule's outcome, a context's, or nothing. */
function interpret(rule: CompiledRule, index: MessageIndex, start: number, end: number): Outcome {
  const { folded } = index;
  const [from, to] = sentenceAround(folded, start, end);
  const before = folded.slice(Math.max(from, start - nearby), start);
  const after = folded.slice(end, Math.min(to, end + nearby));
  // 「しにたいとか／おもってないよ」: a line that ends on words leading in to the next one's negation.
  const tail =
    to < folded.length &&
    end + nearby > to &&
    /(?:とか|なんて|なんか|って|とは|など)(?:は|も)?、?$/u.test(after) &&
    leadInOnly.test(after)
      ? `${after}${folded.slice(to + 1, to + 1 + nearby)}`
      : after;
  const negation = rule.negatable ? negationTail.exec(tail) : null;
  // 「のんでないわけじゃないけど」: a negation itself denied is no denial, and one taken back
  // (「思ってへんって言うたけど、あれうそや」) is none either.
  if (
    negation &&
    !doubleNegative.test(tail.slice(negation[0].length)) &&
    !denialRetracted(folded, end + negation[0].length + (negation[0].length > after.length ? 1 : 0))
  ) {
    return null;
  }
  const denial = denialTail.exec(after);
  // 「のんでないわけじゃないけど」: a denied negative is only partly so.
  if (
    denial &&
    !(
      /(?:な|ない|なく|ず|ません)$/u.test(folded.slice(start, end)) &&
      /^(?:けど|けれど|が|、)/u.test(after.slice(denial[0].length))
    ) &&
    !denialRetracted(folded, end + denial[0].length)
  ) {
    return null;
  }
  const surroundings: Surroundings = {
    lead: folded.slice(Math.max(from, start - leadLength), start),
    phrase: folded.slice(start, end),
    after,
    following: folded.slice(end, end + onwardLength),
    preceding: folded.slice(Math.max(0, start - onwardLength), start),
    stories: index.storiesIn(Math.max(0, start - onwardLength), start),
  };
  const reading = generalReading(rule, surroundings);
  if (reading !== undefined) return reading;
  let sentence: string | null = null;
  let message: string | null = null;
  for (const context of rule.contexts) {
    if (context.before && !context.before.test(before)) continue;
    if (context.after && !context.after.test(after)) continue;
    if (context.sentence) {
      sentence ??= folded.slice(Math.max(from, start - around), Math.min(to, end + around));
      if (!context.sentence.test(sentence)) continue;
    }
    if (context.message) {
      message ??= folded.slice(Math.max(0, start - messageReach), end + messageReach);
      if (!context.message.test(message)) continue;
    }
    return context.then;
  }
  return { category: rule.category, severity: rule.severity };
}

/** How far a phrase's reading looks either way: everything interpret() reads lies within it. */
const readingReach = Math.max(messageReach, onwardLength, around, leadLength, nearby * 2 + 48);

/**
 * A phrase's reading, worked out once for each surroundings: a long message that repeats itself
 * (「しにたい」 × 1,000) reads the same words the same way.
 */
function interpretOnce(
  rule: CompiledRule,
  index: MessageIndex,
  start: number,
  end: number,
): Outcome {
  const seen = (index.hitsByRule.get(rule) ?? 0) + 1;
  index.hitsByRule.set(rule, seen);
  if (seen <= 4) return interpret(rule, index, start, end);
  const from = Math.max(0, start - readingReach);
  const key = `${ruleNumbers.get(rule) ?? -1}:${start - from}:${end - start}:${index.folded.slice(from, end + readingReach)}`;
  const known = index.outcomes.get(key);
  if (known !== undefined) return known;
  const outcome = interpret(rule, index, start, end);
  index.outcomes.set(key, outcome);
  return outcome;
}

function findHits(folded: string): { hits: Hit[]; defused: boolean } {
  const hits: Hit[] = [];
  let defused = false;
  const index = new MessageIndex(folded);
  const searched = rulesToSearch(folded);
  for (const [number, rule] of phraseRules.entries()) {
    if (searched[number] === 0) continue;
    rule.pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = rule.pattern.exec(folded)) !== null) {
      const start = match.index;
      const end = start + match[0].length;
      if (end === start) {
        rule.pattern.lastIndex++;
        continue;
      }
      const outcome = interpretOnce(rule, index, start, end);
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
 * subjects: first to bytecode for its interpreter, then, used again, to machine code. Doing it for
 * every pattern when the module loads (on Workers: at isolate start-up, which has its own CPU
 * allowance) keeps the compiling out of the first message's budget. A subject of 1,000 characters
 * or more makes V8 compile straight to machine code, skipping the bytecode: V8 stops optimizing the
 * patterns it compiles once a megabyte of regular-expression code has been generated (bytecode
 * counts in full), and unoptimized, the phrase tables read a long message several times slower.
 */
function compileNow(): void {
  const patterns: RegExp[] = [negationTail, denialTail, leadInOnly, ...Object.values(general)];
  for (const rule of phraseRules) {
    patterns.push(rule.pattern);
    for (const context of rule.contexts) {
      for (const pattern of [context.before, context.after, context.sentence, context.message]) {
        if (pattern) patterns.push(pattern);
      }
    }
  }
  patterns.push(storyWords);
  for (const subject of ["あ".repeat(1_000), "a".repeat(1_000)]) {
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      pattern.test(subject);
      pattern.lastIndex = 0;
    }
  }
  readByRules("友達が「死にたい」って言ってた");
}

compileNow();
