// The learned text model: its file format, checked on load, and scoring a message with it.
import { createHash } from "node:crypto";
import * as z from "zod";
import { categoryKeys, type Category } from "../../vocabulary/categories";
import { featureSpec, forEachWindowRows } from "./features";
import type { FoldedText } from "./fold";

/**
 * What the model predicts, each a logistic output: the severity as "at least" steps (so the
 * most serious window of a long message decides), harm to others, and each category.
 */
export const severitySteps = ["low", "normal", "high", "urgent"] as const;
export type SeverityStep = (typeof severitySteps)[number];
export const modelOutputs: readonly string[] = [
  ...severitySteps.map((step) => `severity>=${step}`),
  "harm-to-others",
  ...categoryKeys.map((category) => `category:${category}`),
];
const harmOutput = severitySteps.length;
const firstCategoryOutput = harmOutput + 1;

export const modelFormat = "tsunagi-text-model";
export const modelFormatVersion = 1;

const probability = z.number().min(0).max(1);

export const thresholdsSchema = z.object({
  /** P(severity ≥ step) at which the model calls that step. */
  severity: z.object({
    low: probability,
    normal: probability,
    high: probability,
    urgent: probability,
  }),
  /**
   * P(urgent) below `severity.urgent` but at least this: a possible risk to life. Staff read it
   * today (crisis, high) and the reply offers the crisis contacts gently.
   */
  possible: probability,
  /** Below `severity.low` but at least this: something a person should read, placed nowhere. */
  unsure: probability,
  /** P(category) at which a category is named. */
  category: probability,
  harmToOthers: probability,
  /** P(urgent) above which a harmless-idiom rule may not lower the model's verdict. */
  confident: probability,
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const modelFileSchema = z.object({
  format: z.literal(modelFormat),
  version: z.literal(modelFormatVersion),
  features: z.literal(featureSpec),
  outputs: z.array(z.string()),
  thresholds: thresholdsSchema,
  bias: z.array(z.number()),
  scale: z.array(z.number().positive()),
  /** Feature hashes, ascending, as LEB128 varints of the gaps between them. */
  hashes: base64,
  /** int8 weights, feature-major: weight × scale[output] is the real weight. */
  weights: base64,
  featureCount: z.number().int().min(1),
  /** sha256 over the canonical content (everything but this and `trainedOn`). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  trainedOn: z.object({ rows: z.number().int(), corpusSha256: z.string() }),
});
export type ModelFile = z.infer<typeof modelFileSchema>;

export class ModelError extends Error {
  override name = "ModelError";
}

export interface TextModel {
  thresholds: Thresholds;
  outputCount: number;
  bias: Float64Array;
  scale: Float64Array;
  /** Open-addressing table: hash → feature row + 1 (0 marks an empty slot). */
  slots: Uint32Array;
  slotHashes: Uint32Array;
  weights: Int8Array;
  /** Scratch for scoring (which window last took each feature); slot 0 counts windows. */
  stamps: Int32Array;
}

/** The digest a model file carries: over everything that decides what it predicts. */
export function modelDigest(file: Omit<ModelFile, "sha256" | "trainedOn">): string {
  const canonical = JSON.stringify([
    file.format,
    file.version,
    file.features,
    file.outputs,
    file.thresholds,
    file.bias,
    file.scale,
    file.featureCount,
    file.hashes,
    file.weights,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

function decodeHashes(bytes: Uint8Array, count: number): Uint32Array {
  const hashes = new Uint32Array(count);
  let offset = 0;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new ModelError("feature hashes end early");
      gap += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
      shift += 7;
      if (shift > 35) throw new ModelError("feature hashes are malformed");
    }
    previous += gap;
    if (previous > 0xffffffff || (i > 0 && gap === 0)) {
      throw new ModelError("feature hashes are not ascending");
    }
    hashes[i] = previous;
  }
  if (offset !== bytes.length) throw new ModelError("feature hashes have trailing bytes");
  return hashes;
}

/** LEB128 varints of the gaps between ascending hashes (the training script writes them). */
export function encodeHashes(hashes: readonly number[]): Uint8Array {
  const bytes: number[] = [];
  let previous = 0;
  for (const hash of hashes) {
    let gap = hash - previous;
    previous = hash;
    while (gap >= 0x80) {
      bytes.push((gap % 0x80) | 0x80);
      gap = Math.floor(gap / 0x80);
    }
    bytes.push(gap);
  }
  return Uint8Array.from(bytes);
}

const mix = (hash: number) => Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) >>> 0;

/**
 * Checks a parsed model file and builds what scoring needs. Anything wrong — another format, a
 * digest that does not match, lengths that do not add up — is a ModelError naming it.
 */
export function loadTextModel(raw: unknown): TextModel {
  const parsed = modelFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelError(
      `not a Tsunagi text model (${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"})`,
    );
  }
  const file = parsed.data;
  if (modelDigest(file) !== file.sha256) {
    throw new ModelError("its content does not match its sha256 (corrupt or edited by hand)");
  }
  if (file.outputs.join(",") !== modelOutputs.join(",")) {
    throw new ModelError("it predicts other outputs than this version of Tsunagi reads");
  }
  const outputCount = modelOutputs.length;
  if (file.bias.length !== outputCount || file.scale.length !== outputCount) {
    throw new ModelError("bias or scale has the wrong length");
  }
  const hashes = decodeHashes(Buffer.from(file.hashes, "base64"), file.featureCount);
  const weightBytes = Buffer.from(file.weights, "base64");
  if (weightBytes.length !== file.featureCount * outputCount) {
    throw new ModelError("weights have the wrong length");
  }
  let size = 1;
  while (size < hashes.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  const slotHashes = new Uint32Array(size);
  for (let row = 0; row < hashes.length; row++) {
    const hash = hashes[row] ?? 0;
    let slot = mix(hash) & (size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = row + 1;
    slotHashes[slot] = hash;
  }
  return {
    thresholds: file.thresholds,
    outputCount,
    bias: Float64Array.from(file.bias),
    scale: Float64Array.from(file.scale),
    slots,
    slotHashes,
    weights: new Int8Array(weightBytes.buffer, weightBytes.byteOffset, weightBytes.length),
    stamps: new Int32Array(hashes.length + 1),
  };
}

function rowOf(model: TextModel, hash: number): number {
  const mask = model.slots.length - 1;
  let slot = mix(hash) & mask;
  for (;;) {
    const row = model.slots[slot] ?? 0;
    if (row === 0) return -1;
    if (model.slotHashes[slot] === hash) return row - 1;
    slot = (slot + 1) & mask;
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** What the model makes of a message: the most serious window's view of each output. */
export interface ModelScores {
  /** P(severity ≥ step), the maximum over windows. */
  severity: Record<SeverityStep, number>;
  harmToOthers: number;
  /** P(category), from the window that set the highest severity step reached. */
  categories: Record<Category, number>;
}

export function scoreText(model: TextModel, original: string, folded: FoldedText): ModelScores {
  const width = model.outputCount;
  const best = new Float64Array(width);
  const sums = new Float64Array(width);
  const weights = model.weights;
  forEachWindowRows(
    original,
    folded,
    (hash) => rowOf(model, hash),
    model.stamps,
    (_window, rows, count) => {
      sums.fill(0);
      for (let r = 0; r < count; r++) {
        const offset = (rows[r] as number) * width;
        for (let k = 0; k < width; k++) {
          // both in range by construction: rows come from the table, k < width
          (sums[k] as number) += weights[offset + k] as number;
        }
      }
      for (let k = 0; k < width; k++) {
        const p = sigmoid((model.bias[k] ?? 0) + (sums[k] ?? 0) * (model.scale[k] ?? 0));
        if (p > (best[k] ?? 0)) best[k] = p;
      }
    },
  );
  const at = (k: number) => best[k] ?? 0;
  return {
    severity: { low: at(0), normal: at(1), high: at(2), urgent: at(3) },
    harmToOthers: at(harmOutput),
    categories: Object.fromEntries(
      categoryKeys.map((category, k) => [category, at(firstCategoryOutput + k)]),
    ) as Record<Category, number>,
  };
}
