// The model's features: the fast path inference takes is the same as the one training defines.
import { describe, expect, it } from "vitest";
import { forEachFeature, forEachWindowRows, windowsOf } from "../../src/escalation/text/features";
import { foldText } from "../../src/escalation/text/fold";
import { readCorpusDir } from "../../scripts/classifier/corpus";
import { trainDir } from "../../scripts/classifier/split";

/** Numbers every hash it is asked for, so both paths can be compared as sets of hashes. */
function numbering() {
  const rows = new Map<number, number>();
  const hashes: number[] = [];
  const lookup = (hash: number) => {
    let row = rows.get(hash);
    if (row === undefined) {
      row = hashes.length;
      rows.set(hash, row);
      hashes.push(hash);
    }
    return row;
  };
  return { lookup, hashes };
}

function bothWays(text: string) {
  const folded = foldText(text);
  const reference = windowsOf(text, folded).map((window) => {
    const set: number[] = [];
    forEachFeature(window, (hash) => set.push(hash));
    return set.sort((a, b) => a - b);
  });
  const { lookup, hashes } = numbering();
  const fast: number[][] = [];
  forEachWindowRows(text, folded, lookup, new Int32Array(200_000), (window, rows, count) => {
    fast[window] = Array.from(rows.subarray(0, count), (row) => hashes[row] ?? -1).sort(
      (a, b) => a - b,
    );
  });
  return { reference, fast };
}

describe("the features inference reads", () => {
  it.each([
    ["a short message", "しにたい"],
    ["one character", "あ"],
    ["emoji around words", "😭つらい😭🙏"],
    ["two sentences", "しぬほど つかれた。もう おきたく ない"],
    ["a long letter", "今日は仕事でした。お昼はカレー。".repeat(40) + "もう消えたい"],
    ["no sentence break in 600 characters", "あいうえお".repeat(120)],
  ])("are the training features, window by window, for %s", (_what, text) => {
    const { reference, fast } = bothWays(text);
    expect(fast).toEqual(reference);
  });

  it("are the training features for every 50th message of the train split", () => {
    const rows = readCorpusDir(trainDir).filter((_, i) => i % 50 === 0);
    for (const row of rows) {
      const { reference, fast } = bothWays(row.text);
      expect(fast, row.text).toEqual(reference);
    }
  });
});
