// The phrase tables alone on the train split: recall per kind, what they raise on everyday rows, and examples of each.
// Usage: node --import tsx scripts/classifier/rules-report.ts [--misses N] [--files PREFIX] [kind…]
import { readByRules } from "../../src/escalation/text/rule-reading";
import { readCorpusDir, type CorpusRow } from "./corpus";
import { trainDir } from "./split";

const rank = { none: 0, low: 1, normal: 2, high: 3, urgent: 4 } as const;

function caught(row: CorpusRow, got: keyof typeof rank): boolean {
  if (row.severity === "none") return got === "none";
  if (row.severity === "low" || row.severity === "normal") return got !== "none";
  return rank[got] >= rank[row.severity];
}

const args = process.argv.slice(2);
const missesAt = args.indexOf("--misses");
const showMisses = missesAt === -1 ? 0 : Number(args[missesAt + 1] ?? 20);
const filesAt = args.indexOf("--files");
const filePrefix = filesAt === -1 ? "" : (args[filesAt + 1] ?? "");
const kinds = args.filter(
  (arg, i) => !arg.startsWith("--") && i !== missesAt + 1 && i !== filesAt + 1,
);
const rows = readCorpusDir(trainDir).filter((row) =>
  (row.file.split("/").at(-1) ?? "").startsWith(filePrefix),
);
const readings = rows.map((row) => readByRules(row.text));
const byKind = new Map<string, { hits: number; of: number; misses: string[] }>();
rows.forEach((row, i) => {
  const reading = readings[i];
  const got = reading?.severity ?? "none";
  const entry = byKind.get(row.kind) ?? { hits: 0, of: 0, misses: [] };
  entry.of++;
  if (caught(row, got)) entry.hits++;
  else {
    const found = reading?.findings.map((f) => `${f.category}:${f.phrases.join("/")}`).join(",");
    entry.misses.push(
      `  ${row.severity}→${got} ${found ?? ""} | ${row.text.replace(/\n/g, " ").slice(0, 140)}`,
    );
  }
  byKind.set(row.kind, entry);
});
for (const [kind, entry] of [...byKind].sort((a, b) => a[0].localeCompare(b[0]))) {
  if (kinds.length > 0 && !kinds.includes(kind)) continue;
  console.log(
    `${kind.padEnd(20)} ${((entry.hits / entry.of) * 100).toFixed(1).padStart(5)}% (${entry.hits}/${entry.of})`,
  );
  for (const miss of entry.misses.slice(0, showMisses)) console.log(miss);
}
const everyday = rows
  .map((row, i) => [row, readings[i]?.severity ?? "none"] as const)
  .filter(([row]) => row.severity === "none");
const raised = everyday.filter(([, got]) => got !== "none").length;
const urgent = everyday.filter(([, got]) => got === "urgent").length;
const urgentRows = rows
  .map((row, i) => [row, readings[i]?.severity ?? "none"] as const)
  .filter(([row]) => row.severity === "urgent");
console.log(
  `urgent recall ${urgentRows.filter(([, got]) => got === "urgent").length}/${urgentRows.length}; ` +
    `everyday raised ${raised}/${everyday.length}, everyday urgent ${urgent}/${everyday.length}`,
);
