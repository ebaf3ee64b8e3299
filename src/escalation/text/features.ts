// What the learned model sees of a message: hashed character n-grams of the folded text, per window.
import { foldText, type FoldedText } from "./fold";

/** The feature settings a model was trained with; the model file names them and must match. */
export const featureSpec = "fnv1a32/char1-4/emoji/window2/v1";

const minGram = 1;
const maxGram = Number(process.env.MAXGRAM ?? 4);
/** Marks the message's edges, so 「しにたい」 alone differs from 「しにたい」 inside a longer word. */
const edge = 0x02;
const fnvBasis = 0x811c9dc5;
const fnvPrime = 0x01000193;
const emojiSalt = 0x45;

const pictograph = /\p{Extended_Pictographic}/gu;

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

function originalOf(original: string, folded: FoldedText, from: number, to: number): string {
  if (to <= from) return "";
  return original.slice(folded.starts[from] ?? 0, folded.ends[to - 1] ?? original.length);
}

/**
 * The windows a message is read in. A serious sentence after small talk decides on its own (the
 * model takes the most serious window), and two sentences together keep the context of
 * 「しぬほど つかれた。もう おきたく ない」.
 */
export function windowsOf(original: string, folded: FoldedText = foldText(original)): Window[] {
  const text = folded.text;
  if (text === "") return [];
  const bounds: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 0x3002) {
      const end = i === text.length ? i : i + 1;
      if (end > start) {
        for (let from = start; from < end; from += pieceLength / 2) {
          bounds.push([from, Math.min(end, from + pieceLength)]);
          if (from + pieceLength >= end) break;
        }
      }
      start = end;
    }
  }
  const windows: Window[] = [];
  const seen = new Set<string>();
  const add = (from: number, to: number) => {
    const key = `${from}:${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    windows.push({ text: text.slice(from, to), original: originalOf(original, folded, from, to) });
  };
  if (text.length <= wholeLimit) add(0, text.length);
  if (bounds.length > 1) {
    for (let i = 0; i < bounds.length; i++) {
      const [from, to] = bounds[i] ?? [0, 0];
      add(from, to);
      const next = bounds[i + 1];
      if (next && next[1] - from <= pieceLength * 2) add(from, next[1]);
    }
  }
  return windows;
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
  for (const match of window.original.matchAll(pictograph)) {
    let hash = Math.imul(fnvBasis ^ emojiSalt, fnvPrime);
    for (let k = 0; k < match[0].length; k++) {
      hash = Math.imul(hash ^ match[0].charCodeAt(k), fnvPrime);
    }
    emit(hash);
  }
}
