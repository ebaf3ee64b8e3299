// What a reading sees around a phrase: its surroundings, the per-message index and the sentence helpers.
import type { Category } from "../../vocabulary/categories";
import { foldPattern } from "./fold";
import { onScreen } from "./fragments";
import type { CompiledRule, Outcome } from "./rules";

export const lifeCategories: ReadonlySet<Category> = new Set(["crisis", "abuse"]);

export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const from = text.lastIndexOf("。", start - 1) + 1;
  const to = text.indexOf("。", end);
  return [from, to === -1 ? text.length : to];
}

export interface Surroundings {
  /** The sentence before the phrase (at most `leadLength` characters). */
  lead: string;
  phrase: string;
  /** The sentence after the phrase (at most `nearby` characters). */
  after: string;
  /** The message after the phrase (at most `onwardLength` characters), across sentences. */
  following: string;
  /** The message before the phrase (at most `onwardLength` characters), across sentences. */
  preceding: string;
  /** Words for fiction or the news (`onScreen`) in `preceding`, as offsets into it. */
  stories: readonly Span[];
}

export interface Span {
  start: number;
  end: number;
  word: string;
}

/** What is worked out once per message and shared by every phrase read in it. */
export class MessageIndex {
  private storySpans: Span[] | null = null;
  /** Results of phrases read in the very same surroundings (「しにたい」 × 1,000). */
  readonly outcomes = new Map<string, Outcome>();
  /** How often each rule has matched so far. */
  readonly hitsByRule = new Map<CompiledRule, number>();

  constructor(readonly folded: string) {}

  /**
   * The words for fiction or the news (`onScreen`) that lie within [from, to), as offsets from
   * `from`: found once in the whole message, where they do not overlap, so the last one in a
   * stretch is the one a search of that stretch alone would find last.
   */
  storiesIn(from: number, to: number): Span[] {
    if (this.storySpans === null) {
      this.storySpans = [];
      for (const match of this.folded.matchAll(storyWords)) {
        const start = match.index;
        this.storySpans.push({ start, end: start + match[0].length, word: match[0] });
      }
    }
    const all = this.storySpans;
    // The first span that starts at or after `from` (spans are in order and do not overlap).
    let low = 0;
    let high = all.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((all[middle]?.start ?? Infinity) < from) low = middle + 1;
      else high = middle;
    }
    const spans: Span[] = [];
    for (let i = low; i < all.length; i++) {
      const span = all[i];
      if (!span || span.start >= to) break;
      if (span.end <= to)
        spans.push({ start: span.start - from, end: span.end - from, word: span.word });
    }
    return spans;
  }
}

export const storyWords = new RegExp(foldPattern(onScreen), "gu");

/** The sentence before the phrase's own (「…来てた。」), or "". */
export function sentenceBefore(preceding: string, lead: string): string {
  const earlier = preceding.slice(0, preceding.length - lead.length);
  return earlier.slice(earlier.lastIndexOf("。", earlier.length - 2) + 1);
}
