// The test Hrana server against the real HTTP client, so the workerd tests stand on something checked.
import { createClient, type Client } from "@libsql/client/web";
import type { ServerType } from "@hono/node-server";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "./app";
import {
  afterAnswerHeader,
  countRoundTrips,
  createHranaServer,
  type HranaServer,
} from "./hrana-server";

const token = "hrana-test-token";
let dir: string;
let hrana: HranaServer;
let server: ServerType;
let url: string;
let client: Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tsunagi-hrana-"));
  hrana = createHranaServer({ path: join(dir, "hrana.db"), authToken: token });
  ({ server, url } = await listen(hrana.app.fetch));
  client = createClient({ url, authToken: token });
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute(
    "create table notes (id integer primary key, body text, score real, raw blob)",
  );
});

afterAll(async () => {
  client.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  hrana.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the test Hrana server", () => {
  it("round-trips integers, reals, text, blobs and nulls", async () => {
    const inserted = await client.execute({
      sql: "insert into notes (body, score, raw) values (?, ?, ?)",
      args: ["やさしい", 1.5, new Uint8Array([1, 2, 255])],
    });
    await client.execute({ sql: "insert into notes (body) values (:body)", args: { body: "x" } });

    const rows = await client.execute({
      sql: "select id, body, score, raw from notes where id = ?",
      args: [inserted.lastInsertRowid ?? -1],
    });
    expect(inserted.rowsAffected).toBe(1);
    expect(rows.columns).toEqual(["id", "body", "score", "raw"]);
    expect(rows.columnTypes).toEqual(["INTEGER", "TEXT", "REAL", "BLOB"]);
    const row = rows.rows[0];
    expect([row?.id, row?.body, row?.score]).toEqual([
      Number(inserted.lastInsertRowid),
      "やさしい",
      1.5,
    ]);
    expect(new Uint8Array(row?.raw as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 255]));
    const named = await client.execute("select score, raw from notes where body = 'x'");
    expect([named.rows[0]?.score, named.rows[0]?.raw]).toEqual([null, null]);
  });

  it("keeps an interactive transaction on its own connection until it commits", async () => {
    const tx = await client.transaction("write");
    await tx.execute({ sql: "insert into notes (body) values (?)", args: ["pending"] });
    const outside = await client.execute("select count(*) as n from notes where body = 'pending'");
    const inside = await tx.execute("select count(*) as n from notes where body = 'pending'");
    await tx.commit();
    const after = await client.execute("select count(*) as n from notes where body = 'pending'");

    expect([outside.rows[0]?.n, inside.rows[0]?.n, after.rows[0]?.n]).toEqual([0, 1, 1]);
    expect(hrana.openStreams()).toBe(0);
  });

  it("rolls back a transaction and a savepoint inside one", async () => {
    const tx = await client.transaction("write");
    await tx.execute("insert into notes (body) values ('kept')");
    await tx.execute("savepoint inner_unit");
    await tx.execute("insert into notes (body) values ('undone')");
    await tx.execute("rollback to inner_unit");
    await tx.commit();
    const rolledBack = await client.transaction("write");
    await rolledBack.execute("insert into notes (body) values ('never')");
    await rolledBack.rollback();

    const bodies = await client.execute(
      "select body from notes where body in ('kept', 'undone', 'never') order by body",
    );
    expect(bodies.rows.map((row) => row.body)).toEqual(["kept"]);
  });

  it("makes a second writer wait for the first to commit, as Turso does", async () => {
    const first = await client.transaction("write");
    await first.execute("insert into notes (body) values ('writer one')");
    const second = await client.transaction("write");
    const secondWrite = second.execute("insert into notes (body) values ('writer two')");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await first.commit();
    await secondWrite;
    await second.commit();

    const bodies = await client.execute(
      "select body from notes where body like 'writer %' order by id",
    );
    expect(bodies.rows.map((row) => row.body)).toEqual(["writer one", "writer two"]);
  });

  it("runs a batch atomically and reports the failing statement", async () => {
    await expect(
      client.batch(
        [
          "insert into notes (id, body) values (1000, 'first')",
          "insert into notes (id, body) values (1000, 'duplicate key')",
        ],
        "write",
      ),
    ).rejects.toThrow(/UNIQUE constraint failed/);
    const rows = await client.execute("select count(*) as n from notes where id = 1000");
    expect(rows.rows[0]?.n).toBe(0);
  });

  it("refuses a client without the auth token", async () => {
    const stranger = createClient({ url });
    await expect(stranger.execute("select 1")).rejects.toThrow(/401|Authentication/);
    stranger.close();
  });
});

describe("counting round trips", () => {
  it("tallies a tagged client's requests apart from everyone else's, before and after an answer", async () => {
    const counter = countRoundTrips(hrana.app.fetch);
    const counting = await listen(counter.fetch);
    const tagged = createClient({ url: `${counting.url}/__count/one/`, authToken: token });
    const later = createClient({
      url: `${counting.url}/__count/one/`,
      authToken: token,
      fetch: (request: Request) => {
        const headers = new Headers(request.headers);
        headers.set(afterAnswerHeader, "1");
        return fetch(new Request(request, { headers }));
      },
    });
    const untagged = createClient({ url: counting.url, authToken: token });
    try {
      await tagged.execute("select 1");
      await tagged.batch(["insert into notes (body) values ('counted')", "select 2"], "write");
      await later.execute("select 3");
      await untagged.execute("select 4");
      const tx = await untagged.transaction("write");
      await tx.execute("insert into notes (body) values ('not counted')");
      await tx.commit();

      expect(counter.counts("one")).toEqual({
        beforeAnswer: 2,
        afterAnswer: 1,
        paths: { "POST /v2/pipeline": 3 },
      });
      expect(counter.counts("other")).toEqual({ beforeAnswer: 0, afterAnswer: 0, paths: {} });
      const counted = await client.execute(
        "select count(*) as n from notes where body = 'counted'",
      );
      expect(counted.rows[0]?.n).toBe(1);
    } finally {
      for (const one of [tagged, later, untagged]) one.close();
      await new Promise<void>((resolve) => counting.server.close(() => resolve()));
    }
  });
});
