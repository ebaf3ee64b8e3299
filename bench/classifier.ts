// The classifier benchmark: precision and recall on the labelled set, then speed over a synthetic stream of messages.
import { categoryKeys, severities, type Severity } from "../src/escalation/categories";
import { classifyText, type Classification } from "../src/escalation/classifier";
import { labelledMessages, type LabelledMessage } from "../test/fixtures/messages";
import { intFromEnv, type Benchmark, type BenchmarkResult } from "./harness";
import { percentile, round } from "./stats";

interface Settings {
  messages: number;
  warmup: number;
  seed: number;
}

function readSettings(): Settings {
  return {
    messages: intFromEnv("BENCH_CLASSIFIER_MESSAGES", 100_000, 1, 10_000_000),
    warmup: intFromEnv("BENCH_CLASSIFIER_WARMUP", 2_000, 0, 1_000_000),
    seed: intFromEnv("BENCH_CLASSIFIER_SEED", 20_261_123, 0, 2 ** 31),
  };
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

function score(tp: number, fp: number, fn: number): Score {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? null : round(tp / (tp + fp), 4),
    recall: tp + fn === 0 ? null : round(tp / (tp + fn), 4),
  };
}

const escalates = (severity: Severity | null): boolean => severity !== null && severity !== "low";

interface Quality {
  bySeverity: Record<string, Score>;
  /** Would reach staff before the daily digest (normal or above) vs should have. */
  escalation: Score;
  byCategory: Record<string, Score>;
  crisisCaught: number;
  crisisTotal: number;
  falseCrisis: number;
  quietTotal: number;
  quietEscalated: number;
  exact: number;
  mismatches: { text: string; want: string; got: string }[];
}

function describe(categories: readonly string[], severity: Severity | null): string {
  return `${[...categories].sort().join(",") || "-"}/${severity ?? "none"}`;
}

function measureQuality(messages: readonly LabelledMessage[]): Quality {
  const results: [LabelledMessage, Classification][] = messages.map((m) => [
    m,
    classifyText(m.text),
  ]);
  const levels = [...severities, null];
  const bySeverity: Record<string, Score> = {};
  for (const level of levels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [message, result] of results) {
      const predicted = result.severity === level;
      const expected = message.severity === level;
      if (predicted && expected) tp++;
      else if (predicted) fp++;
      else if (expected) fn++;
    }
    bySeverity[level ?? "none"] = score(tp, fp, fn);
  }
  let escalationTp = 0;
  let escalationFp = 0;
  let escalationFn = 0;
  for (const [message, result] of results) {
    const predicted = escalates(result.severity);
    const expected = escalates(message.severity);
    if (predicted && expected) escalationTp++;
    else if (predicted) escalationFp++;
    else if (expected) escalationFn++;
  }
  const byCategory: Record<string, Score> = {};
  for (const category of categoryKeys) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [message, result] of results) {
      const predicted = result.findings.some((finding) => finding.category === category);
      const expected = message.categories.includes(category);
      if (predicted && expected) tp++;
      else if (predicted) fp++;
      else if (expected) fn++;
    }
    if (tp + fp + fn > 0) byCategory[category] = score(tp, fp, fn);
  }
  const hasCrisis = (result: Classification) =>
    result.findings.some((finding) => finding.category === "crisis");
  const crisis = results.filter(([message]) => message.group === "crisis");
  const quiet = results.filter(
    ([message]) => message.group === "everyday" || message.group === "idiom",
  );
  const mismatches = results
    .map(([message, result]) => ({
      text: message.text,
      want: describe(message.categories, message.severity),
      got: describe(
        result.findings.map((finding) => finding.category),
        result.severity,
      ),
    }))
    .filter(({ want, got }) => want !== got);
  return {
    bySeverity,
    escalation: score(escalationTp, escalationFp, escalationFn),
    byCategory,
    crisisCaught: crisis.filter(([, result]) => hasCrisis(result)).length,
    crisisTotal: crisis.length,
    falseCrisis: results.filter(
      ([message, result]) => message.group !== "crisis" && hasCrisis(result),
    ).length,
    quietTotal: quiet.length,
    quietEscalated: quiet.filter(([, result]) => escalates(result.severity)).length,
    exact: results.length - mismatches.length,
    mismatches,
  };
}

/** mulberry32: a small seeded generator, so every run classifies the same stream. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const decorations = [
  "",
  "",
  "",
  "😊",
  "😭😭",
  "💦",
  "！",
  "…",
  "w",
  "（笑）",
  "🙏✨",
  "ヽ(´ー｀)ノ",
  "\n",
];

/**
 * Messages shaped like a center's inbox: mostly one short message, some several joined, a few
 * long letters and now and then the 5,000-character maximum LINE allows.
 */
function syntheticStream(count: number, seed: number): string[] {
  const random = generator(seed);
  const texts = labelledMessages.map((message) => message.text);
  const everyday = labelledMessages
    .filter((message) => message.group === "everyday")
    .map((message) => message.text);
  const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? "";
  const stream: string[] = [];
  for (let i = 0; i < count; i++) {
    const shape = random();
    let text: string;
    if (shape < 0.7) {
      text = pick(texts) + pick(decorations);
    } else if (shape < 0.9) {
      const parts = 2 + Math.floor(random() * 3);
      text = Array.from(
        { length: parts },
        () => pick(random() < 0.7 ? everyday : texts) + pick(decorations),
      ).join("");
    } else {
      const target = shape < 0.99 ? 200 + Math.floor(random() * 800) : 5_000;
      text = "";
      while (text.length < target)
        text += pick(random() < 0.9 ? everyday : texts) + pick(decorations);
      text = text.slice(0, target);
    }
    stream.push(text);
  }
  return stream;
}

interface Speed {
  messagesPerSecond: number;
  p50Us: number | null;
  p99Us: number | null;
  maxUs: number | null;
  meanChars: number;
  /** Messages under 1,000 characters: what a center's inbox mostly holds. */
  ordinaryP99Us: number | null;
  longP50Us: number | null;
  longMaxUs: number | null;
  longCount: number;
  cpuPerMessageUs: number;
  escalated: number;
}

function measureSpeed(stream: readonly string[], warmup: number): Speed {
  for (let i = 0; i < warmup; i++) classifyText(stream[i % stream.length] ?? "");
  const latencies = new Float64Array(stream.length);
  const longLatencies: number[] = [];
  const ordinaryLatencies: number[] = [];
  let escalated = 0;
  let chars = 0;
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  for (let i = 0; i < stream.length; i++) {
    const text = stream[i] ?? "";
    const started = process.hrtime.bigint();
    const result = classifyText(text);
    const micros = Number(process.hrtime.bigint() - started) / 1_000;
    latencies[i] = micros;
    if (text.length >= 4_000) longLatencies.push(micros);
    if (text.length < 1_000) ordinaryLatencies.push(micros);
    if (escalates(result.severity)) escalated++;
    chars += text.length;
  }
  const wallMicros = Number(process.hrtime.bigint() - wallBefore) / 1_000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort();
  const long = Float64Array.from(longLatencies).sort();
  const ordinary = Float64Array.from(ordinaryLatencies).sort();
  return {
    messagesPerSecond: Math.round((stream.length / wallMicros) * 1_000_000),
    p50Us: round(percentile(latencies, 0.5), 1),
    p99Us: round(percentile(latencies, 0.99), 1),
    maxUs: round(latencies[latencies.length - 1] ?? null, 1),
    meanChars: Math.round(chars / Math.max(1, stream.length)),
    ordinaryP99Us: round(percentile(ordinary, 0.99), 1),
    longP50Us: round(percentile(long, 0.5), 1),
    longMaxUs: round(long[long.length - 1] ?? null, 1),
    longCount: long.length,
    cpuPerMessageUs: round((cpu.user + cpu.system) / Math.max(1, stream.length), 2) ?? 0,
    escalated,
  };
}

const percent = (value: number | null): string =>
  value === null ? "  –  " : `${(value * 100).toFixed(1).padStart(5)}%`;

function scoreLines(title: string, scores: Record<string, Score>): string[] {
  const lines = [`  ${title.padEnd(11)} precision  recall   (tp/fp/fn)`];
  for (const [key, value] of Object.entries(scores)) {
    lines.push(
      `  ${key.padEnd(11)} ${percent(value.precision)}    ${percent(value.recall)}  (${value.tp}/${value.fp}/${value.fn})`,
    );
  }
  return lines;
}

export const classifierBenchmark: Benchmark = {
  name: "classifier",
  run(): Promise<BenchmarkResult> {
    const settings = readSettings();
    const quality = measureQuality(labelledMessages);
    const stream = syntheticStream(settings.messages, settings.seed);
    const speed = measureSpeed(stream, settings.warmup);
    const falseAlarmRate = quality.quietEscalated / Math.max(1, quality.quietTotal);
    const crisisRecall = quality.crisisCaught / Math.max(1, quality.crisisTotal);
    const summary =
      `classifier  crisis recall ${percent(crisisRecall).trim()} (${quality.crisisCaught}/${quality.crisisTotal})  ` +
      `false crisis ${quality.falseCrisis}  everyday alarms ${percent(falseAlarmRate).trim()} ` +
      `(${quality.quietEscalated}/${quality.quietTotal})  exact ${quality.exact}/${labelledMessages.length}  ` +
      `${speed.messagesPerSecond.toLocaleString("en")} msg/s  p50 ${speed.p50Us} µs  p99 ${speed.p99Us} µs  ` +
      `max ${speed.maxUs} µs`;
    const notes = [
      ...scoreLines("severity", quality.bySeverity),
      ...scoreLines("escalates", { "≥ normal": quality.escalation }),
      ...scoreLines("category", quality.byCategory),
      `  stream: ${settings.messages.toLocaleString("en")} messages, mean ${speed.meanChars} chars, ` +
        `cpu ${speed.cpuPerMessageUs} µs/message; p99 under 1,000 chars ${speed.ordinaryP99Us} µs; ` +
        `${speed.longCount} of 4,000+ chars: ` +
        `p50 ${speed.longP50Us} µs, max ${speed.longMaxUs} µs (Workers' free CPU budget: 10 ms a request)`,
      ...quality.mismatches.map(
        ({ text, want, got }) => `  mismatch: want ${want} got ${got}  「${text}」`,
      ),
    ];
    return Promise.resolve({
      name: "classifier",
      params: { ...settings, labelled: labelledMessages.length },
      metrics: {
        crisisRecall: round(crisisRecall, 4),
        falseCrisis: quality.falseCrisis,
        everydayFalseAlarmRate: round(falseAlarmRate, 4),
        exactMatches: quality.exact,
        escalationPrecision: quality.escalation.precision,
        escalationRecall: quality.escalation.recall,
        messagesPerSecond: speed.messagesPerSecond,
        p50Us: speed.p50Us,
        p99Us: speed.p99Us,
        maxUs: speed.maxUs,
        cpuPerMessageUs: speed.cpuPerMessageUs,
        ordinaryP99Us: speed.ordinaryP99Us,
        longP50Us: speed.longP50Us,
        longMaxUs: speed.longMaxUs,
        streamEscalatedShare: round(speed.escalated / Math.max(1, settings.messages), 4),
      },
      summary,
      notes,
      details: {
        bySeverity: quality.bySeverity,
        byCategory: quality.byCategory,
        escalation: quality.escalation,
        groups: Object.fromEntries(
          ["crisis", "idiom", "everyday", "mention", "concern"].map((group) => [
            group,
            labelledMessages.filter((message) => message.group === group).length,
          ]),
        ),
        mismatches: quality.mismatches,
      },
    });
  },
};
