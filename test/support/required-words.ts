// The words a regular expression cannot match without; the tests write them to rule-words.json for the rules' prefilter.
import { RegExpParser, type AST } from "@eslint-community/regexpp";

/** More strings than this and a node's exact matches stop being listed. */
const exactLimit = 64;
/** Classes with more characters than this are not listed (「[ぁ-ん]」 says nothing useful). */
const classLimit = 64;
/** Repeats listed one by one up to this count (「(?:、)?」 is "" or 「、」). */
const repeatLimit = 3;

/** Words of which the text holds at least one wherever a node matches, and what they cost. */
interface Words {
  words: readonly string[];
  cost: number;
}

/**
 * What is known of a node: `exact`, every string it can match (when few), and `required`, words
 * of which the text holds one wherever it matches (null: nothing is known).
 */
interface Knowledge {
  exact: ReadonlySet<string> | null;
  required: Words | null;
}

const unknown: Knowledge = { exact: null, required: null };
const zeroWidth: Knowledge = { exact: new Set([""]), required: null };

/**
 * How likely a word is to turn up at a given place in a message, roughly: a common kana is
 * everywhere, a kanji or a Latin letter less so. It only chooses between word lists that are
 * all correct, so it can be rough.
 */
function likelihood(word: string): number {
  let p = 1;
  for (const char of word) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x3041 && code <= 0x30ff) p *= 0.04;
    else if (code >= 0x3400 && code <= 0x9fff) p *= 0.004;
    else if (code === 0x3001 || code === 0x3002) p *= 0.05;
    else p *= 0.01;
  }
  return p;
}

/**
 * Anything rarer than a kanji with a kana counts as that rare: a short list of fair words beats
 * a long list of rare ones (the index grows with every word, the search hardly gains). Longer
 * words cost a little more, for the same reason.
 */
const rareEnough = 2e-5;
const perUnit = 1e-7;

function priced(words: Iterable<string>): Words | null {
  const list = [...new Set(words)];
  let cost = 0;
  for (const word of list) {
    if (word === "") return null;
    cost += Math.max(likelihood(word), rareEnough) + perUnit * word.length;
  }
  return list.length === 0 ? null : { words: list, cost };
}

function cheaper(a: Words | null, b: Words | null): Words | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.cost < a.cost ? b : a;
}

function product(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | null {
  if (a.size * b.size > exactLimit) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function knowCharacters(codes: Iterable<number>): Knowledge {
  const exact = new Set<string>();
  for (const code of codes) exact.add(String.fromCodePoint(code));
  return { exact, required: priced(exact) };
}

function knowClass(node: AST.CharacterClass): Knowledge {
  if (node.negate) return unknown;
  const codes: number[] = [];
  const addRange = (min: number, max: number) => {
    for (let code = min; code <= max; code++) codes.push(code);
  };
  for (const element of node.elements) {
    if (element.type === "Character") {
      codes.push(element.value);
    } else if (element.type === "CharacterClassRange") {
      if (element.max.value - element.min.value >= classLimit) return unknown;
      addRange(element.min.value, element.max.value);
    } else if (element.type === "CharacterSet" && element.kind === "digit" && !element.negate) {
      addRange(0x30, 0x39);
    } else {
      return unknown;
    }
    if (codes.length > classLimit) return unknown;
  }
  return knowCharacters(codes);
}

/**
 * A sequence matches its parts one after another, so any stretch of exactly known parts gives
 * words (their joined strings), and so does any part's own list: the cheapest is kept.
 */
function knowSequence(elements: readonly AST.Element[]): Knowledge {
  const parts = elements.map(know);
  let best: Words | null = null;
  let whole: Set<string> | null = new Set([""]);
  for (const [first, part] of parts.entries()) {
    best = cheaper(best, part.required);
    whole = whole && part.exact ? product(whole, part.exact) : null;
    let run: Set<string> | null = new Set([""]);
    for (let i = first; i < parts.length && run; i++) {
      const exact = parts[i]?.exact;
      run = exact ? product(run, exact) : null;
      if (run && !run.has("")) best = cheaper(best, priced(run));
    }
  }
  return { exact: whole, required: cheaper(best, priced(whole ?? [])) };
}

/** A match of alternatives is one of theirs, so the text holds one of any alternative's words. */
function knowAlternatives(alternatives: readonly AST.Alternative[]): Knowledge {
  let exact: Set<string> | null = new Set();
  const required: string[] = [];
  let requiredKnown = true;
  for (const alternative of alternatives) {
    const part = knowSequence(alternative.elements);
    if (exact && part.exact && exact.size + part.exact.size <= exactLimit) {
      for (const word of part.exact) exact.add(word);
    } else {
      exact = null;
    }
    if (part.required) required.push(...part.required.words);
    else requiredKnown = false;
  }
  return {
    exact,
    required: cheaper(exact && priced(exact), requiredKnown ? priced(required) : null),
  };
}

function knowQuantifier(node: AST.Quantifier): Knowledge {
  const part = know(node.element);
  let exact: Set<string> | null = null;
  if (part.exact && node.max <= repeatLimit) {
    exact = new Set();
    let power: Set<string> | null = new Set([""]);
    for (let count = 0; count <= node.max; count++) {
      if (power === null || exact.size > exactLimit) {
        exact = null;
        break;
      }
      if (count >= node.min) for (const word of power) exact.add(word);
      if (count < node.max) power = product(power, part.exact);
    }
    if (exact && exact.size > exactLimit) exact = null;
  }
  const required = node.min >= 1 ? part.required : null;
  return { exact, required: cheaper(exact && priced(exact), required) };
}

function know(node: AST.Element): Knowledge {
  switch (node.type) {
    case "Character":
      return knowCharacters([node.value]);
    case "CharacterClass":
      return knowClass(node);
    case "Group":
      // a group with flags of its own (「(?i:…)」) matches more than its letters
      return node.modifiers ? unknown : knowAlternatives(node.alternatives);
    case "CapturingGroup":
      return knowAlternatives(node.alternatives);
    case "Quantifier":
      return knowQuantifier(node);
    case "Assertion":
      // Takes nothing into the match; what a positive lookaround looks for is in the text all the same.
      if ((node.kind === "lookahead" || node.kind === "lookbehind") && !node.negate) {
        return { exact: zeroWidth.exact, required: knowAlternatives(node.alternatives).required };
      }
      return zeroWidth;
    default:
      // ., \d, \p{…}, backreferences: too many strings to list
      return unknown;
  }
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * Words of which a text holds at least one wherever `pattern` matches in it, or null when no such
 * list is known (a pattern that can match almost anything, or flags that change what a letter is).
 */
export function requiredWords(pattern: RegExp): string[] | null {
  if (!/^[dgu]*$/.test(pattern.flags)) return null;
  const ast = parser.parsePattern(pattern.source, 0, pattern.source.length, {
    unicode: pattern.unicode,
  });
  const required = knowAlternatives(ast.alternatives).required;
  return required ? [...required.words] : null;
}
