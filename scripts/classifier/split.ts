// Splits newly written corpus batches into the train split and the frozen test split, by family, stratified.
import { createHash } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { foldText } from "../../src/escalation/text/fold";
import { corpusRoot, readCorpusFile, type SourcedRow } from "./corpus";

/** The share of each stratum's families that goes to the frozen test split, unless told (--share). */
export const frozenShare = 0.25;
const salt = "tsunagi-frozen-split-v1";

export const frozenDir = join(corpusRoot, "frozen");
export const trainDir = join(corpusRoot, "train");
export const incomingDir = join(corpusRoot, "incoming");
export const manifestPath = join(frozenDir, "MANIFEST.json");

/** Per frozen file: its rows, its digest, and the share of its batch's families it took. */
export type Manifest = Record<string, { rows: number; sha256: string; share?: number }>;

const order = (family: string) => createHash("sha256").update(salt).update(family).digest("hex");

export const sha256File = (path: string) =>
  createHash("sha256").update(readFileSync(path)).digest("hex");

/**
 * A family's stratum is its first row's severity and main category. Within a stratum, families
 * are ordered by a salted hash of their id and the first quarter (rounded) is frozen, so the
 * choice depends on nothing a person or the classifier could steer.
 */
export function frozenFamilies(
  rows: readonly SourcedRow[],
  share: number = frozenShare,
): Set<string> {
  const strata = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.family)) continue;
    seen.add(row.family);
    const key = `${row.severity}/${row.categories[0] ?? "-"}`;
    const list = strata.get(key) ?? [];
    list.push(row.family);
    strata.set(key, list);
  }
  const frozen = new Set<string>();
  for (const families of strata.values()) {
    const sorted = [...families].sort((a, b) => order(a).localeCompare(order(b)));
    const take = Math.round(sorted.length * share);
    for (const family of sorted.slice(0, take)) frozen.add(family);
  }
  return frozen;
}

/** The folded text of every frozen row: a new row that folds to one of them must not train. */
function frozenTexts(): Set<string> {
  if (!existsSync(frozenDir)) return new Set();
  return new Set(
    readdirSync(frozenDir)
      .filter((name) => name.endsWith(".jsonl"))
      .flatMap((name) => readCorpusFile(join(frozenDir, name)))
      .map((row) => foldText(row.text).text || row.text.normalize("NFKC").trim()),
  );
}

/**
 * `split.ts` splits every batch in corpus/incoming; `split.ts --train-only` puts them all in the
 * train split (for batches written after looking at the classifier's errors on the train split,
 * which must never enter the frozen one). Either way, a row whose folded text is already frozen
 * is dropped, so no message is on both sides.
 */
function main(): void {
  const trainOnly = process.argv.includes("--train-only");
  const shareAt = process.argv.indexOf("--share");
  const share = shareAt === -1 ? frozenShare : Number(process.argv[shareAt + 1]);
  if (!(share > 0 && share < 1)) {
    console.error("--share takes a number between 0 and 1");
    process.exit(2);
  }
  const files = readdirSync(incomingDir).filter((name) => name.endsWith(".jsonl"));
  if (files.length === 0) {
    console.error("nothing in corpus/incoming");
    process.exit(2);
  }
  const alreadyFrozen = frozenTexts();
  const batches = files.map((name) => ({
    name,
    rows: readCorpusFile(join(incomingDir, name)).filter(
      (row) => !alreadyFrozen.has(foldText(row.text).text || row.text.normalize("NFKC").trim()),
    ),
  }));
  const frozen = trainOnly
    ? new Set<string>()
    : frozenFamilies(
        batches.flatMap((batch) => batch.rows),
        share,
      );
  const manifest: Manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest)
    : {};
  for (const { name, rows } of batches) {
    const line = (row: SourcedRow) => {
      const { file: _file, line: _line, ...data } = row;
      return `${JSON.stringify(data)}\n`;
    };
    const toFrozen = rows.filter((row) => frozen.has(row.family));
    const toTrain = rows.filter((row) => !frozen.has(row.family));
    appendFileSync(join(trainDir, name), toTrain.map(line).join(""));
    if (toFrozen.length > 0) {
      appendFileSync(join(frozenDir, name), toFrozen.map(line).join(""));
      manifest[name] = {
        rows: (manifest[name]?.rows ?? 0) + toFrozen.length,
        sha256: sha256File(join(frozenDir, name)),
        share,
      };
    }
    rmSync(join(incomingDir, name));
    console.log(`${name}: ${toTrain.length} train, ${toFrozen.length} frozen`);
  }
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) main();
