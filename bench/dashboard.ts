// The dashboard benchmark: the queue API, the queue page and two details over a seeded center, in process.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type App } from "../src/app";
import { createBackground, type Background } from "../src/background";
import { loadConfig, type Config } from "../src/core/config";
import { authenticate } from "../src/dashboard/auth";
import { createClassifier } from "../src/escalation/classifier";
import { readTextModelFile } from "../src/escalation/text/model-file";
import { silentLogger } from "../src/core/log";
import { buildDeps } from "../src/services";

const benchClassifier = () => createClassifier(readTextModelFile());
import { insertAudit } from "../src/store/audit";
import type { Store } from "../src/store/db";
import type { EscalationStatus } from "../src/vocabulary/kinds";
import { listQueue } from "../src/store/escalations";
import { openStore } from "../src/store/open-node";
import { listStaff } from "../src/store/staff";
import {
  seedDashboardData,
  seedPassword,
  type CenterSpec,
  type SeededCenter,
} from "./dashboard-seed";
import {
  flagFromEnv,
  intFromEnv,
  machineBusyMicros,
  type Benchmark,
  type BenchmarkResult,
} from "./harness";
import { formatProfileSummary, profileFolder, summariseProfile } from "./profile";
import { PlanRecorder, planWarnings, type QueryPlan } from "./query-plan";
import { clockTicks } from "./server";
import { histogram, percentile, round } from "./stats";

/** The issue's target for every endpoint on this machine. */
const targetP95Ms = 50;

interface Settings {
  requests: number;
  warmup: number;
  /** Data volume in percent of the issue's center (5,000 registrants …): 10 for a quick try. */
  scalePercent: number;
  timeLimitMs: number;
  databaseParent: string;
  profile: boolean;
  keep: boolean;
}

function readSettings(): Settings {
  return {
    requests: intFromEnv("BENCH_DASHBOARD_REQUESTS", 300, 1, 100_000),
    warmup: intFromEnv("BENCH_DASHBOARD_WARMUP", 30, 0, 10_000),
    scalePercent: intFromEnv("BENCH_DASHBOARD_SCALE", 100, 1, 1_000),
    timeLimitMs: intFromEnv("BENCH_TIME_LIMIT_S", 300, 10, 3_600) * 1_000,
    databaseParent: process.env.BENCH_DB_DIR || tmpdir(),
    profile: flagFromEnv("BENCH_PROFILE"),
    keep: flagFromEnv("BENCH_KEEP"),
  };
}

/** The issue's center, and a smaller second one whose rows the center filter must skip. */
function centerSpecs(scalePercent: number): CenterSpec[] {
  const scaled = (n: number) => Math.max(1, Math.round((n * scalePercent) / 100));
  return [
    {
      name: "ベンチ就労支援センター",
      tag: "main",
      caseworkers: 5,
      registrants: scaled(5_000),
      completedCheckins: 10,
      escalations: scaled(20_000),
      unresolved: scaled(2_000),
      auditRows: scaled(100_000),
      messages: scaled(500_000),
      unreadPeople: scaled(300),
    },
    {
      name: "となりのセンター",
      tag: "other",
      caseworkers: 2,
      registrants: scaled(1_000),
      completedCheckins: 5,
      escalations: scaled(4_000),
      unresolved: scaled(400),
      auditRows: scaled(20_000),
      messages: scaled(100_000),
      unreadPeople: scaled(60),
    },
  ];
}

interface Endpoint {
  /** Prefix of its figures in `metrics` (`queueApiP95Ms`). */
  key: string;
  label: string;
  path(i: number): string;
  /** What a correct answer holds, checked on the first measured response; null when it does. */
  check?(body: string): string | null;
}

function endpointsFor(main: SeededCenter): Endpoint[] {
  const unresolved = main.unresolvedEscalationIds;
  const mainRegistrants = new Set(main.registrantIds);
  const queueCheck = (expected: number) => (body: string) => {
    const items = queueItems(body);
    if (items.length !== expected) return `${items.length} items, expected ${expected}`;
    const foreign = items.filter((item) => !mainRegistrants.has(item.registrantId)).length;
    return foreign === 0 ? null : `${foreign} items of another center`;
  };
  const pageRows = Math.min(200, unresolved.length);
  const unread = new Set(main.unreadRegistrantIds);
  const readPeople = main.linkedRegistrantIds.filter((id) => !unread.has(id));
  return [
    {
      key: "queueApi",
      label: "GET /api/escalations",
      path: () => "/api/escalations",
      check: queueCheck(Math.min(500, unresolved.length)),
    },
    {
      key: "queueApiAll",
      label: "GET /api/escalations?status=all&limit=500",
      path: () => "/api/escalations?status=all&limit=500",
      check: queueCheck(500),
    },
    {
      key: "dashboard",
      label: "GET /dashboard",
      path: () => "/dashboard",
      check: (body) => {
        // one row per person; their other items behind 「ほか n 件」
        const rows = body.split('data-testid="queue-row"').length - 1;
        const items = rows + body.split('data-testid="queue-item"').length - 1;
        return items === pageRows && rows > 0
          ? null
          : `${items} queue items in ${rows} rows, expected ${pageRows} items`;
      },
    },
    {
      key: "escalationDetail",
      label: "GET /api/escalations/:id",
      path: (i) => `/api/escalations/${at(unresolved, i)}`,
      check: (body) => (body.includes('"timeline"') ? null : "no timeline in the answer"),
    },
    {
      key: "inboxApi",
      label: "GET /api/inbox",
      path: () => "/api/inbox",
      check: (body) => {
        const items = (JSON.parse(body) as { items: unknown[] }).items.length;
        return items === main.unreadRegistrantIds.length
          ? null
          : `${items} people, expected ${main.unreadRegistrantIds.length}`;
      },
    },
    {
      key: "inboxPage",
      label: "GET /dashboard/inbox",
      path: () => "/dashboard/inbox",
      check: (body) => {
        const rows = body.split('data-testid="inbox-row"').length - 1;
        return rows === main.unreadRegistrantIds.length ? null : `${rows} inbox rows`;
      },
    },
    {
      key: "conversationApi",
      label: "GET /api/registrants/:id/messages",
      path: (i) => `/api/registrants/${at(main.linkedRegistrantIds, i * 7919)}/messages`,
      check: (body) => {
        const items = (JSON.parse(body) as { items: unknown[] }).items.length;
        return items === 50 ? null : `${items} messages, expected a full page of 50`;
      },
    },
    {
      key: "conversationPage",
      label: "GET /dashboard/registrants/:id/messages",
      // people with nothing unread: reading the page then writes only its audit entry
      path: (i) => `/dashboard/registrants/${at(readPeople, i * 7919)}/messages`,
      check: (body) => (body.includes('data-testid="conversation"') ? null : "no conversation"),
    },
    {
      key: "registrantDetail",
      label: "GET /api/registrants/:id",
      // a stride through the list, so consecutive requests do not hit neighbouring pages
      path: (i) => `/api/registrants/${at(main.registrantIds, i * 7919)}`,
      check: (body) => (body.includes('"latestCheckin"') ? null : "no latestCheckin in the answer"),
    },
  ];
}

function at(ids: string[], i: number): string {
  const id = ids[i % ids.length];
  if (id === undefined) throw new Error("no ids seeded");
  return id;
}

function queueItems(body: string): { registrantId: string }[] {
  const parsed: unknown = JSON.parse(body);
  if (typeof parsed !== "object" || parsed === null || !("items" in parsed)) return [];
  const items = parsed.items;
  if (!Array.isArray(items)) return [];
  return items.map((item: unknown) => ({
    registrantId:
      typeof item === "object" && item !== null && "registrantId" in item
        ? String(item.registrantId)
        : "",
  }));
}

interface Timing {
  /** Ascending, measured requests only. */
  latenciesMs: Float64Array;
  skipped: number;
}

interface EndpointRun extends Timing {
  endpoint: Endpoint;
  /**
   * This process's CPU time per request, ascending: on a busy machine wall time also counts
   * waiting for a core, CPU time barely moves, so it is the figure to compare runs with.
   */
  cpuMs: Float64Array;
  /** Cores other processes kept busy while this endpoint was measured: above ~0.2, noisy. */
  otherCoresBusy: number;
  statuses: Record<string, number>;
  bytes: number;
  problem: string | null;
}

export const dashboardBenchmark: Benchmark = { name: "dashboard", run: runDashboardBenchmark };

async function runDashboardBenchmark(): Promise<BenchmarkResult> {
  const settings = readSettings();
  const deadline = Date.now() + settings.timeLimitMs;
  const folder = mkdtempSync(join(settings.databaseParent, "bench-dashboard-"));
  const databasePath = join(folder, "tsunagi.db");
  const url = `file:${databasePath}`;
  let store: Store | undefined;
  let background: Background | undefined;
  let recorder: PlanRecorder | undefined;
  // Ctrl-C during a run must not leave a 100 MiB database behind.
  const interrupted = () => {
    rmSync(folder, { recursive: true, force: true });
    process.exit(130);
  };
  if (!settings.keep) process.once("SIGINT", interrupted);
  try {
    store = await openStore({ url });
    const seedStarted = performance.now();
    const seed = await seedDashboardData(url, centerSpecs(settings.scalePercent), Date.now());
    const seedSeconds = (performance.now() - seedStarted) / 1_000;
    const [main] = seed.centers;
    const worker = main?.staff.find((member) => member.role === "caseworker");
    if (!main || !worker) throw new Error("the seed made no center with a caseworker");

    const config = loadConfig({
      LINE_CHANNEL_SECRET: "x",
      LINE_CHANNEL_ACCESS_TOKEN: "y",
      LINE_API_BASE_URL: "http://127.0.0.1:9",
    });
    const app = createApp(buildDeps(config, store, benchClassifier(), { log: silentLogger }));
    background = createBackground();
    const token = await logIn(app, background, worker.email);
    const cookie = `tsunagi_session=${token}`;

    const profiling = settings.profile ? new Session() : undefined;
    if (profiling) {
      profiling.connect();
      await profiling.post("Profiler.enable");
      mkdirSync(profileFolder, { recursive: true });
    }
    const runs: EndpointRun[] = [];
    const profiles: Record<string, unknown> = {};
    const profileNotes: string[] = [];
    const endpoints = endpointsFor(main);
    for (const endpoint of endpoints) {
      await warmUp(app, background, cookie, endpoint, settings, deadline);
      if (profiling) await profiling.post("Profiler.start");
      const run = await measureEndpoint(app, background, cookie, endpoint, settings, deadline);
      runs.push(run);
      if (profiling) {
        const { profile } = await profiling.post("Profiler.stop");
        const file = join(profileFolder, `dashboard-${endpoint.key}-${process.pid}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        const summary = summariseProfile(file, { top: 8 });
        profiles[endpoint.key] = summary;
        profileNotes.push(
          `  profile of ${endpoint.label}:`,
          ...formatProfileSummary(summary).map((text) => `    ${text}`),
        );
      }
    }
    profiling?.disconnect();

    const splits = await measureSplits(store, main, token, settings, deadline);

    recorder = new PlanRecorder(url);
    const plans = await explainQueries(recorder, config, endpoints, cookie, main);
    recorder.close();
    recorder = undefined;

    return report({
      settings,
      seedSeconds,
      seedRows: seed.rows,
      databaseMiB: statSync(databasePath).size / 1024 / 1024,
      main,
      runs,
      splits,
      plans,
      profiles,
      profileNotes,
    });
  } finally {
    process.off("SIGINT", interrupted);
    recorder?.close();
    await background?.drain();
    store?.close();
    if (settings.keep) console.log(`  kept ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

/** Logs in as the browser would and returns the session token from the cookie. */
/** Logs a seeded staff member in through the app; the session cookie's value. */
export async function logIn(app: App, background: Background, email: string): Promise<string> {
  const response = await app.request(
    "/api/login",
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: seedPassword }),
    },
    {},
    background,
  );
  await response.text();
  const match = /tsunagi_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "");
  if (response.status !== 200 || !match?.[1]) throw new Error(`login failed: ${response.status}`);
  return match[1];
}

/** JIT, the statement cache and the database's first pages, before anything is timed. */
export async function warmUp(
  app: App,
  background: Background,
  cookie: string,
  endpoint: { path: (i: number) => string },
  settings: { warmup: number },
  deadline: number,
): Promise<void> {
  for (let i = 0; i < settings.warmup && Date.now() < deadline; i++) {
    await (await app.request(endpoint.path(i), { headers: { cookie } }, {}, background)).text();
  }
}

/**
 * Sequential requests, each timed from the call into the app until its body has been read:
 * the server's time, with no socket in between.
 */
async function measureEndpoint(
  app: App,
  background: Background,
  cookie: string,
  endpoint: Endpoint,
  settings: Settings,
  deadline: number,
): Promise<EndpointRun> {
  const init = { headers: { cookie } };
  const statuses: Record<string, number> = {};
  let problem: string | null = null;
  let bytes = 0;
  const latencies = new Float64Array(settings.requests);
  const cpu = new Float64Array(settings.requests);
  const machineBefore = machineBusyMicros(clockTicks());
  const ownBefore = process.cpuUsage();
  const wallBefore = performance.now();
  let done = 0;
  for (; done < settings.requests && Date.now() < deadline; done++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const response = await app.request(endpoint.path(settings.warmup + done), init, {}, background);
    const body = await response.text();
    latencies[done] = performance.now() - started;
    const used = process.cpuUsage(cpuBefore);
    cpu[done] = (used.user + used.system) / 1_000;
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (done === 0) {
      bytes = Buffer.byteLength(body);
      problem = response.status === 200 ? (endpoint.check?.(body) ?? null) : null;
    }
  }
  const wallUs = (performance.now() - wallBefore) * 1_000;
  const own = process.cpuUsage(ownBefore);
  const others = machineBusyMicros(clockTicks()) - machineBefore - own.user - own.system;
  return {
    endpoint,
    latenciesMs: latencies.subarray(0, done).sort(),
    cpuMs: cpu.subarray(0, done).sort(),
    otherCoresBusy: wallUs > 0 ? Math.max(0, others / wallUs) : 0,
    skipped: settings.requests - done,
    statuses,
    bytes,
    problem,
  };
}

/**
 * The parts of a queue request timed alone, to tell where its time goes: the session lookup
 * and the audit write happen on every staff read, the query on every queue read.
 */
async function measureSplits(
  store: Store,
  main: SeededCenter,
  token: string,
  settings: Settings,
  deadline: number,
): Promise<Record<string, Timing>> {
  const worker = main.staff.find((member) => member.role === "caseworker");
  const staffId = worker?.id ?? "";
  const rounds = Math.min(settings.requests, 200);
  const parts: [string, () => Promise<unknown>][] = [
    ["authenticate (session + staff)", () => authenticate(store, token, Date.now())],
    [
      "audit write (one store.write)",
      () =>
        store.write((tx) =>
          insertAudit(tx, {
            centerId: main.id,
            actorStaffId: staffId,
            action: "escalation.list",
            subjectType: "escalation",
            subjectId: null,
            at: Date.now(),
          }),
        ),
    ],
    [
      "listQueue open+acknowledged, limit 500",
      () => listQueue(store.db, main.id, { statuses: ["open", "acknowledged"], limit: 500 }),
    ],
    [
      "listQueue all, limit 500",
      () =>
        listQueue(store.db, main.id, {
          statuses: ["open", "acknowledged", "resolved"],
          limit: 500,
        }),
    ],
    [
      "listQueue open+acknowledged, limit 201 (page)",
      () => listQueue(store.db, main.id, { statuses: ["open", "acknowledged"], limit: 201 }),
    ],
    ["listStaff (page)", () => listStaff(store.db, main.id)],
  ];
  const timings: Record<string, Timing> = {};
  for (const [name, part] of parts) {
    for (let i = 0; i < 10; i++) await part();
    const latencies = new Float64Array(rounds);
    let done = 0;
    for (; done < rounds && Date.now() < deadline; done++) {
      const started = performance.now();
      await part();
      latencies[done] = performance.now() - started;
    }
    timings[name] = { latenciesMs: latencies.subarray(0, done).sort(), skipped: rounds - done };
  }
  return timings;
}

/**
 * The plans of every query the measured endpoints run (each endpoint requested once through an
 * app on the recording store), then of the queue's filters the endpoints do not use.
 */
async function explainQueries(
  recorder: PlanRecorder,
  config: Config,
  endpoints: Endpoint[],
  cookie: string,
  main: SeededCenter,
): Promise<QueryPlan[]> {
  const app = createApp(
    buildDeps(config, recorder.store, benchClassifier(), { log: silentLogger }),
  );
  const background = createBackground();
  const open: EscalationStatus[] = ["open", "acknowledged"];
  // first, so the report can show it: the queue as the API's default asks for it
  const plans: QueryPlan[] = await recorder.explain("listQueue open+acknowledged", () =>
    listQueue(recorder.db, main.id, { statuses: open, limit: 500 }),
  );
  for (const endpoint of endpoints) {
    plans.push(
      ...(await recorder.explain(endpoint.label, async () => {
        const response = await app.request(
          endpoint.path(0),
          { headers: { cookie } },
          {},
          background,
        );
        await response.text();
        await background.drain();
        // a failed request would explain only the queries up to its failure
        if (response.status !== 200) {
          throw new Error(`${endpoint.label} answered ${response.status} while explaining`);
        }
      })),
    );
  }
  plans.push(
    ...(await recorder.explain("listQueue open, category=health", () =>
      listQueue(recorder.db, main.id, { statuses: ["open"], category: "health", limit: 500 }),
    )),
    ...(await recorder.explain("listQueue open+acknowledged, assignee=me", () =>
      listQueue(recorder.db, main.id, {
        statuses: open,
        assignedTo: main.staff[1]?.id,
        limit: 500,
      }),
    )),
  );
  return plans;
}

function report(input: {
  settings: Settings;
  seedSeconds: number;
  seedRows: Record<string, number>;
  databaseMiB: number;
  main: SeededCenter;
  runs: EndpointRun[];
  splits: Record<string, Timing>;
  plans: QueryPlan[];
  profiles: Record<string, unknown>;
  profileNotes: string[];
}): BenchmarkResult {
  const { settings, runs } = input;
  const ms = (sorted: Float64Array, q: number) => round(percentile(sorted, q), 2);
  const metrics: Record<string, number | null> = {
    seedSeconds: round(input.seedSeconds, 1),
    databaseMiB: round(input.databaseMiB, 1),
  };
  const labelWidth = Math.max(...runs.map((run) => run.endpoint.label.length));
  const lines: string[] = [];
  for (const run of runs) {
    const key = run.endpoint.key;
    const non200 = Object.entries(run.statuses)
      .filter(([status]) => status !== "200")
      .reduce((sum, [, n]) => sum + n, 0);
    metrics[`${key}P50Ms`] = ms(run.latenciesMs, 0.5);
    metrics[`${key}P95Ms`] = ms(run.latenciesMs, 0.95);
    metrics[`${key}P99Ms`] = ms(run.latenciesMs, 0.99);
    metrics[`${key}MaxMs`] = ms(run.latenciesMs, 1);
    metrics[`${key}CpuP50Ms`] = ms(run.cpuMs, 0.5);
    metrics[`${key}CpuP95Ms`] = ms(run.cpuMs, 0.95);
    metrics[`${key}OtherCoresBusy`] = round(run.otherCoresBusy, 2);
    metrics[`${key}Bytes`] = run.bytes;
    metrics[`${key}Requests`] = run.latenciesMs.length;
    metrics[`${key}Non200`] = non200;
    lines.push(
      [
        "dashboard",
        run.endpoint.label.padEnd(labelWidth),
        `n=${run.latenciesMs.length}`,
        `p50=${metrics[`${key}P50Ms`]}ms`,
        `p95=${metrics[`${key}P95Ms`]}ms`,
        `max=${metrics[`${key}MaxMs`]}ms`,
        `cpu p50=${metrics[`${key}CpuP50Ms`]}ms p95=${metrics[`${key}CpuP95Ms`]}ms`,
        `size=${formatBytes(run.bytes)}`,
        `non200=${non200}`,
      ].join("  "),
    );
  }

  const rows = input.seedRows;
  const notes = [
    `  seeded in ${round(input.seedSeconds, 1)} s (${round(input.databaseMiB, 0)} MiB): ` +
      Object.entries(rows)
        .map(([table, n]) => `${table} ${n.toLocaleString("en")}`)
        .join(", "),
    `  main center: ${input.main.registrantIds.length.toLocaleString("en")} registrants, ` +
      `${input.main.unresolvedEscalationIds.length.toLocaleString("en")} open or acknowledged of ` +
      `${(input.main.unresolvedEscalationIds.length + input.main.resolvedEscalationIds.length).toLocaleString("en")} escalations; ` +
      `requests as a caseworker, sequential, in process, body read`,
  ];
  const slow = runs.filter((run) => (percentile(run.latenciesMs, 0.95) ?? 0) >= targetP95Ms);
  notes.push(
    slow.length === 0
      ? `  target p95 < ${targetP95Ms} ms: met by every endpoint`
      : `  target p95 < ${targetP95Ms} ms: MISSED by ${slow.map((run) => run.endpoint.label).join(", ")}`,
  );
  const noisy = runs.filter((run) => run.otherCoresBusy > 0.2);
  if (noisy.length > 0) {
    notes.push(
      `  noisy: other processes kept ${noisy.map((run) => round(run.otherCoresBusy, 1)).join(" / ")} ` +
        `cores busy during ${noisy.map((run) => run.endpoint.key).join(" / ")}; compare cpu figures`,
    );
  }
  for (const run of runs) {
    if (run.problem !== null)
      notes.push(`  WRONG ANSWER from ${run.endpoint.label}: ${run.problem}`);
    if (run.skipped > 0)
      notes.push(`  time limit: ${run.skipped} requests of ${run.endpoint.label} not sent`);
  }
  notes.push("  parts of a request, timed alone (p50 / p95):");
  for (const [name, timing] of Object.entries(input.splits)) {
    notes.push(
      `    ${name.padEnd(46)} ${ms(timing.latenciesMs, 0.5)} / ${ms(timing.latenciesMs, 0.95)} ms`,
    );
  }
  const queuePlan = input.plans[0];
  if (queuePlan)
    notes.push(`  plan of the queue query:`, ...queuePlan.plan.map((step) => `    ${step}`));
  for (const warning of planWarnings(input.plans)) notes.push(`  plan: ${warning}`);
  if (settings.profile) {
    notes.push("  profiled: the inspector slows the app, so this run's times read high");
    notes.push(...input.profileNotes);
  }

  return {
    name: "dashboard",
    params: {
      requests: settings.requests,
      warmup: settings.warmup,
      scalePercent: settings.scalePercent,
      profiled: settings.profile,
      databaseFolder: settings.databaseParent,
      client: "app.request in process, sequential",
    },
    metrics,
    summary: lines.join("\n"),
    notes,
    details: {
      targetP95Ms,
      seedRows: rows,
      endpoints: Object.fromEntries(
        runs.map((run) => [
          run.endpoint.key,
          {
            label: run.endpoint.label,
            statuses: run.statuses,
            bytes: run.bytes,
            problem: run.problem,
            latencyHistogramMs: histogram(run.latenciesMs),
          },
        ]),
      ),
      splits: Object.fromEntries(
        Object.entries(input.splits).map(([name, timing]) => [
          name,
          {
            p50Ms: ms(timing.latenciesMs, 0.5),
            p95Ms: ms(timing.latenciesMs, 0.95),
            maxMs: ms(timing.latenciesMs, 1),
            n: timing.latenciesMs.length,
          },
        ]),
      ),
      queryPlans: input.plans,
      ...(settings.profile ? { profiles: input.profiles } : {}),
    },
  };
}

export function formatBytes(bytes: number): string {
  return bytes >= 10_240 ? `${Math.round(bytes / 1024)}KiB` : `${bytes}B`;
}
