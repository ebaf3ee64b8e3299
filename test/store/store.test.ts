// The write queue: atomic units, group commits, one unit's failure confined to that unit.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { centers } from "../../src/store/schema";
import { createTestStore, type TestStore } from "../support/db";

let t: TestStore;

beforeEach(async () => {
  t = await createTestStore();
});

afterEach(() => {
  t.cleanup();
});

function addCenter(name: string) {
  return t.store.write(async (tx) => {
    await tx.insert(centers).values({ id: crypto.randomUUID(), name, createdAt: 0 });
    return name;
  });
}

describe("store.write", () => {
  it("applies the migrations to a fresh database", async () => {
    const tables = await t.store.db.all<{ name: string }>(
      "select name from sqlite_master where type = 'table' order by name",
    );
    expect(tables.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        "centers",
        "conversations",
        "line_accounts",
        "messages",
        "outbox",
        "processed_events",
        "staff",
      ]),
    );
  });

  it("commits units that arrive together, and rolls back only the one that fails", async () => {
    const results = await Promise.allSettled([
      addCenter("a"),
      t.store.write(async (tx) => {
        await tx.insert(centers).values({ id: "broken", name: "half", createdAt: 0 });
        throw new Error("unit failed after writing");
      }),
      addCenter("b"),
      addCenter("c"),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
    ]);
    const names = (await t.store.db.select().from(centers)).map((row) => row.name).sort();
    expect(names).toEqual(["a", "b", "c"]);
  });

  it("runs units in the order they were queued", async () => {
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.store.write(async () => {
          order.push(i);
          return Promise.resolve();
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("keeps hundreds of concurrent units apart without losing one", async () => {
    await Promise.all(Array.from({ length: 600 }, (_, i) => addCenter(`c${i}`)));
    expect(await t.store.db.$count(centers)).toBe(600);
  });
});
