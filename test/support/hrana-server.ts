// A test-only libSQL server: enough of Hrana over HTTP (v2, JSON) for @libsql/client/web, on a file.
import { Buffer } from "node:buffer";
import { Hono } from "hono";
import Database from "libsql";
import * as z from "zod";

/*
 * The protocol (https://github.com/tursodatabase/libsql/blob/main/docs/HRANA_3_SPEC.md): the client
 * POSTs a pipeline of requests to /v2/pipeline; the first pipeline of a stream carries no baton, and
 * each answer hands back a fresh baton that names the same stream next time. A stream is one SQLite
 * connection, so an interactive transaction (BEGIN in one pipeline, COMMIT in a later one) stays on
 * its connection. @libsql/client/web speaks v2 over JSON and never probes for v3, so that is all
 * this serves: no cursors, no protobuf, no `describe`.
 */

const valueSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("null") }),
  z.object({ type: z.literal("integer"), value: z.string() }),
  z.object({ type: z.literal("float"), value: z.number() }),
  z.object({ type: z.literal("text"), value: z.string() }),
  z.object({ type: z.literal("blob"), base64: z.string() }),
]);
type Value = z.infer<typeof valueSchema>;

const stmtSchema = z.object({
  sql: z.string().optional(),
  sql_id: z.number().int().optional(),
  args: z.array(valueSchema).default([]),
  named_args: z.array(z.object({ name: z.string(), value: valueSchema })).default([]),
});
type Stmt = z.infer<typeof stmtSchema>;

type BatchCond =
  | { type: "ok" | "error"; step: number }
  | { type: "not"; cond: BatchCond }
  | { type: "and" | "or"; conds: BatchCond[] }
  | { type: "is_autocommit" };

const condSchema: z.ZodType<BatchCond> = z.lazy(() =>
  z.union([
    z.object({ type: z.enum(["ok", "error"]), step: z.number().int() }),
    z.object({ type: z.literal("not"), cond: condSchema }),
    z.object({ type: z.enum(["and", "or"]), conds: z.array(condSchema) }),
    z.object({ type: z.literal("is_autocommit") }),
  ]),
);

const requestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("execute"), stmt: stmtSchema }),
  z.object({
    type: z.literal("batch"),
    batch: z.object({
      steps: z.array(z.object({ condition: condSchema.nullish(), stmt: stmtSchema })),
    }),
  }),
  z.object({
    type: z.literal("sequence"),
    sql: z.string().optional(),
    sql_id: z.number().int().optional(),
  }),
  z.object({ type: z.literal("store_sql"), sql_id: z.number().int(), sql: z.string() }),
  z.object({ type: z.literal("close_sql"), sql_id: z.number().int() }),
  z.object({ type: z.literal("get_autocommit") }),
  z.object({ type: z.literal("close") }),
  z.object({ type: z.literal("describe") }),
]);
type StreamRequest = z.infer<typeof requestSchema>;

const pipelineSchema = z.object({
  baton: z.string().nullish(),
  requests: z.array(requestSchema),
});

interface StmtResult {
  cols: { name: string; decltype: string | null }[];
  rows: Value[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}

interface Stream {
  db: Database.Database;
  /** SQL texts the client stored with `store_sql`; ids are scoped to the stream. */
  sqls: Map<number, string>;
  idleTimer: NodeJS.Timeout | undefined;
}

class HranaError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface HranaServerOptions {
  /** The SQLite file every stream opens (migrated beforehand; WAL lets streams read alongside). */
  path: string;
  /** When set, requests must carry `Authorization: Bearer <token>`, as Turso demands. */
  authToken?: string;
  /** A stream left idle this long is closed and its transaction rolled back (sqld: 10 s). */
  streamIdleMs?: number;
}

export interface HranaServer {
  /** The Hono app; serve its fetch on a port and hand the URL to the client. */
  app: Hono;
  /** How many streams (connections) are open now: a leak check for tests. */
  openStreams(): number;
  close(): void;
}

export function createHranaServer(options: HranaServerOptions): HranaServer {
  const streams = new Map<string, Stream>();
  const idleMs = options.streamIdleMs ?? 10_000;
  /**
   * The stream with an open transaction, if any: other streams' writes wait for it to end, as
   * writers queue on Turso (reads go ahead on their WAL snapshot). Leaving it to SQLite would not
   * do: its busy wait would block this process and with it the holder, and a statement refused
   * with SQLITE_BUSY stays half-run and then blocks its own connection's COMMIT.
   */
  let holder: Stream | undefined;
  let waiters: (() => void)[] = [];

  async function takeTurn(stream: Stream): Promise<void> {
    while (holder !== undefined && holder !== stream) {
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }

  function endTurn(stream: Stream): void {
    if (stream.db.open && stream.db.inTransaction) {
      holder = stream;
    } else if (holder === stream) {
      holder = undefined;
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    }
  }

  function openStream(): Stream {
    return { db: new Database(options.path), sqls: new Map(), idleTimer: undefined };
  }

  function park(stream: Stream): string {
    const baton = crypto.randomUUID();
    streams.set(baton, stream);
    stream.idleTimer = setTimeout(() => {
      streams.delete(baton);
      closeStream(stream);
      endTurn(stream);
    }, idleMs);
    stream.idleTimer.unref();
    return baton;
  }

  const app = new Hono();

  app.use(async (c, next) => {
    if (options.authToken !== undefined) {
      if (c.req.header("authorization") !== `Bearer ${options.authToken}`) {
        return c.json({ message: "Authentication required" }, 401);
      }
    }
    await next();
  });

  app.get("/v2", (c) => c.text("Hrana v2"));

  app.post("/v2/pipeline", async (c) => {
    const body = pipelineSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return c.json({ message: "Malformed pipeline request" }, 400);
    let stream: Stream;
    if (body.data.baton) {
      const parked = streams.get(body.data.baton);
      if (!parked) return c.json({ message: "Unknown or expired baton" }, 400);
      streams.delete(body.data.baton);
      clearTimeout(parked.idleTimer);
      stream = parked;
    } else {
      stream = openStream();
    }

    if (body.data.requests.some((request) => mayWrite(stream, request))) await takeTurn(stream);
    // synchronous from here on: no other pipeline runs until this one is answered
    const results = body.data.requests.map((request) => {
      try {
        return { type: "ok", response: handle(stream, request) };
      } catch (error) {
        return { type: "error", error: toProtoError(error) };
      }
    });
    endTurn(stream);
    const baton = stream.db.open ? park(stream) : null;
    return c.json({ baton, base_url: null, results });
  });

  return {
    app,
    openStreams: () => streams.size,
    close() {
      for (const stream of streams.values()) closeStream(stream);
      streams.clear();
    },
  };
}

function closeStream(stream: Stream): void {
  clearTimeout(stream.idleTimer);
  // closing a connection rolls back whatever transaction it still has open
  if (stream.db.open) stream.db.close();
}

function handle(stream: Stream, request: StreamRequest): Record<string, unknown> {
  if (!stream.db.open) throw new HranaError("The stream is closed", "STREAM_CLOSED");
  switch (request.type) {
    case "execute":
      return { type: "execute", result: execute(stream, request.stmt) };
    case "batch":
      return { type: "batch", result: runBatch(stream, request.batch.steps) };
    case "sequence":
      stream.db.exec(sqlOf(stream, request));
      return { type: "sequence" };
    case "store_sql":
      stream.sqls.set(request.sql_id, request.sql);
      return { type: "store_sql" };
    case "close_sql":
      stream.sqls.delete(request.sql_id);
      return { type: "close_sql" };
    case "get_autocommit":
      return { type: "get_autocommit", is_autocommit: !stream.db.inTransaction };
    case "close":
      closeStream(stream);
      return { type: "close" };
    case "describe":
      throw new HranaError("describe is not supported by this test server");
  }
}

/** Conservative: anything but a plain SELECT may take the write lock. */
function mayWrite(stream: Stream, request: StreamRequest): boolean {
  const writes = (stmt: { sql?: string | undefined; sql_id?: number | undefined }) => {
    const sql = stmt.sql ?? (stmt.sql_id === undefined ? "" : stream.sqls.get(stmt.sql_id));
    return !/^\s*select\b/i.test(sql ?? "");
  };
  switch (request.type) {
    case "execute":
      return writes(request.stmt);
    case "batch":
      return request.batch.steps.some((step) => writes(step.stmt));
    case "sequence":
      return writes(request);
    default:
      return false;
  }
}

function sqlOf(stream: Stream, stmt: { sql?: string | undefined; sql_id?: number | undefined }) {
  if (stmt.sql !== undefined) return stmt.sql;
  const stored = stmt.sql_id === undefined ? undefined : stream.sqls.get(stmt.sql_id);
  if (stored === undefined) throw new HranaError("No SQL text or stored SQL id", "SQL_NOT_FOUND");
  return stored;
}

function execute(stream: Stream, stmt: Stmt): StmtResult {
  const prepared = stream.db.prepare(sqlOf(stream, stmt)).safeIntegers(true);
  const args =
    stmt.named_args.length > 0
      ? Object.fromEntries(
          // the driver wants names without their sigil (`:id` binds as `id`)
          stmt.named_args.map((arg) => [arg.name.replace(/^[:@$]/, ""), fromValue(arg.value)]),
        )
      : stmt.args.map(fromValue);
  if (prepared.reader) {
    const cols = prepared.columns().map((col) => ({ name: col.name, decltype: col.type }));
    const rows = prepared.raw(true).all(args) as unknown[][];
    return {
      cols,
      rows: rows.map((row) => row.map(toValue)),
      affected_row_count: 0,
      last_insert_rowid: null,
    };
  }
  const info = prepared.run(args);
  return {
    cols: [],
    rows: [],
    affected_row_count: info.changes,
    last_insert_rowid: String(info.lastInsertRowid),
  };
}

function runBatch(stream: Stream, steps: { condition?: BatchCond | null; stmt: Stmt }[]) {
  const stepResults: (StmtResult | null)[] = [];
  const stepErrors: (ReturnType<typeof toProtoError> | null)[] = [];
  const holds = (cond: BatchCond): boolean => {
    switch (cond.type) {
      case "ok":
        return stepResults[cond.step] != null;
      case "error":
        return stepErrors[cond.step] != null;
      case "not":
        return !holds(cond.cond);
      case "and":
        return cond.conds.every(holds);
      case "or":
        return cond.conds.some(holds);
      case "is_autocommit":
        return !stream.db.inTransaction;
    }
  };
  for (const step of steps) {
    if (step.condition && !holds(step.condition)) {
      stepResults.push(null);
      stepErrors.push(null);
      continue;
    }
    try {
      stepResults.push(execute(stream, step.stmt));
      stepErrors.push(null);
    } catch (error) {
      stepResults.push(null);
      stepErrors.push(toProtoError(error));
    }
  }
  return { step_results: stepResults, step_errors: stepErrors };
}

function fromValue(value: Value): unknown {
  switch (value.type) {
    case "null":
      return null;
    case "integer":
      return BigInt(value.value);
    case "float":
    case "text":
      return value.value;
    case "blob":
      return Buffer.from(value.base64, "base64");
  }
}

function toValue(value: unknown): Value {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  // integers arrive as bigint (safeIntegers), so a number is a REAL
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes =
      value instanceof ArrayBuffer
        ? Buffer.from(value)
        : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return { type: "blob", base64: bytes.toString("base64") };
  }
  throw new HranaError(`Cannot encode a ${typeof value} column value`);
}

function toProtoError(error: unknown): { message: string; code?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? { message: error.message, code } : { message: error.message };
  }
  return { message: String(error) };
}

/** Set by a client on requests it makes after the request they serve was answered. */
export const afterAnswerHeader = "x-test-after-answer";

export interface RoundTripCounts {
  /** HTTP requests to the database before the answer: the round trips the request waited for. */
  beforeAnswer: number;
  /** Those after it (work under `waitUntil`, e.g. marking sent replies). */
  afterAnswer: number;
  /** Every request by path below the tag, e.g. `{ "POST /v2/pipeline": 3 }`. */
  paths: Record<string, number>;
}

export interface RoundTripCounter {
  /**
   * The server as it was, and under `/__count/<tag>/` the same server with each request tallied
   * under the tag: a client given `<url>/__count/<tag>/` as its URL is counted apart from others.
   */
  fetch: (request: Request) => Promise<Response>;
  counts: (tag: string) => RoundTripCounts;
}

/**
 * Counts round trips to the database per tag: every HTTP request (pipelines, cursors, version
 * probes alike) is one round trip to Turso and one subrequest on Workers.
 */
export function countRoundTrips(
  serve: (request: Request) => Response | Promise<Response>,
): RoundTripCounter {
  const tallies = new Map<string, RoundTripCounts>();
  return {
    async fetch(request) {
      const url = new URL(request.url);
      const counted = /^\/__count\/([^/]+)(\/.*)$/.exec(url.pathname);
      if (!counted?.[1] || !counted[2]) return serve(request);
      const [, tag, path] = counted;
      const tally = tallies.get(tag) ?? { beforeAnswer: 0, afterAnswer: 0, paths: {} };
      tallies.set(tag, tally);
      if (request.headers.has(afterAnswerHeader)) tally.afterAnswer++;
      else tally.beforeAnswer++;
      const key = `${request.method} ${path}`;
      tally.paths[key] = (tally.paths[key] ?? 0) + 1;
      url.pathname = path;
      const hasBody = request.method !== "GET" && request.method !== "HEAD";
      return serve(
        new Request(url, {
          method: request.method,
          headers: request.headers,
          body: hasBody ? await request.arrayBuffer() : null,
        }),
      );
    },
    counts: (tag) => tallies.get(tag) ?? { beforeAnswer: 0, afterAnswer: 0, paths: {} },
  };
}
