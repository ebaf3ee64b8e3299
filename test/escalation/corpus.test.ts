// The labelled corpus: big and varied enough, valid row by row, and its frozen test split untouched and never trained on.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldText } from "../../src/escalation/text/fold";
import { kinds, readCorpusDir, registers } from "../../scripts/classifier/corpus";
import {
  frozenDir,
  frozenShare,
  manifestPath,
  sha256File,
  trainDir,
  type Manifest,
} from "../../scripts/classifier/split";

const train = readCorpusDir(trainDir);
const frozen = readCorpusDir(frozenDir);
const all = [...train, ...frozen];

describe("the corpus", () => {
  it("holds at least 5,000 labelled messages in every severity, with the earlier 747 among them", () => {
    expect(all.length).toBeGreaterThanOrEqual(5_000);
    expect(all.filter((row) => row.family.startsWith("legacy-"))).toHaveLength(747);
    for (const severity of ["urgent", "high", "normal", "low", "none"] as const) {
      expect(all.filter((row) => row.severity === severity).length).toBeGreaterThan(300);
    }
  });

  it("covers every kind of message and every register the labelling guide names", () => {
    for (const kind of kinds) {
      expect(all.filter((row) => row.kind === kind).length, kind).toBeGreaterThanOrEqual(20);
    }
    for (const register of registers) {
      expect(all.filter((row) => row.register === register).length, register).toBeGreaterThan(20);
    }
  });
});

describe("the frozen test split", () => {
  it("is at least a fifth of the corpus", () => {
    expect(frozen.length / all.length).toBeGreaterThanOrEqual(0.2);
  });

  it("is exactly what its manifest recorded when it was split: nothing edited, nothing removed", () => {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    const files = readdirSync(frozenDir).filter((name) => name.endsWith(".jsonl"));
    expect(files.sort()).toEqual(Object.keys(manifest).sort());
    for (const name of files) {
      const path = join(frozenDir, name);
      expect(sha256File(path), name).toBe(manifest[name]?.sha256);
      expect(readCorpusDir(frozenDir).filter((row) => row.file === path)).toHaveLength(
        manifest[name]?.rows ?? -1,
      );
    }
  });

  it("shares no family and no message (folded) with the train split", () => {
    const trainFamilies = new Set(train.map((row) => row.family));
    expect(frozen.filter((row) => trainFamilies.has(row.family))).toEqual([]);
    const trainTexts = new Set(train.map((row) => foldText(row.text).text).filter(Boolean));
    expect(frozen.filter((row) => trainTexts.has(foldText(row.text).text))).toEqual([]);
  });

  it("holds none of the 747 messages the phrase tables were written against", () => {
    expect(frozen.filter((row) => row.family.startsWith("legacy-"))).toEqual([]);
  });

  it("is stratified: each split run gave each severity and main category about its share of families", () => {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    const batchOf = (row: (typeof all)[number]) => row.file.split("/").at(-1) ?? "";
    // batches split together share one `share` and were stratified as one pool
    const runs = new Map<number, Set<string>>();
    for (const [name, entry] of Object.entries(manifest)) {
      const share = entry.share ?? frozenShare;
      runs.set(share, (runs.get(share) ?? new Set()).add(name));
    }
    for (const [share, names] of runs) {
      const strata = new Map<string, { train: Set<string>; frozen: Set<string> }>();
      const add = (row: (typeof all)[number], side: "train" | "frozen") => {
        const key = `${row.severity}/${row.categories[0] ?? "-"}`;
        const stratum = strata.get(key) ?? { train: new Set(), frozen: new Set() };
        stratum[side].add(row.family);
        strata.set(key, stratum);
      };
      for (const row of train.filter((r) => names.has(batchOf(r)))) add(row, "train");
      for (const row of frozen.filter((r) => names.has(batchOf(r)))) add(row, "frozen");
      for (const [key, { train: t, frozen: f }] of strata) {
        const families = t.size + f.size;
        if (families < 12) continue;
        expect(f.size / families, `${share} ${key}`).toBeGreaterThan(share - 0.1);
        expect(f.size / families, `${share} ${key}`).toBeLessThan(share + 0.1);
      }
    }
  });

  it("is read by the benchmark alone: no training, threshold or rule code opens it", () => {
    const readers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|tsx|mjs)$/.test(entry.name)) {
          const source = readFileSync(path, "utf8");
          if (/frozenDir|corpus\/frozen|"frozen"/.test(source)) readers.push(path);
        }
      }
    };
    const root = join(import.meta.dirname, "../..");
    for (const dir of ["src", "scripts", "bench"]) walk(join(root, dir));
    expect(readers.map((path) => path.slice(root.length + 1)).sort()).toEqual([
      "bench/classifier.ts",
      "scripts/classifier/split.ts",
    ]);
  });
});
