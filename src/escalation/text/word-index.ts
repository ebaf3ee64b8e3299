// Finds which of many word lists have a word in a text, in one pass over it (an Aho–Corasick automaton).

/**
 * Built once from word lists (one per key); `present(text)` says, per key, whether any of its
 * words occurs in the text. A key without a list (null) is always present: nothing rules it out.
 * Words are matched as UTF-16 units, so they must be spelt as the text is (here: folded).
 */
export class WordIndex {
  /** Per state, the next state on each code unit. */
  private readonly next: Map<number, number>[] = [new Map<number, number>()];
  /** Per state, where to continue when its next unit does not follow (the longest proper suffix). */
  private readonly fail: number[] = [0];
  /** Per state, the keys of the words that end here. */
  private readonly keys: number[][] = [[]];
  /** Per state, the nearest state down its fail chain that ends words, or -1. */
  private readonly output: number[] = [-1];
  /** The search each state was last reported in, so a chain is walked once per text. */
  private readonly seen: Uint32Array;
  private search = 0;
  private readonly always: Uint8Array;

  constructor(wordLists: readonly (readonly string[] | null)[]) {
    this.always = new Uint8Array(wordLists.length);
    wordLists.forEach((words, key) => {
      if (words === null || words.length === 0) {
        this.always[key] = 1;
        return;
      }
      for (const word of words) this.add(word, key);
    });
    this.link();
    this.seen = new Uint32Array(this.next.length);
  }

  get size(): number {
    return this.next.length;
  }

  private add(word: string, key: number): void {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const unit = word.charCodeAt(i);
      const transitions = this.next[state] ?? new Map<number, number>();
      let child = transitions.get(unit);
      if (child === undefined) {
        child = this.next.length;
        transitions.set(unit, child);
        this.next.push(new Map());
        this.fail.push(0);
        this.keys.push([]);
        this.output.push(-1);
      }
      state = child;
    }
    const keys = this.keys[state];
    if (keys && !keys.includes(key)) keys.push(key);
  }

  /** Breadth first: each state's fail link is found from its parent's, which is already known. */
  private link(): void {
    const queue: number[] = [...(this.next[0]?.values() ?? [])];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      for (const [unit, child] of this.next[state] ?? []) {
        queue.push(child);
        let fallback = this.fail[state] ?? 0;
        let target = this.next[fallback]?.get(unit);
        while (target === undefined && fallback !== 0) {
          fallback = this.fail[fallback] ?? 0;
          target = this.next[fallback]?.get(unit);
        }
        const failTo = target ?? 0;
        this.fail[child] = failTo;
        this.output[child] =
          (this.keys[failTo]?.length ?? 0) > 0 ? failTo : (this.output[failTo] ?? -1);
      }
    }
  }

  /** Per key, 1 when one of its words occurs in `text` (or it has none), else 0. */
  present(text: string): Uint8Array {
    const found = Uint8Array.from(this.always);
    if (++this.search === 0xffffffff) {
      this.seen.fill(0);
      this.search = 1;
    }
    const search = this.search;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let target = this.next[state]?.get(unit);
      while (target === undefined && state !== 0) {
        state = this.fail[state] ?? 0;
        target = this.next[state]?.get(unit);
      }
      state = target ?? 0;
      // this state's words, then those of the states its suffixes reach, unless already reported
      for (
        let at = (this.keys[state]?.length ?? 0) > 0 ? state : (this.output[state] ?? -1);
        at > 0 && this.seen[at] !== search;
        at = this.output[at] ?? -1
      ) {
        this.seen[at] = search;
        for (const key of this.keys[at] ?? []) found[key] = 1;
      }
    }
    return found;
  }
}
