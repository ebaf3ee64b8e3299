// What every benchmark hands back, the machine it ran on, and where its JSON result goes.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface BenchmarkResult {
  name: string;
  /** The settings the run used (counts, concurrency), so results compare like with like. */
  params: Record<string, number | string | boolean>;
  /** The figures, flat, with their unit in the key (`p99Ms`, `cpuPerEventUs`). */
  metrics: Record<string, number | null>;
  /**
   * One line for the table (one per endpoint when a benchmark times several); each benchmark
   * knows which figures matter to a reader.
   */
  summary: string;
  /** Lines printed under the summary: references to compare with, caveats, profile tops. */
  notes: string[];
  /** Anything else worth keeping in the JSON (a profile summary, a distribution). */
  details?: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  /** Command-line flags it takes (`npm run bench -- webhook --peer`), each with what it does. */
  flags?: Record<string, string>;
  run(flags: ReadonlySet<string>): Promise<BenchmarkResult>;
}

export interface MachineFacts {
  node: string;
  /** 1, 5 and 15 minute load averages when the run began: other work skews the figures. */
  loadAverage: number[];
  platform: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  totalMemoryMiB: number;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    node: process.version,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    platform: process.platform,
    arch: process.arch,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    totalMemoryMiB: Math.round(os.totalmem() / 1024 / 1024),
  };
}

/**
 * CPU time the whole machine spent busy (all but idle and iowait in /proc/stat), in µs; with the
 * server's and the bench's own time it tells how much other processes took during a run.
 */
export function machineBusyMicros(ticksPerSecond: number): number {
  const first = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const [, ...values] = first.trim().split(/\s+/);
  const ticks = values.slice(0, 8).map(Number);
  // user nice system idle iowait irq softirq steal
  const busy = ticks.reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
  return (busy * 1_000_000) / ticksPerSecond;
}

export const resultsFolder = join(dirname(fileURLToPath(import.meta.url)), "results");

/** Writes `bench/results/<name>.json`; the folder is git-ignored, so it is made on demand. */
export function writeResult(result: BenchmarkResult, machine: MachineFacts): string {
  mkdirSync(resultsFolder, { recursive: true });
  const path = join(resultsFolder, `${result.name}.json`);
  const document = { timestamp: new Date().toISOString(), machine, ...result };
  writeFileSync(path, JSON.stringify(document, null, 2) + "\n");
  return path;
}

/** A positive integer from the environment, within bounds, so a typo cannot run for hours. */
export function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

export function flagFromEnv(name: string): boolean {
  const raw = process.env[name];
  return raw !== undefined && raw !== "" && raw !== "0" && raw !== "false";
}
