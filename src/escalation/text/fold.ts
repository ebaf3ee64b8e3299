// Folds Japanese free text into one form for matching and remembers which original text each folded character stands for.

/** The folded text plus, for each of its UTF-16 units, the range of the original it came from. */
export interface FoldedText {
  /**
   * NFKC, hiragana for katakana, ASCII lower case; no spaces (but one between Latin words), emoji,
   * kaomoji or decoration; sentence ends as 「。」, clause breaks as 「、」, quotes as 「「」 and
   * 「」」; elongation and repeats collapsed (「しにたいいいい」「しーにーたーい」「つらぁぁい」).
   */
  text: string;
  starts: number[];
  ends: number[];
}

const katakanaFirst = 0x30a1;
const katakanaLast = 0x30f6;
const kanaOffset = 0x60;

const fullStop = 0x3002; // 。
const comma = 0x3001; // 、
const openQuoteMark = 0x300c; // 「
const closeQuoteMark = 0x300d; // 」
const longVowel = 0x30fc; // ー
const space = 0x20;
const dot = 0x2e;

/** Long-vowel marks and dashes: kept (once) after katakana as in 「オーバードーズ」, noise elsewhere. */
const elongation = new Set(["ー", "〜", "~", "-", "‐", "―", "—", "–", "－"]);
const sentenceEnd = new Set(["。", ".", "!", "?", "\n", "\r"]);
const clauseBreak = new Set(["、", ",", ";", ":"]);
const openQuote = new Set(["「", "『", "“", "‘", "〝"]);
const closeQuote = new Set(["」", "』", "”", "’", "〟"]);

/** Vowel row (1–5 for a i u e o) of each hiragana, indexed from ぁ (U+3041). */
const hiraganaFirst = 0x3041;
const rows = new Uint8Array(0x60);
for (const [row, kana] of [
  [1, "あかさたなはまやらわがざだばぱぁゃゎ"],
  [2, "いきしちにひみりぎじぢびぴぃ"],
  [3, "うくすつぬふむゆるぐずづぶぷぅゅゔ"],
  [4, "えけせてねへめれげぜでべぺぇ"],
  [5, "おこそとのほもよろをごぞどぼぽぉょ"],
] as const) {
  for (let k = 0; k < kana.length; k++) rows[kana.charCodeAt(k) - hiraganaFirst] = row;
}
const rowOf = (code: number): number =>
  code >= hiraganaFirst ? (rows[code - hiraganaFirst] ?? 0) : 0;
/** ぁぃぅぇぉ: after a kana of their own row they only stretch it (「つらぁい」). */
const isSmallVowel = (code: number): boolean =>
  code === 0x3041 || code === 0x3043 || code === 0x3045 || code === 0x3047 || code === 0x3049;
/** あいうえお: a run of them after a kana of their row stretches it (「つらああい」). */
const isFullVowel = (code: number): boolean =>
  code === 0x3042 || code === 0x3044 || code === 0x3046 || code === 0x3048 || code === 0x304a;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isAsciiWord = (code: number): boolean =>
  isDigit(code) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

const pictographic = /\p{Extended_Pictographic}/u;
const letterOrNumber = /[\p{L}\p{N}]/u;
const mark = /\p{M}/u;
const whitespace = /\s/u;

/**
 * Emoji, and the pieces of emoji sequences that are not pictographs themselves: zero-width
 * joiner, variation selectors, keycap, skin tones, regional indicators (flags) and tags.
 */
function isEmojiPart(char: string): boolean {
  const codePoint = char.codePointAt(0) ?? 0;
  return (
    (codePoint >= 0xa9 && pictographic.test(char)) ||
    codePoint === 0x200d ||
    codePoint === 0xfe0e ||
    codePoint === 0xfe0f ||
    codePoint === 0x20e3 ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f)
  );
}

function isSpace(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0x3000 || ((code < 0x3000 || code === 0xfeff) && whitespace.test(char));
}

/** The first character after `from` that is not a space, in NFKC (「ＯＤ」 → 「O」). */
function nextVisible(original: string, from: number): number {
  let i = from;
  while (i < original.length && isSpace(original.charAt(i))) i++;
  return original.charAt(i).normalize("NFKC").charCodeAt(0);
}

// A bracketed run with arms, e.g. 「ヽ(´ー｀)ノ」「(T_T)」「(;_;)」; only taken as a kaomoji when its
// inside has no hiragana or kanji and is not a plain word, so 「(笑)」「(汗)」「(OD)」 survive.
const bracketed = /[ヽヾ٩ᕦ＼\\σ]?[(（][^()（）\n]{1,16}?[)）][ノﾉ/／۶ᕤσ]?/gu;
const wordy = /[\p{sc=Hiragana}\p{sc=Han}]/u;
const plainWord = /^[A-Za-z0-9Ａ-Ｚａ-ｚ０-９ァ-ヶーｦ-ﾟ\s]+$/u;

function kaomojiSpans(original: string): boolean[] {
  const skip: boolean[] = [];
  for (const match of original.matchAll(bracketed)) {
    const inside = match[0].replace(/^[^(（]*[(（]|[)）][^)）]*$/gu, "");
    if (wordy.test(inside) || plainWord.test(inside)) continue;
    for (let i = match.index; i < match.index + match[0].length; i++) skip[i] = true;
  }
  return skip;
}

function isKatakana(code: number): boolean {
  return code >= katakanaFirst && code <= katakanaLast;
}

/** One character in matching form: katakana as hiragana, ASCII in lower case. */
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (isKatakana(code) || code === 0x30fd || code === 0x30fe) {
    return String.fromCharCode(code - kanaOffset);
  }
  return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : char;
}

/** Combining marks (and half-width voicing marks) that belong to the character before them. */
function isCombining(code: number): boolean {
  if (code < 0x300) return false;
  if (code === 0x3099 || code === 0x309a || code === 0xff9e || code === 0xff9f) return true;
  if ((code >= 0x3041 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff)) return false;
  return mark.test(String.fromCharCode(code));
}

/** End of the unit that starts at `i`: a character with its combining or half-width voicing marks. */
function unitEnd(original: string, i: number): number {
  const code = original.charCodeAt(i);
  let end = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < original.length ? 2 : 1);
  while (end < original.length) {
    const next = original.charCodeAt(end);
    if (next >= 0xd800 && next <= 0xdbff) {
      const pair = original.slice(end, end + 2);
      if (!mark.test(pair)) break;
      end += pair.length;
    } else if (isCombining(next)) {
      end++;
    } else {
      break;
    }
  }
  return end;
}

/** Characters NFKC leaves alone and that are letters: ASCII letters and digits, kana, common kanji. */
function isPlainLetter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= katakanaFirst && code <= katakanaLast) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
}

/** The folded characters as UTF-16 units with the original range each stands for. */
class Folding {
  readonly codes: number[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  get tail(): number {
    return this.codes[this.codes.length - 1] ?? -1;
  }

  push(code: number, start: number, end: number): void {
    this.codes.push(code);
    this.starts.push(start);
    this.ends.push(end);
  }

  pushChar(char: string, start: number, end: number): void {
    for (let unit = 0; unit < char.length; unit++) this.push(char.charCodeAt(unit), start, end);
  }

  /** The last folded character also stands for original text up to `end` (a stretch, a repeat). */
  absorb(end: number): void {
    const last = this.ends.length - 1;
    if (last >= 0) this.ends[last] = Math.max(this.ends[last] ?? end, end);
  }

  replaceTail(code: number): void {
    if (this.codes.length > 0) this.codes[this.codes.length - 1] = code;
  }
}

/** Drops stretching vowels (「つらああい」) and collapses runs of three or more (「いいいい」「wwww」). */
function collapseRuns(folding: Folding): Folding {
  const { codes, starts, ends } = folding;
  const out = new Folding();
  let i = 0;
  while (i < codes.length) {
    const code = codes[i] ?? 0;
    let j = i + 1;
    while (codes[j] === code) j++;
    const run = j - i;
    const runEnd = ends[j - 1] ?? 0;
    if (isFullVowel(code) && run >= 2 && rowOf(out.tail) === rowOf(code) && rowOf(code) !== 0) {
      out.absorb(runEnd);
    } else if (run >= 3 && !isDigit(code)) {
      out.push(code, starts[i] ?? 0, runEnd);
    } else {
      for (let k = i; k < j; k++) out.push(code, starts[k] ?? 0, ends[k] ?? 0);
    }
    i = j;
  }
  return out;
}

function toText(codes: readonly number[]): string {
  let text = "";
  const chunk = 4096;
  for (let i = 0; i < codes.length; i += chunk) {
    text += String.fromCharCode(...codes.slice(i, i + chunk));
  }
  return text;
}

/** Folds a whole message; `starts`/`ends` map each folded UTF-16 unit back into `original`. */
export function foldText(original: string): FoldedText {
  const skip = original.includes("(") || original.includes("（") ? kaomojiSpans(original) : [];
  const folding = new Folding();
  let previousWasKatakana = false;
  let i = 0;
  while (i < original.length) {
    const end = unitEnd(original, i);
    if (skip[i]) {
      i = end;
      continue;
    }
    const code = original.charCodeAt(i);
    if (end === i + 1 && isPlainLetter(code)) {
      // Most of a Japanese message: no NFKC and no punctuation rules, only folding.
      const folded = isKatakana(code)
        ? code - kanaOffset
        : code <= 0x5a && code >= 0x41
          ? code + 0x20
          : code;
      if (isSmallVowel(folded) && rowOf(folding.tail) === rowOf(folded)) folding.absorb(end);
      else folding.push(folded, i, end);
      previousWasKatakana = isKatakana(code);
      i = end;
      continue;
    }
    const raw = original.slice(i, end);
    if (code >= 0xa9 && isEmojiPart(raw)) {
      previousWasKatakana = false;
      i = end;
      continue;
    }
    // ASCII and CJK punctuation other than the ideographic space are their own NFKC.
    const stable = code < 0x80 || (code > 0x3000 && code < 0x3040);
    const normalisedUnit = stable ? raw : raw.normalize("NFKC");
    for (const normalised of normalisedUnit) {
      const char = foldChar(normalised);
      const charCode = char.charCodeAt(0);
      const tail = folding.tail;
      if (sentenceEnd.has(char)) {
        const nextIsDigit = isDigit(
          original
            .slice(end, end + 1)
            .normalize("NFKC")
            .charCodeAt(0),
        );
        if (char === "." && isDigit(tail) && nextIsDigit) {
          folding.push(dot, i, end);
        } else if (tail === fullStop || tail === comma) {
          folding.replaceTail(fullStop);
          folding.absorb(end);
        } else if (tail !== -1) {
          folding.push(fullStop, i, end);
        }
      } else if (clauseBreak.has(char)) {
        if (tail !== -1 && tail !== fullStop && tail !== comma) folding.push(comma, i, end);
      } else if (isSpace(char)) {
        // Spaces split nothing in Japanese (「し に た い」) but do between Latin words.
        if (isAsciiWord(tail) && isAsciiWord(nextVisible(original, end)))
          folding.push(space, i, end);
      } else if (isEmojiPart(char) || mark.test(char)) {
        // Emoji and stray marks carry nothing to match.
      } else if (elongation.has(char)) {
        if (previousWasKatakana && tail !== -1 && tail !== longVowel)
          folding.push(longVowel, i, end);
        else folding.absorb(end);
      } else if (openQuote.has(char)) {
        folding.push(openQuoteMark, i, end);
      } else if (closeQuote.has(char)) {
        folding.push(closeQuoteMark, i, end);
      } else if (isSmallVowel(charCode) && rowOf(tail) === rowOf(charCode)) {
        folding.absorb(end);
      } else if (letterOrNumber.test(char)) {
        folding.pushChar(char, i, end);
      }
    }
    if (!elongation.has(normalisedUnit)) {
      previousWasKatakana =
        (code >= 0x30a0 && code <= 0x30ff) || (code >= 0xff66 && code <= 0xff9f);
    }
    i = end;
  }
  const collapsed = collapseRuns(folding);
  return { text: toText(collapsed.codes), starts: collapsed.starts, ends: collapsed.ends };
}

/**
 * Folds a phrase pattern written in plain Japanese the way `foldText` folds messages: NFKC and
 * katakana as hiragana; long-vowel marks kept after katakana only. ASCII (the regex syntax) is
 * left alone, so patterns must spell romaji in lower case.
 */
export function foldPattern(source: string): string {
  let out = "";
  let previousWasKatakana = false;
  for (const char of source) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x80) {
      out += char;
      previousWasKatakana = false;
      continue;
    }
    for (const normalised of char.normalize("NFKC")) {
      if (elongation.has(normalised)) {
        if (previousWasKatakana) out += "ー";
        continue;
      }
      out += foldChar(normalised);
    }
    previousWasKatakana = isKatakana(codePoint) || (codePoint >= 0xff66 && codePoint <= 0xff9f);
  }
  return out;
}
