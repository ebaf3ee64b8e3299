// One registrant for staff: a check-in now, the schedule, pause and resume, 12 weeks of history.
import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { weekKey } from "../../src/time/calendar";
import { setFollowing } from "../../src/store/accounts";
import {
  refreshNextCheckin,
  setConsent,
  setRegistrantLine,
  setRegistrantStatus,
} from "../../src/store/registrants";
import {
  auditLog,
  checkins,
  conversations,
  lineAccounts,
  outbox,
  registrants,
} from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { seedCheckin } from "../support/history";
import { newLineUserId } from "../support/events";
import {
  loginAs,
  mintCenter,
  mintRegistrant,
  mintStaff,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
const week = 7 * 24 * 60 * 60 * 1000;
/** Friday 2026-11-20 18:00 in Tokyo: a usual weekly check-in moment. */
const start = jst("2026-11-20T18:00:00");

let t: TestApp;
let clock: TestClock;
let centerId: string;
let caseworker: TestStaff;

beforeEach(async () => {
  clock = createTestClock(start);
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store, "センターA")).id;
  caseworker = await mintStaff(t.db.store, centerId, "caseworker");
});

afterEach(async () => {
  await t.close();
});

function lineUserIdFor(): string {
  return `U${crypto.randomUUID().replaceAll("-", "")}`;
}

/** A registrant who linked on LINE, follows the account and agreed: check-ins can go out. */
async function mintReachable(name = "山田 花子") {
  const store = t.db.store;
  const registrant = await mintRegistrant(store, centerId, name);
  const lineUserId = lineUserIdFor();
  const now = clock();
  await store.write(async (tx) => {
    await tx.insert(lineAccounts).values({
      lineUserId,
      role: "registrant",
      personId: registrant.id,
      firstSeenAt: now,
      lastSeenAt: now,
    });
    await setRegistrantLine(tx, registrant.id, lineUserId, now - week);
    await setConsent(tx, registrant.id, "given", 1, now - week);
    await refreshNextCheckin(tx, registrant.id, now);
  });
  return { id: registrant.id, lineUserId };
}

async function registrantRow(id: string) {
  const [row] = await t.db.store.db.select().from(registrants).where(eq(registrants.id, id));
  if (!row) throw new Error("registrant missing");
  return row;
}

async function countRows(table: typeof outbox | typeof checkins) {
  const [row] = await t.db.store.db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

interface DetailJson {
  status: string;
  linked: boolean;
  reachable: boolean;
  unfollowedAt: string | null;
  consented: boolean;
  latestCheckin: { id: string; status: string } | null;
  schedule: { weekday: number; time: string; nextCheckinAt: string | null };
  consentHistory: { decision: string; textVersion: number; at: string }[];
  checkins: {
    id: string;
    weekKey: string;
    status: string;
    origin: string;
    sentAt: string;
    completedAt: string | null;
    answers: { question: string; value: string; label: string; score: number | null }[];
  }[];
}

/**
 * Twelve weekly check-ins up to this week (Friday 18:00 each), answered with varied scores,
 * the one three weeks ago missed; and one thirteen weeks ago, which is outside the window.
 */
async function seedHistory(registrantId: string) {
  const store = t.db.store;
  const ids: string[] = [];
  await store.write(async (tx) => {
    for (let ago = 12; ago >= 0; ago--) {
      const sentAt = start - ago * week;
      ids.push(
        await seedCheckin(
          tx,
          registrantId,
          sentAt,
          ago === 3
            ? "missed"
            : {
                condition: 1 + (ago % 4),
                sleep: 1 + ((ago + 1) % 4),
                mood: 1 + ((ago + 2) % 4),
                medication: "forgot_sometimes",
                attendance: ago === 1 ? "late:2" : "all",
                worries: ago === 0 ? ["money", "family"] : ["none"],
                ...(ago === 0 ? { message: "来週 面談したいです" } : {}),
              },
        ),
      );
    }
  });
  return { oldest: ids[0] ?? "", missedWeek: weekKey(start - 3 * week) };
}

describe("POST /api/registrants/:id/checkins", () => {
  it("sends a check-in now: 201 with its id, one push to that person, audited", async () => {
    const r = await mintReachable();
    const client = await loginAs(t, caseworker);
    const response = await client.call("POST", `/api/registrants/${r.id}/checkins`);
    expect(response.status).toBe(201);
    const body = await json<{ id: string }>(response);
    expect(Object.keys(body)).toEqual(["id"]);

    const [checkin] = await t.db.store.db.select().from(checkins).where(eq(checkins.id, body.id));
    expect(checkin).toMatchObject({
      registrantId: r.id,
      status: "sent",
      origin: "staff",
      weekKey: "2026-W47",
      sentAt: start,
    });
    const pushes = await t.db.store.db.select().from(outbox);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({
      kind: "push",
      recipients: [r.lineUserId],
      status: "pending",
    });
    const [conversation] = await t.db.store.db
      .select()
      .from(conversations)
      .where(eq(conversations.lineUserId, r.lineUserId));
    expect(conversation?.flow).toBe("checkin");
    const audit = await t.db.store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, r.id), eq(auditLog.action, "registrant.checkin")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorStaffId).toBe(caseworker.id);

    const detail = await json<DetailJson>(await client.call("GET", `/api/registrants/${r.id}`));
    expect(detail.latestCheckin).toMatchObject({ id: body.id, status: "sent" });
  });

  const refusals: [string, string, (r: { id: string; lineUserId: string }) => Promise<unknown>][] =
    [
      [
        "paused",
        "paused",
        (r) => t.db.store.write((tx) => setRegistrantStatus(tx, r.id, "paused")),
      ],
      [
        "ended",
        "support_ended",
        (r) => t.db.store.write((tx) => setRegistrantStatus(tx, r.id, "ended")),
      ],
      [
        "withdrawn consent",
        "not_consented",
        (r) => t.db.store.write((tx) => setConsent(tx, r.id, "withdrawn", 1, 1)),
      ],
      [
        "blocked on LINE",
        "unreachable",
        (r) => t.db.store.write((tx) => setFollowing(tx, r.lineUserId, false, 1)),
      ],
      [
        "not linked",
        "not_linked",
        (r) => t.db.store.write((tx) => setRegistrantLine(tx, r.id, null, clock())),
      ],
      [
        "already in a check-in",
        "checkin_in_progress",
        async (r) => {
          const client = await loginAs(t, caseworker);
          const first = await client.call("POST", `/api/registrants/${r.id}/checkins`);
          expect(first.status).toBe(201);
        },
      ],
    ];

  it.each(refusals)(
    "answers 409 when %s (reason %s), and sends nothing",
    async (_why, reason, arrange) => {
      const r = await mintReachable();
      await arrange(r);
      const outboxBefore = await countRows(outbox);
      const checkinsBefore = await countRows(checkins);
      const client = await loginAs(t, caseworker);
      const response = await client.call("POST", `/api/registrants/${r.id}/checkins`);
      expect(response.status).toBe(409);
      expect(await json(response)).toMatchObject({ error: { code: "conflict", reason } });
      expect(await countRows(outbox)).toBe(outboxBefore);
      expect(await countRows(checkins)).toBe(checkinsBefore);
      const audited = await t.db.store.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "registrant.checkin"));
      // only the setup's own successful send (if any) is in the audit log
      expect(audited.length).toBe(checkinsBefore);
    },
  );
});

describe("POST /api/registrants/:id/schedule", () => {
  it.each([
    // from Friday 18:00 in Tokyo
    [1, "07:30", "2026-11-23T07:30:00"],
    [5, "20:00", "2026-11-20T20:00:00"],
    [5, "17:59", "2026-11-27T17:59:00"],
    [5, "18:00", "2026-11-27T18:00:00"],
    [6, "00:00", "2026-11-21T00:00:00"],
    [0, "23:59", "2026-11-22T23:59:00"],
  ])(
    "moves the check-in to weekday %i at %s: the next one is %s in Tokyo",
    async (weekday, time, next) => {
      const r = await mintReachable();
      const client = await loginAs(t, caseworker);
      const response = await client.call("POST", `/api/registrants/${r.id}/schedule`, {
        weekday,
        time,
      });
      expect(response.status).toBe(200);
      const detail = await json<DetailJson>(response);
      expect(detail.schedule).toEqual({
        weekday,
        time,
        nextCheckinAt: new Date(jst(next)).toISOString(),
      });
      const row = await registrantRow(r.id);
      expect(row.checkinWeekday).toBe(weekday);
      expect(row.checkinMinute).toBe(Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));
      expect(row.nextCheckinAt).toBe(jst(next));
      const audit = await t.db.store.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "registrant.schedule"));
      expect(audit.map((entry) => entry.subjectId)).toEqual([r.id]);
    },
  );

  it("keeps the new day for someone not linked yet, with no next check-in until they are", async () => {
    const r = await mintRegistrant(t.db.store, centerId);
    const client = await loginAs(t, caseworker);
    const detail = await json<DetailJson>(
      await client.call("POST", `/api/registrants/${r.id}/schedule`, {
        weekday: 2,
        time: "12:15",
      }),
    );
    expect(detail.schedule).toEqual({ weekday: 2, time: "12:15", nextCheckinAt: null });
  });

  it.each([
    [{ weekday: 7, time: "18:00" }],
    [{ weekday: -1, time: "18:00" }],
    [{ weekday: 1.5, time: "18:00" }],
    [{ weekday: "1", time: "18:00" }],
    [{ weekday: null, time: "18:00" }],
    [{ weekday: 1, time: "24:00" }],
    [{ weekday: 1, time: "12:60" }],
    [{ weekday: 1, time: "7:30" }],
    [{ weekday: 1, time: "07:30:00" }],
    [{ weekday: 1, time: "" }],
    [{ weekday: 1, time: 730 }],
    [{ weekday: 1 }],
    [{ time: "18:00" }],
    [[1, "18:00"]],
    ["{not json"],
  ])("refuses %j with 400 and changes nothing", async (body) => {
    const r = await mintReachable();
    const before = await registrantRow(r.id);
    const client = await loginAs(t, caseworker);
    const response = await client.call("POST", `/api/registrants/${r.id}/schedule`, body);
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ error: { code: "bad_request" } });
    expect(await registrantRow(r.id)).toEqual(before);
  });

  it("refuses a form post to the JSON API with 400", async () => {
    const r = await mintReachable();
    const before = await registrantRow(r.id);
    const client = await loginAs(t, caseworker);
    const response = await client.call(
      "POST",
      `/api/registrants/${r.id}/schedule`,
      "weekday=1&time=07:30",
      { "content-type": "application/x-www-form-urlencoded" },
    );
    expect(response.status).toBe(400);
    expect(await registrantRow(r.id)).toEqual(before);
  });
});

describe("POST /api/registrants/:id/pause and /resume", () => {
  it("pauses (no next check-in, sending one now is refused) and resumes (rescheduled)", async () => {
    const r = await mintReachable();
    let client = await loginAs(t, caseworker);
    expect((await registrantRow(r.id)).nextCheckinAt).toBe(jst("2026-11-27T18:00:00"));

    const paused = await client.call("POST", `/api/registrants/${r.id}/pause`);
    expect(paused.status).toBe(200);
    expect(await json<DetailJson>(paused)).toMatchObject({
      status: "paused",
      schedule: { nextCheckinAt: null },
    });
    expect(await registrantRow(r.id)).toMatchObject({ status: "paused", nextCheckinAt: null });
    expect((await client.call("POST", `/api/registrants/${r.id}/checkins`)).status).toBe(409);
    // pausing twice is harmless
    expect((await client.call("POST", `/api/registrants/${r.id}/pause`)).status).toBe(200);

    clock.set(jst("2026-11-28T09:00:00"));
    // a day later the session has gone idle: log in again
    client = await loginAs(t, caseworker);
    const resumed = await client.call("POST", `/api/registrants/${r.id}/resume`);
    expect(resumed.status).toBe(200);
    expect(await json<DetailJson>(resumed)).toMatchObject({
      status: "active",
      schedule: { nextCheckinAt: new Date(jst("2026-12-04T18:00:00")).toISOString() },
    });
    expect((await client.call("POST", `/api/registrants/${r.id}/checkins`)).status).toBe(201);
    const actions = await t.db.store.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, r.id))
      .orderBy(auditLog.id);
    expect(actions.map((row) => row.action)).toEqual([
      "registrant.pause",
      "registrant.pause",
      "registrant.resume",
      "registrant.checkin",
    ]);
  });

  it("refuses to pause or resume someone whose support has ended", async () => {
    const r = await mintReachable();
    await t.db.store.write((tx) => setRegistrantStatus(tx, r.id, "ended"));
    const client = await loginAs(t, caseworker);
    for (const action of ["pause", "resume"]) {
      const response = await client.call("POST", `/api/registrants/${r.id}/${action}`);
      expect(response.status).toBe(409);
    }
    expect((await registrantRow(r.id)).status).toBe("ended");
  });
});

describe("GET /api/registrants/:id", () => {
  it("has status, reachability, schedule, consent history and 12 weeks with labelled answers", async () => {
    const r = await mintReachable();
    await t.db.store.write(async (tx) => {
      await setConsent(tx, r.id, "withdrawn", 1, start - 2 * week);
      await setConsent(tx, r.id, "given", 2, start - week + 1000);
    });
    const { oldest, missedWeek } = await seedHistory(r.id);
    const client = await loginAs(t, caseworker);
    const detail = await json<DetailJson>(await client.call("GET", `/api/registrants/${r.id}`));

    expect(detail).toMatchObject({
      status: "active",
      linked: true,
      reachable: true,
      unfollowedAt: null,
      consented: true,
      schedule: { weekday: 5, time: "18:00" },
    });
    expect(detail.consentHistory.map((c) => [c.decision, c.textVersion])).toEqual([
      ["given", 2],
      ["given", 1],
      ["withdrawn", 1],
    ]);

    expect(detail.checkins).toHaveLength(12);
    expect(detail.checkins.map((c) => c.id)).not.toContain(oldest);
    const sent = detail.checkins.map((c) => Date.parse(c.sentAt));
    expect(sent).toEqual([...sent].sort((a, b) => b - a));
    expect(detail.checkins[0]?.weekKey).toBe("2026-W47");
    const missed = detail.checkins.filter((c) => c.status === "missed");
    expect(missed.map((c) => c.weekKey)).toEqual([missedWeek]);
    expect(missed[0]?.answers).toEqual([]);

    const latest = detail.checkins[0];
    expect(latest?.answers.map((a) => a.question)).toEqual([
      "condition",
      "sleep",
      "mood",
      "medication",
      "attendance",
      "worries",
      "message",
    ]);
    expect(latest?.answers).toContainEqual({
      question: "condition",
      value: "1",
      label: "😣 わるい",
      score: 1,
    });
    expect(latest?.answers).toContainEqual({
      question: "sleep",
      value: "2",
      label: "😐 あまり ねむれない",
      score: 2,
    });
    expect(latest?.answers).toContainEqual({
      question: "worries",
      value: '["money","family"]',
      label: "おかね、かぞく",
      score: null,
    });
    expect(latest?.answers).toContainEqual({
      question: "message",
      value: "来週 面談したいです",
      label: "来週 面談したいです",
      score: null,
    });
    expect(detail.checkins[1]?.answers).toContainEqual({
      question: "attendance",
      value: "late:2",
      label: "⏰ ちこく した（2日）",
      score: null,
    });
  });

  it("shows a person who blocked the account as unreachable, since when", async () => {
    const r = await mintReachable();
    await t.db.store.write(async (tx) => {
      await setFollowing(tx, r.lineUserId, false, start - 3_600_000);
      await refreshNextCheckin(tx, r.id, start);
    });
    const client = await loginAs(t, caseworker);
    const detail = await json<DetailJson>(await client.call("GET", `/api/registrants/${r.id}`));
    expect(detail).toMatchObject({
      linked: true,
      reachable: false,
      unfollowedAt: new Date(start - 3_600_000).toISOString(),
      schedule: { nextCheckinAt: null },
    });
  });

  it("says an unlinked person is not reachable, with an empty history", async () => {
    const r = await mintRegistrant(t.db.store, centerId);
    const client = await loginAs(t, caseworker);
    const detail = await json<DetailJson>(await client.call("GET", `/api/registrants/${r.id}`));
    expect(detail).toMatchObject({
      linked: false,
      reachable: false,
      consentHistory: [],
      checkins: [],
      schedule: { weekday: 5, time: "18:00", nextCheckinAt: null },
    });
  });
});

describe("another center", () => {
  it("gets 404 from every registrant action, and nothing changes", async () => {
    const r = await mintReachable();
    const elsewhere = await mintCenter(t.db.store, "センターB");
    const outsider = await loginAs(t, await mintStaff(t.db.store, elsewhere.id, "supervisor"));
    const before = await registrantRow(r.id);
    const calls: [string, unknown][] = [
      [`/api/registrants/${r.id}/checkins`, undefined],
      [`/api/registrants/${r.id}/schedule`, { weekday: 1, time: "07:30" }],
      [`/api/registrants/${r.id}/pause`, undefined],
      [`/api/registrants/${r.id}/resume`, undefined],
    ];
    for (const [path, body] of calls) {
      const response = await outsider.call("POST", path, body);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain(r.id);
    }
    expect((await outsider.call("GET", `/api/registrants/${r.id}`)).status).toBe(404);
    expect(await registrantRow(r.id)).toEqual(before);
    expect(await countRows(outbox)).toBe(0);
    expect(await countRows(checkins)).toBe(0);
  });
});

// The pages: forms post as a browser on this site would.
const sameOrigin = { origin: "http://localhost", "sec-fetch-site": "same-origin" };

function page(client: ApiClient, path: string) {
  return client.call("GET", path);
}

function postForm(
  client: ApiClient,
  path: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = sameOrigin,
) {
  return client.call("POST", path, new URLSearchParams(fields).toString(), {
    "content-type": "application/x-www-form-urlencoded",
    ...headers,
  });
}

function between(html: string, open: string, close: string): string {
  const from = html.indexOf(open);
  if (from === -1) return "";
  return html.slice(from, html.indexOf(close, from) + close.length);
}

describe("the registrant page", () => {
  it("shows the history table and an SVG chart with three series and the missed week marked", async () => {
    const r = await mintReachable();
    const { missedWeek } = await seedHistory(r.id);
    const client = await loginAs(t, caseworker);
    const response = await page(client, `/dashboard/registrants/${r.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();

    // one drawing for a laptop, one for a phone: the same data in each
    const svg = between(html, '<svg class="chart chart-wide"', "</svg>");
    const narrow = between(html, '<svg class="chart chart-narrow"', "</svg>");
    expect(narrow.match(/data-series="\w+"/g)).toHaveLength(3);
    expect(narrow.match(/class="chart-point"/g)).toHaveLength(33);
    expect(narrow).toContain(`<g class="chart-missed" data-week="${missedWeek}">`);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="trend-title-wide trend-desc-wide"');
    expect(svg).toContain(
      '<title id="trend-title-wide">体調・睡眠・気分の推移（直近12週）</title>',
    );
    const seriesNames = [...svg.matchAll(/data-series="(\w+)"/g)].map((m) => m[1]);
    expect(seriesNames).toEqual(["condition", "sleep", "mood"]);
    const [condition = "", sleep = "", mood = ""] = svg.split('data-series="').slice(1);
    // eleven answered weeks: eleven points in each series
    for (const series of [condition, sleep, mood]) {
      expect(series.match(/class="chart-point"/g)).toHaveLength(11);
    }
    // each series is told apart without colour too: its own dash and marker shape
    expect(condition).toContain('<circle class="chart-marker"');
    expect(condition).not.toContain("stroke-dasharray");
    expect(sleep).toContain('stroke-dasharray="9 5"');
    expect(sleep).toContain('<rect class="chart-marker"');
    expect(mood).toContain('stroke-dasharray="2 4"');
    expect(mood).toContain('<path class="chart-marker"');
    // the missed week is a marked band, with its words, and the line breaks there
    const missed = [...svg.matchAll(/<g class="chart-missed" data-week="([^"]+)">/g)];
    expect(missed.map((m) => m[1])).toEqual([missedWeek]);
    expect(svg).toContain("未回答");
    expect(svg).toContain(`未回答の週: 10/26〜11/1`);
    expect(svg).toContain("11/16");
    expect(svg).toContain("8/31");
    expect(svg).toContain("11/16〜11/22の週 体調: 1（わるい）");

    const table = between(html, '<table class="table history"', "</table>");
    expect(table.match(/<tr class="history-row/g)).toHaveLength(12);
    expect(table).toContain(`data-week="${missedWeek}" data-status="missed"`);
    expect(table).toContain("未回答");
    expect(table).toContain("😣 わるい");
    expect(table).toContain("ときどき わすれた");
    expect(table).toContain("⏰ ちこく した（2日）");
    expect(table).toContain("おかね、かぞく");
    expect(table).toContain("来週 面談したいです");
    expect(table).toContain("11/16〜11/22");
    for (const heading of [
      "週",
      "状態",
      "体調",
      "睡眠",
      "気分",
      "服薬",
      "出勤",
      "困りごと",
      "ひとこと",
    ]) {
      expect(table).toContain(`<th scope="col">${heading}</th>`);
    }
  });

  it("shows link, consent with its history, schedule and the forms", async () => {
    const r = await mintReachable();
    const client = await loginAs(t, caseworker);
    const html = await (await page(client, `/dashboard/registrants/${r.id}`)).text();
    expect(html).toContain("連携済み");
    expect(html).toContain("同意あり");
    expect(html).toContain("同意した");
    expect(html).toContain("説明文 第1版");
    expect(html).toContain("毎週 金曜日 18:00");
    expect(html).toContain("次回 <time");
    expect(html).toContain("2026/11/27 18:00");
    expect(html).not.toContain("LINEでブロック中");
    for (const action of ["checkin", "schedule", "pause"]) {
      expect(html).toContain(`action="/dashboard/registrants/${r.id}/${action}"`);
    }
    expect(html).toContain("いまチェックインを送る");
    expect(html).toMatch(/<option value="5" selected="">金曜日<\/option>/);
    expect(html).toContain('type="time" name="time" value="18:00"');
    expect(html).toContain("まだ回答がありません");
  });

  it("puts blocking up front: 「LINEでブロック中（連絡がとれません）」 and no send button to press", async () => {
    const r = await mintReachable();
    await t.db.store.write((tx) => setFollowing(tx, r.lineUserId, false, start - 3_600_000));
    const client = await loginAs(t, caseworker);
    const html = await (await page(client, `/dashboard/registrants/${r.id}`)).text();
    const banner = between(html, '<div class="alert-banner"', "</div>");
    expect(banner).toContain("LINEでブロック中（連絡がとれません）");
    expect(banner).toContain("2026/11/20 17:00");
    // the banner comes before the rest of the page
    expect(html.indexOf("alert-banner")).toBeLessThan(html.indexOf("registrant-title"));
    expect(between(html, "<button", "</button>")).not.toContain("いまチェックイン");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="checkin-now"/);
  });

  it("sends a check-in from the page: 303 back, a message, one push", async () => {
    const r = await mintReachable();
    const client = await loginAs(t, caseworker);
    const response = await postForm(client, `/dashboard/registrants/${r.id}/checkin`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/dashboard/registrants/${r.id}?done=checkin`);
    expect(await countRows(outbox)).toBe(1);
    const html = await (await page(client, response.headers.get("location") ?? "")).text();
    expect(html).toContain("チェックインを送りました");
    expect(html).toContain("送信済み（未回答）");
  });

  it("shows why when a check-in cannot go out: paused, or one already open", async () => {
    const r = await mintReachable();
    const client = await loginAs(t, caseworker);
    expect((await postForm(client, `/dashboard/registrants/${r.id}/checkin`)).status).toBe(303);
    const again = await postForm(client, `/dashboard/registrants/${r.id}/checkin`);
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain("回答中のチェックインがあるため、新しく送れません");

    await t.db.store.write((tx) => setRegistrantStatus(tx, r.id, "paused"));
    const paused = await postForm(client, `/dashboard/registrants/${r.id}/checkin`);
    expect(paused.status).toBe(409);
    expect(await paused.text()).toContain("一時停止中のため、チェックインは送れません");
    expect(await countRows(outbox)).toBe(1);
  });

  it("pauses and resumes from the page", async () => {
    const r = await mintReachable();
    const client = await loginAs(t, caseworker);
    const paused = await postForm(client, `/dashboard/registrants/${r.id}/pause`);
    expect(paused.status).toBe(303);
    expect(paused.headers.get("location")).toBe(`/dashboard/registrants/${r.id}?done=paused`);
    expect(await registrantRow(r.id)).toMatchObject({ status: "paused", nextCheckinAt: null });
    const html = await (await page(client, paused.headers.get("location") ?? "")).text();
    expect(html).toContain("チェックインを一時停止しました");
    expect(html).toContain("一時停止中");
    expect(html).toContain(`action="/dashboard/registrants/${r.id}/resume"`);
    expect(html).toContain("次回の予定はありません（一時停止中です）");

    const resumed = await postForm(client, `/dashboard/registrants/${r.id}/resume`);
    expect(resumed.status).toBe(303);
    expect(await registrantRow(r.id)).toMatchObject({
      status: "active",
      nextCheckinAt: jst("2026-11-27T18:00:00"),
    });
  });

  it("changes the schedule from the page, and keeps what was typed when it is wrong", async () => {
    const r = await mintReachable();
    const client = await loginAs(t, caseworker);
    const response = await postForm(client, `/dashboard/registrants/${r.id}/schedule`, {
      weekday: "1",
      time: "07:30",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/dashboard/registrants/${r.id}?done=schedule`);
    expect(await registrantRow(r.id)).toMatchObject({
      checkinWeekday: 1,
      checkinMinute: 450,
      nextCheckinAt: jst("2026-11-23T07:30:00"),
    });
    const html = await (await page(client, response.headers.get("location") ?? "")).text();
    expect(html).toContain("毎週 月曜日 07:30");

    const before = await registrantRow(r.id);
    const wrong: Record<string, string>[] = [
      { weekday: "7", time: "07:30" },
      { weekday: "x", time: "07:30" },
      { weekday: "2", time: "25:00" },
      { weekday: "2", time: "" },
      { weekday: "2" },
    ];
    for (const fields of wrong) {
      const refused = await postForm(client, `/dashboard/registrants/${r.id}/schedule`, fields);
      expect(refused.status).toBe(400);
      const text = await refused.text();
      expect(text).toContain('role="alert"');
      if (fields.time === "25:00") expect(text).toContain('value="25:00"');
    }
    expect(await registrantRow(r.id)).toEqual(before);
  });

  it("refuses a cross-site form post and changes nothing", async () => {
    const r = await mintReachable();
    const client = await loginAs(t, caseworker);
    const before = await registrantRow(r.id);
    for (const action of ["checkin", "pause", "schedule"]) {
      const response = await postForm(
        client,
        `/dashboard/registrants/${r.id}/${action}`,
        { weekday: "1", time: "07:30" },
        { origin: "https://evil.example" },
      );
      expect(response.status).toBe(403);
    }
    expect(await registrantRow(r.id)).toEqual(before);
    expect(await countRows(outbox)).toBe(0);
  });

  it("answers another center's staff with the 404 page, and changes nothing", async () => {
    const r = await mintReachable();
    const elsewhere = await mintCenter(t.db.store, "センターB");
    const outsider = await loginAs(t, await mintStaff(t.db.store, elsewhere.id, "supervisor"));
    const before = await registrantRow(r.id);
    const view = await page(outsider, `/dashboard/registrants/${r.id}`);
    expect(view.status).toBe(404);
    expect(await view.text()).not.toContain("山田 花子");
    for (const action of ["checkin", "schedule", "pause", "resume"]) {
      const response = await postForm(outsider, `/dashboard/registrants/${r.id}/${action}`, {
        weekday: "1",
        time: "07:30",
      });
      expect(response.status, action).toBe(404);
      // the dashboard's own "not found" page, as for any other center's registrant
      expect(response.headers.get("content-type"), action).toContain("text/html");
      expect(await response.text()).not.toContain("山田 花子");
    }
    expect(await registrantRow(r.id)).toEqual(before);
    expect(await countRows(outbox)).toBe(0);
  });

  it("after a form post without a session, comes back to the registrant's page", async () => {
    const r = await mintReachable();
    const response = await t.request(`/dashboard/registrants/${r.id}/pause`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...sameOrigin },
      body: "",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/login?next=${encodeURIComponent(`/dashboard/registrants/${r.id}`)}`,
    );
    expect((await registrantRow(r.id)).status).toBe("active");
  });
});

describe("auditing the page", () => {
  it("records each view of the page as a read of that registrant", async () => {
    const r = await mintReachable();
    const client = await loginAs(t, caseworker);
    await page(client, `/dashboard/registrants/${r.id}`);
    const reads = await t.db.store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, r.id), eq(auditLog.action, "registrant.read")));
    expect(reads).toHaveLength(1);
  });
});

describe("a new link code for an existing registrant", () => {
  it("retires the old code, and the new one moves the person to the account that sends it", async () => {
    const t = await createTestApp();
    try {
      const center = await mintCenter(t.db.store);
      const staff = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
      const created = (await (
        await staff.call("POST", "/api/registrants", { displayName: "佐藤" })
      ).json()) as { id: string; linkCode: string };
      const reissued = await staff.call("POST", `/api/registrants/${created.id}/link-code`);
      expect(reissued.status).toBe(201);
      const { linkCode } = (await reissued.json()) as { linkCode: string };
      expect(linkCode).toMatch(/^\d{14}$/);
      expect(linkCode).not.toBe(created.linkCode);
      const { redeemLinkCode } = await import("../../src/store/link");
      const { hashLinkCode } = await import("../../src/link/codes");
      const { touchStatements } = await import("../../src/store/accounts");
      const user = newLineUserId();
      const results = await t.db.store.write(async (tx) => {
        for (const statement of touchStatements(tx, user, null, 0)) await statement;
        return [
          await redeemLinkCode(tx, user, await hashLinkCode(created.linkCode), Date.now()),
          await redeemLinkCode(tx, user, await hashLinkCode(linkCode), Date.now()),
        ];
      });
      expect(results.map((r) => r.outcome)).toEqual(["unknown-code", "linked"]);
      const page = await staff.call("POST", `/dashboard/registrants/${created.id}/link-code`, "", {
        "content-type": "application/x-www-form-urlencoded",
      });
      expect(page.status).toBe(201);
      const html = await page.text();
      expect(html).toMatch(/\d{4} \d{4} \d{4} \d{2}/);
      // a new code for someone already registered says so, not "registered"
      expect(html).toContain("新しいコードを発行しました（前のコードは使えません）");
      expect(html).not.toContain("を登録しました");
      // and the sheet for the person says it in their words
      expect(html).toContain("あたらしい ばんごうを つくりました");
      const other = await mintCenter(t.db.store, "よそ");
      const outsider = await loginAs(t, await mintStaff(t.db.store, other.id, "supervisor"));
      expect((await outsider.call("POST", `/api/registrants/${created.id}/link-code`)).status).toBe(
        404,
      );
    } finally {
      await t.close();
    }
  });
});
