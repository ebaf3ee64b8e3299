// A person's data through its whole life: ending support (kindly told, check-ins stop, LINE
// cannot reopen it), disclosure of everything held (JSON and a printable page, audited) and
// erasure after a typed confirmation (everything gone, nothing sent about them afterwards).
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendReminders } from "../../src/checkins/send";
import { deliverDue } from "../../src/outbox/delivery";
import type { Tx } from "../../src/store/db";
import { eraseRegistrantData } from "../../src/store/erasure";
import {
  auditLog,
  auditPeople,
  checkins,
  consents,
  employerReports,
  escalations,
  lineAccounts,
  messages,
  outbox,
  registrants,
  signals,
} from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import { newLineUserId } from "../support/events";
import { buttonsOf, lineChat, registrantOnLine, textOf } from "../support/line-chat";
import { loginAs, mintCenter, mintEscalation, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let boss: ApiClient;
let worker: ApiClient;
let chat: ReturnType<typeof lineChat>;
const clock = createTestClock(Date.parse("2026-11-25T10:00:00+09:00"));

beforeEach(async () => {
  clock.set(Date.parse("2026-11-25T10:00:00+09:00"));
  t = await createTestApp({ clock });
  const center = await mintCenter(t.db.store);
  boss = await loginAs(t, await mintStaff(t.db.store, center.id, "supervisor"));
  worker = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
  chat = lineChat(t, clock);
});

afterEach(async () => {
  await t.close();
});

const db = () => t.db.store.db;

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** A company with a linked contact who has reported a no-show about the person. */
async function employerReported(registrantId: string) {
  const { id: employerId } = await json<{ id: string }>(
    await worker.call("POST", "/api/employers", { name: "つなぎ製作所" }),
  );
  expect(
    (await worker.call("POST", `/api/registrants/${registrantId}/employers`, { employerId }))
      .status,
  ).toBe(200);
  const { linkCode } = await json<{ linkCode: string }>(
    await worker.call("POST", `/api/employers/${employerId}/contacts`, {
      displayName: "人事 鈴木",
    }),
  );
  const contactLine = newLineUserId();
  await chat.say(contactLine, linkCode);
  const what = await chat.say(contactLine, "相談する");
  const words = await chat.tap(contactLine, what, "無断欠勤・連絡がつかない");
  await chat.tap(contactLine, words, "なし");
  return contactLine;
}

/** A supervisor's own LINE, linked for alerts. */
async function staffPhone() {
  const { linkCode } = await json<{ linkCode: string }>(
    await boss.call("POST", "/api/me/line-link-code"),
  );
  const phone = newLineUserId();
  await chat.say(phone, linkCode);
  return phone;
}

describe("erasure", () => {
  it("erases a person with an open escalation, messages waiting and an employer report; nothing is sent about them afterwards", async () => {
    const phone = await staffPhone();
    const person = await registrantOnLine(t, worker, clock, { displayName: "田中 一郎" });
    const other = await registrantOnLine(t, worker, clock, { displayName: "佐藤 二郎" });
    const contactLine = await employerReported(person.id);
    expect(await db().select().from(employerReports)).toHaveLength(1);

    // LINE is down: the crisis reply and the urgent alert naming them wait in the outbox
    t.mock.failNext(6, 500);
    await chat.say(person.userId, "もう しにたい");
    // and a weekly multicast to both of them waits too
    await t.db.store.write((tx) =>
      tx.insert(outbox).values({
        retryKey: crypto.randomUUID(),
        kind: "multicast",
        recipients: [person.userId, other.userId],
        messages: [{ type: "text", text: "こんしゅうの チェックイン です" }],
        purpose: "checkin",
        nextAttemptAt: clock(),
        createdAt: clock(),
      }),
    );
    const waiting = await db().select().from(outbox).where(eq(outbox.status, "pending"));
    const aboutThem = waiting.filter(
      (row) => row.recipients.includes(person.userId) || row.about?.includes(person.id),
    );
    expect(aboutThem.length).toBeGreaterThanOrEqual(3);
    expect(aboutThem.some((row) => row.recipients.includes(phone))).toBe(true);
    expect(
      (await db().select().from(escalations).where(eq(escalations.registrantId, person.id))).length,
    ).toBeGreaterThanOrEqual(2);

    // refused: a case worker, a wrong name, no name, not JSON; nothing changes
    expect(
      (await worker.call("DELETE", `/api/registrants/${person.id}`, { confirm: "田中 一郎" }))
        .status,
    ).toBe(403);
    for (const body of [{ confirm: "田中" }, { confirm: "" }, {}, "not json"]) {
      const refused = await boss.call("DELETE", `/api/registrants/${person.id}`, body);
      expect(refused.status).toBe(400);
    }
    expect((await boss.call("GET", `/api/registrants/${person.id}`)).status).toBe(200);

    // the name as typed on a Japanese keyboard: a full-width space
    const erased = await boss.call("DELETE", `/api/registrants/${person.id}`, {
      confirm: "田中　一郎",
    });
    expect(erased.status).toBe(200);
    expect(await json<{ erased: { escalations: number } }>(erased)).toMatchObject({
      id: person.id,
      erased: { escalations: 2 },
    });

    // every read answers 404
    for (const path of [
      `/api/registrants/${person.id}`,
      `/api/registrants/${person.id}/messages`,
      `/api/registrants/${person.id}/export`,
    ]) {
      expect((await boss.call("GET", path)).status, path).toBe(404);
    }
    expect(
      (await boss.call("DELETE", `/api/registrants/${person.id}`, { confirm: "田中 一郎" })).status,
    ).toBe(404);
    const queue = await json<{ items: { registrantId: string }[] }>(
      await boss.call("GET", "/api/escalations"),
    );
    expect(queue.items.map((item) => item.registrantId)).not.toContain(person.id);

    // nothing about them is left in the tables that held it
    for (const [name, rows] of [
      ["registrants", await db().select().from(registrants).where(eq(registrants.id, person.id))],
      [
        "escalations",
        await db().select().from(escalations).where(eq(escalations.registrantId, person.id)),
      ],
      ["signals", await db().select().from(signals).where(eq(signals.registrantId, person.id))],
      ["checkins", await db().select().from(checkins).where(eq(checkins.registrantId, person.id))],
      ["consents", await db().select().from(consents).where(eq(consents.registrantId, person.id))],
      ["employer_reports", await db().select().from(employerReports)],
      [
        "messages",
        await db().select().from(messages).where(eq(messages.lineUserId, person.userId)),
      ],
      [
        "line_accounts",
        await db().select().from(lineAccounts).where(eq(lineAccounts.lineUserId, person.userId)),
      ],
    ] as const) {
      expect(rows, name).toEqual([]);
    }
    // what the bot said to the company about them, and the company's own log, keep no name
    const contactLog = await db()
      .select()
      .from(messages)
      .where(eq(messages.lineUserId, contactLine));
    expect(contactLog.length).toBeGreaterThan(0);
    expect(JSON.stringify(contactLog)).not.toContain("田中");
    const left = await db().select().from(outbox);
    expect(JSON.stringify(left)).not.toContain(person.userId);
    expect(JSON.stringify(left)).not.toContain("田中");
    const multicast = left.find((row) => row.kind === "multicast");
    expect(multicast?.recipients).toEqual([other.userId]);

    // LINE is back: what is still waiting goes, and none of it is to them or about them
    const before = t.mock.requests.length;
    for (let round = 0; round < 8; round++) {
      clock.advance(30 * 60_000);
      await deliverDue(t.deps);
    }
    const sent = t.mock.requests.slice(before);
    expect(sent.some((request) => request.recipients.includes(other.userId))).toBe(true);
    expect(sent.filter((request) => request.recipients.includes(person.userId))).toEqual([]);
    expect(JSON.stringify(sent)).not.toContain("田中");

    // the audit keeps the event, under their random id only
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "registrant.erase"));
    expect(entry?.subjectId).toBe(person.id);
    expect(
      await db()
        .select()
        .from(auditPeople)
        .where(eq(auditPeople.auditId, entry?.id ?? -1)),
    ).toEqual([]);

    // writing again, they are someone new: no name, no history
    const again = await chat.say(person.userId, "こんにちは");
    expect(textOf(again)).not.toContain("田中");
    const [account] = await db()
      .select()
      .from(lineAccounts)
      .where(eq(lineAccounts.lineUserId, person.userId));
    expect(account?.role).toBe("guest");
  });

  it("never touches other people's messages that only happen to contain a short name", async () => {
    const person = await registrantOnLine(t, worker, clock, { displayName: "チェ" });
    const other = await registrantOnLine(t, worker, clock, { displayName: "佐藤 二郎" });
    const [waiting] = await t.db.store.write((tx) =>
      tx
        .insert(outbox)
        .values({
          retryKey: crypto.randomUUID(),
          kind: "push",
          recipients: [other.userId],
          messages: [{ type: "text", text: "こんしゅうの チェックイン です" }],
          purpose: "checkin",
          nextAttemptAt: clock() + 60_000,
          createdAt: clock(),
        })
        .returning({ id: outbox.id }),
    );
    const before = await db().select().from(messages).where(eq(messages.lineUserId, other.userId));
    expect(
      (await boss.call("DELETE", `/api/registrants/${person.id}`, { confirm: "チェ" })).status,
    ).toBe(200);
    const kept = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.id, waiting?.id ?? -1));
    expect(kept).toHaveLength(1);
    expect(await db().select().from(messages).where(eq(messages.lineUserId, other.userId))).toEqual(
      before,
    );
  });

  it("answers 404 for another center's person, and leaves them be", async () => {
    const person = await registrantOnLine(t, worker, clock, { displayName: "田中 一郎" });
    const elsewhere = await mintCenter(t.db.store, "ほかのセンター");
    const stranger = await loginAs(t, await mintStaff(t.db.store, elsewhere.id, "supervisor"));
    const refused = await stranger.call("DELETE", `/api/registrants/${person.id}`, {
      confirm: "田中 一郎",
    });
    expect(refused.status).toBe(404);
    expect((await boss.call("GET", `/api/registrants/${person.id}`)).status).toBe(200);
  });
});

describe("disclosure", () => {
  it("exports everything held about a person as JSON, and audits the export", async () => {
    const person = await registrantOnLine(t, worker, clock, { displayName: "田中 一郎" });
    await chat.say(person.userId, "さいきん ねむれません");
    await employerReported(person.id);
    expect((await worker.call("GET", `/api/registrants/${person.id}`)).status).toBe(200);

    expect((await worker.call("GET", `/api/registrants/${person.id}/export`)).status).toBe(403);
    const response = await boss.call("GET", `/api/registrants/${person.id}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const data = await json<Record<string, unknown[]> & { person: { displayName: string } }>(
      response,
    );
    expect(data.person.displayName).toBe("田中 一郎");
    expect(data.truncated).toEqual([]);
    expect(data.consents).toMatchObject([{ decision: "given" }]);
    expect(JSON.stringify(data.messages)).toContain("さいきん ねむれません");
    expect(data.escalations?.length).toBeGreaterThanOrEqual(1);
    expect(data.employerReports).toMatchObject([{ employer: "つなぎ製作所", kind: "no_show" }]);
    expect(data.employments).toMatchObject([{ employerName: "つなぎ製作所", endedOn: null }]);
    // who read it: the case worker's page view is there
    expect(JSON.stringify(data.readBy)).toContain("registrant.read");

    const exports = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "registrant.export_json"), eq(auditLog.subjectId, person.id)));
    expect(exports).toHaveLength(1);
  });
});

describe("end of support", () => {
  it("stops check-ins with a reason, tells the person once, and LINE cannot reopen it", async () => {
    const person = await registrantOnLine(t, worker, clock, { displayName: "田中 一郎" });
    // half-way through a check-in
    const first = await chat.say(person.userId, "チェックイン");
    expect(buttonsOf(first).length).toBeGreaterThan(0);

    // this week's check-in to them and someone else is queued, not yet sent
    const other = await registrantOnLine(t, worker, clock, { displayName: "佐藤 二郎" });
    const [queued] = await t.db.store.write((tx) =>
      tx
        .insert(outbox)
        .values({
          retryKey: crypto.randomUUID(),
          kind: "multicast",
          recipients: [person.userId, other.userId],
          messages: [{ type: "text", text: "こんしゅうの チェックイン です" }],
          purpose: "checkin",
          nextAttemptAt: clock() + 60_000,
          createdAt: clock(),
        })
        .returning({ id: outbox.id }),
    );
    for (const body of [{ reason: "bored" }, {}, { reason: 3 }]) {
      expect((await worker.call("POST", `/api/registrants/${person.id}/end`, body)).status).toBe(
        400,
      );
    }
    const ended = await worker.call("POST", `/api/registrants/${person.id}/end`, {
      reason: "period_end",
    });
    expect(ended.status).toBe(200);
    expect(await json(ended)).toMatchObject({
      status: "ended",
      endedReason: "period_end",
      told: true,
    });
    expect(
      (await worker.call("POST", `/api/registrants/${person.id}/end`, { reason: "other" })).status,
    ).toBe(409);

    const [row] = await db().select().from(registrants).where(eq(registrants.id, person.id));
    expect(row).toMatchObject({ status: "ended", endedReason: "period_end", nextCheckinAt: null });
    const open = await db()
      .select()
      .from(checkins)
      .where(
        and(
          eq(checkins.registrantId, person.id),
          sql`${checkins.status} in ('sent', 'in_progress')`,
        ),
      );
    expect(open).toEqual([]);

    const [multicast] = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.id, queued?.id ?? -1));
    expect(multicast?.recipients).toEqual([other.userId]);
    await deliverDue(t.deps);
    const told = t.mock.messagesTo(person.userId).slice(-1) as { text?: string }[];
    expect(told[0]?.text).toContain("いままで ありがとうございました");

    // the old check-in's buttons, and the commands, change nothing now
    const tapped = await chat.tap(person.userId, first, buttonsOf(first)[0]?.label ?? "");
    expect(textOf(tapped)).not.toContain("ありがとうございました！");
    for (const words of ["チェックイン", "再開", "停止"]) {
      expect(textOf(await chat.say(person.userId, words))).toContain("しえんの きかんが おわった");
    }
    // an old 「ようびを かえる」 button changes nothing either
    expect(textOf(await chat.press(person.userId, "a=day&d=2"))).toContain(
      "しえんの きかんが おわった",
    );
    const [after] = await db().select().from(registrants).where(eq(registrants.id, person.id));
    expect(after?.status).toBe("ended");
    // staff cannot send a check-in or resume either
    expect((await worker.call("POST", `/api/registrants/${person.id}/checkins`)).status).toBe(409);
    expect((await worker.call("POST", `/api/registrants/${person.id}/resume`)).status).toBe(409);
    // their words still reach a person
    await chat.say(person.userId, "また はなしたいです");
    const inbox = await json<{ items: { registrantId: string }[] }>(
      await worker.call("GET", "/api/inbox"),
    );
    expect(inbox.items.map((item) => item.registrantId)).toContain(person.id);

    // a supervisor can undo it; a case worker cannot; undoing twice is refused
    expect((await worker.call("POST", `/api/registrants/${person.id}/reopen`)).status).toBe(403);
    expect((await boss.call("POST", `/api/registrants/${person.id}/reopen`)).status).toBe(200);
    const [reopened] = await db().select().from(registrants).where(eq(registrants.id, person.id));
    expect(reopened).toMatchObject({ status: "active", endedAt: null, endedReason: null });
    expect(reopened?.nextCheckinAt).not.toBeNull();
    expect((await boss.call("POST", `/api/registrants/${person.id}/reopen`)).status).toBe(409);
  });
});

describe("the pages", () => {
  /** Posts an HTML form with the staff member's session, as the browser would. */
  const submit = (client: ApiClient, path: string, fields: Record<string, string>) =>
    t.request(path, {
      method: "POST",
      headers: {
        cookie: client.cookie ?? "",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(fields).toString(),
    });
  const page = (client: ApiClient, path: string) =>
    t.request(path, { headers: { cookie: client.cookie ?? "" } });

  it("ends support from the registrant page, with the reason shown afterwards", async () => {
    const person = await registrantOnLine(t, worker, clock, { displayName: "田中 一郎" });
    const path = `/dashboard/registrants/${person.id}`;
    const form = await (await page(worker, path)).text();
    expect(form).toContain('data-testid="end-support-form"');
    // only supervisors are offered the data page
    expect(form).not.toContain('data-testid="person-data-link"');
    expect(await (await page(boss, path)).text()).toContain('data-testid="person-data-link"');

    const missing = await submit(worker, `${path}/end`, {});
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("終了の理由を選んでください。");
    const done = await submit(worker, `${path}/end`, { reason: "left_job" });
    expect(done.status).toBe(303);
    const after = await (await page(worker, path)).text();
    expect(after).toContain("理由：離職");
    expect(after).not.toContain('data-testid="end-support-form"');
    expect(after).not.toContain('data-testid="reopen-support"');
    expect(await (await page(boss, path)).text()).toContain('data-testid="reopen-support"');
    const again = await submit(worker, `${path}/end`, { reason: "left_job" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("支援はもう終了しています。");
    const reopened = await submit(boss, `${path}/reopen`, {});
    expect(reopened.status).toBe(303);
    expect(await (await page(worker, path)).text()).toContain('data-testid="end-support-form"');
  });

  it("erases from the data page only when the name typed matches, and prints a disclosure", async () => {
    const person = await registrantOnLine(t, worker, clock, { displayName: "田中 一郎" });
    await chat.say(person.userId, "さいきん ねむれません");
    const [center] = await db().select({ id: registrants.centerId }).from(registrants);
    const escalation = await mintEscalation(t.db.store, {
      centerId: center?.id ?? "",
      registrantId: person.id,
      // the message above opened the health one: staff's own is another matter
      category: "work",
      evidence: { source: "message", quote: "よる ねむれない" },
    });
    expect(
      (
        await worker.call("POST", `/api/escalations/${escalation.id}/notes`, {
          text: "電話で ようすを 聞いた",
        })
      ).status,
    ).toBe(200);
    const path = `/dashboard/registrants/${person.id}`;

    const printable = await page(boss, `${path}/export`);
    expect(printable.status).toBe(200);
    expect(printable.headers.get("cache-control")).toContain("no-store");
    const printed = await printable.text();
    expect(printed).toContain("さいきん ねむれません");
    expect(printed).toContain("この人のデータを見た・変えた記録");
    // staff notes and the evidence are on the page, as in the JSON
    expect(printed).toContain("電話で ようすを 聞いた");
    expect(printed).toContain("よる ねむれない");
    expect((await page(worker, `${path}/export`)).status).toBe(403);

    const wrong = await submit(boss, `${path}/erase`, { confirm: "田中 二郎" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("名前が一致しません");
    const empty = await submit(boss, `${path}/erase`, { confirm: "  " });
    expect(empty.status).toBe(400);
    expect((await page(boss, path)).status).toBe(200);

    const erased = await submit(boss, `${path}/erase`, { confirm: "田中 一郎" });
    expect(erased.status).toBe(303);
    expect(erased.headers.get("location")).toBe("/dashboard/registrants?done=erased");
    const list = await (await page(boss, "/dashboard/registrants?done=erased")).text();
    expect(list).toContain("すべて消去しました");
    expect(list).not.toContain("田中 一郎");
    expect((await page(boss, path)).status).toBe(404);
    expect((await page(boss, `${path}/data`)).status).toBe(404);
  });
});

describe("erasure while the scheduler is working", () => {
  it("sends no reminder to a person erased between the scheduler's read and its write", async () => {
    const person = await registrantOnLine(t, worker, clock, { displayName: "田中 一郎" });
    expect((await worker.call("POST", `/api/registrants/${person.id}/checkins`)).status).toBe(201);
    clock.advance(25 * 3_600_000);
    // an erasure lands just before the scheduler's write (the staff session would have expired
    // over the day, so it is made directly)
    let erased = false;
    const store = {
      ...t.db.store,
      write: async <T>(unit: (tx: Tx) => Promise<T>): Promise<T> => {
        if (!erased) {
          erased = true;
          const [row] = await db().select().from(registrants).where(eq(registrants.id, person.id));
          if (row) await t.db.store.write((tx) => eraseRegistrantData(tx, row));
        }
        return t.db.store.write(unit);
      },
    };
    const settings = { reminderAfterHours: 24, pushBudgetPerMonth: undefined };
    expect(await sendReminders({ ...t.deps, store, settings })).toBe(0);
    expect(erased).toBe(true);
    expect(JSON.stringify(await db().select().from(outbox))).not.toContain(person.userId);
  });
});
