// The center's statistics by month: counted from the records, as JSON, as a page with charts and
// as CSV for Excel (byte-order mark, formula-safe cells), within the center, ranges checked.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csvCell, csvLine } from "../../src/dashboard/csv";
import { insertContact } from "../../src/store/contacts";
import { checkins, escalations } from "../../src/store/schema";
import type { CheckinStatus, ContactKind } from "../../src/vocabulary/kinds";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import {
  loginAs,
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  type ApiClient,
} from "../support/staff";

let t: TestApp;
let centerId: string;
let api: ApiClient;
let authorId: string;

const nov = (day: number, hour = 10) =>
  Date.parse(
    `2026-11-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00+09:00`,
  );

beforeEach(async () => {
  t = await createTestApp({ clock: createTestClock(nov(28)) });
  centerId = (await mintCenter(t.db.store)).id;
  const worker = await mintStaff(t.db.store, centerId, "caseworker");
  authorId = worker.id;
  api = await loginAs(t, worker);
});

afterEach(async () => {
  await t.close();
});

async function checkin(registrantId: string, status: CheckinStatus, sentAt: number) {
  await t.db.store.write((tx) =>
    tx.insert(checkins).values({
      id: crypto.randomUUID(),
      registrantId,
      status,
      sentAt,
      weekKey: "2026-W46",
    }),
  );
}

async function contact(registrantId: string, kind: ContactKind, at: number) {
  await t.db.store.write((tx) =>
    insertContact(tx, {
      centerId,
      registrantId,
      authorStaffId: authorId,
      kind,
      parties: ["person"],
      at,
      minutes: 30,
      note: "",
      escalationId: null,
      now: at,
    }),
  );
}

async function escalation(
  registrantId: string,
  severity: "urgent" | "high",
  opened: number,
  ackAfterMin: number,
) {
  // one unresolved escalation per person and category, as the engine keeps them
  const category = severity === "urgent" ? "crisis" : "absence";
  const row = await mintEscalation(t.db.store, {
    centerId,
    registrantId,
    severity,
    category,
    now: opened,
  });
  await t.db.store.write((tx) =>
    tx
      .update(escalations)
      .set({ status: "acknowledged", acknowledgedAt: opened + ackAfterMin * 60_000 })
      .where(eq(escalations.id, row.id)),
  );
}

interface StatsJson {
  months: {
    month: string;
    activeRegistrants: number;
    checkins: { sent: number; completed: number; missed: number };
    escalations: { byCategory: Record<string, number>; bySeverity: Record<string, number> };
    medianAckMinutes: Record<string, number | null>;
    contacts: Record<string, number>;
  }[];
}

describe("the statistics", () => {
  beforeEach(async () => {
    const a = await mintRegistrant(t.db.store, centerId, "山田 花子");
    const b = await mintRegistrant(t.db.store, centerId, "佐藤 三郎");
    await checkin(a.id, "completed", nov(6));
    await checkin(a.id, "missed", nov(13));
    await checkin(b.id, "completed", nov(13));
    await checkin(b.id, "sent", nov(27));
    await checkin(b.id, "completed", Date.parse("2026-10-30T10:00:00+09:00"));
    await escalation(a.id, "urgent", nov(10), 4);
    await escalation(b.id, "urgent", nov(11), 10);
    await escalation(b.id, "high", nov(12), 90);
    await contact(a.id, "face_to_face", nov(5));
    await contact(b.id, "face_to_face", nov(6));
    await contact(b.id, "phone", nov(7));
  });

  it("counts each month from the records", async () => {
    const response = await api.call("GET", "/api/stats?from=2026-10&to=2026-11");
    expect(response.status).toBe(200);
    const { months } = (await response.json()) as StatsJson;
    expect(months.map((month) => month.month)).toEqual(["2026-10", "2026-11"]);
    const [october, november] = months;
    expect(october?.checkins).toEqual({ sent: 1, completed: 1, missed: 0 });
    expect(october?.contacts.face_to_face).toBe(0);
    expect(november).toMatchObject({
      activeRegistrants: 2,
      checkins: { sent: 4, completed: 2, missed: 1 },
      escalations: { bySeverity: { urgent: 2, high: 1 }, byCategory: { crisis: 2, absence: 1 } },
      medianAckMinutes: { urgent: 7, high: 90, normal: null, low: null },
      contacts: { face_to_face: 2, phone: 1, company_visit: 0 },
    });
  });

  it("is a CSV for Excel, a month a line, and a page with its charts", async () => {
    const csv = await api.call("GET", "/api/stats.csv?from=2026-10&to=2026-11");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // a byte-order mark first (text() would drop it), so Excel reads UTF-8
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("月,支援中の人数,")).toBe(true);
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]?.startsWith("2026-11,2,4,2,1,")).toBe(true);
    const page = await (await api.call("GET", "/dashboard/stats?from=2026-10&to=2026-11")).text();
    expect(page.match(/data-testid="stats-row"/g)).toHaveLength(2);
    expect(page).toContain('data-testid="chart-contacts"');
    expect(page).toContain("支援記録：2026-10 0、2026-11 3");
    expect(page).toContain('href="/api/stats.csv?from=2026-10&amp;to=2026-11"');
  });

  it("shows another center only its own (nothing)", async () => {
    const outsider = await loginAs(
      t,
      await mintStaff(t.db.store, (await mintCenter(t.db.store, "よそ")).id, "supervisor"),
    );
    const { months } = (await (
      await outsider.call("GET", "/api/stats?from=2026-11&to=2026-11")
    ).json()) as StatsJson;
    expect(months[0]).toMatchObject({
      activeRegistrants: 0,
      checkins: { sent: 0, completed: 0, missed: 0 },
      escalations: { bySeverity: {} },
    });
  });
});

describe("a range that cannot be read", () => {
  it.each([
    ["to before from", "from=2026-11&to=2026-10"],
    ["more than 24 months", "from=2024-01&to=2026-01"],
    ["not a month", "from=2026-13&to=2026-11"],
    ["words", "from=last&to=now"],
  ])("is refused with 400: %s (JSON and CSV)", async (_why, query) => {
    expect((await api.call("GET", `/api/stats?${query}`)).status).toBe(400);
    const csv = await api.call("GET", `/api/stats.csv?${query}`);
    expect(csv.status).toBe(400);
    expect(await csv.json()).toHaveProperty("error.code", "bad_request");
  });

  it("defaults to the last six months", async () => {
    const { months } = (await (await api.call("GET", "/api/stats")).json()) as StatsJson;
    expect(months.map((month) => month.month)).toEqual([
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
  });
});

describe("a CSV cell", () => {
  it.each([
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+81", "'+81"],
    ["-1", "'-1"],
    ["@SUM", "'@SUM"],
    ['言った "はい"', '"言った ""はい"""'],
    ["a,b", '"a,b"'],
    [12, "12"],
    [null, ""],
  ])("escapes %s as %s", (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it("ends a line as spreadsheets expect", () => {
    expect(csvLine(["月", 3, null])).toBe("月,3,\r\n");
  });
});
