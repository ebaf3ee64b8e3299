// Prepared statements kept per embedded connection: the same SQL gets the same statement, results
// stay right across reuses (reads, writes, a refused write), and a schema change starts afresh.
import { createClient } from "@libsql/client";
import Database from "libsql";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachePreparedStatements } from "../../src/store/statement-cache";

let dir: string;

beforeEach(() => {
  cachePreparedStatements();
  dir = mkdtempSync(join(tmpdir(), "tsunagi-statements-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the statement cache", () => {
  it("gives the same SQL on one connection the same statement, and another connection its own", () => {
    const one = new Database(join(dir, "a.db"));
    const other = new Database(join(dir, "a.db"));
    const sql = "select 1 as one";
    expect(one.prepare(sql)).toBe(one.prepare(sql));
    expect(other.prepare(sql)).not.toBe(one.prepare(sql));
    expect(one.prepare("select 2 as two")).not.toBe(one.prepare(sql));
    one.close();
    other.close();
  });

  it("keeps results right through the client: reads, writes, a refused write, then more", async () => {
    const client = createClient({ url: `file:${join(dir, "b.db")}` });
    await client.execute("create table t (id integer primary key, v text not null)");
    const insert = "insert into t (id, v) values (?, ?)";
    const select = "select id, v from t where id >= ? order by id";
    for (let id = 1; id <= 3; id++) await client.execute({ sql: insert, args: [id, `v${id}`] });
    await expect(client.execute({ sql: insert, args: [2, "again"] })).rejects.toThrow(
      /UNIQUE|PRIMARY/,
    );
    await client.execute({ sql: insert, args: [4, "v4"] });
    expect((await client.execute({ sql: select, args: [1] })).rows.map((r) => r.v)).toEqual([
      "v1",
      "v2",
      "v3",
      "v4",
    ]);
    expect((await client.execute({ sql: select, args: [3] })).rows.map((r) => r.id)).toEqual([
      3, 4,
    ]);
    const batch = await client.batch(
      [
        { sql: insert, args: [5, "v5"] },
        { sql: select, args: [5] },
      ],
      "write",
    );
    expect(batch[0]?.rowsAffected).toBe(1);
    expect(batch[1]?.rows.map((r) => r.v)).toEqual(["v5"]);
    client.close();
  });

  it("reads a table's new columns after a schema change", async () => {
    const client = createClient({ url: `file:${join(dir, "c.db")}` });
    await client.execute("create table t (id integer primary key)");
    await client.execute("insert into t (id) values (1)");
    expect((await client.execute("select * from t")).columns).toEqual(["id"]);
    await client.execute("alter table t add column v text default 'x'");
    const after = await client.execute("select * from t");
    expect(after.columns).toEqual(["id", "v"]);
    expect(after.rows[0]?.v).toBe("x");
    await client.executeMultiple("alter table t add column w integer default 7;");
    expect((await client.execute("select * from t")).rows[0]?.w).toBe(7);
    client.close();
  });
});
