// What the learned model sees of a message: hashed character n-grams of the folded text, per window.
import { foldText, type FoldedText } from "./fold";

/** The feature settings a model was trained with; the model file names them and must match. */
export const featureSpec = "fnv1a32/char1-4/emoji/window2/v1";

const minGram = 1;
const maxGram = 4;
/** Marks the message's edges, so 「しにたい」 alone differs from 「しにたい」 inside a longer word. */
const edge = 0x02;
const fnvBasis = 0x811c9dc5;
const fnvPrime = 0x01000193;
const emojiSalt = 0x45;

const pictograph = /^\p{Extended_Pictographic}$/u;
/** Whether a code point is a pictograph, asked of the regular expression once per code point. */
const pictographs = new Map<number, boolean>();
function isPictograph(codePoint: number): boolean {
  if (codePoint < 0xa9) return false;
  let known = pictographs.get(codePoint);
  if (known === undefined) {
    known = pictograph.test(String.fromCodePoint(codePoint));
    pictographs.set(codePoint, known);
  }
  return known;
}

/** The pictographs of a text, as [index in the text, feature hash], in order. */
function emojiOf(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    if (isPictograph(codePoint)) found.push([i, emojiHash(text.slice(i, i + width))]);
    i += width - 1;
  }
  return found;
}

/** A piece of the message the model reads on its own: one or two sentences, or all of it. */
export interface Window {
  /** Folded text. */
  text: string;
  /** The original text it stands for (emoji live there; folding drops them). */
  original: string;
}

/** Messages up to this long are also read whole; longer ones only sentence by sentence. */
const wholeLimit = 240;
/** A sentence longer than this is read in overlapping pieces of this length. */
const pieceLength = 120;

/** Where folded [from, to) lies in the original: [first, last). */
function originalRange(
  original: string,
  folded: FoldedText,
  from: number,
  to: number,
): [number, number] {
  if (to <= from) return [0, 0];
  return [folded.starts[from] ?? 0, folded.ends[to - 1] ?? original.length];
}

function originalOf(original: string, folded: FoldedText, from: number, to: number): string {
  return original.slice(...originalRange(original, folded, from, to));
}

/**
 * Where the windows of a folded text lie, as [from, to) pairs. A serious sentence after small
 * talk decides on its own (the model takes the most serious window), and two sentences together
 * keep the context of 「しぬほど つかれた。もう おきたく ない」.
 */
export function windowBounds(text: string): [number, number][] {
  if (text === "") return [];
  const sentences: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 0x3002) {
      const end = i === text.length ? i : i + 1;
      if (end > start) {
        for (let from = start; from < end; from += pieceLength / 2) {
          sentences.push([from, Math.min(end, from + pieceLength)]);
          if (from + pieceLength >= end) break;
        }
      }
      start = end;
    }
  }
  const bounds: [number, number][] = [];
  const seen = new Set<number>();
  const add = (from: number, to: number) => {
    const key = from * 65_536 + to;
    if (seen.has(key)) return;
    seen.add(key);
    bounds.push([from, to]);
  };
  if (text.length <= wholeLimit) add(0, text.length);
  if (sentences.length > 1) {
    for (let i = 0; i < sentences.length; i++) {
      const [from, to] = sentences[i] ?? [0, 0];
      add(from, to);
      const next = sentences[i + 1];
      if (next && next[1] - from <= pieceLength * 2) add(from, next[1]);
    }
  }
  return bounds;
}

/** The windows a message is read in, with the original text each stands for. */
export function windowsOf(original: string, folded: FoldedText = foldText(original)): Window[] {
  return windowBounds(folded.text).map(([from, to]) => ({
    text: folded.text.slice(from, to),
    original: originalOf(original, folded, from, to),
  }));
}

/**
 * The features of every window of a message at once, as `lookup` numbers them (a model's feature
 * rows; -1 for a feature it does not know). The same features as `forEachFeature` per window
 * (a test holds the two equal), but each n-gram inside the text is hashed and looked up once,
 * not once per window it falls in.
 */
export function forEachWindowRows(
  original: string,
  folded: FoldedText,
  lookup: (hash: number) => number,
  /** One slot per row, reused between calls: marks which window last took a row. */
  stamps: Int32Array,
  visit: (window: number, rows: Int32Array, count: number) => void,
): void {
  const text = folded.text;
  const length = text.length;
  if (length === 0) return;
  // the row of the n-gram that starts at i, for n = 1…4, inside the text (no edge marks)
  const inner = new Int32Array(length * maxGram).fill(-1);
  for (let i = 0; i < length; i++) {
    let hash = fnvBasis;
    for (let n = 1; n <= maxGram && i + n <= length; n++) {
      hash = Math.imul(hash ^ text.charCodeAt(i + n - 1), fnvPrime);
      inner[i * maxGram + n - 1] = lookup(hash >>> 0);
    }
  }
  // a window's number, distinct from any earlier call's, so `stamps` never needs clearing
  const base = (stamps[0] ?? 0) + 1;
  let rows = new Int32Array(1_024);
  const bounds = windowBounds(text);
  const emoji = emojiOf(original);
  for (let window = 0; window < bounds.length; window++) {
    const [from, to] = bounds[window] ?? [0, 0];
    const mark = base + window;
    // at most 4 per character, 6 with an edge mark, and the emoji
    if (rows.length < (to - from) * maxGram + 16)
      rows = new Int32Array((to - from) * maxGram * 2 + 16);
    let count = 0;
    for (let i = from; i < to; i++) {
      const top = Math.min(maxGram, to - i);
      for (let n = 0; n < top; n++) {
        const row = inner[i * maxGram + n] ?? -1;
        if (row >= 0 && stamps[row + 1] !== mark) {
          stamps[row + 1] = mark;
          rows[count++] = row;
        }
      }
    }
    // the n-grams that take in an edge mark: a handful at either end of the window
    for (const hash of edgeHashes(text, from, to)) {
      const row = lookup(hash);
      if (row >= 0 && stamps[row + 1] !== mark) {
        stamps[row + 1] = mark;
        rows[count++] = row;
      }
    }
    const [first, last] = originalRange(original, folded, from, to);
    for (const [index, hash] of emoji) {
      if (index < first || index >= last) continue;
      const row = lookup(hash);
      if (row >= 0 && stamps[row + 1] !== mark) {
        if (count === rows.length) {
          const grown = new Int32Array(rows.length * 2);
          grown.set(rows);
          rows = grown;
        }
        stamps[row + 1] = mark;
        rows[count++] = row;
      }
    }
    visit(window, rows, count);
  }
  stamps[0] = base + bounds.length;
}

/** The hashes of the n-grams of [from, to) that take in the edge mark before or after it. */
function edgeHashes(text: string, from: number, to: number): number[] {
  const padded = to - from + 2;
  const codeAt = (p: number) =>
    p === 0 || p === padded - 1 ? edge : text.charCodeAt(from + p - 1);
  const hashes: number[] = [];
  for (let i = 0; i < padded; i++) {
    const last = Math.min(padded, i + maxGram);
    if (i !== 0 && last !== padded) continue;
    let hash = fnvBasis;
    for (let n = 1; i + n <= last; n++) {
      hash = Math.imul(hash ^ codeAt(i + n - 1), fnvPrime);
      const touchesEdge = i === 0 || i + n === padded;
      if (touchesEdge && n >= minGram && !(n === 1 && codeAt(i) === edge)) hashes.push(hash >>> 0);
    }
  }
  return hashes;
}

function emojiHash(emoji: string): number {
  let hash = Math.imul(fnvBasis ^ emojiSalt, fnvPrime);
  for (let k = 0; k < emoji.length; k++) hash = Math.imul(hash ^ emoji.charCodeAt(k), fnvPrime);
  return hash >>> 0;
}

/**
 * Calls `visit` once for each distinct feature of a window: every character 1- to 4-gram of the
 * folded text with the edges marked, and every emoji of the original. Hashes are FNV-1a over
 * UTF-16 units, so a model trained by the script hashes exactly as inference does.
 */
export function forEachFeature(window: Window, visit: (hash: number) => void): void {
  const seen = new Set<number>();
  const emit = (hash: number) => {
    const unsigned = hash >>> 0;
    if (seen.has(unsigned)) return;
    seen.add(unsigned);
    visit(unsigned);
  };
  const text = window.text;
  const length = text.length + 2;
  const codeAt = (i: number) => (i === 0 || i === length - 1 ? edge : text.charCodeAt(i - 1));
  for (let i = 0; i < length; i++) {
    let hash = fnvBasis;
    for (let n = 1; n <= maxGram && i + n <= length; n++) {
      hash = Math.imul(hash ^ codeAt(i + n - 1), fnvPrime);
      if (n >= minGram && !(n === 1 && codeAt(i) === edge)) emit(hash);
    }
  }
  for (const [, hash] of emojiOf(window.original)) emit(hash);
}
