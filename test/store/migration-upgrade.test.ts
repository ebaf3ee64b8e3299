// A database made before the conversation log keeps its messages when migrated: each inbound
// message becomes part of its registrant's conversation.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterEach, expect, it } from "vitest";
import { migrationsFolder } from "../../src/store/open-node";

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

it("gives every earlier read of a registrant or an escalation its person (0014), for disclosure", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tsunagi-upgrade-"));
  dirs.push(dir);
  const client = createClient({ url: `file:${join(dir, "old.db")}` });
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: migrationsBefore("0014_data_lifecycle") });
  await client.batch(
    [
      "insert into centers (id, name, created_at) values ('c1', 'センター', 0)",
      "insert into registrants (id, center_id, display_name, created_at) values ('r1', 'c1', '山田', 0)",
      "insert into escalations (id, center_id, registrant_id, category, severity, severity_rank, source, summary, opened_at, ack_due_at, updated_at) values ('x1', 'c1', 'r1', 'health', 'normal', 2, 'checkin', 's', 0, 0, 0)",
      "insert into audit_log (center_id, actor_staff_id, action, subject_type, subject_id, at) values ('c1', 's1', 'registrant.read', 'registrant', 'r1', 1), ('c1', 's1', 'escalation.read', 'escalation', 'x1', 2), ('c1', 's1', 'registrant.list', 'registrant', null, 3)",
    ],
    "write",
  );
  await migrate(db, { migrationsFolder });
  const rows = await client.execute(
    "select a.action, p.registrant_id from audit_people p join audit_log a on a.id = p.audit_id order by a.id",
  );
  expect(rows.rows.map((row) => ({ ...row }))).toEqual([
    { action: "registrant.read", registrant_id: "r1" },
    { action: "escalation.read", registrant_id: "r1" },
  ]);
});
