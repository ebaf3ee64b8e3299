// The webhook benchmark: signed one-text-event bodies from distinct users against `npm start`'s server.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { MockLine } from "../src/emulator/mock-line";
import {
  flagFromEnv,
  intFromEnv,
  machineBusyMicros,
  type Benchmark,
  type BenchmarkResult,
} from "./harness";
import { serveMockLine } from "./mock-line-server";
import { LoadClient } from "./load";
import { formatProfileSummary, findProfile, profileFolder, summariseProfile } from "./profile";
import { clockTicks, projectRoot, serverRoot, startServer, type ServerChild } from "./server";
import { histogram, percentile, round } from "./stats";
import { prepareBodies } from "./webhook-bodies";

export const channelSecret = "5b1c2d3e4f5061728394a5b6c7d8e9f0";
export const accessToken = "bench-access-token";

/** Measured on this 2-core machine: the canonical Express + @line/bot-sdk echo bot. */
const reference = { eventsPerSecond: 3_000, cpuPerEventUs: 360 };

interface Settings {
  events: number;
  warmup: number;
  concurrency: number;
  profile: boolean;
  timeLimitMs: number;
  /** Where the temp database folder goes: /dev/shm takes the disk's fsync out of the picture. */
  databaseParent: string;
  /** How long to wait for the replies after the answers (they go out after each commit). */
  replyWaitMs: number;
  /** Keep the temp folder (database and server log) to look into afterwards. */
  keep: boolean;
}

export function readSettings(): Settings {
  return {
    events: intFromEnv("BENCH_EVENTS", 20_000, 1, 200_000),
    warmup: intFromEnv("BENCH_WARMUP", 1_000, 0, 50_000),
    concurrency: intFromEnv("BENCH_CONCURRENCY", 64, 1, 1_024),
    profile: flagFromEnv("BENCH_PROFILE"),
    timeLimitMs: intFromEnv("BENCH_TIME_LIMIT_S", 300, 10, 3_600) * 1_000,
    databaseParent: process.env.BENCH_DB_DIR || tmpdir(),
    replyWaitMs: intFromEnv("BENCH_REPLY_WAIT_S", 60, 1, 600) * 1_000,
    keep: flagFromEnv("BENCH_KEEP"),
  };
}

export const webhookBenchmark: Benchmark = {
  name: "webhook",
  flags: {
    "--peer": "the same load against an Express + @line/bot-sdk echo bot, rounds alternating",
  },
  async run(flags) {
    if (!flags.has("--peer")) return runWebhookBenchmark();
    // loaded on demand: it imports this module's helpers
    const { runPeerComparison } = await import("./webhook-peer");
    return runPeerComparison();
  },
};

async function runWebhookBenchmark(): Promise<BenchmarkResult> {
  const settings = readSettings();
  const deadline = Date.now() + settings.timeLimitMs;
  const folder = mkdtempSync(join(settings.databaseParent, "bench-webhook-"));
  const databaseUrl = `file:${join(folder, "tsunagi.db")}`;
  // Tokens are issued before the run; a slow run must not see them expire before they are used.
  const mock = new MockLine(accessToken, Date.now, settings.timeLimitMs + 60_000);
  const accepted = { reply: 0, push: 0, multicast: 0 };
  mock.onAccepted = (request) => {
    accepted[request.endpoint]++;
  };
  const line = await serveMockLine(mock);
  let server: ServerChild | undefined;
  let client: LoadClient | undefined;
  try {
    if (settings.profile) mkdirSync(profileFolder, { recursive: true });
    server = await startServer({
      folder,
      env: {
        DATABASE_URL: databaseUrl,
        LINE_CHANNEL_SECRET: channelSecret,
        LINE_CHANNEL_ACCESS_TOKEN: accessToken,
        LINE_API_BASE_URL: line.url,
      },
      nodeArgs: settings.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileFolder}`] : [],
      onInterrupt: () => {
        rmSync(folder, { recursive: true, force: true });
      },
    });
    const serverPid = server.pid;
    const warmBodies = await prepareBodies(mock, channelSecret, settings.warmup);
    const bodies = await prepareBodies(mock, channelSecret, settings.events);
    client = new LoadClient(server.baseUrl, settings.concurrency);
    const fireOptions = { concurrency: settings.concurrency, timeoutMs: 30_000, deadline };

    // Warm-up: JIT, connections, the database's first pages; its replies drain before we measure.
    const warm = await client.fire(warmBodies, fireOptions);
    await waitForReplies(
      () => accepted.reply + accepted.push,
      warm.sent,
      Math.min(deadline, Date.now() + settings.replyWaitMs),
    );

    const serverBefore = server.cpuMicros();
    const benchBefore = process.cpuUsage();
    const machineBefore = machineBusyMicros(clockTicks());
    const fromUs = monotonicMicros();
    const run = await client.fire(bodies, fireOptions);
    const serverAtLastAnswer = server.cpuMicros();
    const benchAtLastAnswer = process.cpuUsage(benchBefore);
    const machineAtLastAnswer = machineBusyMicros(clockTicks());
    const drainStarted = performance.now();
    const drained = await waitForReplies(
      () => accepted.reply + accepted.push,
      warm.sent + run.sent,
      Math.min(deadline, Date.now() + settings.replyWaitMs),
    );
    const drainMs = performance.now() - drainStarted;
    const serverAfter = server.cpuMicros();
    const toUs = monotonicMicros();
    const peakRssMiB = server.peakRssMiB();

    client.close();
    client = undefined;
    const exitCode = await server.stop();
    server = undefined;
    const database = await countRows(databaseUrl);
    const serverLog = countLogLevels(join(folder, "server.log"));

    const expected = warm.sent + run.sent;
    const wallSeconds = run.wallMs / 1_000;
    const eventsPerSecond = run.ok / wallSeconds;
    const perEvent = (micros: number) => (run.sent > 0 ? micros / run.sent : null);
    const userUs = serverAfter.user - serverBefore.user;
    const systemUs = serverAfter.system - serverBefore.system;
    const cpuPerEventUs = perEvent(userUs + systemUs);
    const answeringUs =
      serverAtLastAnswer.user + serverAtLastAnswer.system - serverBefore.user - serverBefore.system;
    const benchCpuUs = benchAtLastAnswer.user + benchAtLastAnswer.system;
    const ms = (q: number) => round(percentile(run.latenciesMs, q), 2);
    const metrics = {
      eventsPerSecond: round(eventsPerSecond, 0),
      wallSeconds: round(wallSeconds, 3),
      p50Ms: ms(0.5),
      p90Ms: ms(0.9),
      p99Ms: ms(0.99),
      maxMs: ms(1),
      /** Everything the server spent per event, the replies and their bookkeeping included. */
      cpuPerEventUs: round(cpuPerEventUs, 0),
      /** Of which in the kernel (writes, fsync, sockets). */
      cpuSystemPerEventUs: round(perEvent(systemUs), 0),
      /** The part spent before the last answer (the rest is replies sent after the commits). */
      cpuPerEventToLastAnswerUs: round(perEvent(answeringUs), 0),
      /** Server CPU seconds per wall second while answering: near 1 means it is the bottleneck. */
      serverCoresBusy: round(answeringUs / 1e6 / wallSeconds, 2),
      /** This process (load client + mock LINE API) per event, for judging the client's share. */
      clientCpuPerEventUs: round(perEvent(benchCpuUs), 0),
      /** Cores other processes kept busy while answering: above ~0.2 the figures are noisy. */
      otherCoresBusy: round(
        (machineAtLastAnswer - machineBefore - answeringUs - benchCpuUs) / 1e6 / wallSeconds,
        2,
      ),
      sent: run.sent,
      ok: run.ok,
      non200: run.non200 + run.failed,
      failed: run.failed,
      skipped: run.skipped,
      warmupNon200: warm.non200 + warm.failed,
      expectedTotal: expected,
      recorded: database.processedEvents,
      replies: accepted.reply,
      pushes: accepted.push,
      lineRefusals: mock.calls.filter((call) => call.status !== 200).length,
      outboxSent: database.outboxSent,
      outboxPending: database.outboxPending,
      repliesDrainedMs: round(drainMs, 0),
      serverPeakRssMiB: peakRssMiB,
      serverWarnings: serverLog.warn,
      serverErrors: serverLog.error,
      serverExitCode: exitCode,
    };

    const notes = [
      `  reference: Express + @line/bot-sdk echo bot on this machine ≈ ${reference.eventsPerSecond} events/s ` +
        `at ≈ ${reference.cpuPerEventUs} µs CPU/event, recording nothing (--peer measures it in the same run)`,
      `  vs reference: ${(eventsPerSecond / reference.eventsPerSecond).toFixed(2)}× throughput, ` +
        `${((cpuPerEventUs ?? 0) / reference.cpuPerEventUs).toFixed(2)}× CPU per event ` +
        `(server busy ${metrics.serverCoresBusy} cores; client + mock ${metrics.clientCpuPerEventUs} µs/event)`,
      `  totals include the ${warm.sent} warm-up events: recorded ${database.processedEvents}/${expected}, ` +
        `replies ${accepted.reply}/${expected}, pushes ${accepted.push}, outbox sent ${database.outboxSent}` +
        `, pending ${database.outboxPending}` +
        (drained ? "" : "  (replies did not all arrive before the timeout)"),
    ];
    if ((metrics.otherCoresBusy ?? 0) > 0.2) {
      notes.push(
        `  noisy: other processes and kernel threads kept ${metrics.otherCoresBusy} cores busy during the run`,
      );
    }
    if (run.skipped > 0) notes.push(`  time limit reached: ${run.skipped} events not sent`);
    if (run.non200 + run.failed > 0) {
      notes.push(
        `  statuses: ${JSON.stringify(run.statuses)}, no answer: ${JSON.stringify(run.failures)}`,
      );
    }

    let details: Record<string, unknown> = {
      statuses: run.statuses,
      latencyHistogramMs: histogram(run.latenciesMs),
    };
    if (settings.profile) {
      notes.push("  profiled: --cpu-prof slows the server, so CPU figures of this run read high");
      const file = findProfile(profileFolder, serverPid);
      if (file === null) {
        notes.push(`  no .cpuprofile found in ${profileFolder}`);
      } else {
        const summary = summariseProfile(file, { window: { fromUs, toUs }, top: 15 });
        notes.push(...formatProfileSummary(summary).map((text) => `  ${text}`));
        details = { ...details, profile: summary };
      }
    }

    const summary = [
      "webhook",
      `events=${run.sent}`,
      `conc=${settings.concurrency}`,
      `events/s=${metrics.eventsPerSecond}`,
      `p50=${metrics.p50Ms}ms`,
      `p99=${metrics.p99Ms}ms`,
      `max=${metrics.maxMs}ms`,
      `cpu/event=${metrics.cpuPerEventUs}µs (sys ${metrics.cpuSystemPerEventUs})`,
      `recorded=${database.processedEvents}/${expected}`,
      `replies=${accepted.reply}/${expected}`,
      `non200=${metrics.non200}`,
    ].join("  ");

    return {
      name: "webhook",
      params: {
        events: settings.events,
        warmup: settings.warmup,
        concurrency: settings.concurrency,
        profiled: settings.profile,
        databaseFolder: settings.databaseParent,
        server: serverRoot() === projectRoot ? "this project" : serverRoot(),
        client: "node:http keep-alive",
      },
      metrics,
      summary,
      notes,
      details: { ...details, reference },
    };
  } finally {
    client?.close();
    await server?.stop();
    await line.close();
    if (settings.keep) console.log(`  kept ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

/** Polls until `count()` reaches `target` or the deadline passes; true when it got there. */
export async function waitForReplies(count: () => number, target: number, deadline: number) {
  while (count() < target) {
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 20));
  }
  return true;
}

export async function countRows(url: string) {
  const client = createClient({ url });
  try {
    const events = await client.execute("select count(*) as n from processed_events");
    const outbox = await client.execute("select status, count(*) as n from outbox group by status");
    const byStatus = new Map(
      outbox.rows.map((row) => [typeof row.status === "string" ? row.status : "?", Number(row.n)]),
    );
    return {
      processedEvents: Number(events.rows[0]?.n ?? 0),
      outboxSent: byStatus.get("sent") ?? 0,
      outboxPending: byStatus.get("pending") ?? 0,
    };
  } finally {
    client.close();
  }
}

/** The server logs one JSON line per request; warnings and errors there mean something failed. */
export function countLogLevels(path: string): { warn: number; error: number } {
  let warn = 0;
  let error = 0;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line.includes('"level":"warn"')) warn++;
    else if (line.includes('"level":"error"')) error++;
  }
  return { warn, error };
}

function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1_000n);
}
