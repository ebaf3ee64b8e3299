// Summarises a V8 .cpuprofile: where the server spent its CPU, by function and by package.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";

const cpuProfileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({
        functionName: z.string(),
        url: z.string(),
        lineNumber: z.number(),
      }),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type CpuProfile = z.infer<typeof cpuProfileSchema>;

export interface Share {
  name: string;
  ms: number;
  /** Of the busy (non-idle) time in the window. */
  percent: number;
}

export interface ProfileSummary {
  file: string;
  /** Profile timestamps are CLOCK_MONOTONIC µs, the same clock as `process.hrtime` here. */
  window: { fromUs: number; toUs: number } | null;
  sampledMs: number;
  busyMs: number;
  topSelf: Share[];
  byPackage: Share[];
  /** Inclusive time of the project's own functions (each counted once per stack). */
  topOwnInclusive: Share[];
}

/** Where `BENCH_PROFILE=1` has the server write its profile. */
export const profileFolder = "/tmp/bench-prof";

/** Pseudo frames V8 adds: only idle is not the process working. */
const idleFrames = new Set(["(idle)", "(root)"]);

/**
 * The main thread's profile of process `pid` (names are CPU.<date>.<time>.<pid>.<thread>.<seq>),
 * or without a pid the newest main-thread profile; tsx's loader thread writes one of its own.
 */
export function findProfile(folder: string, pid?: number): string | null {
  let newest: { path: string; mtime: number } | null = null;
  for (const name of readdirSync(folder)) {
    const match = /^CPU\.\d+\.\d+\.(\d+)\.0\.\d+\.cpuprofile$/.exec(name);
    if (!match || (pid !== undefined && Number(match[1]) !== pid)) continue;
    const path = join(folder, name);
    const mtime = statSync(path).mtimeMs;
    if (newest === null || mtime > newest.mtime) newest = { path, mtime };
  }
  return newest?.path ?? null;
}

/**
 * Sums each sample's time (Chrome's convention: the delta to the next sample) into the frame
 * it hit, keeping only samples inside `window` when given, so start-up and warm-up drop out.
 */
export function summariseProfile(
  file: string,
  options: { window?: { fromUs: number; toUs: number }; top?: number; ownPath?: string } = {},
): ProfileSummary {
  const profile = cpuProfileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const top = options.top ?? 15;
  const ownPath = options.ownPath ?? "/src/";
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }

  const self = new Map<string, number>();
  const packages = new Map<string, number>();
  const ownInclusive = new Map<string, number>();
  let sampledUs = 0;
  let busyUs = 0;
  let at = profile.startTime;
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    at += deltas[i] ?? 0;
    const spent = deltas[i + 1] ?? 0;
    if (options.window && (at < options.window.fromUs || at > options.window.toUs)) continue;
    const node = byId.get(profile.samples[i] ?? -1);
    if (!node) continue;
    sampledUs += spent;
    if (idleFrames.has(node.callFrame.functionName)) continue;
    busyUs += spent;
    add(self, frameName(node.callFrame), spent);
    add(packages, packageOf(node.callFrame), spent);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame?.url.includes(ownPath)) continue;
      const name = frameName(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      add(ownInclusive, name, spent);
    }
  }

  const shares = (totals: Map<string, number>): Share[] =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({
        name,
        ms: round(us / 1000),
        percent: busyUs > 0 ? round((100 * us) / busyUs) : 0,
      }));
  return {
    file,
    window: options.window ?? null,
    sampledMs: round(sampledUs / 1000),
    busyMs: round(busyUs / 1000),
    topSelf: shares(self),
    byPackage: shares(packages),
    topOwnInclusive: shares(ownInclusive),
  };
}

export function formatProfileSummary(summary: ProfileSummary): string[] {
  const table = (title: string, shares: Share[]) => [
    title,
    ...shares.map(
      (share) =>
        `  ${share.percent.toFixed(1).padStart(5)}%  ${share.ms.toFixed(0).padStart(7)} ms  ${share.name}`,
    ),
  ];
  return [
    `profile ${summary.file}`,
    `  busy ${summary.busyMs.toFixed(0)} ms of ${summary.sampledMs.toFixed(0)} ms sampled` +
      (summary.window ? " (measured window only)" : " (whole process)"),
    ...table("self time by package:", summary.byPackage),
    ...table("self time by function:", summary.topSelf),
    ...table("inclusive time of the project's own functions:", summary.topOwnInclusive),
  ];
}

type Frame = CpuProfile["nodes"][number]["callFrame"];

function frameName(frame: Frame): string {
  const name = frame.functionName || "(anonymous)";
  if (frame.url === "") return name;
  return `${name}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, "");
  const modules = path.lastIndexOf("/node_modules/");
  if (modules >= 0) return path.slice(modules + "/node_modules/".length);
  const own = path.indexOf("/src/");
  return own >= 0 ? path.slice(own + 1) : path;
}

/** Groups frames the way one would fix them: which package, the project, Node, or V8 itself. */
function packageOf(frame: Frame): string {
  const url = frame.url;
  if (url === "") return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  // the last node_modules in the path is the package the code belongs to
  const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (match?.[1]) return match[1];
  if (url.includes("/src/")) return "tsunagi src";
  return "other";
}

function add(totals: Map<string, number>, key: string, us: number): void {
  totals.set(key, (totals.get(key) ?? 0) + us);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
