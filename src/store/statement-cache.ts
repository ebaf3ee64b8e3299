// Prepared statements kept per connection on Node. @libsql/client prepares every statement again
// for each execute, and preparing costs more than running for most of ours (the webhook's read, a
// 5 KB query, takes ~0.4 ms to prepare and ~0.06 ms to run). The embedded driver's statements are
// reusable (better-sqlite3's model: each run resets the statement; SQLite re-prepares one by
// itself when the schema changes), so the same SQL on the same connection gets the same
// statement. Remote databases (Turso) prepare on the server and are not touched.
import Database from "libsql";

/** Distinct statements kept per connection; the oldest goes first beyond it. */
const perConnection = 512;

const cache = new WeakMap<object, Map<string, unknown>>();
const schemaChange = /^\s*(create|alter|drop)\b/i;
let installed = false;

/** Makes `prepare` on every embedded connection of this process reuse statements. */
export function cachePreparedStatements(): void {
  if (installed) return;
  installed = true;
  const prototype = Database.prototype as unknown as {
    prepare: (this: object, source: string, ...rest: unknown[]) => unknown;
    exec: (this: object, source: string, ...rest: unknown[]) => unknown;
  };
  const prepare = prototype.prepare;
  const exec = prototype.exec;
  // a schema change (a migration) may change what a kept statement's columns are: start afresh
  prototype.exec = function (this: object, source: string, ...rest: unknown[]) {
    cache.delete(this);
    return exec.call(this, source, ...rest);
  };
  prototype.prepare = function (this: object, source: string, ...rest: unknown[]) {
    // the driver's own internal calls (pragmas) pass more arguments: left as they are
    if (rest.length > 0) return prepare.call(this, source, ...rest);
    if (schemaChange.test(source)) {
      cache.delete(this);
      return prepare.call(this, source);
    }
    let statements = cache.get(this);
    if (!statements) {
      statements = new Map();
      cache.set(this, statements);
    }
    let statement = statements.get(source);
    if (statement === undefined) {
      statement = remembersAnswers(prepare.call(this, source));
      if (statements.size >= perConnection) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(source, statement);
    }
    return statement;
  };
}

/**
 * What the client asks of a statement on every execute and does not change for one statement:
 * its columns (read twice), and whether it takes raw mode: one that returns no rows refuses it
 * by throwing (the client catches that to tell writes from reads), and the refusal is kept.
 */
function remembersAnswers(statement: unknown): unknown {
  const target = statement as {
    columns?: () => unknown;
    raw?: (on?: boolean) => unknown;
  };
  const columns = target.columns;
  const raw = target.raw;
  if (typeof columns !== "function" || typeof raw !== "function") return statement;
  let known: unknown;
  target.columns = () => (known ??= columns.call(statement));
  // a statement that returns no rows refuses raw mode whatever is asked: the refusal is kept
  let refused: { error: unknown } | undefined;
  target.raw = (on?: boolean) => {
    if (refused) throw refused.error;
    try {
      return raw.call(statement, on);
    } catch (error) {
      refused = { error };
      throw error;
    }
  };
  return statement;
}
