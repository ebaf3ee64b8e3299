// The WAL checkpointed from a thread of its own (the Node entry's store): a commit leaves its pages
// in the WAL, the thread copies them into the database soon after, and closing waits for it.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeStore, openStore } from "../../src/store/open-node";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tsunagi-checkpoint-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes about 8 MiB (2,000 pages: twice SQLite's automatic checkpoint) in one commit. */
async function writeMuch(url: string, checkpointInThread: boolean) {
  const store = await openStore({ url, migrate: false, checkpointInThread });
  await store.write(async (tx) => {
    await tx.run(sql`create table filler (data blob)`);
    await tx.run(sql`
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000)
      insert into filler select randomblob(4000) from n`);
  });
  return store;
}

describe("the checkpointer thread", () => {
  it("leaves the commit its pages in the WAL and copies them into the database soon after", async () => {
    const path = join(dir, "threaded.db");
    const store = await writeMuch(`file:${path}`, true);
    // the commit did not copy its pages back: the database file is as the schema left it
    expect(statSync(path).size).toBeLessThan(1024 * 1024);
    await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(8_000_000), {
      timeout: 20_000,
      interval: 100,
    });
    await closeStore(store);
  }, 30_000);

  it("is not there unless asked for: the commit checkpoints, as SQLite does by default", async () => {
    const path = join(dir, "default.db");
    const store = await writeMuch(`file:${path}`, false);
    expect(statSync(path).size).toBeGreaterThan(8_000_000);
    await closeStore(store);
  });
});
