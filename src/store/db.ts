// The database handle: drizzle over libSQL, with every write going through one group-commit queue.
import { sql, type ExtractTablesWithRelations } from "drizzle-orm";
import type { LibSQLDatabase, LibSQLTransaction } from "drizzle-orm/libsql";
import type * as schema from "./schema";

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema>;
export type Tx = LibSQLTransaction<Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Queryable = Db | Tx;

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
  close(): void;
}

interface Job {
  unit: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
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
      job.resolve(await db.transaction(job.unit));
    } catch (error) {
      job.reject(error);
    }
  }

  /**
   * Runs a batch in one transaction. Failures are rare (a broken database, a refused change),
   * so units run without savepoints; if anything fails, the whole batch rolls back and each
   * unit runs again alone, so only the failing one fails. Units are database work only, which
   * makes running one twice harmless.
   */
  async function runBatch(batch: Job[]): Promise<void> {
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
        await runBatch(pending.splice(0, maxBatch));
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
    close,
  };
}
