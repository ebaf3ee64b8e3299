// Trains the text model from the corpus's train split: logistic outputs over hashed n-grams, thresholds from cross-validation.
import { createHash } from "node:crypto";
import { categoryKeys } from "../../src/vocabulary/categories";
import {
  featureSpec,
  forEachFeature,
  windowsOf,
  type Window,
} from "../../src/escalation/text/features";
import {
  encodeHashes,
  modelDigest,
  modelFormat,
  modelFormatVersion,
  modelOutputs,
  severitySteps,
  type ModelFile,
  type Thresholds,
} from "../../src/escalation/text/model";
import type { CorpusRow } from "./corpus";
import { seededRandom } from "../seeded-random";

/** Everything that decides the weights; changing any of them changes the committed model. */
export const trainingSettings = {
  seed: 20_261_203,
  epochs: 8,
  learningRate: 0.05,
  l2: 1e-4,
  /**
   * A feature must occur in this many training messages to get a weight. Three rather than two
   * keeps the model file near 1.6 MB gzip instead of 2.4 (the worker's limit is 3 MiB) for an
   * out-of-fold AUC 0.0015 lower.
   */
  minDocuments: 3,
  folds: 5,
  /**
   * The share of everyday messages (labelled none) each threshold may raise, out of fold: the
   * severity steps, the lower tier of a possible risk to life, and other/low when unsure.
   */
  everydayBudget: {
    urgent: 0.003,
    possible: 0.01,
    high: 0.01,
    normal: 0.015,
    low: 0.015,
    unsure: 0.02,
  },
};

const outputCount = modelOutputs.length;
const severityRank = { none: 0, low: 1, normal: 2, high: 3, urgent: 4 } as const;

/** The 0/1 target of every output for one labelled row. */
export function targetsOf(row: CorpusRow): Uint8Array {
  const targets = new Uint8Array(outputCount);
  const rank = severityRank[row.severity];
  severitySteps.forEach((step, k) => {
    targets[k] = rank >= severityRank[step] ? 1 : 0;
  });
  targets[severitySteps.length] = row.kind === "harm-to-others" ? 1 : 0;
  categoryKeys.forEach((category, k) => {
    targets[severitySteps.length + 1 + k] = row.categories.includes(category) ? 1 : 0;
  });
  return targets;
}

function featuresOf(window: Window): number[] {
  const hashes: number[] = [];
  forEachFeature(window, (hash) => hashes.push(hash));
  return hashes;
}

interface Example {
  /** The feature indices of each window the message is read in (inference takes the maximum). */
  windows: Int32Array[];
  targets: Uint8Array;
}

interface Weights {
  vocabulary: Map<number, number>;
  hashes: number[];
  /** feature-major, outputCount per feature */
  w: Float64Array;
  bias: Float64Array;
}

/** The vocabulary: features seen in at least `minDocuments` rows, in ascending hash order. */
function buildVocabulary(rows: readonly CorpusRow[]): {
  vocabulary: Map<number, number>;
  hashes: number[];
} {
  const documents = new Map<number, number>();
  for (const row of rows) {
    const features = new Set<number>();
    for (const window of windowsOf(row.text)) {
      for (const hash of featuresOf(window)) features.add(hash);
    }
    for (const hash of features) documents.set(hash, (documents.get(hash) ?? 0) + 1);
  }
  const hashes = [...documents]
    .filter(([, count]) => count >= trainingSettings.minDocuments)
    .map(([hash]) => hash)
    .sort((a, b) => a - b);
  return { vocabulary: new Map(hashes.map((hash, index) => [hash, index])), hashes };
}

function toExamples(rows: readonly CorpusRow[], vocabulary: Map<number, number>): Example[] {
  return rows.map((row) => ({
    windows: windowsOf(row.text).map((window) => {
      const features: number[] = [];
      for (const hash of featuresOf(window)) {
        const index = vocabulary.get(hash);
        if (index !== undefined) features.push(index);
      }
      return Int32Array.from(features);
    }),
    targets: targetsOf(row),
  }));
}

/** Positives of rare outputs weigh more, so a category with 40 examples is not drowned out. */
function positiveWeights(examples: readonly Example[]): Float64Array {
  const weights = new Float64Array(outputCount);
  for (let k = 0; k < outputCount; k++) {
    const positives = examples.reduce((sum, example) => sum + (example.targets[k] ?? 0), 0);
    const negatives = examples.length - positives;
    weights[k] = positives === 0 ? 1 : Math.min(8, Math.sqrt(negatives / positives));
  }
  return weights;
}

/**
 * Logistic regression for every output at once, by AdaGrad over shuffled examples. A message's
 * score is its most serious window's (as inference reads it), so each step follows the loss of
 * that maximum: the window that scored highest for an output is the one that learns from it.
 */
function fit(rows: readonly CorpusRow[], seed: number): Weights {
  const { vocabulary, hashes } = buildVocabulary(rows);
  const examples = toExamples(rows, vocabulary);
  const w = new Float64Array(hashes.length * outputCount);
  const g2 = new Float64Array(hashes.length * outputCount).fill(1e-8);
  const bias = new Float64Array(outputCount);
  const biasG2 = new Float64Array(outputCount).fill(1e-8);
  const positive = positiveWeights(examples);
  const random = seededRandom(seed);
  const order = examples.map((_, index) => index);
  const { epochs, learningRate, l2 } = trainingSettings;
  const best = new Float64Array(outputCount);
  const bestWindow = new Int32Array(outputCount);
  const gradients = new Float64Array(outputCount);
  const sums = new Float64Array(outputCount);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = swap;
    }
    for (const index of order) {
      const example = examples[index];
      if (!example || example.windows.length === 0) continue;
      best.fill(-Infinity);
      example.windows.forEach((features, windowIndex) => {
        sums.fill(0);
        for (const feature of features) {
          const offset = feature * outputCount;
          for (let k = 0; k < outputCount; k++) sums[k] = (sums[k] ?? 0) + (w[offset + k] ?? 0);
        }
        for (let k = 0; k < outputCount; k++) sums[k] = (bias[k] ?? 0) + (sums[k] ?? 0);
        for (let k = 0; k < outputCount; k++) {
          if ((sums[k] ?? 0) > (best[k] ?? 0)) {
            best[k] = sums[k] ?? 0;
            bestWindow[k] = windowIndex;
          }
        }
      });
      for (let k = 0; k < outputCount; k++) {
        const target = example.targets[k] ?? 0;
        const p = 1 / (1 + Math.exp(-(best[k] ?? 0)));
        const gradient = (p - target) * (target === 1 ? (positive[k] ?? 1) : 1);
        gradients[k] = gradient;
        biasG2[k] = (biasG2[k] ?? 0) + gradient * gradient;
        bias[k] = (bias[k] ?? 0) - (learningRate * gradient) / Math.sqrt(biasG2[k] ?? 1);
      }
      example.windows.forEach((features, windowIndex) => {
        for (const feature of features) {
          const offset = feature * outputCount;
          for (let k = 0; k < outputCount; k++) {
            if (bestWindow[k] !== windowIndex) continue;
            const at = offset + k;
            const gradient = (gradients[k] ?? 0) + l2 * (w[at] ?? 0);
            g2[at] = (g2[at] ?? 0) + gradient * gradient;
            w[at] = (w[at] ?? 0) - (learningRate * gradient) / Math.sqrt(g2[at] ?? 1);
          }
        }
      });
    }
  }
  return { vocabulary, hashes, w, bias };
}

/** Every output's probability for a message, read window by window as inference does. */
export function predictFloat(weights: Weights, text: string): Float64Array {
  const best = new Float64Array(outputCount);
  const sums = new Float64Array(outputCount);
  for (const window of windowsOf(text)) {
    sums.fill(0);
    forEachFeature(window, (hash) => {
      const index = weights.vocabulary.get(hash);
      if (index === undefined) return;
      const offset = index * outputCount;
      for (let k = 0; k < outputCount; k++) sums[k] = (sums[k] ?? 0) + (weights.w[offset + k] ?? 0);
    });
    for (let k = 0; k < outputCount; k++) {
      const logit = (weights.bias[k] ?? 0) + (sums[k] ?? 0);
      best[k] = Math.max(best[k] ?? 0, 1 / (1 + Math.exp(-logit)));
    }
  }
  return best;
}

/** Stable fold of a family: variants of one message never sit on both sides. */
function foldOf(family: string, folds: number): number {
  return createHash("sha256").update(family).digest().readUInt32BE(0) % folds;
}

/** The lowest threshold that raises at most `budget` of the everyday rows' scores. */
function thresholdForBudget(everyday: number[], budget: number): number {
  const sorted = [...everyday].sort((a, b) => b - a);
  const allowed = Math.floor(sorted.length * budget);
  const score = sorted[allowed] ?? 0;
  return Math.min(0.99, Math.round((score + 1e-4) * 1e4) / 1e4);
}

/** The best F1 threshold of one output over out-of-fold scores. */
function thresholdForF1(scores: number[], targets: number[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.1; t <= 0.9; t += 0.02) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    scores.forEach((score, i) => {
      const positive = targets[i] === 1;
      if (score >= t && positive) tp++;
      else if (score >= t) fp++;
      else if (positive) fn++;
    });
    const f1 = (2 * tp) / Math.max(1, 2 * tp + fp + fn);
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

export interface OutOfFold {
  rows: readonly CorpusRow[];
  scores: Float64Array[];
}

/** Scores every train row with a model that did not see its family. */
export function crossValidate(rows: readonly CorpusRow[]): OutOfFold {
  const { folds, seed } = trainingSettings;
  const scores: Float64Array[] = new Array<Float64Array>(rows.length);
  for (let fold = 0; fold < folds; fold++) {
    const inFold = rows.map((row) => foldOf(row.family, folds) === fold);
    const weights = fit(
      rows.filter((_, i) => !inFold[i]),
      seed + fold + 1,
    );
    rows.forEach((row, i) => {
      if (inFold[i]) scores[i] = predictFloat(weights, row.text);
    });
  }
  return { rows, scores };
}

export function chooseThresholds(oof: OutOfFold): Thresholds {
  const targets = oof.rows.map(targetsOf);
  const column = (k: number) => oof.scores.map((score) => score[k] ?? 0);
  const everyday = (k: number) => column(k).filter((_, i) => oof.rows[i]?.severity === "none");
  const budget = trainingSettings.everydayBudget;
  const categoryColumns = categoryKeys.map((_, c) => severitySteps.length + 1 + c);
  const categoryScores = categoryColumns.flatMap(column);
  const categoryTargets = categoryColumns.flatMap((k) => targets.map((t) => t[k] ?? 0));
  const harm = severitySteps.length;
  return {
    severity: {
      low: thresholdForBudget(everyday(0), budget.low),
      normal: thresholdForBudget(everyday(1), budget.normal),
      high: thresholdForBudget(everyday(2), budget.high),
      urgent: thresholdForBudget(everyday(3), budget.urgent),
    },
    possible: thresholdForBudget(everyday(3), budget.possible),
    unsure: thresholdForBudget(everyday(0), budget.unsure),
    category: thresholdForF1(categoryScores, categoryTargets),
    harmToOthers: thresholdForF1(
      column(harm),
      targets.map((t) => t[harm] ?? 0),
    ),
    confident: 0.9,
  };
}

/** Rounds each output's weights to int8 with one scale per output. */
/** Rounds each output's weights to int8 with one scale per output. */
function quantize(weights: Weights): { bytes: Int8Array; scale: number[] } {
  const featureCount = weights.hashes.length;
  const scale: number[] = [];
  for (let k = 0; k < outputCount; k++) {
    let max = 0;
    for (let f = 0; f < featureCount; f++) {
      max = Math.max(max, Math.abs(weights.w[f * outputCount + k] ?? 0));
    }
    scale.push(max === 0 ? 1 : Number((max / 127).toPrecision(8)));
  }
  const bytes = new Int8Array(featureCount * outputCount);
  for (let f = 0; f < featureCount; f++) {
    for (let k = 0; k < outputCount; k++) {
      const value = (weights.w[f * outputCount + k] ?? 0) / (scale[k] ?? 1);
      bytes[f * outputCount + k] = Math.max(-127, Math.min(127, Math.round(value)));
    }
  }
  return { bytes, scale };
}

export function corpusDigest(rows: readonly CorpusRow[]): string {
  const hash = createHash("sha256");
  for (const row of rows)
    hash.update(JSON.stringify([row.text, row.severity, row.categories, row.kind]));
  return hash.digest("hex");
}

/** The whole training: thresholds from cross-validation, then the weights from every row. */
export function trainModel(rows: readonly CorpusRow[], thresholds: Thresholds): ModelFile {
  const weights = fit(rows, trainingSettings.seed);
  const { bytes, scale } = quantize(weights);
  const content = {
    format: modelFormat,
    version: modelFormatVersion,
    features: featureSpec,
    outputs: [...modelOutputs],
    thresholds,
    bias: Array.from(weights.bias, (value) => Number(value.toPrecision(8))),
    scale,
    hashes: Buffer.from(encodeHashes(weights.hashes)).toString("base64"),
    weights: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("base64"),
    featureCount: weights.hashes.length,
  } satisfies Omit<ModelFile, "sha256" | "trainedOn">;
  return {
    ...content,
    sha256: modelDigest(content),
    trainedOn: { rows: rows.length, corpusSha256: corpusDigest(rows) },
  };
}
