// Statement templates: SQL built once per database with placeholders, filled per use. A filled
// statement runs like drizzle's own: awaited on the database or a transaction, or in a batch,
// with column encodings (JSON, booleans) and returning clauses mapped as drizzle maps them.
import { eq } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { placeholders, template, type Store } from "../../src/store/db";
import { openStore } from "../../src/store/open-node";
import { outbox, processedEvents } from "../../src/store/schema";
import { recordEvent } from "../../src/store/events";

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "tsunagi-template-"));
  store = await openStore({ url: `file:${join(dir, "t.db")}`, migrate: true });
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An outbox row with JSON columns, giving back its id. */
const insertPush = template<{ retryKey: string; recipients: string[]; now: number }>((q) =>
  q
    .insert(outbox)
    .values({
      ...placeholders({ retryKey: 0, recipients: 0 }),
      kind: "push",
      messages: [{ type: "text", text: "やあ" }],
      nextAttemptAt: placeholders({ now: 0 }).now,
      createdAt: placeholders({ now: 0 }).now,
    })
    .returning({ id: outbox.id, recipients: outbox.recipients }),
);

const event = (id: string, redelivered: boolean) => ({
  webhookEventId: id,
  eventType: "message",
  lineUserId: "U1",
  outcome: "handled" as const,
  reason: null,
  redelivered,
  eventTimestamp: 1,
  receivedAt: 2,
});

async function eventRow(id: string) {
  const [row] = await store.db
    .select()
    .from(processedEvents)
    .where(eq(processedEvents.webhookEventId, id));
  return row;
}

describe("a statement template", () => {
  it("builds its SQL once and fills each use with its own values", () => {
    const one = insertPush(store.db, { retryKey: "a", recipients: ["U1"], now: 5 });
    const two = insertPush(store.db, { retryKey: "b", recipients: ["U2", "U3"], now: 6 });
    const sqlOf = (statement: unknown) =>
      (statement as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
    expect(sqlOf(one).sql).toBe(sqlOf(two).sql);
    // the JSON column is encoded as drizzle encodes it
    expect(sqlOf(one).params).toContain('["U1"]');
    expect(sqlOf(two).params).toContain('["U2","U3"]');
  });

  it("runs awaited on the database, in a batch and on a transaction, mapping what comes back", async () => {
    const alone = (await insertPush(store.db, {
      retryKey: "alone",
      recipients: ["U1"],
      now: 1,
    })) as { id: number; recipients: string[] }[];
    expect(alone).toEqual([{ id: expect.any(Number) as number, recipients: ["U1"] }]);

    const batched = await store.commit([
      insertPush(store.db, { retryKey: "b1", recipients: ["U2"], now: 2 }),
      recordEvent(store.db, event("e-batch", true)),
    ]);
    expect(batched[0]).toEqual([{ id: expect.any(Number) as number, recipients: ["U2"] }]);

    const inTx = await store.write(async (tx) => {
      await recordEvent(tx, event("e-tx", false));
      return insertPush(tx, { retryKey: "t1", recipients: ["U3"], now: 3 });
    });
    expect(inTx).toEqual([{ id: expect.any(Number) as number, recipients: ["U3"] }]);

    // booleans stored as drizzle stores them, read back as booleans
    expect(await eventRow("e-batch")).toMatchObject({ redelivered: true, receivedAt: 2 });
    expect(await eventRow("e-tx")).toMatchObject({ redelivered: false });
    const rows = await store.db.select().from(outbox);
    expect(rows.map((row) => row.retryKey).sort()).toEqual(["alone", "b1", "t1"]);
  });

  it("fails a batch as a whole when one of its statements is refused", async () => {
    await store.commit([recordEvent(store.db, event("e-once", false))]);
    await expect(
      store.commit([
        insertPush(store.db, { retryKey: "lost", recipients: ["U9"], now: 9 }),
        recordEvent(store.db, event("e-once", false)),
      ]),
    ).rejects.toThrow(/UNIQUE constraint failed: processed_events/);
    expect(await store.db.select().from(outbox)).toEqual([]);
  });

  it("refuses to run without a value for one of its placeholders", async () => {
    const partial = { retryKey: "x", now: 1 } as unknown as Parameters<typeof insertPush>[1];
    await expect(store.commit([insertPush(store.db, partial)])).rejects.toThrow(
      /No value for placeholder "recipients"/,
    );
  });

  it("writes a null as SQL NULL, a JSON column's too", async () => {
    const withAbout = template<{ retryKey: string; about: string[] | null }>((q) =>
      q.insert(outbox).values({
        ...placeholders({ retryKey: 0, about: 0 }),
        kind: "push",
        recipients: ["U1"],
        messages: [],
        nextAttemptAt: 0,
        createdAt: 0,
      }),
    );
    await store.commit([
      withAbout(store.db, { retryKey: "none", about: null }),
      withAbout(store.db, { retryKey: "some", about: ["r1"] }),
    ]);
    const rows = await store.db.$client.execute(
      "select retry_key, about is null as missing from outbox order by retry_key",
    );
    expect(rows.rows.map((row) => [row.retry_key, row.missing])).toEqual([
      ["none", 1],
      ["some", 0],
    ]);
  });
});
