// The audit misses nothing: each entry carries the client address and a session tag; a read that
// shows people names each of them; refused ids of another center and routes above the caller's
// role are written down; failed logins are counted under a hash, never the address itself.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditActionLabels } from "../../src/dashboard/pages/labels";
import { auditLog, auditPeople, loginFailures, sessions } from "../../src/store/schema";
import { createTestApp, listen, type TestApp } from "../support/app";
import {
  anonymous,
  loginAs,
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

let t: TestApp;
let centerId: string;
let caseworker: TestStaff;
let api: ApiClient;

beforeEach(async () => {
  t = await createTestApp();
  centerId = (await mintCenter(t.db.store)).id;
  caseworker = await mintStaff(t.db.store, centerId, "caseworker");
  api = await loginAs(t, caseworker);
});

afterEach(async () => {
  await t.close();
});

async function entries(action: string) {
  return t.db.store.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.centerId, centerId)))
    .orderBy(auditLog.id);
}

async function peopleOf(auditId: number) {
  const rows = await t.db.store.db
    .select({ registrantId: auditPeople.registrantId })
    .from(auditPeople)
    .where(eq(auditPeople.auditId, auditId));
  return rows.map((row) => row.registrantId).sort();
}

describe("every entry says where it came from", () => {
  it("records the client address and a session tag that is neither the cookie nor its stored hash", async () => {
    const person = await mintRegistrant(t.db.store, centerId);
    const read = await api.call("GET", `/api/registrants/${person.id}`, undefined, {
      "cf-connecting-ip": "198.51.100.7",
    });
    expect(read.status).toBe(200);
    const [entry] = await entries("registrant.read");
    expect(entry?.client).toBe("198.51.100.7");
    expect(entry?.sessionTag).toMatch(/^[0-9a-f]{16}$/);
    const token = decodeURIComponent((api.cookie ?? "").split("=")[1] ?? "");
    const [session] = await t.db.store.db.select().from(sessions);
    expect(entry?.sessionTag).not.toBe(token.slice(0, 16));
    expect(session?.tokenHash.startsWith(entry?.sessionTag ?? "")).toBe(false);
    // the login and the read were the same session
    const [login] = await entries("auth.login");
    expect(login?.sessionTag).toBe(entry?.sessionTag);
  });

  it("believes the socket on Node, not a client's Cloudflare header", async () => {
    const { server, url } = await listen((request, env) => t.app.fetch(request, env, t.background));
    try {
      const response = await fetch(`${url}/api/registrants`, {
        headers: { cookie: api.cookie ?? "", "cf-connecting-ip": "203.0.113.200" },
      });
      expect(response.status).toBe(200);
      const [entry] = await entries("registrant.list");
      expect(entry?.client).toBe("127.0.0.1");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("reads name every person they showed", () => {
  it("lists, the queue, an escalation and the inbox write one entry naming the people shown", async () => {
    const first = await mintRegistrant(t.db.store, centerId, "一 太郎");
    const second = await mintRegistrant(t.db.store, centerId, "二 花子");
    const escalation = await mintEscalation(t.db.store, { centerId, registrantId: second.id });

    expect((await api.call("GET", "/api/registrants")).status).toBe(200);
    const [list] = await entries("registrant.list");
    expect(await peopleOf(list?.id ?? -1)).toEqual([first.id, second.id].sort());

    expect((await api.call("GET", "/api/escalations")).status).toBe(200);
    const [queue] = await entries("escalation.list");
    expect(await peopleOf(queue?.id ?? -1)).toEqual([second.id]);

    expect((await api.call("GET", `/api/escalations/${escalation.id}`)).status).toBe(200);
    const [one] = await entries("escalation.read");
    expect(await peopleOf(one?.id ?? -1)).toEqual([second.id]);

    expect((await api.call("GET", `/api/registrants/${first.id}`)).status).toBe(200);
    const [detail] = await entries("registrant.read");
    expect(await peopleOf(detail?.id ?? -1)).toEqual([first.id]);

    // a change to an escalation is a change to its person's data
    expect((await api.call("POST", `/api/escalations/${escalation.id}/acknowledge`)).status).toBe(
      200,
    );
    const [acknowledged] = await entries("escalation.acknowledge");
    expect(await peopleOf(acknowledged?.id ?? -1)).toEqual([second.id]);
  });
});

describe("refusals are written down", () => {
  it("audits an id of another center answered 404, and not an id that exists nowhere", async () => {
    const other = await mintCenter(t.db.store, "ほかのセンター");
    const theirs = await mintRegistrant(t.db.store, other.id, "他 花子");
    const theirEscalation = await mintEscalation(t.db.store, {
      centerId: other.id,
      registrantId: theirs.id,
    });
    for (const path of [
      `/api/registrants/${theirs.id}`,
      `/api/registrants/${theirs.id}/messages`,
      `/api/escalations/${theirEscalation.id}`,
      "/api/registrants/does-not-exist",
    ]) {
      expect((await api.call("GET", path)).status).toBe(404);
    }
    const refused = await entries("access.refused");
    expect(refused.map((row) => [row.subjectType, row.subjectId])).toEqual([
      ["registrant", theirs.id],
      ["registrant", theirs.id],
      ["escalation", theirEscalation.id],
    ]);
    // a refusal showed nobody: it is not a read of that person
    expect(await peopleOf(refused[0]?.id ?? -1)).toEqual([]);
    // and the other center's trail says nothing about this center's staff
    const theirsTrail = await t.db.store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.centerId, other.id));
    expect(theirsTrail).toEqual([]);
  });

  it("audits a case worker calling a supervisor's route (403)", async () => {
    const response = await api.call("GET", "/api/audit");
    expect(response.status).toBe(403);
    const [entry] = await entries("access.forbidden");
    expect(entry?.subjectType).toBe("route");
    expect(entry?.subjectId).toBe("GET /api/audit");
    expect(entry?.actorStaffId).toBe(caseworker.id);
  });
});

describe("failed logins", () => {
  it("are counted under a hash of the email, never the address", async () => {
    const response = await anonymous(t).call("POST", "/api/login", {
      email: "Someone@Example.jp",
      password: "wrong password",
    });
    expect(response.status).toBe(401);
    const rows = await t.db.store.db.select().from(loginFailures);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.email).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain("xample");
  });
});

describe("the audit page and its export", () => {
  let boss: ApiClient;
  beforeEach(async () => {
    boss = await loginAs(t, await mintStaff(t.db.store, centerId, "supervisor"));
  });

  const items = async (query: string) => {
    const response = await boss.call("GET", `/api/audit?${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { action: string; actorStaffId: string }[] }).items;
  };

  it("filters by staff member, action and person, and refuses malformed filters", async () => {
    const first = await mintRegistrant(t.db.store, centerId, "一 太郎");
    const second = await mintRegistrant(t.db.store, centerId, "二 花子");
    const escalation = await mintEscalation(t.db.store, { centerId, registrantId: second.id });
    await api.call("GET", `/api/registrants/${first.id}`);
    await api.call("GET", "/api/registrants");
    await api.call("GET", `/api/escalations/${escalation.id}`);

    const mine = await items(`actor=${caseworker.id}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((item) => item.actorStaffId === caseworker.id)).toBe(true);

    expect((await items("action=registrant.read")).map((item) => item.action)).toEqual([
      "registrant.read",
    ]);
    // about the first person: their page and the list that named them, not the other's escalation
    expect((await items(`person=${first.id}`)).map((item) => item.action)).toEqual([
      "registrant.list",
      "registrant.read",
    ]);
    expect((await items(`person=${second.id}`)).map((item) => item.action)).toEqual([
      "escalation.read",
      "registrant.list",
    ]);

    for (const query of ["actor=%27%3B%20drop", "action=A%20B", `person=${"x".repeat(65)}`]) {
      expect((await boss.call("GET", `/api/audit?${query}`)).status, query).toBe(400);
      expect((await boss.call("GET", `/dashboard/audit?${query}`)).status, query).toBe(400);
    }
  });

  it("shows names on the page and keeps the filters in its links", async () => {
    const person = await mintRegistrant(t.db.store, centerId, "一 太郎");
    await api.call("GET", `/api/registrants/${person.id}`);
    const page = await boss.call("GET", `/dashboard/audit?person=${person.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="audit-subject-name">一 太郎<');
    expect(html).toContain(`href="/dashboard/audit.csv?person=${person.id}"`);
    expect(html).toContain('data-testid="audit-person"');
    // the page showed that person's name: the read of the trail names them too
    const [read] = await t.db.store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "audit.read"));
    expect(await peopleOf(read?.id ?? -1)).toEqual([person.id]);
    // and no list of everyone was read to fill the filter
    expect((await entries("registrant.list")).length).toBe(0);
  });

  it("exports CSV that Excel reads, with formula-looking cells made text", async () => {
    const person = await mintRegistrant(t.db.store, centerId, '=HYPERLINK("http://x")');
    await api.call("GET", `/api/registrants/${person.id}`);
    const response = await boss.call("GET", `/dashboard/audit.csv?person=${person.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toContain("audit.csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("日時,職員,操作");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("registrant.read");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    // the export itself is in the trail
    expect(await entries("audit.export")).toHaveLength(1);
  });
});

describe("the labels", () => {
  it("has a Japanese label for every action the code writes (the filter lists them)", () => {
    const files = (readdirSync("src", { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith("labels.ts"))
      .map((file) => readFileSync(join("src", file), "utf8"));
    const prefixes =
      "auth|registrant|employer|employer_contact|employment|staff|escalation|conversation|inbox|center|outbox|access|audit";
    const pattern = new RegExp(`"((?:${prefixes})\\.[a-z_.]+)"`, "g");
    const written = new Set<string>();
    for (const text of files) {
      for (const match of text.matchAll(pattern)) {
        const action = match[1] ?? "";
        // log event names share the shape; the audit's are the ones given to audit calls
        if (
          /(audit|recordRead|auditOwn|auditRefusal|action)\b[^;]{0,120}$/.test(
            text.slice(0, match.index).slice(-160),
          )
        ) {
          written.add(action);
        }
      }
    }
    written.add("registrant.export_json");
    written.add("registrant.export_page");
    expect(written.size).toBeGreaterThan(40);
    const missing = [...written].filter((action) => !(action in auditActionLabels));
    expect(missing).toEqual([]);
  });
});
