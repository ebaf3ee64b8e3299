// The schedule benchmark: Friday 18:00's check-ins for 100,000 registrants, sent to a rate-limited mock LINE.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client, type InValue } from "@libsql/client";
import { sql } from "drizzle-orm";
import { createLineApi, type LineApi } from "../src/line/api";
import { threadedMulticast, type ThreadedMulticast } from "../src/line/node-multicast";
import { newLineUserId } from "../src/line/user-id";
import type { Logger } from "../src/core/log";
import { nextWeeklySlot } from "../src/time/calendar";
import { multicastLimit, sendDueCheckins } from "../src/checkins/send";
import { deliverDue, type DeliveryDeps } from "../src/outbox/delivery";
import type { Store } from "../src/store/db";
import { usersInCheckin } from "../src/store/checkins";
import { closeStore, openStore } from "../src/store/open-node";
import {
  flagFromEnv,
  intFromEnv,
  machineBusyMicros,
  type Benchmark,
  type BenchmarkResult,
} from "./harness";
import { serveMockLineInThread, type MockLineThread } from "./mock-line-thread";
import { formatProfileSummary, profileFolder, summariseProfile } from "./profile";
import { clockTicks } from "./server";
import { histogram, percentile, round } from "./stats";

/** Issue 16's target for the whole job, database work included. */
const targetSeconds = 1.5;
const accessToken = "bench-access-token";
const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
const weekMs = 7 * dayMs;
/** The default slot (DESIGN §4): Friday 18:00 Japan time. */
const friday = 5;
const sixPm = 18 * 60;

/**
 * How the bench hands the outbox to LINE. `as-is` is src as runTick runs it: the fan-out gets
 * the LineApi (paced inside src) and sends each write's multicasts once it commits, then the
 * sweep delivers whatever is left. `paced` gives the fan-out no LineApi, so the sweep sends
 * everything afterwards, through a second pacer in the bench. `overlapped` is `paced` with the
 * sweep running while the check-ins are still being scheduled.
 */
const variantNames = ["as-is", "paced", "overlapped"] as const;
type VariantName = (typeof variantNames)[number];

interface Settings {
  registrants: number;
  centers: number;
  /** `sendDueCheckins`' batch: registrants per read and per write transaction. */
  scheduleBatch: number;
  /** Rows per `deliverDue` call (runTick uses 100), called until nothing is left. */
  deliverLimit: number;
  /** LINE's multicast limit, enforced by the mock with 429s. */
  perSecond: number;
  burst: number;
  lineDelayMs: number;
  variants: VariantName[];
  timeLimitMs: number;
  databaseParent: string;
  profile: boolean;
  keep: boolean;
}

function readSettings(): Settings {
  const variants = (process.env.BENCH_SCHEDULE_VARIANTS || variantNames.join(","))
    .split(",")
    .map((name) => name.trim());
  const unknown = variants.filter((name) => !isVariantName(name));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_SCHEDULE_VARIANTS: unknown ${unknown.join(", ")} (have ${variantNames.join(", ")})`,
    );
  }
  return {
    registrants: intFromEnv("BENCH_SCHEDULE_REGISTRANTS", 100_000, 1, 1_000_000),
    centers: intFromEnv("BENCH_SCHEDULE_CENTERS", 20, 1, 1_000),
    scheduleBatch: intFromEnv("BENCH_SCHEDULE_BATCH", 25_000, 1, 100_000),
    deliverLimit: intFromEnv("BENCH_SCHEDULE_DELIVER_LIMIT", 100, 1, 10_000),
    perSecond: intFromEnv("BENCH_SCHEDULE_RATE", 200, 1, 100_000),
    burst: intFromEnv("BENCH_SCHEDULE_BURST", 10, 1, 100_000),
    lineDelayMs: intFromEnv("BENCH_SCHEDULE_LINE_DELAY_MS", 0, 0, 10_000),
    variants: variants.filter(isVariantName),
    timeLimitMs: intFromEnv("BENCH_TIME_LIMIT_S", 300, 10, 3_600) * 1_000,
    databaseParent: process.env.BENCH_DB_DIR || tmpdir(),
    profile: flagFromEnv("BENCH_PROFILE"),
    keep: flagFromEnv("BENCH_KEEP"),
  };
}

function isVariantName(name: string): name is VariantName {
  return (variantNames as readonly string[]).includes(name);
}

export const scheduleBenchmark: Benchmark = { name: "schedule", run: runScheduleBenchmark };

async function runScheduleBenchmark(): Promise<BenchmarkResult> {
  const settings = readSettings();
  const deadline = Date.now() + settings.timeLimitMs;
  const folder = mkdtempSync(join(settings.databaseParent, "bench-schedule-"));
  const seedPath = join(folder, "seed.db");
  // The most recent Friday 18:00 in Japan: the slot every seeded registrant is due at.
  const slot = nextWeeklySlot(Date.now() - weekMs, friday, sixPm);
  try {
    const seedStarted = performance.now();
    // migrated by the app's own code, then filled over a plain connection
    (await openStore({ url: `file:${seedPath}` })).close();
    await seedRegistrants(`file:${seedPath}`, settings, slot);
    const seedSeconds = (performance.now() - seedStarted) / 1_000;
    const databaseMiB = statSync(seedPath).size / 1024 / 1024;

    const runs: VariantRun[] = [];
    for (const variant of settings.variants) {
      // every variant starts from the same seeded file, so none sees another's rows
      const path = join(folder, `${variant}.db`);
      copyFileSync(seedPath, path);
      runs.push(await runVariant(variant, `file:${path}`, settings, slot, deadline));
      if (!settings.keep) removeDatabase(path);
    }
    return report(settings, seedSeconds, databaseMiB, runs);
  } finally {
    if (settings.keep) console.log(`  kept ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Seeding

/** Bound variables per statement: well under SQLite's 32,766, big enough to amortise parsing. */
const variablesPerStatement = 6_000;

/**
 * Registrants due at `slot`, each linked, consenting, active and following, spread over a few
 * centers; written with multi-row INSERTs in one transaction per table, outside the app.
 */
async function seedRegistrants(url: string, settings: Settings, slot: number): Promise<void> {
  const client = createClient({ url });
  try {
    // the indexes on random ids outgrow SQLite's default 2 MiB page cache many times over
    await client.execute("PRAGMA cache_size = -262144");
    const created = slot - 200 * dayMs;
    const centerIds = Array.from({ length: settings.centers }, () => crypto.randomUUID());
    await insertRows(
      client,
      "centers",
      ["id", "name", "created_at"],
      centerIds.map((id, i) => [id, `ベンチセンター ${i + 1}`, created]),
    );
    const people = Array.from({ length: settings.registrants }, () => ({
      id: crypto.randomUUID(),
      lineUserId: newLineUserId(),
    }));
    await insertRows(
      client,
      "registrants",
      [
        "id",
        "center_id",
        "display_name",
        "line_user_id",
        "linked_at",
        "consented_at",
        "status",
        "checkin_weekday",
        "checkin_minute",
        "next_checkin_at",
        "created_at",
      ],
      people.map((person, i) => [
        person.id,
        centerIds[i % centerIds.length] ?? "",
        `登録者 ${i + 1}`,
        person.lineUserId,
        created + dayMs,
        created + 2 * dayMs,
        "active",
        friday,
        sixPm,
        slot,
        created,
      ]),
    );
    await insertRows(
      client,
      "line_accounts",
      ["line_user_id", "role", "person_id", "following", "first_seen_at", "last_seen_at"],
      people.map((person) => [
        person.lineUserId,
        "registrant",
        person.id,
        1,
        created + dayMs,
        slot - dayMs,
      ]),
    );
    // A live database was checkpointed long ago; the run should not start with a big WAL.
    await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    client.close();
  }
}

async function insertRows(
  client: Client,
  table: string,
  columns: readonly string[],
  rows: InValue[][],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(variablesPerStatement / columns.length));
  const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const tx = await client.transaction("write");
  try {
    for (let from = 0; from < rows.length; from += perStatement) {
      const part = rows.slice(from, from + perStatement);
      await tx.execute({
        sql: head + part.map(() => tuple).join(", "),
        args: part.flat(),
      });
    }
    await tx.commit();
  } finally {
    tx.close();
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
}

// ---------------------------------------------------------------------------------------------
// One run

interface MulticastCall {
  /** From the start of the measured job. */
  startedMs: number;
  latencyMs: number;
  status: string;
}

interface VariantRun {
  variant: VariantName;
  scheduleMs: number;
  deliveryMs: number;
  /** From the first multicast leaving until the last answer came back. */
  sendingMs: number | null;
  deliverRounds: number;
  timedOut: boolean;
  scheduled: { started: number; skipped: number; multicasts: number };
  calls: MulticastCall[];
  throttled: number;
  accepted: { calls: number; recipients: number; distinctRecipients: number };
  /** Answers to the calls the rate limit let through (200, 409 for a retry key seen before …). */
  mockStatuses: Record<string, number>;
  /** Cores other processes kept busy during the job: above ~0.2 the figures are noisy. */
  otherCoresBusy: number;
  database: DatabaseCounts;
  cpuMs: { schedule: number; delivery: number };
  sendFailures: Record<string, number>;
  profileNotes: string[];
  profile: unknown;
}

async function runVariant(
  variant: VariantName,
  url: string,
  settings: Settings,
  slot: number,
  deadline: number,
): Promise<VariantRun> {
  let line: MockLineThread | undefined;
  let store: Store | undefined;
  let profiling: Session | undefined;
  let multicastThread: ThreadedMulticast | undefined;
  try {
    line = await serveMockLineInThread(accessToken, {
      rateLimits: { multicast: { perSecond: settings.perSecond, burst: settings.burst } },
      delayMs: settings.lineDelayMs,
    });
    // as the Node entry opens it: the WAL checkpointed from a thread of its own
    store = await openStore({ url, checkpointInThread: variant === "as-is" });
    const sendFailures: Record<string, number> = {};
    const log = countingLogger(sendFailures);
    const calls: MulticastCall[] = [];
    const origin = performance.now();
    // Friday 18:00 plus the time the job has taken: due rows are due, sends move on.
    const clock = () => slot + Math.floor(performance.now() - origin);
    // as the Node entry builds it: multicasts from a thread of their own, started at boot
    multicastThread =
      variant === "as-is"
        ? threadedMulticast({ channelAccessToken: accessToken, baseUrl: line.url })
        : undefined;
    await multicastThread?.ready;
    const sdk = timed(
      createLineApi({
        channelAccessToken: accessToken,
        baseUrl: line.url,
        multicast: multicastThread?.send,
      }),
      { calls, origin },
    );
    const api = variant === "as-is" ? sdk : paced(sdk, settings.perSecond);
    const deliveryDeps = { store, line: api, clock, log };

    if (settings.profile) {
      profiling = new Session();
      profiling.connect();
      await profiling.post("Profiler.enable");
      await profiling.post("Profiler.start");
    }
    const machineBefore = machineBusyMicros(clockTicks());
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    let scheduling = true;
    const deliveringAlongside =
      variant === "overlapped"
        ? deliverUntilEmpty(deliveryDeps, settings.deliverLimit, deadline, () => scheduling)
        : undefined;
    const scheduled = await sendDueCheckins(
      {
        store,
        clock,
        log,
        settings: { reminderAfterHours: 24, pushBudgetPerMonth: undefined },
        // as runTick passes it: the fan-out sends each batch's multicasts once it commits
        line: variant === "as-is" ? api : undefined,
      },
      settings.scheduleBatch,
    );
    const scheduleMs = performance.now() - started;
    scheduling = false;
    const cpuScheduled = process.cpuUsage(cpuStart);
    const delivered = await (deliveringAlongside ??
      deliverUntilEmpty(deliveryDeps, settings.deliverLimit, deadline, () => false));
    const deliveryMs = performance.now() - started - scheduleMs;
    const cpuAll = process.cpuUsage(cpuStart);
    const machineBusyUs = machineBusyMicros(clockTicks()) - machineBefore;

    let profileNotes: string[] = [];
    let profile: unknown = null;
    if (profiling) {
      const { profile: taken } = await profiling.post("Profiler.stop");
      profiling.disconnect();
      profiling = undefined;
      mkdirSync(profileFolder, { recursive: true });
      const file = join(profileFolder, `schedule-${variant}-${process.pid}.cpuprofile`);
      writeFileSync(file, JSON.stringify(taken));
      const summary = summariseProfile(file, { top: 12 });
      profile = summary;
      profileNotes = [
        `  profile of ${variant} (main thread: the job; the mock has a thread of its own):`,
        ...formatProfileSummary(summary).map((text) => `    ${text}`),
      ];
    }

    await closeStore(store);
    store = undefined;
    const tally = await line.tally();
    const first = calls.reduce((min, call) => Math.min(min, call.startedMs), Infinity);
    const last = calls.reduce((max, call) => Math.max(max, call.startedMs + call.latencyMs), 0);
    return {
      variant,
      scheduleMs,
      deliveryMs,
      sendingMs: calls.length > 0 ? last - first : null,
      deliverRounds: delivered.rounds,
      timedOut: delivered.timedOut,
      scheduled,
      calls,
      throttled: tally.throttled.multicast,
      accepted: tally.accepted.multicast,
      mockStatuses: tally.statuses,
      database: await countRows(url, slot + weekMs, slot + 60 * minuteMs),
      cpuMs: {
        schedule: (cpuScheduled.user + cpuScheduled.system) / 1_000,
        delivery: (cpuAll.user + cpuAll.system - cpuScheduled.user - cpuScheduled.system) / 1_000,
      },
      otherCoresBusy:
        (machineBusyUs - cpuAll.user - cpuAll.system) / 1_000 / (scheduleMs + deliveryMs),
      sendFailures,
      profileNotes,
      profile,
    };
  } finally {
    profiling?.disconnect();
    store?.close();
    await multicastThread?.close();
    await line?.close();
  }
}

/**
 * Calls `deliverDue` until the outbox is empty; while `moreComing()` says rows are still being
 * added, an empty outbox means waiting a moment rather than stopping.
 */
async function deliverUntilEmpty(
  deps: DeliveryDeps,
  limit: number,
  deadline: number,
  moreComing: () => boolean,
): Promise<{ rounds: number; timedOut: boolean }> {
  let rounds = 0;
  for (;;) {
    if (Date.now() > deadline) return { rounds, timedOut: true };
    // read before the claim: a batch committed during it is claimed by the next round
    const last = !moreComing();
    const handled = await deliverDue(deps, limit);
    rounds++;
    if (handled > 0) continue;
    if (last) return { rounds, timedOut: false };
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** Counts what delivery logs as failed sends, by error, and drops the rest. */
function countingLogger(sendFailures: Record<string, number>): Logger {
  return {
    info() {},
    warn(event, fields) {
      const key = `${event}:${String(fields?.error ?? "")}`;
      sendFailures[key] = (sendFailures[key] ?? 0) + 1;
    },
    error(event) {
      sendFailures[event] = (sendFailures[event] ?? 0) + 1;
    },
  };
}

/**
 * Times every multicast through the real SDK: the bench's pacer waits outside the timing, a
 * pacer inside src's LineApi would be inside it.
 */
function timed(line: LineApi, into: { calls: MulticastCall[]; origin: number }): LineApi {
  return {
    reply: (replyToken, messages) => line.reply(replyToken, messages),
    push: (to, messages, retryKey) => line.push(to, messages, retryKey),
    linkRichMenu: (userId, richMenuId) => line.linkRichMenu(userId, richMenuId),
    unlinkRichMenu: (userId) => line.unlinkRichMenu(userId),
    async multicast(to, messages, retryKey) {
      const started = performance.now();
      const result = await line.multicast(to, messages, retryKey);
      into.calls.push({
        startedMs: started - into.origin,
        latencyMs: performance.now() - started,
        status: result.ok ? "ok" : result.error,
      });
      return result;
    },
  };
}

/**
 * Lets multicasts start at most `perSecond` a second: LINE counts per second and answers 429
 * beyond it, so a sender has to keep under the limit itself rather than retry. Spacing is
 * measured from when the previous call really left, so a busy event loop (a commit blocks it)
 * cannot let late calls out in a burst.
 */
function paced(line: LineApi, perSecond: number): LineApi {
  const intervalMs = 1_000 / perSecond;
  let lastRelease = -Infinity;
  let queue: Promise<void> = Promise.resolve();
  const turn = (): Promise<void> => {
    queue = queue.then(async () => {
      const wait = lastRelease + intervalMs - performance.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      lastRelease = performance.now();
    });
    return queue;
  };
  return {
    reply: (replyToken, messages) => line.reply(replyToken, messages),
    push: (to, messages, retryKey) => line.push(to, messages, retryKey),
    linkRichMenu: (userId, richMenuId) => line.linkRichMenu(userId, richMenuId),
    unlinkRichMenu: (userId) => line.unlinkRichMenu(userId),
    async multicast(to, messages, retryKey) {
      await turn();
      return line.multicast(to, messages, retryKey);
    },
  };
}

interface DatabaseCounts {
  checkinsByStatus: Record<string, number>;
  /** Conversations written: none, each begins with the person's first answer. */
  checkinConversations: number;
  /** Check-ins 'sent' whose person the app counts as in a check-in (`usersInCheckin`). */
  checkinsWaiting: number;
  outboxByStatus: Record<string, number>;
  outboxRecipientsSent: number;
  /** Registrants whose next check-in is exactly a week after this one. */
  nextWeek: number;
  stillDue: number;
  pushUsage: number;
}

/** How many registrants the app itself counts as in a check-in an hour after the slot. */
async function waiting(url: string, at: number): Promise<number> {
  const store = await openStore({ url });
  try {
    const rows = await store.db.all<{ id: string }>(
      sql`select line_user_id as id from registrants where line_user_id is not null`,
    );
    return (
      await usersInCheckin(
        store.db,
        rows.map((row) => row.id),
        at,
      )
    ).size;
  } finally {
    store.close();
  }
}

async function countRows(url: string, nextSlot: number, at: number): Promise<DatabaseCounts> {
  const checkinsWaiting = await waiting(url, at);
  const client = createClient({ url });
  try {
    const byStatus = async (sql: string) => {
      const result = await client.execute(sql);
      return Object.fromEntries(
        result.rows.map((row) => [
          typeof row.status === "string" ? row.status : "?",
          Number(row.n),
        ]),
      );
    };
    const one = async (sql: string, args: InValue[] = []) =>
      Number((await client.execute({ sql, args })).rows[0]?.n ?? 0);
    return {
      checkinsByStatus: await byStatus(
        "select status, count(*) as n from checkins group by status",
      ),
      checkinsWaiting,
      checkinConversations: await one(
        "select count(*) as n from conversations where flow = 'checkin'",
      ),
      outboxByStatus: await byStatus("select status, count(*) as n from outbox group by status"),
      outboxRecipientsSent: await one(
        "select coalesce(sum(json_array_length(recipients)), 0) as n from outbox where status = 'sent'",
      ),
      nextWeek: await one("select count(*) as n from registrants where next_checkin_at = ?", [
        nextSlot,
      ]),
      stillDue: await one("select count(*) as n from registrants where next_checkin_at < ?", [
        nextSlot,
      ]),
      pushUsage: await one("select coalesce(sum(messages), 0) as n from push_usage"),
    };
  } finally {
    client.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

/** What the job must have left behind; an empty list when it did everything. */
function problemsOf(run: VariantRun, settings: Settings): string[] {
  const n = settings.registrants;
  const expectedCalls = Math.ceil(n / multicastLimit);
  const db = run.database;
  const problems: string[] = [];
  const expect = (what: string, got: number, want: number) => {
    if (got !== want)
      problems.push(`${what} ${got.toLocaleString("en")}/${want.toLocaleString("en")}`);
  };
  expect("check-ins started", run.scheduled.started, n);
  expect("check-ins 'sent'", db.checkinsByStatus.sent ?? 0, n);
  expect("check-in conversations written at send time", db.checkinConversations, 0);
  expect("check-ins waiting for their first answer", db.checkinsWaiting, n);
  expect("next check-in a week on", db.nextWeek, n);
  expect("outbox rows 'sent'", db.outboxByStatus.sent ?? 0, expectedCalls);
  expect("recipients in sent outbox rows", db.outboxRecipientsSent, n);
  expect("multicasts accepted by LINE", run.accepted.calls, expectedCalls);
  expect("distinct recipients reached", run.accepted.distinctRecipients, n);
  if (run.accepted.recipients !== run.accepted.distinctRecipients) {
    problems.push(
      `${run.accepted.recipients - run.accepted.distinctRecipients} recipients reached twice`,
    );
  }
  if ((db.outboxByStatus.failed ?? 0) > 0)
    problems.push(`${db.outboxByStatus.failed} outbox rows 'failed'`);
  if ((db.outboxByStatus.pending ?? 0) > 0)
    problems.push(`${db.outboxByStatus.pending} outbox rows still pending`);
  if (run.timedOut) problems.push("time limit reached before the outbox was empty");
  return problems;
}

function report(
  settings: Settings,
  seedSeconds: number,
  databaseMiB: number,
  runs: VariantRun[],
): BenchmarkResult {
  const metrics: Record<string, number | null> = {
    seedSeconds: round(seedSeconds, 2),
    databaseMiB: round(databaseMiB, 1),
  };
  const floorSeconds = Math.max(
    0,
    (Math.ceil(settings.registrants / multicastLimit) - settings.burst) / settings.perSecond,
  );
  const lines: string[] = [];
  const notes: string[] = [
    `  seeded ${settings.registrants.toLocaleString("en")} registrants (due Friday 18:00 JST, ` +
      `linked, consenting, following) in ${settings.centers} centers in ${round(seedSeconds, 2)} s, ` +
      `${round(databaseMiB, 0)} MiB; not part of the figures`,
    `  mock LINE: multicast ${settings.perSecond}/s (token bucket of ${settings.burst}, 429 beyond)` +
      (settings.lineDelayMs > 0 ? `, ${settings.lineDelayMs} ms added per answer` : "") +
      `; floor for the sends ≈ ${round(floorSeconds, 2)} s`,
  ];
  const details: Record<string, unknown> = { targetSeconds, floorSeconds };
  const width = Math.max(...runs.map((run) => run.variant.length));
  for (const run of runs) {
    const key = run.variant === "as-is" ? "asIs" : run.variant;
    const wallSeconds = (run.scheduleMs + run.deliveryMs) / 1_000;
    const latencies = Float64Array.from(run.calls.map((call) => call.latencyMs)).sort();
    const ms = (q: number) => round(percentile(latencies, q), 2);
    const problems = problemsOf(run, settings);
    const figures = {
      WallSeconds: round(wallSeconds, 3),
      ScheduleSeconds: round(run.scheduleMs / 1_000, 3),
      DeliverySeconds: round(run.deliveryMs / 1_000, 3),
      SendingSeconds: round(run.sendingMs === null ? null : run.sendingMs / 1_000, 3),
      ScheduleCpuSeconds: round(run.cpuMs.schedule / 1_000, 3),
      DeliveryCpuSeconds: round(run.cpuMs.delivery / 1_000, 3),
      MulticastCalls: run.calls.length,
      MulticastAccepted: run.accepted.calls,
      Throttled429: run.throttled,
      RecipientsDelivered: run.accepted.distinctRecipients,
      MulticastP50Ms: ms(0.5),
      MulticastP95Ms: ms(0.95),
      MulticastMaxMs: ms(1),
      DeliverRounds: run.deliverRounds,
      CheckinsSent: run.database.checkinsByStatus.sent ?? 0,
      CheckinConversations: run.database.checkinConversations,
      CheckinsWaiting: run.database.checkinsWaiting,
      OutboxSent: run.database.outboxByStatus.sent ?? 0,
      OutboxFailed: run.database.outboxByStatus.failed ?? 0,
      OutboxPending: run.database.outboxByStatus.pending ?? 0,
      NextCheckinAWeekOn: run.database.nextWeek,
      PushUsage: run.database.pushUsage,
      OtherCoresBusy: round(run.otherCoresBusy, 2),
      Problems: problems.length,
    };
    for (const [name, value] of Object.entries(figures)) metrics[key + name] = value;
    const expectedCalls = Math.ceil(settings.registrants / multicastLimit);
    lines.push(
      [
        "schedule",
        run.variant.padEnd(width),
        `registrants=${settings.registrants}`,
        `wall=${figures.WallSeconds}s (schedule ${figures.ScheduleSeconds}s, then deliver ${figures.DeliverySeconds}s)`,
        `multicasts=${run.accepted.calls}/${expectedCalls}`,
        `calls=${run.calls.length}`,
        `429=${run.throttled}`,
        `recipients=${run.accepted.distinctRecipients}/${settings.registrants}`,
        `p50=${figures.MulticastP50Ms}ms`,
        `p95=${figures.MulticastP95Ms}ms`,
        problems.length === 0 ? "verified" : "WRONG",
      ].join("  "),
    );
    notes.push(
      `  ${run.variant}: ${wallSeconds <= targetSeconds && problems.length === 0 ? "met" : "MISSED"} ` +
        `the target (< ${targetSeconds} s, everything delivered); CPU ${figures.ScheduleCpuSeconds} s ` +
        `scheduling, ${figures.DeliveryCpuSeconds} s delivering; ${run.deliverRounds} deliverDue ` +
        `rounds of ≤ ${settings.deliverLimit}; first multicast to last answer ${figures.SendingSeconds} s`,
    );
    if (problems.length > 0) notes.push(`    not done: ${problems.join("; ")}`);
    if (run.otherCoresBusy > 0.2) {
      notes.push(
        `    noisy: other processes kept ${figures.OtherCoresBusy} cores busy during the job`,
      );
    }
    const failures = Object.entries(run.sendFailures);
    if (failures.length > 0) {
      notes.push(`    logged: ${failures.map(([event, n]) => `${event} ×${n}`).join(", ")}`);
    }
    notes.push(...run.profileNotes);
    details[key] = {
      scheduled: run.scheduled,
      checkinsByStatus: run.database.checkinsByStatus,
      outboxByStatus: run.database.outboxByStatus,
      stillDue: run.database.stillDue,
      sendFailures: run.sendFailures,
      callStatuses: countBy(run.calls.map((call) => call.status)),
      mockStatuses: run.mockStatuses,
      multicastLatencyHistogramMs: histogram(latencies),
      problems,
      ...(run.profile === null ? {} : { profile: run.profile }),
    };
  }
  if (settings.profile)
    notes.push("  profiled: the inspector slows the job, so this run's times read high");

  return {
    name: "schedule",
    params: {
      registrants: settings.registrants,
      centers: settings.centers,
      scheduleBatch: settings.scheduleBatch,
      deliverLimit: settings.deliverLimit,
      multicastPerSecond: settings.perSecond,
      multicastBurst: settings.burst,
      lineDelayMs: settings.lineDelayMs,
      variants: settings.variants.join(","),
      profiled: settings.profile,
      databaseFolder: settings.databaseParent,
      client: "@line/bot-sdk over loopback, in process",
    },
    metrics,
    summary: lines.join("\n"),
    notes,
    details,
  };
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
