// How a piece of work wrote: the store's transactions (`write`) and batches (`commit`) from now on.
import type { Store } from "../../src/store/db";

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
