// Starts a TypeScript module on a worker thread (Node only): the Node entry runs under tsx, and
// `--import tsx` does not reach worker threads on Node 20, so the thread registers it itself.
import { Worker } from "node:worker_threads";

export function startThread(entry: URL, workerData: unknown): Worker {
  const worker = new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`,
    { eval: true, workerData },
  );
  // a thread never keeps the process alive by itself
  worker.unref();
  return worker;
}
