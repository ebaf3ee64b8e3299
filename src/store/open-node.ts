// Opens the database on Node: embedded file (WAL, migrated on start) or a remote libSQL server.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { createStore, type Store } from "./db";
import * as schema from "./schema";
import { cachePreparedStatements } from "./statement-cache";

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

export interface OpenOptions {
  url: string;
  authToken?: string | undefined;
  /** Apply the committed migrations before returning (always for `npm start`). */
  migrate?: boolean;
}

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
  }
  const store = createStore(drizzle(client, { schema }), () => client.close());
  if (options.migrate ?? true) await migrate(store.db, { migrationsFolder });
  return store;
}

function ensureParentFolder(url: string): void {
  const path = url.slice("file:".length).split("?")[0] ?? "";
  if (path === "" || path === ":memory:") return;
  mkdirSync(dirname(resolve(path)), { recursive: true });
}
