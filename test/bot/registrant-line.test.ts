// A registrant on LINE end to end: link, consent, check-ins by hand and by schedule, silence.
import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodePostback } from "../../src/words/postback";
import { consentTextVersion } from "../../src/words/registrant";
import { createLogger } from "../../src/core/log";
import { nextWeeklySlot } from "../../src/time/calendar";
import {
  missedAfterMs,
  sendDueCheckins,
  sendReminders,
  sweepMissed,
} from "../../src/checkins/send";
import { runTick } from "../../src/schedule/tick";
import { usersInCheckin } from "../../src/store/checkins";
import {
  answers,
  checkins,
  consents,
  conversations,
  lineAccounts,
  outbox,
  registrants,
  signals,
} from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import {
  followEvent,
  newLineUserId,
  textEvent,
  unfollowEvent,
  webhookBody,
} from "../support/events";
import { seedCheckin } from "../support/history";
import { buttonsOf, lineChat, textOf, type Sent } from "../support/line-chat";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let clock: TestClock;
let staff: ApiClient;
let lines: string[];

/** Monday 2026-11-23 10:00 in Tokyo. */
const monday = Date.parse("2026-11-23T10:00:00+09:00");

beforeEach(async () => {
  clock = createTestClock(monday);
  lines = [];
  t = await createTestApp({ clock, log: createLogger((line) => lines.push(line)) });
  const center = await mintCenter(t.db.store);
  staff = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
});

afterEach(async () => {
  await t.close();
});

const db = () => t.db.store.db;

async function newRegistrant(displayName = "山田 花子") {
  const response = await staff.call("POST", "/api/registrants", { displayName });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; linkCode: string };
}

const send = (userId: string, event: Record<string, unknown>) =>
  lineChat(t, clock).send(userId, event);
const say = (userId: string, text: string) => lineChat(t, clock).say(userId, text);
const press = (userId: string, data: string) => lineChat(t, clock).press(userId, data);

async function registrantRow(id: string) {
  const rows = await db().select().from(registrants).where(eq(registrants.id, id));
  return rows[0];
}

async function linkedAndConsenting() {
  const { id, linkCode } = await newRegistrant();
  const userId = newLineUserId();
  await say(userId, linkCode);
  await press(userId, encodePostback({ a: "consent", v: consentTextVersion, c: "yes" }));
  return { id, userId };
}

/** Answers whatever the bot asks with the last plain choice until the check-in ends. */
async function answerAll(userId: string, first: Awaited<ReturnType<typeof send>>) {
  let messages = first;
  for (let i = 0; i < 12; i++) {
    const choices = buttonsOf(messages).filter((b) => b.data && !/v=(talk|skip|done)/.test(b.data));
    const pick = choices.at(-1);
    if (!pick?.data) return messages;
    messages = await press(userId, pick.data);
  }
  return messages;
}

describe("linking", () => {
  it.each([
    ["as given", (code: string) => code],
    ["with spaces", (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`],
    ["with a hyphen", (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`],
    [
      "in full-width digits",
      (code: string) => code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
    ],
  ])(
    "links a registrant who sends the code %s, then asks for consent with two buttons",
    async (_name, shape) => {
      const { id, linkCode } = await newRegistrant();
      const userId = newLineUserId();
      const replies = await say(userId, shape(linkCode));
      expect(replies.length).toBeLessThanOrEqual(5);
      expect(replies[0]?.text).toContain("つながりました");
      expect(replies.map((r) => r.text).join("\n")).toContain("かいしゃの 人は みません");
      expect(buttonsOf(replies).map((b) => b.label)).toEqual(["どういする", "どういしない"]);
      expect((await registrantRow(id))?.lineUserId).toBe(userId);
      const detail = (await (await staff.call("GET", `/api/registrants/${id}`)).json()) as Record<
        string,
        unknown
      >;
      expect(detail).toMatchObject({ linked: true, consented: false });
      // a pause: no check-in before consent
      expect((await registrantRow(id))?.nextCheckinAt).toBeNull();
    },
  );

  it("uses a code once", async () => {
    const { linkCode } = await newRegistrant();
    await say(newLineUserId(), linkCode);
    const other = newLineUserId();
    const replies = await say(other, linkCode);
    expect(replies[0]?.text).toContain("つかえません");
    const account = await db()
      .select()
      .from(lineAccounts)
      .where(eq(lineAccounts.lineUserId, other));
    expect(account[0]?.role).toBe("guest");
  });

  it("refuses an expired code", async () => {
    const { linkCode } = await newRegistrant();
    clock.advance(15 * 24 * 3_600_000);
    const replies = await say(newLineUserId(), linkCode);
    expect(replies[0]?.text).toContain("つかえません");
  });

  it("refuses even the right code after 5 wrong ones within an hour, then accepts it", async () => {
    const { id, linkCode } = await newRegistrant();
    const userId = newLineUserId();
    for (let i = 0; i < 5; i++) {
      const wrong = String((Number(linkCode) + 1 + i) % 100_000_000).padStart(8, "0");
      expect((await say(userId, wrong))[0]?.text).toContain("つかえません");
    }
    expect((await say(userId, linkCode))[0]?.text).toContain("1じかん");
    expect((await registrantRow(id))?.lineUserId).toBeNull();
    clock.advance(60 * 60_000 + 1);
    expect((await say(userId, linkCode))[0]?.text).toContain("つながりました");
  });

  it("answers a code from an already-linked person without using it up", async () => {
    const { userId } = await linkedAndConsenting();
    const { id: other, linkCode } = await newRegistrant("田中 一郎");
    expect((await say(userId, linkCode))[0]?.text).toContain("もう つながって");
    const stranger = newLineUserId();
    expect((await say(stranger, linkCode))[0]?.text).toContain("つながりました");
    expect((await registrantRow(other))?.lineUserId).toBe(stranger);
  });

  it("moves a person to a new LINE account with a new code from staff", async () => {
    const { id, userId } = await linkedAndConsenting();
    // a new code for the same person, issued as staff would
    const { insertLinkCode } = await import("../../src/store/link-codes");
    const { hashLinkCode } = await import("../../src/link/codes");
    const reissued = await t.db.store.write(async (tx) => {
      const row = await registrantRow(id);
      await insertLinkCode(tx, {
        codeHash: await hashLinkCode("24681357"),
        centerId: row?.centerId ?? "",
        subjectType: "registrant",
        subjectId: id,
        createdBy: null,
        now: clock(),
        expiresAt: clock() + 86_400_000,
      });
      return "24681357";
    });
    const phone = newLineUserId();
    expect((await say(phone, reissued))[0]?.text).toContain("つながりました");
    expect((await registrantRow(id))?.lineUserId).toBe(phone);
    const old = await db().select().from(lineAccounts).where(eq(lineAccounts.lineUserId, userId));
    expect(old[0]).toMatchObject({ role: "guest", personId: null });
  });
});

describe("consent", () => {
  it("records consent once with its text version, and schedules the first check-in", async () => {
    const { id, linkCode } = await newRegistrant();
    const userId = newLineUserId();
    await say(userId, linkCode);
    const yes = encodePostback({ a: "consent", v: consentTextVersion, c: "yes" });
    expect((await press(userId, yes)).at(-1)?.text).toContain("金ようび 18:00");
    await press(userId, yes);
    const rows = await db().select().from(consents).where(eq(consents.registrantId, id));
    expect(rows.map((row) => [row.decision, row.textVersion])).toEqual([
      ["given", consentTextVersion],
    ]);
    const row = await registrantRow(id);
    expect(row?.nextCheckinAt).toBe(Date.parse("2026-11-27T18:00:00+09:00"));
    const detail = (await (await staff.call("GET", `/api/registrants/${id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(detail).toMatchObject({ linked: true, consented: true });
  });

  it("stops collection when consent is withdrawn, and shows it to staff", async () => {
    const { id, userId } = await linkedAndConsenting();
    await say(userId, "同意をやめる");
    await press(userId, encodePostback({ a: "withdraw", c: "yes" }));
    const row = await registrantRow(id);
    expect(row?.consentedAt).toBeNull();
    expect(row?.nextCheckinAt).toBeNull();
    const detail = (await (await staff.call("GET", `/api/registrants/${id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(detail).toMatchObject({ consented: false });
    expect((await say(userId, "チェックイン")).at(-1)?.text).toContain("いいですか");
  });
});

describe("a check-in the person starts", () => {
  it("is answered completely with buttons, stored per question, and shown to staff as completed", async () => {
    const { id, userId } = await linkedAndConsenting();
    const opened = await say(userId, "チェックイン");
    expect(textOf(opened)).toContain("からだの ちょうし");
    const last = await answerAll(userId, opened);
    expect(textOf(last)).toContain("おわりです");
    const stored = await db()
      .select({ question: answers.question, value: answers.value })
      .from(answers)
      .innerJoin(checkins, eq(checkins.id, answers.checkinId))
      .where(eq(checkins.registrantId, id));
    expect(stored.map((row) => row.question).sort()).toEqual(
      ["attendance", "condition", "medication", "message", "mood", "sleep", "worries"].sort(),
    );
    const detail = (await (await staff.call("GET", `/api/registrants/${id}`)).json()) as {
      latestCheckin: { status: string; completedAt: string | null };
    };
    expect(detail.latestCheckin.status).toBe("completed");
    expect(detail.latestCheckin.completedAt).not.toBeNull();
    // every reply was free: no pushes for a check-in the person started
    expect(t.mock.requests.every((request) => request.endpoint === "reply")).toBe(true);
  });

  it("resumes where it stopped after an interruption", async () => {
    const { userId } = await linkedAndConsenting();
    const opened = await say(userId, "チェックイン");
    const first = buttonsOf(opened).find((b) => b.label === "🙂 まあまあ");
    await press(userId, first?.data ?? "");
    clock.advance(5 * 3_600_000);
    const again = await say(userId, "ただいま");
    expect(textOf(again)).toMatch(/メッセージ ありがとうございます[\s\S]*ねむれて/);
  });

  it("keeps a garbage answer as a message, records nothing for the question", async () => {
    const { userId } = await linkedAndConsenting();
    await say(userId, "チェックイン");
    await say(userId, "あsdfgh🙃🙃;DROP TABLE answers;--");
    const [{ n } = { n: -1 }] = await db().select({ n: count() }).from(answers);
    expect(n).toBe(0);
  });

  it("opens only one check-in when two requests race", async () => {
    const { id, userId } = await linkedAndConsenting();
    const events = [0, 1].map(() =>
      textEvent(userId, "チェックイン", { replyToken: t.mock.issueReplyToken(userId) }),
    );
    const responses = await Promise.all(events.map((event) => t.postWebhook(webhookBody(event))));
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const rows = await db().select().from(checkins).where(eq(checkins.registrantId, id));
    expect(rows).toHaveLength(1);
  });

  it("logs a tampered postback without its content and changes nothing", async () => {
    const { userId } = await linkedAndConsenting();
    await say(userId, "チェックイン");
    const replies = await press(userId, "a=ans&w=2026-W48&q=condition&v=%3Cscript%3E");
    expect(textOf(replies)).toContain("からだの ちょうし");
    expect(lines.join("\n")).toContain("postback.rejected");
    expect(lines.join("\n")).not.toContain("script");
  });
});

describe("the weekly schedule", () => {
  it("sends the check-in at the person's time by multicast, and the buttons work", async () => {
    const { id, userId } = await linkedAndConsenting();
    await t.background.drain();
    clock.set(Date.parse("2026-11-27T18:00:30+09:00"));
    await runTick(t.deps);
    const multicast = t.mock.requests.filter((request) => request.endpoint === "multicast");
    expect(multicast).toHaveLength(1);
    expect(multicast[0]?.recipients).toEqual([userId]);
    expect(multicast[0]?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    const row = await registrantRow(id);
    expect(row?.nextCheckinAt).toBe(Date.parse("2026-12-04T18:00:00+09:00"));
    // the same tick again sends nothing more
    await runTick(t.deps);
    expect(t.mock.requests.filter((request) => request.endpoint === "multicast")).toHaveLength(1);
    const opener = buttonsOf(multicast[0]?.messages as Sent);
    const tap = opener.find((action) => action.label === "🙂 まあまあ");
    const next = await press(userId, tap?.data ?? "");
    expect(textOf(next)).toContain("ねむれて");
  });

  it("sends one multicast per 500 people with the same opening", async () => {
    const center = await mintCenter(t.db.store);
    const due = Date.parse("2026-11-27T18:00:00+09:00");
    const ids = Array.from({ length: 1_203 }, () => ({
      id: crypto.randomUUID(),
      line: newLineUserId(),
    }));
    await t.db.store.write(async (tx) => {
      for (const part of [ids.slice(0, 600), ids.slice(600)]) {
        await tx.insert(registrants).values(
          part.map((r) => ({
            id: r.id,
            centerId: center.id,
            displayName: "x",
            lineUserId: r.line,
            consentedAt: 1,
            nextCheckinAt: due,
            createdAt: 0,
          })),
        );
        await tx.insert(lineAccounts).values(
          part.map((r) => ({
            lineUserId: r.line,
            role: "registrant" as const,
            personId: r.id,
            firstSeenAt: 0,
            lastSeenAt: 0,
          })),
        );
      }
    });
    clock.set(due + 1_000);
    await runTick(t.deps);
    const multicasts = t.mock.requests.filter((request) => request.endpoint === "multicast");
    expect(multicasts.map((request) => request.recipients.length).sort((a, b) => a - b)).toEqual([
      203, 500, 500,
    ]);
    expect(new Set(multicasts.map((request) => JSON.stringify(request.messages))).size).toBe(1);
    // a check-in each, waiting for its first answer: the conversations begin with it
    const [{ n } = { n: 0 }] = await db()
      .select({ n: count() })
      .from(checkins)
      .where(and(eq(checkins.status, "sent"), eq(checkins.origin, "scheduled")));
    expect(n).toBe(1_203);
    expect(await db().select().from(conversations)).toEqual([]);
    const waiting = await usersInCheckin(
      db(),
      ids.map((r) => r.line),
      clock(),
    );
    expect(waiting.size).toBe(1_203);
  });

  it("skips someone already in a check-in, paused, or who blocked the account", async () => {
    const a = await linkedAndConsenting();
    const b = await linkedAndConsenting();
    const c = await linkedAndConsenting();
    await say(a.userId, "チェックイン");
    await say(b.userId, "停止");
    await send(c.userId, unfollowEvent(c.userId, { timestamp: clock() }));
    expect((await registrantRow(b.id))?.nextCheckinAt).toBeNull();
    expect((await registrantRow(c.id))?.nextCheckinAt).toBeNull();
    clock.set(Date.parse("2026-11-27T18:01:00+09:00"));
    const result = await sendDueCheckins({
      ...t.deps,
      settings: { reminderAfterHours: 24, pushBudgetPerMonth: undefined },
    });
    expect(result).toMatchObject({ started: 0, skipped: 1 });
    // a follow again puts them back on the schedule
    await send(c.userId, followEvent(c.userId, { timestamp: clock() }, true));
    expect((await registrantRow(c.id))?.nextCheckinAt).toBe(
      Date.parse("2026-12-04T18:00:00+09:00"),
    );
    await say(b.userId, "再開");
    expect((await registrantRow(b.id))?.nextCheckinAt).toBe(
      Date.parse("2026-12-04T18:00:00+09:00"),
    );
  });

  it("follows a changed weekly day and time", async () => {
    const { id, userId } = await linkedAndConsenting();
    await say(userId, "曜日を変える");
    await press(userId, encodePostback({ a: "day", d: 1 }));
    await press(userId, encodePostback({ a: "time", d: 1, m: 8 * 60 }));
    const row = await registrantRow(id);
    expect([row?.checkinWeekday, row?.checkinMinute]).toEqual([1, 480]);
    expect(row?.nextCheckinAt).toBe(nextWeeklySlot(clock(), 1, 480));
    expect(row?.nextCheckinAt).toBe(Date.parse("2026-11-30T08:00:00+09:00"));
  });
});

describe("silence", () => {
  const settings = { reminderAfterHours: 24, pushBudgetPerMonth: undefined };

  async function scheduledCheckin() {
    const person = await linkedAndConsenting();
    clock.set(Date.parse("2026-11-27T18:00:30+09:00"));
    await sendDueCheckins({ ...t.deps, settings });
    return person;
  }

  it("reminds once after 24 hours without an answer", async () => {
    const { userId } = await scheduledCheckin();
    clock.advance(23 * 3_600_000);
    expect(await sendReminders({ ...t.deps, settings })).toBe(0);
    clock.advance(2 * 3_600_000);
    expect(await sendReminders({ ...t.deps, settings })).toBe(1);
    expect(await sendReminders({ ...t.deps, settings })).toBe(0);
    const rows = await db().select().from(outbox).where(eq(outbox.kind, "multicast"));
    expect(rows.map((row) => row.recipients)).toEqual([[userId], [userId]]);
  });

  it("sends no reminders when they are switched off", async () => {
    await scheduledCheckin();
    clock.advance(30 * 3_600_000);
    expect(
      await sendReminders({ ...t.deps, settings: { ...settings, reminderAfterHours: 0 } }),
    ).toBe(0);
  });

  it("skips reminders first when the month's push budget would be exceeded, and says so", async () => {
    await scheduledCheckin();
    clock.advance(30 * 3_600_000);
    expect(
      await sendReminders({ ...t.deps, settings: { ...settings, pushBudgetPerMonth: 1 } }),
    ).toBe(0);
    expect(lines.join("\n")).toContain("checkins.reminders_skipped_budget");
  });

  it("marks a check-in missed after 72 hours and ends its conversation; two in a row raise a signal", async () => {
    const { id, userId } = await scheduledCheckin();
    clock.advance(missedAfterMs + 1);
    expect(await sweepMissed({ ...t.deps, settings })).toBe(1);
    const [first] = await db().select().from(checkins).where(eq(checkins.registrantId, id));
    expect(first?.status).toBe("missed");
    expect(
      await db().select().from(conversations).where(eq(conversations.lineUserId, userId)),
    ).toEqual([]);
    expect(await db().select().from(signals)).toEqual([]);

    clock.set(Date.parse("2026-12-04T18:00:30+09:00"));
    await sendDueCheckins({ ...t.deps, settings });
    clock.advance(missedAfterMs + 1);
    await sweepMissed({ ...t.deps, settings });
    const raised = await db()
      .select()
      .from(signals)
      .where(and(eq(signals.registrantId, id), eq(signals.source, "missed")));
    expect(raised.map((s) => [s.category, s.severity])).toEqual([["unreachable", "normal"]]);
  });
});

describe("two scheduler runs at once", () => {
  it("send each due check-in once", async () => {
    const { id } = await linkedAndConsenting();
    clock.set(Date.parse("2026-11-27T18:00:30+09:00"));
    const deps = { ...t.deps, settings: { reminderAfterHours: 24, pushBudgetPerMonth: undefined } };
    const results = await Promise.all([sendDueCheckins(deps), sendDueCheckins(deps)]);
    expect(results.map((r) => r.started).sort()).toEqual([0, 1]);
    const rows = await db().select().from(checkins).where(eq(checkins.registrantId, id));
    expect(rows).toHaveLength(1);
    const multicasts = await db().select().from(outbox).where(eq(outbox.kind, "multicast"));
    expect(multicasts).toHaveLength(1);
  });
});

describe("trends over weeks", () => {
  it("opens a trend escalation when this week's check-in continues last week's poor condition", async () => {
    const { id, userId } = await linkedAndConsenting();
    await t.db.store.write((tx) =>
      seedCheckin(tx, id, monday - 7 * 86_400_000, {
        condition: 2,
        sleep: 4,
        mood: 4,
        medication: "as_prescribed",
        attendance: "all",
        worries: [],
      }),
    );
    await answerAll(userId, await say(userId, "チェックイン"));
    const trend = await db()
      .select()
      .from(signals)
      .where(and(eq(signals.registrantId, id), eq(signals.source, "trend")));
    expect(trend.map((row) => [row.category, row.severity, row.evidence.rule])).toEqual([
      ["health", "normal", "condition-low-2w"],
    ]);
    expect(trend[0]?.escalationId).not.toBeNull();
  });

  it("reads no trend into a first check-in", async () => {
    const { id, userId } = await linkedAndConsenting();
    await answerAll(userId, await say(userId, "チェックイン"));
    const trend = await db()
      .select()
      .from(signals)
      .where(and(eq(signals.registrantId, id), eq(signals.source, "trend")));
    expect(trend).toEqual([]);
  });
});

describe("who paused decides who resumes", () => {
  it("keeps a pause staff set when the person writes 「さいかい」, and tells them so", async () => {
    const { id, userId } = await linkedAndConsenting();
    expect((await staff.call("POST", `/api/registrants/${id}/pause`)).status).toBe(200);
    const answer = textOf(await say(userId, "さいかい"));
    expect(answer).toContain("しえんの 人が しつもんを おやすみに して います");
    expect((await registrantRow(id))?.status).toBe("paused");
    expect((await staff.call("POST", `/api/registrants/${id}/resume`)).status).toBe(200);
    expect((await registrantRow(id))?.status).toBe("active");
  });

  it("lets the person resume a pause they set themselves", async () => {
    const { id, userId } = await linkedAndConsenting();
    await say(userId, "停止");
    expect((await registrantRow(id))?.pausedBy).toBe("person");
    await say(userId, "さいかい");
    expect((await registrantRow(id))?.status).toBe("active");
    expect((await registrantRow(id))?.pausedBy).toBeNull();
  });
});

describe("a consent on an older text", () => {
  /** As if they had agreed to text version 1, before the employer link was in it. */
  async function onVersionOne(id: string) {
    await t.db.store.write(async (tx) => {
      await tx.update(registrants).set({ consentVersion: 1 }).where(eq(registrants.id, id));
      await tx.update(consents).set({ textVersion: 1 }).where(eq(consents.registrantId, id));
    });
  }
  /** Answers until the check-in says it is over (not past it: its end may ask more). */
  async function checkinThrough(userId: string) {
    let messages = await say(userId, "チェックイン");
    for (let i = 0; i < 12 && !textOf(messages).includes("おわりです"); i++) {
      const choices = buttonsOf(messages).filter(
        (b) => b.data && !/v=(talk|skip|done)/.test(b.data),
      );
      messages = await press(userId, choices.at(-1)?.data ?? "");
    }
    return messages;
  }
  async function history(id: string) {
    const rows = await db()
      .select({ decision: consents.decision, textVersion: consents.textVersion })
      .from(consents)
      .where(eq(consents.registrantId, id))
      .orderBy(consents.id);
    return rows.map((row) => `${row.decision}:${row.textVersion}`);
  }

  it("asks the new text once, after a check-in; a no keeps the old consent, words do not answer", async () => {
    const { id, userId } = await linkedAndConsenting();
    await onVersionOne(id);
    const end = await checkinThrough(userId);
    expect(textOf(end)).toContain("せつめいが すこし かわりました");
    expect(buttonsOf(end).map((b) => b.label)).toEqual(["どういする", "どういしない"]);
    expect(await history(id)).toEqual(["given:1", "asked:2"]);

    // words are words: kept for staff, the consent unchanged
    await say(userId, "はい わかりました");
    expect((await registrantRow(id))?.consentVersion).toBe(1);

    const no = buttonsOf(end).find((b) => b.label === "どういしない");
    expect(textOf(await press(userId, no?.data ?? ""))).toContain("いままでの まま");
    const kept = await registrantRow(id);
    expect(kept?.consentedAt).not.toBeNull();
    expect(kept?.consentVersion).toBe(1);
    expect(await history(id)).toEqual(["given:1", "asked:2", "declined:2"]);

    // asked once: the next check-in ends without it
    const next = await checkinThrough(userId);
    expect(textOf(next)).not.toContain("かわりました");

    // and 「どういする」 typed later takes the new text
    expect(textOf(await say(userId, "同意する"))).toContain("ありがとうございます");
    expect((await registrantRow(id))?.consentVersion).toBe(consentTextVersion);
    expect(await history(id)).toEqual([
      "given:1",
      "asked:2",
      "declined:2",
      `given:${consentTextVersion}`,
    ]);
  });
});
