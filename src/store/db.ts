// The database handle: drizzle over libSQL, with every write going through one group-commit queue.
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { LibSQLDatabase, LibSQLTransaction } from "drizzle-orm/libsql";
import type * as schema from "./schema";

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema>;
export type Tx = LibSQLTransaction<Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Queryable = Db | Tx;

export interface Store {
  /** For reads. Writes go through `write` so they are serialised and group-committed. */
  readonly db: Db;
  /**
   * Runs `unit` atomically: all of its writes commit, or none do. Units that arrive while a
   * commit is in flight share the next transaction, each inside its own savepoint, so one
   * unit's failure rolls back only that unit while the commit (and its fsync) is paid once.
   */
  write<T>(unit: (tx: Tx) => Promise<T>): Promise<T>;
  close(): void;
}

interface Job {
  unit: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

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

  async function runBatch(batch: Job[]): Promise<void> {
    const only = batch.length === 1 ? batch[0] : undefined;
    if (only) {
      try {
        only.resolve(await db.transaction(only.unit));
      } catch (error) {
        only.reject(error);
      }
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      await db.transaction(async (tx) => {
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: await tx.transaction(job.unit) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome ? outcome.error : new Error("write unit did not run"));
    });
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (pending.length > 0) await runBatch(pending.splice(0, maxBatch));
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
