// A real libSQL database per test: a temp file with the real migrations applied.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../../src/store/db";
import { openStore } from "../../src/store/open-node";

export interface TestStore {
  store: Store;
  url: string;
  cleanup(): void;
}

export async function createTestStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), "tsunagi-test-"));
  const url = `file:${join(dir, "test.db")}`;
  const store = await openStore({ url });
  return {
    store,
    url,
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
