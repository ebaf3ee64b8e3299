// A database made before the conversation log keeps its messages when migrated: each inbound
// message becomes part of its registrant's conversation.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterEach, expect, it } from "vitest";
import { migrationsFolder } from "../src/store/open-node";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The committed migrations up to (not including) `tag`, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tsunagi-migrations-"));
  dirs.push(dir);
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

it("keeps every message through 0008 and files it under its registrant", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tsunagi-upgrade-"));
  dirs.push(dir);
  const client = createClient({ url: `file:${join(dir, "old.db")}` });
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: migrationsBefore("0008_conversations") });
  await client.batch(
    [
      "insert into centers (id, name, created_at) values ('c1', 'センター', 0)",
      "insert into registrants (id, center_id, display_name, line_user_id, created_at) values ('r1', 'c1', '山田', 'U1', 0)",
      "insert into processed_events (webhook_event_id, event_type, line_user_id, outcome, event_timestamp, received_at) values ('e1', 'message', 'U1', 'handled', 1, 1), ('e2', 'message', 'U9', 'handled', 2, 2)",
      "insert into messages (webhook_event_id, line_user_id, message_type, text, created_at) values ('e1', 'U1', 'text', 'こんにちは', 1), ('e2', 'U9', 'sticker', null, 2)",
    ],
    "write",
  );
  await migrate(db, { migrationsFolder });
  const rows = await client.execute(
    "select webhook_event_id, line_user_id, direction, message_type, text, registrant_id from messages order by id",
  );
  expect(rows.rows.map((row) => ({ ...row }))).toEqual([
    {
      webhook_event_id: "e1",
      line_user_id: "U1",
      direction: "in",
      message_type: "text",
      text: "こんにちは",
      registrant_id: "r1",
    },
    {
      webhook_event_id: "e2",
      line_user_id: "U9",
      direction: "in",
      message_type: "sticker",
      text: null,
      registrant_id: null,
    },
  ]);
  client.close();
});
