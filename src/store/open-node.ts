// Opens the database on Node: embedded file (WAL, migrated on start) or a remote libSQL server.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Worker } from "node:worker_threads";
import { startThread } from "../core/node-thread";
import { createStore, type Store } from "./db";
import * as schema from "./schema";
import { cachePreparedStatements } from "./statement-cache";

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

export interface OpenOptions {
  url: string;
  authToken?: string | undefined;
  /** Apply the committed migrations before returning (always for `npm start`). */
  migrate?: boolean;
  /**
   * Checkpoint the WAL from a thread of its own rather than in the commit that fills it (file
   * databases; `npm start`): the weekly fan-out writes ~65 MiB of WAL for 100,000 people, and
   * copying that back inside its commits (and their fsyncs) held up its sends.
   */
  checkpointInThread?: boolean;
}

/** How often the checkpointer thread copies the WAL back. */
const checkpointEveryMs = 1_000;
/** SQLite's own default, put back if the checkpointer thread ever stops. */
const autoCheckpointPages = 1_000;

export async function openStore(options: OpenOptions): Promise<Store> {
  const isFile = options.url.startsWith("file:");
  if (isFile) {
    ensureParentFolder(options.url);
    cachePreparedStatements();
  }
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    // another process (the admin CLI) may hold the write lock for a moment
    timeout: 5_000,
  });
  if (isFile) {
    await client.execute("PRAGMA journal_mode = WAL");
    // SQLite's default 2 MiB page cache: a weekly batch touches indexes far bigger than that
    await client.execute("PRAGMA cache_size = -65536");
    // temp tables (the fan-out's due_claim) and sorts in memory, not in a temp file
    await client.execute("PRAGMA temp_store = MEMORY");
  }
  const path = isFile ? filePath(options.url) : null;
  let checkpointer: Worker | undefined;
  if (path !== null && options.checkpointInThread) {
    await client.execute("PRAGMA wal_autocheckpoint = 0");
    const thread = startThread(new URL("./checkpoint-thread.ts", import.meta.url), {
      path,
      everyMs: checkpointEveryMs,
    });
    checkpointer = thread;
    // without it the WAL would only grow: the commits checkpoint again, as SQLite does by default
    thread.once("exit", () => {
      if (checkpointer !== thread) return;
      checkpointer = undefined;
      void client.execute(`PRAGMA wal_autocheckpoint = ${autoCheckpointPages}`).catch(() => {});
    });
  }
  const store = createStore(drizzle(client, { schema }), () => {
    const thread = checkpointer;
    checkpointer = undefined;
    if (thread) {
      closing.set(store, new Promise((resolve) => thread.once("exit", () => resolve())));
      // kept alive until it has closed its connection, so that closeStore's caller sees it end
      thread.ref();
      thread.postMessage("close");
    }
    client.close();
  });
  if (options.migrate ?? true) await migrate(store.db, { migrationsFolder });
  return store;
}

/** Stores whose checkpointer thread is ending, until it has. */
const closing = new WeakMap<Store, Promise<void>>();

/** Closes a store and waits for its checkpointer thread, if any, to end (before process.exit). */
export async function closeStore(store: Store): Promise<void> {
  store.close();
  await closing.get(store);
}

/** The file of a `file:` URL; null for an in-memory database. */
function filePath(url: string): string | null {
  const path = url.slice("file:".length).split("?")[0] ?? "";
  return path === "" || path === ":memory:" ? null : resolve(path);
}

function ensureParentFolder(url: string): void {
  const path = filePath(url);
  if (path !== null) mkdirSync(dirname(path), { recursive: true });
}
