// Staff alerts on LINE: linking a staff member's own account, urgent at once, high in opening
// hours, re-escalation to the supervisors, the daily digest; once each, through the outbox.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodePostback } from "../../src/words/postback";
import { consentTextVersion } from "../../src/words/registrant";
import { staffWords } from "../../src/flows/staff";
import { raiseSignal } from "../../src/escalation/engine";
import { runAlertSweeps, sendAwaitingAlerts } from "../../src/schedule/alert-sweeps";
import type { Store } from "../../src/store/db";
import { deliverDue } from "../../src/outbox/delivery";
import { runTick } from "../../src/schedule/tick";
import { escalationEvents, escalations, staff, staffAlerts } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { newLineUserId, unfollowEvent } from "../support/events";
import { lineChat } from "../support/line-chat";
import { accountOf } from "../support/queries";
import {
  loginAs,
  mintCenter,
  mintRegistrant,
  mintStaff,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

/** Tuesday 2026-11-24 23:30 in Tokyo: the center is closed. */
const night = Date.parse("2026-11-24T23:30:00+09:00");
const minute = 60_000;

let t: TestApp;
let clock: TestClock;
let centerId: string;

beforeEach(async () => {
  clock = createTestClock(night);
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store)).id;
});

afterEach(async () => {
  await t.close();
});

const send = (userId: string, event: Record<string, unknown>) =>
  lineChat(t, clock).send(userId, event);
const say = (userId: string, text: string) => lineChat(t, clock).say(userId, text);

const textOf = (messages: unknown[]) => (messages[0] as { text?: string } | undefined)?.text;
const linkedText = textOf(staffWords.linked());

const texts = (userId: string) =>
  t.mock.messagesTo(userId).map((message) => (message as { text?: string }).text ?? "");

interface LinkedStaff extends TestStaff {
  api: ApiClient;
  lineUserId: string;
}

/** A staff member who asked for a code on their profile and sent it from their own LINE. */
async function linkedStaff(role: "caseworker" | "supervisor"): Promise<LinkedStaff> {
  const member = await mintStaff(t.db.store, centerId, role);
  const api = await loginAs(t, member);
  const response = await api.call("POST", "/api/me/line-link-code");
  expect(response.status).toBe(201);
  const { linkCode } = (await response.json()) as { linkCode: string };
  const lineUserId = newLineUserId();
  await say(lineUserId, linkCode);
  return { ...member, api, lineUserId };
}

async function registrantOnLine(api: ApiClient, displayName = "山田 花子") {
  const { linkCode } = (await (
    await api.call("POST", "/api/registrants", { displayName })
  ).json()) as { linkCode: string };
  const userId = newLineUserId();
  await say(userId, linkCode);
  await lineChat(t, clock).press(
    userId,
    encodePostback({ a: "consent", v: consentTextVersion, c: "yes" }),
  );
  return userId;
}

async function timelineKinds(escalationId: string) {
  const rows = await t.db.store.db
    .select()
    .from(escalationEvents)
    .where(eq(escalationEvents.escalationId, escalationId));
  return rows.map((row) => row.kind);
}

/** The tick's escalation sweeps, then delivery of what they queued. */
async function sweeps() {
  const report = await runAlertSweeps({ ...t.deps, baseUrl: t.config.publicBaseUrl });
  await deliverDue(t.deps, 100);
  return report;
}

describe("linking a staff member's own LINE account", () => {
  it("links with a code from the profile, answers in staff words, and unlinks", async () => {
    const member = await linkedStaff("caseworker");
    expect(texts(member.lineUserId).at(-1)).toBe(linkedText);
    expect((await accountOf(t.db.store, member.lineUserId))?.role).toBe("staff");
    const me = (await (await member.api.call("GET", "/api/me")).json()) as {
      line: { linked: boolean; linkedAt: string | null };
      alerts: Record<string, boolean>;
    };
    expect(me.line.linked).toBe(true);
    expect(Date.parse(me.line.linkedAt ?? "")).toBe(night);
    expect(me.alerts).toEqual({ urgent: true, high: true, digest: true });

    await say(member.lineUserId, "こんにちは");
    expect(texts(member.lineUserId).at(-1)).toBe(textOf(staffWords.alertsOnly()));

    const unlinked = await member.api.call("POST", "/api/me/line/unlink");
    expect(await unlinked.json()).toEqual({ unlinked: true });
    expect((await accountOf(t.db.store, member.lineUserId))?.role).toBe("guest");
    const again = await member.api.call("POST", "/api/me/line/unlink");
    expect(await again.json()).toEqual({ unlinked: false });
  });

  it("accepts a staff code only once, and a new code moves alerts to the new account", async () => {
    const member = await linkedStaff("caseworker");
    const { linkCode } = (await (
      await member.api.call("POST", "/api/me/line-link-code")
    ).json()) as { linkCode: string };
    const phone = newLineUserId();
    await say(phone, linkCode);
    const rows = await t.db.store.db.select().from(staff).where(eq(staff.id, member.id));
    expect(rows[0]?.lineUserId).toBe(phone);
    expect((await accountOf(t.db.store, member.lineUserId))?.role).toBe("guest");
    const stranger = newLineUserId();
    await say(stranger, linkCode);
    expect((await accountOf(t.db.store, stranger))?.role).toBe("guest");
  });

  it("changes alert settings and refuses anything but three booleans", async () => {
    const member = await linkedStaff("caseworker");
    const ok = await member.api.call("POST", "/api/me/alerts", {
      urgent: true,
      high: false,
      digest: false,
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { alerts: unknown }).alerts).toEqual({
      urgent: true,
      high: false,
      digest: false,
    });
    for (const bad of [{ urgent: "yes", high: true, digest: true }, { urgent: true }, [], "x"]) {
      const response = await member.api.call("POST", "/api/me/alerts", bad);
      expect(response.status).toBe(400);
    }
    const rows = await t.db.store.db.select().from(staff).where(eq(staff.id, member.id));
    expect(rows[0]).toMatchObject({ alertUrgent: true, alertHigh: false, alertDigest: false });
  });
});

describe("urgent alerts", () => {
  it("reach every linked staff member who wants them at once, at night, with no health details", async () => {
    const caseworker = await linkedStaff("caseworker");
    const supervisor = await linkedStaff("supervisor");
    const quiet = await linkedStaff("caseworker");
    await quiet.api.call("POST", "/api/me/alerts", { urgent: false, high: true, digest: true });
    const userId = await registrantOnLine(caseworker.api);

    await say(userId, "もう死にたい");

    for (const member of [caseworker, supervisor]) {
      const alert = texts(member.lineUserId).at(-1) ?? "";
      expect(alert).toContain("山田 花子さん");
      expect(alert).toMatch(/\/dashboard\/escalations\/[0-9a-f-]{36}$/);
      expect(alert).not.toMatch(/死|自殺|命|crisis|体調/);
    }
    expect(texts(quiet.lineUserId).at(-1)).toBe(linkedText);
    // sent as pushes with a retry key, right after the commit: no tick ran
    const push = t.mock.calls.filter((call) => call.endpoint === "push");
    expect(push).toHaveLength(2);
    for (const call of push) expect(call.headers["x-line-retry-key"]).toMatch(/^[0-9a-f-]{36}$/);
    const [escalation] = await t.db.store.db.select().from(escalations);
    expect(await timelineKinds(escalation?.id ?? "")).toContain("alerted");
  });

  it("sends one alert per person for a burst of 20 alarming messages", async () => {
    const caseworker = await linkedStaff("caseworker");
    const userId = await registrantOnLine(caseworker.api);
    const before = texts(caseworker.lineUserId).length;
    for (let i = 0; i < 20; i++) await say(userId, `死にたい ${i}`);
    await sweeps();
    expect(texts(caseworker.lineUserId).length - before).toBe(1);
    expect(await t.db.store.db.select().from(staffAlerts)).toHaveLength(1);
  });

  it("alerts again when an escalation rises to urgent", async () => {
    const caseworker = await linkedStaff("caseworker");
    const registrant = await mintRegistrant(t.db.store, centerId, "佐藤 一郎");
    const signal = (severity: "normal" | "urgent") => ({
      centerId,
      registrantId: registrant.id,
      category: "unreachable" as const,
      severity,
      source: "employer" as const,
      evidence: { reason: "test" },
    });
    await t.db.store.write((tx) => raiseSignal(tx, signal("normal"), clock()));
    await sweeps();
    expect(t.mock.sentTo(caseworker.lineUserId)).toHaveLength(1); // the link reply only
    await t.db.store.write((tx) => raiseSignal(tx, signal("urgent"), clock()));
    await sweeps();
    expect(texts(caseworker.lineUserId).at(-1)).toContain("【つなぎ・緊急】佐藤 一郎さん");
  });

  it("skips a staff account that blocked the bot", async () => {
    const caseworker = await linkedStaff("caseworker");
    const other = await linkedStaff("caseworker");
    await send(other.lineUserId, unfollowEvent(other.lineUserId, { timestamp: clock() }));
    const userId = await registrantOnLine(caseworker.api);
    await say(userId, "消えたい");
    expect(texts(caseworker.lineUserId).at(-1)).toContain("【つなぎ・緊急】");
    expect(texts(other.lineUserId).at(-1)).toBe(linkedText);
  });

  it("retries an alert LINE refused from the outbox, and sends it once", async () => {
    const caseworker = await linkedStaff("caseworker");
    const userId = await registrantOnLine(caseworker.api);
    t.mock.failNext(1, 500, "push");
    await say(userId, "死にたい");
    const alerts = () =>
      texts(caseworker.lineUserId).filter((text) => text.startsWith("【つなぎ・緊急】"));
    expect(alerts()).toHaveLength(0);
    clock.advance(10 * 1000);
    await runTick(t.deps);
    expect(alerts()).toHaveLength(1);
    clock.advance(10 * minute);
    await runTick(t.deps);
    expect(alerts()).toHaveLength(1);
  });
});

describe("high alerts", () => {
  async function highEscalation(at: number) {
    const registrant = await mintRegistrant(t.db.store, centerId, "鈴木 次郎");
    return t.db.store.write((tx) =>
      raiseSignal(
        tx,
        {
          centerId,
          registrantId: registrant.id,
          category: "absence",
          severity: "high",
          source: "checkin",
          evidence: { reason: "2日以上休んだ" },
        },
        at,
      ),
    );
  }

  it("wait for opening hours, then go out with the deadline", async () => {
    const caseworker = await linkedStaff("caseworker");
    await highEscalation(clock());
    await sweeps();
    expect(texts(caseworker.lineUserId)).toHaveLength(1);
    clock.set(Date.parse("2026-11-25T09:00:00+09:00"));
    await sweeps();
    const [alert = "", digest] = texts(caseworker.lineUserId).slice(1);
    expect(alert).toContain("鈴木 次郎さんの件（優先度：高）");
    expect(digest).toContain("高 1");
    expect(alert).toContain("確認期限：11/25 11:00");
    expect(alert).not.toContain("休");
  });

  it("wait at a closed center without opening a write each tick", async () => {
    await linkedStaff("caseworker");
    for (let i = 0; i < 3; i++) await highEscalation(clock());
    let writes = 0;
    const store: Store = {
      ...t.deps.store,
      db: t.deps.store.db,
      write: (unit) => {
        writes++;
        return t.deps.store.write(unit);
      },
    };
    const deps = { ...t.deps, store, baseUrl: t.config.publicBaseUrl };
    expect(await sendAwaitingAlerts(deps)).toBe(0);
    expect(writes).toBe(0);
    clock.set(Date.parse("2026-11-25T09:00:00+09:00"));
    expect(await sendAwaitingAlerts(deps)).toBe(3);
  });

  it("are not sent when staff acknowledged before opening", async () => {
    const caseworker = await linkedStaff("caseworker");
    const raised = await highEscalation(clock());
    const ack = await caseworker.api.call(
      "POST",
      `/api/escalations/${raised.escalationId}/acknowledge`,
    );
    expect(ack.status).toBe(200);
    clock.set(Date.parse("2026-11-25T09:00:00+09:00"));
    await sweeps();
    expect(texts(caseworker.lineUserId)).toHaveLength(1);
  });

  it("respect a staff member who turned high alerts off", async () => {
    const caseworker = await linkedStaff("caseworker");
    await caseworker.api.call("POST", "/api/me/alerts", {
      urgent: true,
      high: false,
      digest: false,
    });
    clock.set(Date.parse("2026-11-25T10:00:00+09:00"));
    await highEscalation(clock());
    await sweeps();
    expect(texts(caseworker.lineUserId)).toHaveLength(1);
  });
});

describe("re-escalation", () => {
  it("raises an unacknowledged urgent escalation a level every half hour after 15 minutes, telling the supervisors, until someone acknowledges", async () => {
    const caseworker = await linkedStaff("caseworker");
    const supervisor = await linkedStaff("supervisor");
    const userId = await registrantOnLine(caseworker.api);
    await say(userId, "死にたい");
    const [escalation] = await t.db.store.db.select().from(escalations);
    const id = escalation?.id ?? "";
    const overdue = (member: LinkedStaff) =>
      texts(member.lineUserId).filter((text) => text.includes("期限切れ"));

    clock.advance(14 * minute);
    expect((await sweeps()).reescalated).toBe(0);
    clock.advance(1 * minute);
    expect((await sweeps()).reescalated).toBe(1);
    await runTick(t.deps);
    expect(overdue(supervisor)).toEqual([
      expect.stringContaining("（緊急）がまだ確認されていません（1回目の通知）"),
    ]);
    expect(overdue(caseworker)).toEqual([]);
    expect((await sweeps()).reescalated).toBe(0);

    clock.advance(30 * minute);
    expect((await sweeps()).reescalated).toBe(1);
    await runTick(t.deps);
    expect(overdue(supervisor)).toHaveLength(2);
    const [row] = await t.db.store.db.select().from(escalations).where(eq(escalations.id, id));
    expect(row?.level).toBe(2);
    expect((await timelineKinds(id)).filter((kind) => kind === "reescalated")).toHaveLength(2);

    await caseworker.api.call("POST", `/api/escalations/${id}/acknowledge`);
    clock.advance(3 * 60 * minute);
    expect((await sweeps()).reescalated).toBe(0);
  });

  it("raises a normal escalation at its business-time deadline, and then a business day later", async () => {
    const registrant = await mintRegistrant(t.db.store, centerId, "高橋 三郎");
    const monday = Date.parse("2026-11-30T10:00:00+09:00");
    clock.set(monday);
    const raised = await t.db.store.write((tx) =>
      raiseSignal(
        tx,
        {
          centerId,
          registrantId: registrant.id,
          category: "health",
          severity: "normal",
          source: "checkin",
          evidence: { reason: "test" },
        },
        monday,
      ),
    );
    clock.set(Date.parse("2026-12-01T09:59:00+09:00"));
    expect((await sweeps()).reescalated).toBe(0);
    clock.set(Date.parse("2026-12-01T10:00:00+09:00"));
    expect((await sweeps()).reescalated).toBe(1);
    const [row] = await t.db.store.db
      .select()
      .from(escalations)
      .where(eq(escalations.id, raised.escalationId));
    expect(row?.reescalateAt).toBe(Date.parse("2026-12-02T10:00:00+09:00"));
  });

  it("raises a level once when two sweeps run at the same time", async () => {
    const supervisor = await linkedStaff("supervisor");
    const userId = await registrantOnLine(supervisor.api);
    await say(userId, "死にたい");
    clock.advance(15 * minute);
    const [a, b] = await Promise.all([sweeps(), sweeps()]);
    expect(a.reescalated + b.reescalated).toBe(1);
    await runTick(t.deps);
    expect(texts(supervisor.lineUserId).filter((text) => text.includes("期限切れ"))).toHaveLength(
      1,
    );
  });
});

describe("the daily digest", () => {
  const wednesdayOpening = Date.parse("2026-11-25T09:00:00+09:00");

  it("tells each linked staff member once, at opening time, how many wait, without categories", async () => {
    const caseworker = await linkedStaff("caseworker");
    const noDigest = await linkedStaff("caseworker");
    await noDigest.api.call("POST", "/api/me/alerts", { urgent: true, high: true, digest: false });
    for (const name of ["伊藤 一", "渡辺 二", "中村 三", "小林 四", "加藤 五", "吉田 六"]) {
      const registrant = await mintRegistrant(t.db.store, centerId, name);
      await t.db.store.write((tx) =>
        raiseSignal(
          tx,
          {
            centerId,
            registrantId: registrant.id,
            category: "mood",
            severity: "normal",
            source: "checkin",
            evidence: { reason: "気分が「つらい」" },
          },
          night,
        ),
      );
    }
    clock.set(wednesdayOpening - minute);
    expect((await sweeps()).digests).toBe(0);
    clock.set(wednesdayOpening);
    expect((await sweeps()).digests).toBe(1);
    expect((await sweeps()).digests).toBe(0);
    const digest = texts(caseworker.lineUserId).at(-1) ?? "";
    expect(digest).toContain("きょうの未確認：6件（緊急 0・高 0・中 6・低 0）");
    expect(digest).toContain("・伊藤 一さん");
    expect(digest).toContain("ほか 1件");
    expect(digest).not.toMatch(/気分|つらい/);
    expect(texts(noDigest.lineUserId)).toHaveLength(1);
  });

  it("stays quiet on closed days and on a day with nothing waiting", async () => {
    const caseworker = await linkedStaff("caseworker");
    clock.set(Date.parse("2026-11-28T10:00:00+09:00")); // Saturday
    expect((await sweeps()).digests).toBe(0);
    clock.set(wednesdayOpening);
    expect((await sweeps()).digests).toBe(0);
    expect(texts(caseworker.lineUserId)).toHaveLength(1);
    const ledger = await t.db.store.db.select().from(staffAlerts);
    expect(ledger).toMatchObject([{ kind: "digest", outboxId: null }]);
  });
});
