// The shape of the phrase tables and their compilation into folded regular expressions.
import type { Category, Severity } from "../../vocabulary/categories";
import { foldPattern } from "./fold";

/** What a phrase means in a given context: another category or severity, or nothing (null). */
export type Outcome = { category?: Category; severity: Severity } | null;

/**
 * A context that changes what a phrase means. Every pattern given must match (they are regular
 * expressions over folded text, written in plain Japanese); the first context that matches wins.
 */
export interface Context {
  /** The sentence before the phrase (at most 32 characters of it): anchor with `$`. */
  before?: string;
  /** The sentence after the phrase (at most 32 characters of it): anchor with `^`. */
  after?: string;
  /** The sentence around the phrase (at most 64 characters either side). */
  sentence?: string;
  /** The whole message. */
  message?: string;
  then: Outcome;
}

export interface PhraseRule {
  pattern: string;
  severity: Severity;
  /** Read in order before the phrase is taken at its face value. */
  contexts?: readonly Context[];
  /** A following negation (「殴られてはいない」「不安はない」) cancels the phrase unless false. */
  negatable?: false;
}

export interface PhraseTable {
  category: Category;
  rules: readonly PhraseRule[];
  /** A risk to someone else's life (他害), which gets its own reply. */
  harmToOthers?: true;
}

export interface CompiledContext {
  before: RegExp | null;
  after: RegExp | null;
  sentence: RegExp | null;
  message: RegExp | null;
  then: Outcome;
}

export interface CompiledRule {
  category: Category;
  severity: Severity;
  pattern: RegExp;
  contexts: CompiledContext[];
  negatable: boolean;
  harmToOthers: boolean;
}

const contextCache = new Map<Context, CompiledContext>();

function compileOptional(source: string | undefined): RegExp | null {
  return source === undefined ? null : new RegExp(foldPattern(source), "u");
}

function compileContext(context: Context): CompiledContext {
  const cached = contextCache.get(context);
  if (cached) return cached;
  const compiled = {
    before: compileOptional(context.before),
    after: compileOptional(context.after),
    sentence: compileOptional(context.sentence),
    message: compileOptional(context.message),
    then: context.then,
  };
  contextCache.set(context, compiled);
  return compiled;
}

/** Compiles the tables once (at module load): every pattern is folded like the messages are. */
export function compileTables(tables: readonly PhraseTable[]): CompiledRule[] {
  return tables.flatMap(({ category, rules, harmToOthers }) =>
    rules.map((rule) => ({
      harmToOthers: harmToOthers ?? false,
      category,
      severity: rule.severity,
      pattern: new RegExp(foldPattern(rule.pattern), "gu"),
      contexts: (rule.contexts ?? []).map(compileContext),
      negatable: rule.negatable ?? true,
    })),
  );
}

const regexSyntax = /[\\[\](){}?*+|.^$]/;

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

function trieSource(node: Trie): string {
  const branches = [...node.next].map(([char, child]) => char + trieSource(child));
  if (branches.length === 0) return "";
  if (branches.length === 1 && !node.end) return branches[0] ?? "";
  // The empty branch goes last so the longer word is tried first (「父親」 before 「父」).
  return `(?:${branches.join("|")}${node.end ? "|" : ""})`;
}

/**
 * Alternation of words for building patterns: `anyOf("父", "母")` matches either. Plain words
 * are laid out as a prefix tree (「お父さん|お母さん」 → 「お(?:父さん|母さん)」), so a long
 * list costs the regex engine one branch per first character instead of one per word; words
 * written as regular expressions are kept as they are.
 */
export function anyOf(...words: readonly string[]): string {
  const root: Trie = { end: false, next: new Map() };
  const expressions: string[] = [];
  for (const word of words) {
    if (regexSyntax.test(word)) {
      expressions.push(word);
      continue;
    }
    let node = root;
    for (const char of word) {
      let child = node.next.get(char);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(char, child);
      }
      node = child;
    }
    node.end = true;
  }
  const tree = trieSource(root);
  return `(?:${[...(tree === "" ? [] : [tree]), ...expressions].join("|")})`;
}
