// Checks corpus files (schema, duplicates, family sizes) and prints counts by severity, kind and register.
import { readCorpusFile, type SourcedRow } from "./corpus";

function countBy(rows: SourcedRow[], key: (row: SourcedRow) => string): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node --import tsx scripts/classifier/check-corpus.ts FILE.jsonl…");
  process.exit(2);
}
let failed = false;
const rows: SourcedRow[] = [];
for (const file of files) {
  try {
    rows.push(...readCorpusFile(file));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    failed = true;
  }
}
const seen = new Map<string, SourcedRow>();
const families = new Map<string, number>();
for (const row of rows) {
  const key = row.text.normalize("NFKC").trim();
  const first = seen.get(key);
  // a respelling may repeat its family's text after NFKC (「ｼﾆﾀｲ」, 「シニタイ」); nothing else may
  if (first && first.family !== row.family) {
    console.error(`${row.file}:${row.line}: duplicate of ${first.file}:${first.line}`);
    failed = true;
  } else seen.set(key, row);
  families.set(row.family, (families.get(row.family) ?? 0) + 1);
}
for (const [family, size] of families) {
  if (size > 3) {
    console.error(`family ${family} has ${size} rows (at most 3)`);
    failed = true;
  }
}
console.log(`${rows.length} rows, ${families.size} families`);
console.log(`severity: ${countBy(rows, (row) => row.severity)}`);
console.log(`kind: ${countBy(rows, (row) => row.kind)}`);
console.log(`register: ${countBy(rows, (row) => row.register)}`);
console.log(`main category: ${countBy(rows, (row) => row.categories[0] ?? "-")}`);
process.exit(failed ? 1 : 0);
