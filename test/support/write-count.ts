// How a piece of work wrote: the store's transactions (`write`) and batches (`commit`) from now on.
import type { Statement, Store } from "../../src/store/db";

export function countWrites(store: Store): { write: number; commit: number } {
  const calls = { write: 0, commit: 0 };
  const write = store.write.bind(store);
  const commit = store.commit.bind(store);
  store.write = ((unit: Parameters<typeof write>[0]) => {
    calls.write++;
    return write(unit);
  }) as typeof write;
  store.commit = (statements) => {
    calls.commit++;
    return commit(statements);
  };
  return calls;
}

/** Whether a batch is a webhook request's own: it records the request's events in the ledger. */
export function isRequestBatch(statements: Statement[]): boolean {
  return statements.some((statement) => {
    const built = statement as unknown as { toSQL?: () => { sql: string } };
    return (built.toSQL?.().sql ?? "").includes('"processed_events"');
  });
}
