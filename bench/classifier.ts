// The classifier benchmark: rules, model and both on the frozen test split, then speed and the worker bundle's size.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createClassifier, modelFindings } from "../src/escalation/classifier";
import { foldText } from "../src/escalation/text/fold";
import { scoreText } from "../src/escalation/text/model";
import { defaultModelPath, readTextModelFile } from "../src/escalation/text/model-file";
import { readByRules } from "../src/escalation/text/rule-reading";
import { readCorpusDir, type CorpusRow, type SourcedRow } from "../scripts/classifier/corpus";
import {
  counted,
  evaluate,
  percent,
  predictionOf,
  reportTable,
  type Prediction,
  type Report,
} from "../scripts/classifier/evaluate";
import { frozenDir, trainDir } from "../scripts/classifier/split";
import { intFromEnv, type Benchmark, type BenchmarkResult } from "./harness";
import { percentile, round } from "./stats";
import { seededRandom } from "../scripts/seeded-random";

interface Settings {
  messages: number;
  warmup: number;
  seed: number;
  bundle: boolean;
}

function readSettings(): Settings {
  return {
    messages: intFromEnv("BENCH_CLASSIFIER_MESSAGES", 50_000, 1, 10_000_000),
    warmup: intFromEnv("BENCH_CLASSIFIER_WARMUP", 2_000, 0, 1_000_000),
    seed: intFromEnv("BENCH_CLASSIFIER_SEED", 20_261_123, 0, 2 ** 31),
    bundle: process.env.BENCH_CLASSIFIER_BUNDLE !== "0",
  };
}

/**
 * The three readers on the frozen split. Only totals are printed: a row-by-row list of what the
 * frozen split got wrong would invite tuning on it.
 */
function measureQuality(rows: readonly CorpusRow[]) {
  const model = readTextModelFile();
  const classifier = createClassifier(model);
  const columns: Record<string, Prediction[]> = { rules: [], model: [], combined: [] };
  for (const row of rows) {
    const folded = foldText(row.text);
    columns.rules?.push(predictionOf(readByRules(row.text, folded).findings));
    columns.model?.push(
      predictionOf(modelFindings(scoreText(model, row.text, folded), model.thresholds)),
    );
    columns.combined?.push(predictionOf(classifier.classify(row.text).findings));
  }
  const reports = Object.fromEntries(
    Object.entries(columns).map(([name, predictions]) => [name, evaluate(rows, predictions)]),
  );
  return { reports, predictions: columns.combined ?? [] };
}

/** How the combined reader does on each kind and register: recall at the labelled level or above. */
function breakdown<Row extends CorpusRow>(
  rows: readonly Row[],
  predictions: readonly Prediction[],
  key: (row: Row) => string,
): string[] {
  const rank = { none: 0, low: 1, normal: 2, high: 3, urgent: 4 } as const;
  const groups = new Map<string, { hits: number; of: number }>();
  rows.forEach((row, i) => {
    const predicted = predictions[i]?.severity ?? "none";
    const right =
      row.severity === "none"
        ? predicted === "none"
        : row.severity === "low" || row.severity === "normal"
          ? predicted !== "none"
          : rank[predicted] >= rank[row.severity];
    const group = groups.get(key(row)) ?? { hits: 0, of: 0 };
    group.of++;
    if (right) group.hits++;
    groups.set(key(row), group);
  });
  return [...groups]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([name, value]) => `${name} ${percent(value).trim()} (${counted(value)})`);
}

/** The batch file a row came from: the first frozen rows and those added later read apart. */
const batchOf = (row: SourcedRow) =>
  row.file
    .split("/")
    .at(-1)
    ?.replace(/\.jsonl$/, "") ?? "";

/**
 * The combined reader on the frozen rows of each round apart: the first round's frozen rows had
 * been scored (totals only) during development, the later rounds' were read once, at the end.
 */
function roundHeadlines(rows: readonly SourcedRow[], predictions: readonly Prediction[]): string[] {
  const later = (row: SourcedRow) => /^r\d+-/.test(batchOf(row));
  return [
    { name: "first round", keep: (row: SourcedRow) => !later(row) },
    { name: "later rounds", keep: later },
  ].map(({ name, keep }) => {
    const picked = rows
      .map((row, i) => ({ row, prediction: predictions[i] }))
      .filter(({ row }) => keep(row));
    const report = evaluate(
      picked.map(({ row }) => row),
      picked.map(({ prediction }) => prediction as Prediction),
    );
    return `  ${headline(`combined, ${name} (${picked.length} rows)`, report)}`;
  });
}

/**
 * Messages shaped like a center's inbox, from the train split: mostly one message, some several
 * joined, a few long letters and now and then the 5,000-character maximum LINE allows.
 */
function syntheticStream(texts: readonly string[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = (): string => texts[Math.floor(random() * texts.length)] ?? "";
  const stream: string[] = [];
  for (let i = 0; i < count; i++) {
    const shape = random();
    let text: string;
    if (shape < 0.7) {
      text = pick();
    } else if (shape < 0.9) {
      text = Array.from({ length: 2 + Math.floor(random() * 3) }, pick).join("\n");
    } else {
      const target = shape < 0.99 ? 200 + Math.floor(random() * 800) : 5_000;
      text = "";
      while (text.length < target) text += `${pick()}。`;
      text = text.slice(0, target);
    }
    stream.push(text);
  }
  return stream;
}

function measureSpeed(stream: readonly string[], warmup: number) {
  const classifier = createClassifier(readTextModelFile());
  for (let i = 0; i < warmup; i++) classifier.classify(stream[i % stream.length] ?? "");
  const all: number[] = [];
  const ordinary: number[] = [];
  const long: number[] = [];
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  for (const text of stream) {
    const started = process.hrtime.bigint();
    classifier.classify(text);
    const micros = Number(process.hrtime.bigint() - started) / 1_000;
    all.push(micros);
    if (text.length < 1_000) ordinary.push(micros);
    if (text.length >= 4_000) long.push(micros);
  }
  const wallMicros = Number(process.hrtime.bigint() - wallBefore) / 1_000;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = (values: number[]) => Float64Array.from(values).sort();
  const [allSorted, ordinarySorted, longSorted] = [sorted(all), sorted(ordinary), sorted(long)];
  return {
    messagesPerSecond: Math.round((stream.length / wallMicros) * 1_000_000),
    p50Us: round(percentile(allSorted, 0.5), 1),
    p99Us: round(percentile(allSorted, 0.99), 1),
    ordinaryCount: ordinary.length,
    ordinaryP50Us: round(percentile(ordinarySorted, 0.5), 1),
    ordinaryP99Us: round(percentile(ordinarySorted, 0.99), 1),
    longCount: long.length,
    longP50Us: round(percentile(longSorted, 0.5), 1),
    longMaxUs: round(longSorted[longSorted.length - 1] ?? null, 1),
    cpuPerMessageUs: round((cpu.user + cpu.system) / Math.max(1, stream.length), 2) ?? 0,
  };
}

/** The worker as `npm run build:worker` bundles it, with the model inside: bytes and gzip bytes. */
function measureBundle(): { bytes: number; gzipBytes: number; modelGzipBytes: number } {
  const out = mkdtempSync(join(tmpdir(), "tsunagi-bundle-"));
  try {
    execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", out, "--minify"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: "false",
        WRANGLER_SEND_ERROR_REPORTS: "false",
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        WRANGLER_LOG: "error",
      },
    });
    let bytes = 0;
    let gzipBytes = 0;
    for (const name of readdirSync(out)) {
      const path = join(out, name);
      if (!statSync(path).isFile() || name.endsWith(".map")) continue;
      const content = readFileSync(path);
      bytes += content.length;
      gzipBytes += gzipSync(content, { level: 9 }).length;
    }
    const modelGzipBytes = gzipSync(readFileSync(defaultModelPath), { level: 9 }).length;
    return { bytes, gzipBytes, modelGzipBytes };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function headline(name: string, report: Report): string {
  return (
    `${name}: urgent ${percent(report.severity.urgent.recall).trim()} (${counted(report.severity.urgent.recall)}), ` +
    `high ${percent(report.severity.high.recall).trim()}, concern ${percent(report.concern).trim()}, ` +
    `everyday raised ${percent(report.everydayRaised).trim()}, everyday urgent ${report.everydayUrgent.hits}`
  );
}

export const classifierBenchmark: Benchmark = {
  name: "classifier",
  run(): Promise<BenchmarkResult> {
    const settings = readSettings();
    const frozen = readCorpusDir(frozenDir);
    const train = readCorpusDir(trainDir);
    const { reports, predictions } = measureQuality(frozen);
    const combined = reports.combined as Report;
    const stream = syntheticStream(
      train.map((row) => row.text),
      settings.messages,
      settings.seed,
    );
    const speed = measureSpeed(stream, settings.warmup);
    const bundle = settings.bundle ? measureBundle() : null;
    const summary =
      `classifier  frozen split ${frozen.length} rows  ${headline("combined", combined)}  ` +
      `p50 ${speed.p50Us} µs  p99 < 1,000 chars ${speed.ordinaryP99Us} µs` +
      (bundle ? `  worker ${kib(bundle.gzipBytes)} gzip` : "");
    const notes = [
      `  frozen test split (${frozen.length} rows; never tuned on), rules / model / combined:`,
      ...reportTable(reports),
      `  combined by kind: ${breakdown(frozen, predictions, (row) => row.kind).join(", ")}`,
      `  combined by register: ${breakdown(frozen, predictions, (row) => row.register).join(", ")}`,
      `  combined by batch: ${breakdown(frozen, predictions, batchOf).join(", ")}`,
      ...roundHeadlines(frozen, predictions),
      `  speed: ${settings.messages.toLocaleString("en")} messages from the train split, ` +
        `${speed.messagesPerSecond.toLocaleString("en")} msg/s, cpu ${speed.cpuPerMessageUs} µs/message; ` +
        `under 1,000 chars (${speed.ordinaryCount}): p50 ${speed.ordinaryP50Us} µs, p99 ${speed.ordinaryP99Us} µs; ` +
        `4,000+ chars (${speed.longCount}): p50 ${speed.longP50Us} µs, max ${speed.longMaxUs} µs`,
      bundle
        ? `  worker bundle: ${kib(bundle.bytes)}, ${kib(bundle.gzipBytes)} gzip (limit 3 MiB gzip); ` +
          `the model file alone ${kib(bundle.modelGzipBytes)} gzip`
        : "  worker bundle: not measured (BENCH_CLASSIFIER_BUNDLE=0)",
    ];
    const ratio = (share: { hits: number; of: number }) =>
      share.of === 0 ? null : round(share.hits / share.of, 4);
    const metrics: Record<string, number | null> = {
      frozenRows: frozen.length,
      ...speed,
      bundleBytes: bundle?.bytes ?? null,
      bundleGzipBytes: bundle?.gzipBytes ?? null,
    };
    for (const [name, report] of Object.entries(reports)) {
      metrics[`${name}UrgentRecall`] = ratio(report.severity.urgent.recall);
      metrics[`${name}HighRecall`] = ratio(report.severity.high.recall);
      metrics[`${name}ConcernRecall`] = ratio(report.concern);
      metrics[`${name}CrisisReplies`] = ratio(report.crisisReplies);
      metrics[`${name}EverydayRaised`] = ratio(report.everydayRaised);
      metrics[`${name}EverydayEscalated`] = ratio(report.everydayEscalated);
      metrics[`${name}EverydayUrgent`] = report.everydayUrgent.hits;
    }
    return Promise.resolve({
      name: "classifier",
      params: { ...settings, frozen: frozen.length, train: train.length },
      metrics,
      summary,
      notes,
      details: { reports },
    });
  },
};
