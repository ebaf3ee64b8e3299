// The thread of open-node.ts's checkpointer: copies the WAL back into the database now and then,
// on a connection of its own, so that no commit on the writing thread pays for it.
import { parentPort, workerData } from "node:worker_threads";
import Database from "libsql";
import * as z from "zod";

const port = parentPort;
if (port === null) throw new Error("checkpoint-thread.ts runs as a worker thread only");
const settings = z.object({ path: z.string(), everyMs: z.number() }).parse(workerData);
const db = new Database(settings.path);
// PASSIVE: never waits for readers or writers; what it cannot copy now it copies next time
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const timer = setInterval(() => {
  try {
    checkpoint.all();
  } catch {
    // busy (another checkpoint): the next round tries again
  }
}, settings.everyMs);
// asked to stop: the thread ends by itself once the connection is closed (terminating it with
// the connection open aborts the process in the driver's finalizer)
port.once("message", () => {
  clearInterval(timer);
  db.close();
  port.close();
});
