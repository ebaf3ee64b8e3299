// Contacts and visits (支援記録): recorded in a few taps, checked against the person's dates, tied
// to the escalation they answer, corrected in place on the first day and versioned after it,
// kept within the center, audited, disclosed and erased with the person.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertRegistrant } from "../../src/store/registrants";
import { auditLog, supportContacts, supportContactVersions } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import {
  loginAs,
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

let t: TestApp;
let clock: TestClock;
let centerId: string;
let worker: TestStaff;
let api: ApiClient;
let person: { id: string };

const start = Date.UTC(2026, 10, 20, 9, 0, 0); // 2026-11-20 18:00 in Japan

beforeEach(async () => {
  clock = createTestClock(start);
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store)).id;
  worker = await mintStaff(t.db.store, centerId, "caseworker");
  api = await loginAs(t, worker);
  // registered a week ago
  person = await t.db.store.write((tx) =>
    insertRegistrant(tx, { centerId, displayName: "山田 花子", now: start - 7 * 86_400_000 }),
  );
});

afterEach(async () => {
  await t.close();
});

const visit = {
  kind: "face_to_face",
  with: "person",
  at: "2026-11-20T17:00:00+09:00",
  minutes: 45,
  note: "職場で面談。朝の通勤がつらいとのこと。",
};

const record = (body: unknown, client = api, id = person.id) =>
  client.call("POST", `/api/registrants/${id}/contacts`, body);

async function contactRows() {
  return t.db.store.db.select().from(supportContacts);
}

interface ContactsJson {
  month: string;
  items: { id: string; kind: string; with: string[]; at: string; minutes: number; note: string }[];
}

describe("recording a contact", () => {
  it("keeps a face-to-face visit, lists it in its month (not the next), and audits both", async () => {
    const response = await record(visit);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const month = (await (
      await api.call("GET", `/api/registrants/${person.id}/contacts?month=2026-11`)
    ).json()) as ContactsJson;
    expect(month.items).toEqual([
      expect.objectContaining({
        id,
        kind: "face_to_face",
        with: ["person"],
        at: "2026-11-20T08:00:00.000Z",
        minutes: 45,
        note: visit.note,
      }),
    ]);
    const next = (await (
      await api.call("GET", `/api/registrants/${person.id}/contacts?month=2026-12`)
    ).json()) as ContactsJson;
    expect(next.items).toEqual([]);
    // this month by default
    const current = (await (
      await api.call("GET", `/api/registrants/${person.id}/contacts`)
    ).json()) as ContactsJson;
    expect(current.month).toBe("2026-11");
    expect(current.items).toHaveLength(1);
    const actions = (await t.db.store.db.select().from(auditLog)).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["contact.create", "contact.list"]));
  });

  it("takes several parties at once", async () => {
    const response = await record({
      ...visit,
      kind: "company_visit",
      with: ["person", "employer"],
    });
    expect(response.status).toBe(201);
    expect((await contactRows())[0]?.parties).toEqual(["person", "employer"]);
  });

  it.each([
    ["a time in the future", "time_in_future", { ...visit, at: "2026-11-21T09:00:00+09:00" }],
    [
      "a time before the person was registered",
      "before_registration",
      { ...visit, at: "2026-11-01T09:00:00+09:00" },
    ],
  ])("refuses %s with 400 and the reason %s, keeping nothing", async (_why, reason, body) => {
    const response = await record(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request", reason } });
    expect(await contactRows()).toEqual([]);
  });

  it.each([
    ["an unknown kind", { ...visit, kind: "line_chat" }],
    ["an unknown party", { ...visit, with: "neighbour" }],
    ["no party", { ...visit, with: [] }],
    ["zero minutes", { ...visit, minutes: 0 }],
    ["a whole day and more", { ...visit, minutes: 1441 }],
    ["a time that is not ISO", { ...visit, at: "昨日の夕方" }],
    ["a note over 2,000 characters", { ...visit, note: "あ".repeat(2001) }],
    ["an unknown field", { ...visit, channel: "line" }],
  ])("refuses %s with 400 and keeps nothing", async (_why, body) => {
    const response = await record(body);
    expect(response.status).toBe(400);
    expect(await contactRows()).toEqual([]);
  });

  it("refuses a body that is not JSON and a month that is not a month", async () => {
    expect((await record("kind=face_to_face")).status).toBe(400);
    for (const month of ["2026-13", "26-11", "november"]) {
      const response = await api.call(
        "GET",
        `/api/registrants/${person.id}/contacts?month=${month}`,
      );
      expect(response.status).toBe(400);
    }
  });

  it("answers 404 for another center's person, reading and writing nothing", async () => {
    const elsewhere = await mintRegistrant(t.db.store, (await mintCenter(t.db.store, "よそ")).id);
    expect((await record(visit, api, elsewhere.id)).status).toBe(404);
    expect((await api.call("GET", `/api/registrants/${elsewhere.id}/contacts`)).status).toBe(404);
    expect(await contactRows()).toEqual([]);
  });
});

describe("a contact that answers an escalation", () => {
  it("shows on the escalation's timeline", async () => {
    const escalation = await mintEscalation(t.db.store, { centerId, registrantId: person.id });
    const response = await record({ ...visit, kind: "phone", escalationId: escalation.id });
    expect(response.status).toBe(201);
    const detail = (await (await api.call("GET", `/api/escalations/${escalation.id}`)).json()) as {
      timeline: { kind: string; detail: Record<string, unknown> }[];
    };
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: "contact",
      detail: { contactKind: "phone", minutes: 45 },
    });
    const page = await (await api.call("GET", `/dashboard/escalations/${escalation.id}`)).text();
    expect(page).toContain("電話（45分）");
  });

  it("refuses an escalation of someone else", async () => {
    const other = await mintRegistrant(t.db.store, centerId, "佐藤 三郎");
    const theirs = await mintEscalation(t.db.store, { centerId, registrantId: other.id });
    const response = await record({ ...visit, escalationId: theirs.id });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { reason: "not_their_escalation" } });
    expect(await contactRows()).toEqual([]);
  });
});

describe("changing a contact", () => {
  async function recorded() {
    const response = await record(visit);
    return ((await response.json()) as { id: string }).id;
  }
  const change = (id: string, body: unknown, client = api) =>
    client.call("PATCH", `/api/registrants/${person.id}/contacts/${id}`, body);

  it("is a correction in place by its author on the first day", async () => {
    const id = await recorded();
    clock.advance(60 * 60 * 1000);
    const response = await change(id, { ...visit, minutes: 60 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ minutes: 60, version: 1, versions: [] });
    expect(await t.db.store.db.select().from(supportContactVersions)).toEqual([]);
  });

  it("keeps the earlier version when changed after the first day", async () => {
    const id = await recorded();
    clock.advance(2 * 86_400_000);
    const author = await loginAs(t, worker);
    const response = await change(id, { ...visit, note: "追記：上司とも話した。" }, author);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      version: number;
      note: string;
      versions: { version: number; note: string; replacedBy: string }[];
    };
    expect(body.version).toBe(2);
    expect(body.note).toBe("追記：上司とも話した。");
    expect(body.versions).toEqual([
      expect.objectContaining({ version: 1, note: visit.note, replacedBy: worker.id }),
    ]);
  });

  it("is refused to another case worker (403), and allowed to a supervisor, versioned", async () => {
    const id = await recorded();
    const colleague = await loginAs(t, await mintStaff(t.db.store, centerId, "caseworker"));
    const refused = await change(id, { ...visit, minutes: 5 }, colleague);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { reason: "not_author" } });
    expect((await contactRows())[0]?.minutes).toBe(45);
    const boss = await loginAs(t, await mintStaff(t.db.store, centerId, "supervisor"));
    const allowed = await change(id, { ...visit, minutes: 50 }, boss);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ minutes: 50, version: 2 });
  });

  it("answers 404 for a contact of another person", async () => {
    const id = await recorded();
    const other = await mintRegistrant(t.db.store, centerId, "佐藤 三郎");
    const response = await api.call("PATCH", `/api/registrants/${other.id}/contacts/${id}`, visit);
    expect(response.status).toBe(404);
  });
});

describe("on the registrant page", () => {
  const form = (fields: Record<string, string>) =>
    api.call(
      "POST",
      `/dashboard/registrants/${person.id}/contacts`,
      new URLSearchParams(fields).toString(),
      {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost",
        "sec-fetch-site": "same-origin",
      },
    );

  it("offers a face-to-face meeting now, 30 minutes, so one tap records it", async () => {
    const page = await (await api.call("GET", `/dashboard/registrants/${person.id}`)).text();
    expect(page).toContain('data-testid="contacts-empty"');
    expect(page).toMatch(/value="face_to_face" checked/);
    expect(page).toMatch(/value="person" checked/);
    expect(page).toContain('value="2026-11-20T18:00"');
    const saved = await form({
      kind: "face_to_face",
      with: "person",
      at: "2026-11-20T18:00",
      minutes: "30",
      note: "",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(
      `/dashboard/registrants/${person.id}?done=contact#contacts`,
    );
    const after = await (await api.call("GET", `/dashboard/registrants/${person.id}`)).text();
    expect(after).toContain("面談・対面");
    expect(after).toContain("30分");
    expect((await contactRows())[0]).toMatchObject({ at: start, minutes: 30 });
  });

  it("says in words why a contact was refused", async () => {
    const future = await form({
      kind: "phone",
      with: "person",
      at: "2026-12-01T10:00",
      minutes: "10",
    });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("まだ来ていない日時は記録できません。");
    const noMinutes = await form({ kind: "phone", with: "person", at: "2026-11-20T10:00" });
    expect(noMinutes.status).toBe(400);
    expect(await noMinutes.text()).toContain("時間（分）を入力してください。");
    expect(await contactRows()).toEqual([]);
  });
});

describe("a person's contacts", () => {
  it("are in the disclosure and gone with the erasure", async () => {
    expect((await record(visit)).status).toBe(201);
    const boss = await loginAs(t, await mintStaff(t.db.store, centerId, "supervisor"));
    const disclosure = (await (
      await boss.call("GET", `/api/registrants/${person.id}/export`)
    ).json()) as { contacts: { kind: string; note: string }[] };
    expect(disclosure.contacts).toEqual([
      expect.objectContaining({ kind: "face_to_face", note: visit.note }),
    ]);
    const erased = await boss.call("DELETE", `/api/registrants/${person.id}`, {
      confirm: "山田 花子",
    });
    expect(erased.status).toBe(200);
    expect(
      await t.db.store.db
        .select()
        .from(supportContacts)
        .where(eq(supportContacts.registrantId, person.id)),
    ).toEqual([]);
  });
});
