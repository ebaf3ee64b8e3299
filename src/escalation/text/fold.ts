// Folds Japanese free text into one form for matching and remembers which original text each folded character stands for.

/** The folded text plus, for each of its UTF-16 units, the range of the original it came from. */
export interface FoldedText {
  /**
   * NFKC, hiragana for katakana, ASCII lower case; no spaces, emoji, kaomoji or decoration;
   * sentence ends as 「。」, clause breaks as 「、」, quotes as 「「」 and 「」」; elongation and
   * repeats collapsed (「しにたいいいい」「しーにーたーい」「つらぁぁい」).
   */
  text: string;
  starts: number[];
  ends: number[];
}

interface Piece {
  char: string;
  start: number;
  end: number;
}

const katakanaFirst = 0x30a1;
const katakanaLast = 0x30f6;
const kanaOffset = 0x60;

/** Long-vowel marks and dashes: kept (once) after katakana as in 「オーバードーズ」, noise elsewhere. */
const elongation = new Set(["ー", "〜", "~", "-", "‐", "―", "—", "–", "－"]);
const sentenceEnd = new Set(["。", ".", "!", "?", "\n", "\r"]);
const clauseBreak = new Set(["、", ",", ";", ":"]);
const openQuote = new Set(["「", "『", "“", "‘", "〝"]);
const closeQuote = new Set(["」", "』", "”", "’", "〟"]);

/** Vowel row of each kana, for dropping a small vowel that only stretches the one before it. */
const rows: Record<string, string> = {};
for (const [row, kana] of [
  ["a", "あかさたなはまやらわがざだばぱぁゃゎ"],
  ["i", "いきしちにひみりぎじぢびぴぃ"],
  ["u", "うくすつぬふむゆるぐずづぶぷぅゅゔ"],
  ["e", "えけせてねへめれげぜでべぺぇ"],
  ["o", "おこそとのほもよろをごぞどぼぽぉょ"],
] as const) {
  for (const k of kana) rows[k] = row;
}
const smallVowels = new Set(["ぁ", "ぃ", "ぅ", "ぇ", "ぉ"]);
const fullVowels: Record<string, string> = { あ: "a", い: "i", う: "u", え: "e", お: "o" };

// Emoji pieces that are not Extended_Pictographic themselves: joiners, variation selectors,
// keycaps, skin tones, flags' regional indicators and tag characters.
const emojiPart =
  /[\p{Extended_Pictographic}\u200d\ufe0e\ufe0f\u20e3\u{1f3fb}-\u{1f3ff}\u{1f1e6}-\u{1f1ff}\u{e0020}-\u{e007f}]/u;
const letterOrNumber = /[\p{L}\p{N}]/u;
const mark = /\p{M}/u;
const digit = /[0-9]/;
const whitespace = /\s/u;

// A bracketed run with arms, e.g. 「ヽ(´ー｀)ノ」「(T_T)」「(;_;)」; only taken as a kaomoji when its
// inside has no hiragana or kanji and is not a plain word, so 「(笑)」「(汗)」「(OD)」 survive.
const bracketed = /[ヽヾ٩ᕦ＼\\σٛ]?[(（][^()（）\n]{1,16}?[)）][ノﾉ/／۶ᕤσ]?/gu;
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

function isKatakana(codePoint: number): boolean {
  return codePoint >= katakanaFirst && codePoint <= katakanaLast;
}

/** One character in matching form: katakana as hiragana, ASCII in lower case. */
function foldChar(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (isKatakana(codePoint)) return String.fromCodePoint(codePoint - kanaOffset);
  if (codePoint === 0x30fd || codePoint === 0x30fe)
    return String.fromCodePoint(codePoint - kanaOffset);
  return char.length === 1 && char >= "A" && char <= "Z" ? char.toLowerCase() : char;
}

/** End of the unit that starts at `i`: a character with its combining or half-width voicing marks. */
function unitEnd(original: string, i: number): number {
  const codePoint = original.codePointAt(i) ?? 0;
  let end = i + (codePoint > 0xffff ? 2 : 1);
  for (;;) {
    const next = original.codePointAt(end);
    if (next === undefined) return end;
    const nextChar = String.fromCodePoint(next);
    if (next === 0xff9e || next === 0xff9f || mark.test(nextChar)) end += nextChar.length;
    else return end;
  }
}

function last(pieces: Piece[]): Piece | undefined {
  return pieces[pieces.length - 1];
}

function absorb(into: Piece | undefined, end: number): void {
  if (into) into.end = Math.max(into.end, end);
}

/** Drops stretching vowels (「つらああい」) and collapses runs of three or more (「いいいい」「wwww」). */
function collapseRuns(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i];
    if (!piece) break;
    let j = i + 1;
    while (pieces[j]?.char === piece.char) j++;
    const run = j - i;
    const previous = last(out);
    const vowelRow = fullVowels[piece.char];
    const runEnd = pieces[j - 1]?.end ?? piece.end;
    if (vowelRow !== undefined && run >= 2 && previous && rows[previous.char] === vowelRow) {
      absorb(previous, runEnd);
    } else if (run >= 3 && !digit.test(piece.char)) {
      out.push({ char: piece.char, start: piece.start, end: runEnd });
    } else {
      for (let k = i; k < j; k++) {
        const same = pieces[k];
        if (same) out.push(same);
      }
    }
    i = j;
  }
  return out;
}

/** Folds a whole message; `starts`/`ends` map each folded UTF-16 unit back into `original`. */
export function foldText(original: string): FoldedText {
  const skip = kaomojiSpans(original);
  const pieces: Piece[] = [];
  let previousWasKatakana = false;
  let i = 0;
  while (i < original.length) {
    const end = unitEnd(original, i);
    if (skip[i]) {
      i = end;
      continue;
    }
    const raw = original.slice(i, end);
    const unitWasKatakana = /[\u30a0-\u30ff\uff66-\uff9f]/u.test(raw);
    for (const normalised of raw.normalize("NFKC")) {
      const char = foldChar(normalised);
      const tail = last(pieces);
      if (sentenceEnd.has(char)) {
        const nextIsDigit = digit.test(original.slice(end, end + 1).normalize("NFKC"));
        if (char === "." && tail && digit.test(tail.char) && nextIsDigit) {
          pieces.push({ char, start: i, end });
        } else if (tail && (tail.char === "。" || tail.char === "、")) {
          tail.char = "。";
          absorb(tail, end);
        } else if (tail) {
          pieces.push({ char: "。", start: i, end });
        }
      } else if (clauseBreak.has(char)) {
        if (tail && tail.char !== "。" && tail.char !== "、") {
          pieces.push({ char: "、", start: i, end });
        }
      } else if (whitespace.test(char) || emojiPart.test(char) || mark.test(char)) {
        // Spaces (「し に た い」), emoji and stray marks carry nothing to match.
      } else if (elongation.has(char)) {
        if (previousWasKatakana && tail && tail.char !== "ー") {
          pieces.push({ char: "ー", start: i, end });
        } else {
          absorb(tail, end);
        }
      } else if (openQuote.has(char)) {
        pieces.push({ char: "「", start: i, end });
      } else if (closeQuote.has(char)) {
        pieces.push({ char: "」", start: i, end });
      } else if (smallVowels.has(char) && tail && rows[tail.char] === rows[char]) {
        absorb(tail, end);
      } else if (letterOrNumber.test(char)) {
        pieces.push({ char, start: i, end });
      }
    }
    if (!elongation.has(raw.normalize("NFKC"))) previousWasKatakana = unitWasKatakana;
    i = end;
  }
  let text = "";
  const starts: number[] = [];
  const ends: number[] = [];
  for (const piece of collapseRuns(pieces)) {
    text += piece.char;
    for (let unit = 0; unit < piece.char.length; unit++) {
      starts.push(piece.start);
      ends.push(piece.end);
    }
  }
  return { text, starts, ends };
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
