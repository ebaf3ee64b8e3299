// `npm run bench -- webhook --peer`: the same load against Tsunagi and the echo peer, in alternating rounds.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { MockLine } from "../src/emulator/mock-line";
import { intFromEnv, machineBusyMicros, type BenchmarkResult } from "./harness";
import { LoadClient } from "./load";
import { serveMockLine } from "./mock-line-server";
import { clockTicks, projectRoot, serverRoot, startServer, type ServerChild } from "./server";
import { histogram, percentile, round } from "./stats";
import {
  accessToken,
  channelSecret,
  countLogLevels,
  countRows,
  readSettings,
  waitForReplies,
} from "./webhook";
import { prepareBodies } from "./webhook-bodies";

type Side = "tsunagi" | "peer";

interface Target {
  side: Side;
  server: ServerChild;
  client: LoadClient;
  /** Events/s seen so far, to size the next round's bodies. */
  bestRate: number;
}

/** One timed round of one side. */
interface Round {
  side: Side;
  round: number;
  sent: number;
  ok: number;
  errors: number;
  wallSeconds: number;
  eventsPerSecond: number;
  /** The side's process, from the first request until every reply was accepted by the mock. */
  cpuPerEventUs: number | null;
  cpuSystemPerEventUs: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Replies the mock accepted for this round's events. */
  replies: number;
  drained: boolean;
  /** Every prepared body was sent before the round's time was up (the round ran short). */
  ranOutOfBodies: boolean;
  /** This process (load client and mock LINE API) per event while answering. */
  clientCpuPerEventUs: number | null;
  /** CPU the idle side spent meanwhile (its ticker, timers), in ms. */
  idleSideCpuMs: number;
  /** Cores everything else (not the two servers, not this process) kept busy while answering. */
  otherCoresBusy: number | null;
  statuses: Record<string, number>;
  /** Requests with no answer, by why (a reset, a timeout). */
  failures: Record<string, number>;
}

interface PeerSettings {
  rounds: number;
  roundMs: number;
}

function readPeerSettings(): PeerSettings {
  return {
    rounds: intFromEnv("BENCH_PEER_ROUNDS", 3, 1, 20),
    roundMs: intFromEnv("BENCH_PEER_ROUND_S", 10, 1, 120) * 1_000,
  };
}

/** Bodies are signed up front: a round gets twice (the first five times) its side's best rate so far. */
const maxBodiesPerRound = 150_000;

/**
 * Tsunagi (`src/node.ts`, as in the default mode) and `peer-echo.ts` (Express + @line/bot-sdk)
 * run side by side as children on loopback against one mock LINE API in this process; each gets
 * the same warm-up, then rounds of the same bodies (one text event from a new user each) at the
 * same concurrency alternate between them, so drifts of the machine hit both alike.
 */
export async function runPeerComparison(): Promise<BenchmarkResult> {
  const settings = readSettings();
  const peerSettings = readPeerSettings();
  const deadline = Date.now() + settings.timeLimitMs;
  const folder = mkdtempSync(join(settings.databaseParent, "bench-webhook-peer-"));
  const databaseUrl = `file:${join(folder, "tsunagi.db")}`;
  const mock = new MockLine(accessToken, Date.now, settings.timeLimitMs + 60_000);
  const accepted = { reply: 0, push: 0, multicast: 0 };
  mock.onAccepted = (request) => {
    accepted[request.endpoint]++;
  };
  const line = await serveMockLine(mock);
  const env = {
    LINE_CHANNEL_SECRET: channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: accessToken,
    LINE_API_BASE_URL: line.url,
  };
  const cleanUp = () => {
    rmSync(folder, { recursive: true, force: true });
  };
  const targets: Target[] = [];
  try {
    const tsunagi = await startServer({
      folder,
      env: { ...env, DATABASE_URL: databaseUrl },
      onInterrupt: cleanUp,
    });
    targets.push(target("tsunagi", tsunagi, settings.concurrency));
    const peer = await startServer({
      folder,
      logName: "peer.log",
      entry: "bench/peer-echo.ts",
      env,
      onInterrupt: cleanUp,
    });
    targets.push(target("peer", peer, settings.concurrency));
    const [app, echo] = targets as [Target, Target];

    const fireOptions = (until: number) => ({
      concurrency: settings.concurrency,
      timeoutMs: 30_000,
      deadline: Math.min(deadline, until),
    });
    const replyDeadline = () => Math.min(deadline, Date.now() + settings.replyWaitMs);
    const sentTo: Record<Side, number> = { tsunagi: 0, peer: 0 };
    const warmErrors: Record<Side, number> = { tsunagi: 0, peer: 0 };
    for (const side of [app, echo]) {
      const bodies = await prepareBodies(mock, channelSecret, settings.warmup);
      const before = accepted.reply + accepted.push;
      const warm = await side.client.fire(bodies, fireOptions(deadline));
      await waitForReplies(
        () => accepted.reply + accepted.push,
        before + warm.sent,
        replyDeadline(),
      );
      sentTo[side.side] += warm.sent;
      warmErrors[side.side] += warm.non200 + warm.failed;
      side.bestRate = warm.ok / (warm.wallMs / 1_000);
    }

    const rounds: Round[] = [];
    const latencies: Record<Side, Float64Array[]> = { tsunagi: [], peer: [] };
    for (let index = 1; index <= peerSettings.rounds; index++) {
      for (const [active, idle] of [
        [app, echo],
        [echo, app],
      ] as const) {
        if (Date.now() + peerSettings.roundMs > deadline) break;
        // the warm-up runs well below the steady rate, so a side's first round gets more slack
        const slack = rounds.some((r) => r.side === active.side) ? 2 : 5;
        const count = Math.min(
          maxBodiesPerRound,
          Math.ceil((active.bestRate * peerSettings.roundMs * slack) / 1_000) +
            4 * settings.concurrency,
        );
        const bodies = await prepareBodies(mock, channelSecret, count);
        const repliesBefore = accepted.reply;
        const answeredBefore = accepted.reply + accepted.push;
        const activeBefore = active.server.cpuMicros();
        const idleBefore = idle.server.cpuMicros();
        const benchBefore = process.cpuUsage();
        const machineBefore = machineBusyMicros(clockTicks());
        const run = await active.client.fire(
          bodies,
          fireOptions(Date.now() + peerSettings.roundMs),
        );
        const activeAtLastAnswer = active.server.cpuMicros();
        const idleAtLastAnswer = idle.server.cpuMicros();
        const bench = process.cpuUsage(benchBefore);
        const machineAtLastAnswer = machineBusyMicros(clockTicks());
        const drained = await waitForReplies(
          () => accepted.reply + accepted.push,
          answeredBefore + run.sent,
          replyDeadline(),
        );
        const activeAfter = active.server.cpuMicros();
        sentTo[active.side] += run.sent;
        latencies[active.side].push(run.latenciesMs);
        active.bestRate = Math.max(active.bestRate, run.ok / (run.wallMs / 1_000));
        const wallSeconds = run.wallMs / 1_000;
        const spent = (from: { user: number; system: number }, to: typeof from) =>
          to.user + to.system - from.user - from.system;
        const perEvent = (micros: number) => (run.sent > 0 ? round(micros / run.sent, 0) : null);
        const busyOthers =
          machineAtLastAnswer -
          machineBefore -
          spent(activeBefore, activeAtLastAnswer) -
          spent(idleBefore, idleAtLastAnswer) -
          bench.user -
          bench.system;
        rounds.push({
          side: active.side,
          round: index,
          sent: run.sent,
          ok: run.ok,
          errors: run.non200 + run.failed,
          wallSeconds: round(wallSeconds, 3) ?? 0,
          eventsPerSecond: round(run.ok / wallSeconds, 0) ?? 0,
          cpuPerEventUs: perEvent(spent(activeBefore, activeAfter)),
          cpuSystemPerEventUs: perEvent(activeAfter.system - activeBefore.system),
          p50Ms: round(percentile(run.latenciesMs, 0.5), 2),
          p99Ms: round(percentile(run.latenciesMs, 0.99), 2),
          replies: accepted.reply - repliesBefore,
          drained,
          ranOutOfBodies: run.skipped === 0 && run.wallMs < peerSettings.roundMs * 0.95,
          clientCpuPerEventUs: perEvent(bench.user + bench.system),
          idleSideCpuMs: round(spent(idleBefore, idleAtLastAnswer) / 1_000, 0) ?? 0,
          otherCoresBusy: round(busyOthers / 1e6 / wallSeconds, 2),
          statuses: run.statuses,
          failures: run.failures,
        });
      }
    }

    for (const side of targets) side.client.close();
    const tsunagiPeakRssMiB = app.server.peakRssMiB();
    const peerPeakRssMiB = echo.server.peakRssMiB();
    const exitCodes = { tsunagi: await app.server.stop(), peer: await echo.server.stop() };
    targets.length = 0;
    const database = await countRows(databaseUrl);
    const tsunagiLog = countLogLevels(join(folder, "server.log"));
    const peerLog = readFileSync(join(folder, "peer.log"), "utf8").trim();

    return report({
      settings: { ...settings, ...peerSettings },
      rounds,
      latencies,
      sentTo,
      warmErrors,
      recorded: database.processedEvents,
      outboxPending: database.outboxPending,
      lineRefusals: mock.calls.filter((call) => call.status !== 200).length,
      tsunagiLog,
      peerLogLines: peerLog === "" ? 0 : peerLog.split("\n").length,
      exitCodes,
      peakRssMiB: { tsunagi: tsunagiPeakRssMiB, peer: peerPeakRssMiB },
    });
  } finally {
    for (const side of targets) {
      side.client.close();
      await side.server.stop();
    }
    await line.close();
    if (settings.keep) console.log(`  kept ${folder}`);
    else cleanUp();
  }
}

function target(side: Side, server: ServerChild, concurrency: number): Target {
  return { side, server, client: new LoadClient(server.baseUrl, concurrency), bestRate: 0 };
}

interface Outcome {
  settings: ReturnType<typeof readSettings> & PeerSettings;
  rounds: Round[];
  latencies: Record<Side, Float64Array[]>;
  sentTo: Record<Side, number>;
  warmErrors: Record<Side, number>;
  recorded: number;
  outboxPending: number;
  lineRefusals: number;
  tsunagiLog: { warn: number; error: number };
  peerLogLines: number;
  exitCodes: Record<Side, number | null>;
  peakRssMiB: Record<Side, number | null>;
}

function report(outcome: Outcome): BenchmarkResult {
  const { settings, rounds } = outcome;
  const of = (side: Side) => rounds.filter((r) => r.side === side);
  const values = (side: Side, pick: (r: Round) => number | null) =>
    of(side)
      .map(pick)
      .filter((value): value is number => value !== null);
  const sideFigures = (side: Side) => {
    const pooled = pool(outcome.latencies[side]);
    const sum = (pick: (r: Round) => number) => of(side).reduce((total, r) => total + pick(r), 0);
    return {
      rounds: of(side).length,
      eventsPerSecond: median(values(side, (r) => r.eventsPerSecond)),
      cpuPerEventUs: median(values(side, (r) => r.cpuPerEventUs)),
      cpuSystemPerEventUs: median(values(side, (r) => r.cpuSystemPerEventUs)),
      p50Ms: round(percentile(pooled, 0.5), 2),
      p99Ms: round(percentile(pooled, 0.99), 2),
      maxMs: round(percentile(pooled, 1), 2),
      sent: sum((r) => r.sent),
      errors: sum((r) => r.errors),
      replies: sum((r) => r.replies),
    };
  };
  const tsunagi = sideFigures("tsunagi");
  const peer = sideFigures("peer");
  // each Tsunagi round against the peer round that followed it
  const pairs = of("tsunagi").flatMap((app) => {
    const echo = rounds.find((r) => r.side === "peer" && r.round === app.round);
    return echo === undefined ? [] : [{ app, echo }];
  });
  const pairRatios = (pick: (r: Round) => number | null) =>
    pairs.flatMap(({ app, echo }) => {
      const a = pick(app);
      const b = pick(echo);
      return a === null || b === null || b === 0 ? [] : [a / b];
    });
  const throughputPairs = pairRatios((r) => r.eventsPerSecond);
  const cpuPairs = pairRatios((r) => r.cpuPerEventUs);
  const ratio = (a: number | null, b: number | null) =>
    a === null || b === null || b === 0 ? null : round(a / b, 2);
  const throughputRatio = ratio(tsunagi.eventsPerSecond, peer.eventsPerSecond);
  const cpuRatio = ratio(tsunagi.cpuPerEventUs, peer.cpuPerEventUs);

  const expectedTsunagi = outcome.sentTo.tsunagi;
  const everyEvent =
    outcome.recorded === expectedTsunagi &&
    rounds.every((r) => r.replies === r.sent && r.drained) &&
    outcome.lineRefusals === 0;
  const noisiest = Math.max(...rounds.map((r) => r.otherCoresBusy ?? 0));
  const spread = (list: number[]) =>
    list.length === 0 ? "–" : `${Math.min(...list).toFixed(2)}–${Math.max(...list).toFixed(2)}`;
  const range = (side: Side, pick: (r: Round) => number | null, digits = 0) => {
    const list = values(side, pick);
    return list.length === 0
      ? "–"
      : `${Math.min(...list).toFixed(digits)}–${Math.max(...list).toFixed(digits)}`;
  };
  const line = (name: string, side: Side, figures: typeof tsunagi) =>
    [
      `webhook ${name.padEnd(7)}`,
      `rounds=${figures.rounds}×${settings.roundMs / 1_000}s`,
      `conc=${settings.concurrency}`,
      `events/s=${figures.eventsPerSecond} (${range(side, (r) => r.eventsPerSecond)})`,
      `cpu/event=${figures.cpuPerEventUs}µs (${range(side, (r) => r.cpuPerEventUs)}; sys ${figures.cpuSystemPerEventUs})`,
      `p50=${figures.p50Ms}ms`,
      `p99=${figures.p99Ms}ms`,
      `errors=${figures.errors}`,
      `replies=${figures.replies}/${figures.sent}`,
    ].join("  ");

  const summary = [
    line("tsunagi", "tsunagi", tsunagi),
    line("peer", "peer", peer),
    `webhook ratio    Tsunagi ÷ peer: events/s ${throughputRatio}× (rounds ${spread(throughputPairs)}), ` +
      `CPU/event ${cpuRatio}× (rounds ${spread(cpuPairs)})`,
  ].join("\n");

  const notes = [
    `  the peer: Express + @line/bot-sdk echo bot (bench/peer-echo.ts), records nothing and answers after its reply; ` +
      `Tsunagi answers after its commit and replies after answering`,
    `  Tsunagi recorded ${outcome.recorded}/${expectedTsunagi} events (warm-up included), outbox pending ${outcome.outboxPending}; ` +
      `replies per round equal events sent: ${rounds.every((r) => r.replies === r.sent) ? "yes" : "NO"}; ` +
      `LINE refused ${outcome.lineRefusals} calls` +
      (everyEvent ? "" : "  — NOT every event recorded and replied"),
    `  p99 per round: Tsunagi ${range("tsunagi", (r) => r.p99Ms, 1)} ms, peer ${range("peer", (r) => r.p99Ms, 1)} ms; ` +
      `idle side's CPU during the other's round ≤ ${Math.max(...rounds.map((r) => r.idleSideCpuMs))} ms; ` +
      `client + mock ${range("tsunagi", (r) => r.clientCpuPerEventUs)} / ${range("peer", (r) => r.clientCpuPerEventUs)} µs/event`,
  ];
  if (noisiest > 0.2) {
    notes.push(`  noisy: other processes kept up to ${noisiest} cores busy during a round`);
  }
  const short = rounds.filter((r) => r.ranOutOfBodies);
  if (short.length > 0) {
    notes.push(`  ${short.length} round(s) ran out of prepared bodies before their time was up`);
  }
  if (rounds.length < settings.rounds * 2) {
    notes.push(`  time limit reached: ${rounds.length} of ${settings.rounds * 2} rounds ran`);
  }
  for (const r of rounds.filter((one) => Object.keys(one.failures).length > 0)) {
    notes.push(`  ${r.side} round ${r.round}: no answer to ${JSON.stringify(r.failures)}`);
  }
  const warmErrors = outcome.warmErrors.tsunagi + outcome.warmErrors.peer;
  if (warmErrors > 0) notes.push(`  warm-up errors: ${JSON.stringify(outcome.warmErrors)}`);
  if (outcome.peerLogLines > 0) notes.push(`  the peer logged ${outcome.peerLogLines} lines`);

  const flat = (prefix: string, figures: typeof tsunagi) =>
    Object.fromEntries(
      Object.entries(figures).map(([key, value]) => [
        `${prefix}${key[0]?.toUpperCase() ?? ""}${key.slice(1)}`,
        value,
      ]),
    );
  return {
    name: "webhook-peer",
    params: {
      rounds: settings.rounds,
      roundSeconds: settings.roundMs / 1_000,
      warmup: settings.warmup,
      concurrency: settings.concurrency,
      databaseFolder: settings.databaseParent,
      server: serverRoot() === projectRoot ? "this project" : serverRoot(),
      peer: "bench/peer-echo.ts (express + @line/bot-sdk)",
      client: "node:http keep-alive",
    },
    metrics: {
      ...flat("tsunagi", tsunagi),
      ...flat("peer", peer),
      ratioEventsPerSecond: throughputRatio,
      ratioEventsPerSecondMin: round(Math.min(...throughputPairs), 2),
      ratioEventsPerSecondMax: round(Math.max(...throughputPairs), 2),
      ratioCpuPerEvent: cpuRatio,
      ratioCpuPerEventMin: round(Math.min(...cpuPairs), 2),
      ratioCpuPerEventMax: round(Math.max(...cpuPairs), 2),
      tsunagiExpected: expectedTsunagi,
      tsunagiRecorded: outcome.recorded,
      tsunagiOutboxPending: outcome.outboxPending,
      lineRefusals: outcome.lineRefusals,
      otherCoresBusyMax: round(noisiest, 2),
      tsunagiWarnings: outcome.tsunagiLog.warn,
      tsunagiErrors: outcome.tsunagiLog.error,
      tsunagiExitCode: outcome.exitCodes.tsunagi,
      peerExitCode: outcome.exitCodes.peer,
      tsunagiPeakRssMiB: outcome.peakRssMiB.tsunagi,
      peerPeakRssMiB: outcome.peakRssMiB.peer,
    },
    summary,
    notes,
    details: {
      rounds,
      latencyHistogramMs: {
        tsunagi: histogram(pool(outcome.latencies.tsunagi)),
        peer: histogram(pool(outcome.latencies.peer)),
      },
    },
  };
}

function pool(parts: Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all.sort();
}

function median(list: number[]): number | null {
  if (list.length === 0) return null;
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}
