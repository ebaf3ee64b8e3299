// The database handle: drizzle over libSQL, with every write going through one group-commit queue.
import {
  fillPlaceholders,
  is,
  Param,
  Placeholder,
  sql,
  type ExtractTablesWithRelations,
} from "drizzle-orm";
import type { Client } from "@libsql/client";
import type { BatchItem } from "drizzle-orm/batch";
import type { LibSQLDatabase, LibSQLTransaction } from "drizzle-orm/libsql";
import type * as schema from "./schema";

export type Schema = typeof schema;
/** drizzle over libSQL, with the client under it (for batches of prepared reads). */
export type Db = LibSQLDatabase<Schema> & { $client: Client };
export type Tx = LibSQLTransaction<Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Queryable = Db | Tx;
/** A statement built but not run: awaited on a transaction, or sent in a batch (Store.commit). */
export type Statement = BatchItem<"sqlite"> & Promise<unknown>;

/** What drizzle's prepared queries offer that a template needs. */
interface PreparedQuery {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(response: unknown, isFromBatch?: boolean): unknown;
  execute(values?: Record<string, unknown>): unknown;
}

/**
 * A statement shape whose SQL is built once per database (or transaction), with placeholders,
 * and filled for each use: drizzle builds a statement's SQL anew each time, which on the
 * webhook's path cost more than SQLite running it. `build` names its values with
 * `sql.placeholder`; the statement it returns for `values` runs like any other: awaited, or in a
 * batch (drizzle's batch asks it for its query and hands it its result to map).
 */
// V is named by callers so that each use's values are checked against the template's
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function template<V extends object>(
  build: (q: Queryable) => { prepare(): unknown },
): (q: Queryable, values: V) => Statement {
  const built = new WeakMap<Queryable, PreparedQuery>();
  return (q, values) => {
    let prepared = built.get(q);
    if (!prepared) {
      prepared = build(q).prepare() as PreparedQuery;
      built.set(q, prepared);
    }
    return filled(prepared, values as Record<string, unknown>);
  };
}

/**
 * Placeholders named after the keys of `shape` (with `suffix`), to build a template's values:
 * `placeholders({ a: 0, b: 0 }, "1")` → `{ a: sql.placeholder("a1"), b: sql.placeholder("b1") }`.
 */
export function placeholders<K extends string>(
  shape: Record<K, unknown>,
  suffix = "",
): Record<K, ReturnType<typeof sql.placeholder>> {
  const out = {} as Record<K, ReturnType<typeof sql.placeholder>>;
  for (const key of Object.keys(shape) as K[]) out[key] = sql.placeholder(`${key}${suffix}`);
  return out;
}

/** Values for a template built with `placeholders(…, suffix)`. */
export function suffixed(values: Record<string, unknown>, suffix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) out[`${key}${suffix}`] = value;
  return out;
}

/**
 * fillPlaceholders, except that a null stays SQL NULL: drizzle's encoder would write a JSON
 * column's null as the text 'null' (its own inserts skip the encoder for null).
 */
function fill(params: unknown[], values: Record<string, unknown>): unknown[] {
  return fillPlaceholders(
    params.map((param) =>
      is(param, Param) && is(param.value, Placeholder) && values[param.value.name] === null
        ? null
        : param,
    ),
    values,
  );
}

function filled(prepared: PreparedQuery, values: Record<string, unknown>): Statement {
  const query = () => {
    const { sql: text, params } = prepared.getQuery();
    return { sql: text, params: fill(params, values) };
  };
  let running: Promise<unknown> | undefined;
  const run = () => (running ??= Promise.resolve(prepared.execute(values)));
  const statement = {
    _prepare: () => ({
      getQuery: query,
      mapResult: (response: unknown, isFromBatch?: boolean) =>
        prepared.mapResult(response, isFromBatch),
    }),
    toSQL: query,
    then: (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) =>
      run().then(onFulfilled, onRejected),
    catch: (onRejected?: (reason: unknown) => unknown) => run().catch(onRejected),
    finally: (onFinally?: () => void) => run().finally(onFinally),
    [Symbol.toStringTag]: "Statement",
  };
  // drizzle's batch takes anything with _prepare(); the type names only its own builders
  return statement as unknown as Statement;
}

/** Whether the database answers at all (health checks). */
export async function ping(db: Db): Promise<void> {
  await db.run(sql`select 1`);
}

export interface Store {
  /** For reads. Writes go through `write` so they are serialised and group-committed. */
  readonly db: Db;
  /**
   * Runs `unit` atomically: all of its writes commit, or none do. Units that arrive while a
   * commit is in flight share the next transaction, so the commit (and its fsync) is paid once;
   * one unit's failure still fails only that unit. A unit may run more than once (see
   * runBatch), so it must do database work only: sends and other effects happen after it.
   */
  write<T>(unit: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs statements built on `db` as one batch, all or nothing: one round trip to a remote
   * database. Batches queued together are sent together (one commit); if that fails, each runs
   * again alone. Resolves to each statement's result, in order.
   */
  commit(statements: Statement[]): Promise<unknown[]>;
  close(): void;
}

type Job = {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
} & ({ unit: (tx: Tx) => Promise<unknown> } | { statements: Statement[] });

type UnitJob = Extract<Job, { unit: unknown }>;
type BatchJob = Extract<Job, { statements: unknown }>;

/**
 * Whether a write failed because something it read changed before it landed: a guard fired
 * (writeGuard), or a row it meant to create was created first (an event claimed, an account or a
 * conversation begun by a concurrent request). Reading again and redoing the work is the answer.
 */
export function isWriteConflict(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (/CHECK constraint failed: write_conflict\b/.test(cause.message)) return true;
    if (
      /UNIQUE constraint failed: (processed_events|line_accounts|conversations|escalations)\./.test(
        cause.message,
      )
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Aborts the batch it is in when the statement just before it changed no row: that statement's
 * where clause held what was read (a version, a role), and it no longer holds.
 */
export function writeGuard(q: Queryable, what: string): Statement {
  return q.run(sql`insert into write_conflicts (what) select ${what} where changes() = 0`);
}

/** After I/O callbacks: setImmediate on Node; a zero timeout where it does not exist. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === "function") setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** More than this many units wait for the next commit, so one transaction stays short. */
const maxBatch = 256;

/**
 * Wraps a drizzle database (built by the runtime's entry: the Node client or the web one) in
 * the write queue. Writes must not run concurrently on one embedded file: the client is
 * synchronous underneath, so a second writer would wait on a lock the first cannot release.
 */
export function createStore(db: Db, close: () => void): Store {
  const pending: Job[] = [];
  let draining = false;

  async function runAlone(job: Job): Promise<void> {
    try {
      if ("unit" in job) job.resolve(await db.transaction(job.unit));
      else job.resolve(await runStatements(job.statements));
    } catch (error) {
      job.reject(error);
    }
  }

  async function runStatements(statements: Statement[]): Promise<unknown[]> {
    const [first, ...rest] = statements;
    if (!first) return [];
    return db.batch([first, ...rest]);
  }

  /** Batches queued together: one batch, one commit; each alone again if it fails. */
  async function runStatementJobs(jobs: BatchJob[]): Promise<void> {
    const only = jobs.length === 1 ? jobs[0] : undefined;
    if (only) return runAlone(only);
    let results: unknown[];
    try {
      results = await runStatements(jobs.flatMap((job) => job.statements));
    } catch {
      for (const job of jobs) await runAlone(job);
      return;
    }
    let offset = 0;
    for (const job of jobs) {
      job.resolve(results.slice(offset, offset + job.statements.length));
      offset += job.statements.length;
    }
  }

  /**
   * Runs a batch in one transaction. Failures are rare (a broken database, a refused change),
   * so units run without savepoints; if anything fails, the whole batch rolls back and each
   * unit runs again alone, so only the failing one fails. Units are database work only, which
   * makes running one twice harmless.
   */
  async function runBatch(batch: UnitJob[]): Promise<void> {
    const only = batch.length === 1 ? batch[0] : undefined;
    if (only) return runAlone(only);
    const values: unknown[] = [];
    try {
      await db.transaction(async (tx: Tx) => {
        for (const job of batch) values.push(await job.unit(tx));
      });
    } catch {
      for (const job of batch) await runAlone(job);
      return;
    }
    batch.forEach((job, i) => {
      job.resolve(values[i]);
    });
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      // Let the event loop read what has arrived (requests parsed, units queued) before each
      // commit: the file client's commit blocks the thread, so batches only grow this way.
      await nextTurn();
      while (pending.length > 0) {
        // jobs of one kind in a row go together, in the order they came
        const first = pending[0];
        const sameKind = (job: Job) => first !== undefined && "unit" in job === "unit" in first;
        let count = 0;
        while (count < pending.length && count < maxBatch && sameKind(pending[count] as Job)) {
          count++;
        }
        const jobs = pending.splice(0, count);
        if (first && "unit" in first) await runBatch(jobs as UnitJob[]);
        else await runStatementJobs(jobs as BatchJob[]);
        await nextTurn();
      }
    } finally {
      draining = false;
    }
  }

  return {
    db,
    write<T>(unit: (tx: Tx) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ unit, resolve: resolve as (value: unknown) => void, reject });
        if (!draining) void drain();
      });
    },
    commit(statements: Statement[]): Promise<unknown[]> {
      if (statements.length === 0) return Promise.resolve([]);
      return new Promise<unknown[]>((resolve, reject) => {
        pending.push({ statements, resolve: resolve as (value: unknown) => void, reject });
        if (!draining) void drain();
      });
    },
    close,
  };
}
