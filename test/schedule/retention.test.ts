// The retention job: each kind of row kept exactly as long as its window, message text and quoted
// words by the center's period, safe with foreign keys enforced, idempotent, safe to run on two
// instances at once, whole batches or nothing on failure, and counts (never words) in the log.
import { createClient } from "@libsql/client";
import { asc, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sessionIdleMs } from "../../src/staff/sessions";
import { raiseSignal } from "../../src/escalation/engine";
import { answerText } from "../../src/words/checkin-questions";
import { createLogger, type Logger } from "../../src/core/log";
import {
  pruneExpired,
  retentionDue,
  runRetention,
  type RetentionCounts,
  type RetentionLimits,
  type RetentionReport,
} from "../../src/schedule/retention";
import { runTick } from "../../src/schedule/tick";
import { createStore, type Store } from "../../src/store/db";
import { insertEmployerReport } from "../../src/store/employer-reports";
import { insertEscalationEvent, updateEscalation } from "../../src/store/escalations";
import { openStore } from "../../src/store/open-node";
import { setRegistrantLine } from "../../src/store/registrants";
import { insertEmployer, insertEmployerContact } from "../../src/store/employers";
import * as schema from "../../src/store/schema";
import {
  employerContacts,
  employerReports,
  escalationEvents,
  escalations,
  linkFailures,
  loginFailures,
  messages,
  outbox,
  processedEvents,
  sessions,
  signals,
  staff,
} from "../../src/store/schema";
import { updateCenter } from "../../src/store/staff";
import { createTestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { createTestStore, type TestStore } from "../support/db";
import { newLineUserId } from "../support/events";
import { loginAs, mintCenter, mintEscalation, mintRegistrant, mintStaff } from "../support/staff";

const day = 24 * 60 * 60 * 1000;
/** Wednesday 2026-11-25 03:00 in Tokyo: the start of the day's run. */
const start = Date.parse("2026-11-25T03:00:00+09:00");

let db: TestStore;
let store: Store;
let clock: TestClock;
let lines: string[];
let log: Logger;
const deps = () => ({ store, clock, log });

beforeEach(async () => {
  db = await createTestStore();
  store = db.store;
  clock = createTestClock(start);
  lines = [];
  log = createLogger((line) => lines.push(line));
});

afterEach(() => {
  db.cleanup();
});

const now = () => clock();

/** Two centers: one on the default period (1095 days), one keeping words 30 days. */
async function mintCenters() {
  const long = (await mintCenter(store, "ながい センター")).id;
  const short = (await mintCenter(store, "みじかい センター")).id;
  await store.write((tx) => updateCenter(tx, short, { retentionDays: 30 }));
  return { long, short };
}

async function mintPerson(centerId: string) {
  const lineUserId = newLineUserId();
  const { id } = await mintRegistrant(store, centerId);
  await store.write((tx) => setRegistrantLine(tx, id, lineUserId, 0));
  return { id, lineUserId };
}

async function mintMessage(
  input: {
    lineUserId: string;
    registrantId?: string | null;
    text: string;
    at: number;
    webhookEventId?: string;
    direction?: "in" | "out";
  },
  into: Store = store,
) {
  const rows = await into.write((tx) =>
    tx
      .insert(messages)
      .values({
        lineUserId: input.lineUserId,
        registrantId: input.registrantId ?? null,
        direction: input.direction ?? "in",
        messageType: input.direction === "out" ? "staff" : "text",
        text: input.text,
        webhookEventId: input.webhookEventId ?? null,
        createdAt: input.at,
      })
      .returning({ id: messages.id }),
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("no message id");
  return id;
}

async function mintEvent(at: number, lineUserId: string) {
  const id = crypto.randomUUID();
  await store.write((tx) =>
    tx.insert(processedEvents).values({
      webhookEventId: id,
      eventType: "message",
      lineUserId,
      outcome: "handled",
      eventTimestamp: at,
      receivedAt: at,
    }),
  );
  return id;
}

async function textOf(id: number) {
  const rows = await store.db.select().from(messages).where(eq(messages.id, id));
  const row = rows[0];
  if (!row) throw new Error("message gone");
  return row.text;
}

/** The kinds a run changed anything of, with how many rows. */
function countsOf(report: RetentionReport) {
  return Object.fromEntries(Object.entries(report.counts).filter(([, n]) => n > 0));
}

describe("sessions and throttles", () => {
  it("deletes sessions past their end or idle for the idle limit, and keeps live ones", async () => {
    const { long } = await mintCenters();
    const member = await mintStaff(store, long, "caseworker");
    const session = (tokenHash: string, lastSeenAt: number, expiresAt: number) => ({
      tokenHash,
      staffId: member.id,
      createdAt: lastSeenAt,
      lastSeenAt,
      expiresAt,
    });
    await store.write((tx) =>
      tx
        .insert(sessions)
        .values([
          session("ended", now() - 60_000, now()),
          session("idle", now() - sessionIdleMs, now() + 60_000),
          session("live", now() - sessionIdleMs + 1, now() + 1),
        ]),
    );
    const report = await pruneExpired(deps());
    expect(countsOf(report)).toEqual({ sessions: 2 });
    const left = await store.db.select({ tokenHash: sessions.tokenHash }).from(sessions);
    expect(left.map((row) => row.tokenHash)).toEqual(["live"]);
  });

  it("deletes failed logins and wrong link codes a day old, and keeps younger ones", async () => {
    await store.write(async (tx) => {
      await tx.insert(loginFailures).values([
        { email: "a@example.jp", client: "1.2.3.4", at: now() - day - 1 },
        { email: "a@example.jp", client: "1.2.3.4", at: now() - day },
      ]);
      await tx.insert(linkFailures).values([
        { lineUserId: newLineUserId(), at: now() - day - 1 },
        { lineUserId: newLineUserId(), at: now() - day },
      ]);
    });
    const report = await pruneExpired(deps());
    expect(countsOf(report)).toEqual({ loginFailures: 1, linkFailures: 1 });
    expect(await store.db.select({ at: loginFailures.at }).from(loginFailures)).toEqual([
      { at: now() - day },
    ]);
    expect(await store.db.select({ at: linkFailures.at }).from(linkFailures)).toEqual([
      { at: now() - day },
    ]);
  });
});

/** A second handle on the same file whose one connection enforces foreign keys. */
async function storeWithForeignKeys(url: string): Promise<Store> {
  const client = createClient({ url, concurrency: 1 });
  await client.execute("PRAGMA foreign_keys = ON");
  return createStore(drizzle(client, { schema }), () => client.close());
}

describe("processed webhook events", () => {
  it("are forgotten after seven days, with foreign keys enforced, and the message they brought stays", async () => {
    const { long } = await mintCenters();
    const person = await mintPerson(long);
    const old = now() - 7 * day - 1;
    const recent = now() - 7 * day;
    const oldEvent = await mintEvent(old, person.lineUserId);
    const recentEvent = await mintEvent(recent, person.lineUserId);
    const oldMessage = await mintMessage({
      ...person,
      registrantId: person.id,
      text: "まえの はなし",
      at: old,
      webhookEventId: oldEvent,
    });
    const recentMessage = await mintMessage({
      ...person,
      registrantId: person.id,
      text: "きのうの はなし",
      at: recent,
      webhookEventId: recentEvent,
    });

    const enforced = await storeWithForeignKeys(db.url);
    try {
      const report = await pruneExpired({ store: enforced, clock, log });
      expect(report.failed).toEqual([]);
      expect(countsOf(report)).toEqual({ processedEvents: 1 });
    } finally {
      enforced.close();
    }
    const events = await store.db.select().from(processedEvents);
    expect(events.map((row) => row.webhookEventId)).toEqual([recentEvent]);
    const rows = await store.db.select().from(messages).orderBy(asc(messages.id));
    // messages keep the id they came in with: it is not a foreign key (event ids go after a
    // week, messages stay for years)
    expect(rows.map((row) => [row.id, row.webhookEventId, row.text])).toEqual([
      [oldMessage, oldEvent, "まえの はなし"],
      [recentMessage, recentEvent, "きのうの はなし"],
    ]);
  });
});

describe("message text", () => {
  it("goes after the center's period while the message stays; a day less keeps it", async () => {
    const { long, short } = await mintCenters();
    const a = await mintPerson(long);
    const b = await mintPerson(short);
    const ids = {
      longOld: await mintMessage({
        ...a,
        registrantId: a.id,
        text: "3ねん まえ",
        at: now() - 1095 * day - 1,
      }),
      longEdge: await mintMessage({
        ...a,
        registrantId: a.id,
        text: "ちょうど 3ねん",
        at: now() - 1095 * day,
      }),
      longMonths: await mintMessage({
        ...a,
        registrantId: a.id,
        text: "100にち まえ",
        at: now() - 100 * day,
      }),
      shortOld: await mintMessage({
        ...b,
        registrantId: b.id,
        text: "100にち まえ B",
        at: now() - 100 * day,
      }),
      shortJustOut: await mintMessage({
        ...b,
        registrantId: b.id,
        text: "30にち すぎ",
        at: now() - 30 * day - 1,
      }),
      shortEdge: await mintMessage({
        ...b,
        registrantId: b.id,
        text: "ちょうど 30にち",
        at: now() - 30 * day,
      }),
      shortReply: await mintMessage({
        ...b,
        registrantId: b.id,
        text: "しょくいんの へんじ",
        at: now() - 31 * day,
        direction: "out",
      }),
    };
    const report = await pruneExpired(deps());
    expect(countsOf(report)).toEqual({ messageTexts: 4 });
    const rows = await store.db.select().from(messages).orderBy(asc(messages.id));
    expect(rows.map((row) => row.text)).toEqual([
      null,
      "ちょうど 3ねん",
      "100にち まえ",
      null,
      null,
      "ちょうど 30にち",
      null,
    ]);
    // the row itself stays: who, which way, what kind, when
    const reply = rows.find((row) => row.id === ids.shortReply);
    expect(reply).toMatchObject({
      direction: "out",
      messageType: "staff",
      createdAt: now() - 31 * day,
      registrantId: b.id,
    });
  });

  it("reaches every message in batches, however many share one moment", async () => {
    const { long, short } = await mintCenters();
    const b = await mintPerson(short);
    const a = await mintPerson(long);
    const at = now() - 40 * day;
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      // kept ones (the long center) in between: the scan passes them without stopping
      ids.push(await mintMessage({ ...a, registrantId: a.id, text: `のこる ${i}`, at }));
      ids.push(await mintMessage({ ...b, registrantId: b.id, text: `きえる ${i}`, at }));
    }
    const limits: RetentionLimits = {
      batch: 2,
      eventBatch: 2,
      escalationBatch: 2,
      erasureBatch: 2,
      maxBatches: 10,
    };
    const report = await pruneExpired(deps(), limits);
    expect(report).toMatchObject({ finished: true, counts: { messageTexts: 7 } });
    const texts = await Promise.all(ids.map(textOf));
    expect(texts.filter((text) => text !== null)).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((i) => `のこる ${i}`),
    );
  });

  it("finds the center of employer contacts, staff and words sent before linking; guests get the default", async () => {
    const { long, short } = await mintCenters();
    const contactUser = newLineUserId();
    const staffUser = newLineUserId();
    const guestUser = newLineUserId();
    await store.write(async (tx) => {
      const employer = await insertEmployer(tx, short, "かぶしきがいしゃ", 0);
      const contact = await insertEmployerContact(tx, {
        centerId: short,
        employerId: employer.id,
        displayName: "担当",
        now: 0,
      });
      await tx
        .update(employerContacts)
        .set({ lineUserId: contactUser })
        .where(eq(employerContacts.id, contact.id));
    });
    const member = await mintStaff(store, short, "caseworker");
    await store.write((tx) =>
      tx.update(staff).set({ lineUserId: staffUser }).where(eq(staff.id, member.id)),
    );
    const linkedLater = await mintPerson(short);
    const elsewhere = await mintPerson(long);
    const at = now() - 31 * day;
    const ids = [
      await mintMessage({ lineUserId: contactUser, text: "きぎょうの ことば", at }),
      await mintMessage({ lineUserId: staffUser, text: "しょくいんの LINE", at }),
      await mintMessage({ lineUserId: linkedLater.lineUserId, text: "リンク まえ", at }),
      await mintMessage({ lineUserId: guestUser, text: "ゲスト 31にち", at }),
      await mintMessage({ lineUserId: elsewhere.lineUserId, text: "べつの センター", at }),
      await mintMessage({
        lineUserId: guestUser,
        text: "ゲスト 3ねん",
        at: now() - 1095 * day - 1,
      }),
    ];
    await pruneExpired(deps());
    expect(await Promise.all(ids.map(textOf))).toEqual([
      null,
      null,
      null,
      "ゲスト 31にち",
      "べつの センター",
      null,
    ]);
  });
});

describe("the outbox", () => {
  it("forgets sent messages after 30 days and handled failures 90 days after handling", async () => {
    const row = (
      status: "pending" | "sent" | "failed",
      extra: Partial<typeof outbox.$inferInsert>,
    ) => ({
      retryKey: crypto.randomUUID(),
      kind: "push" as const,
      recipients: [newLineUserId()],
      messages: [{ type: "text", text: "おしらせ" }],
      status,
      nextAttemptAt: 0,
      createdAt: now() - 400 * day,
      ...extra,
    });
    await store.write((tx) =>
      tx
        .insert(outbox)
        .values([
          row("sent", { sentAt: now() - 30 * day - 1 }),
          row("sent", { sentAt: now() - 30 * day }),
          row("failed", { handledAt: now() - 90 * day - 1, handledBy: "someone" }),
          row("failed", { handledAt: now() - 90 * day, handledBy: "someone" }),
          row("failed", {}),
          row("pending", {}),
        ]),
    );
    const report = await pruneExpired(deps());
    expect(countsOf(report)).toEqual({ sentOutbox: 1, handledOutbox: 1 });
    const left = await store.db
      .select({ status: outbox.status, sentAt: outbox.sentAt, handledAt: outbox.handledAt })
      .from(outbox)
      .orderBy(asc(outbox.id));
    expect(left).toEqual([
      { status: "sent", sentAt: now() - 30 * day, handledAt: null },
      { status: "failed", sentAt: null, handledAt: now() - 90 * day },
      { status: "failed", sentAt: null, handledAt: null },
      { status: "pending", sentAt: null, handledAt: null },
    ]);
  });
});

/** An escalation raised by the engine from a person's words, with a second signal, a staff note and an employer report. */
async function mintEscalationWithWords(centerId: string, openedAt: number) {
  const person = await mintPerson(centerId);
  const signal = {
    centerId,
    registrantId: person.id,
    category: "mood" as const,
    severity: "normal" as const,
    source: "message" as const,
    evidence: {
      quote: "もう つかれた",
      phrases: ["つかれた"],
      model: 0.8,
      reason: "ことばの ルール",
    },
  };
  const { escalationId } = await store.write((tx) => raiseSignal(tx, signal, openedAt));
  await store.write(async (tx) => {
    await raiseSignal(
      tx,
      { ...signal, severity: "high", evidence: { quote: "ねむれない", reason: "2かいめ" } },
      openedAt + 1,
    );
    await insertEscalationEvent(tx, escalationId, "note", openedAt + 2, null, {
      text: "でんわで はなした",
    });
    const employer = await insertEmployer(tx, centerId, "かいしゃ", 0);
    const contact = await insertEmployerContact(tx, {
      centerId,
      employerId: employer.id,
      displayName: "担当",
      now: 0,
    });
    await insertEmployerReport(tx, {
      centerId,
      employerId: employer.id,
      contactId: contact.id,
      registrantId: person.id,
      kind: "communication",
      urgency: "week",
      words: "さいきん げんきが ない",
      via: "text",
      escalationId,
      now: openedAt + 3,
    });
  });
  return escalationId;
}

async function resolve(id: string, at: number) {
  await store.write(async (tx) => {
    await updateEscalation(tx, id, {
      status: "resolved",
      resolvedAt: at,
      resolvedBy: null,
      updatedAt: at,
    });
    await insertEscalationEvent(tx, id, "resolved", at, null, { note: "おちついた" });
  });
}

async function evidenceOf(id: string) {
  const signalRows = await store.db
    .select()
    .from(signals)
    .where(eq(signals.escalationId, id))
    .orderBy(asc(signals.id));
  const events = await store.db
    .select()
    .from(escalationEvents)
    .where(eq(escalationEvents.escalationId, id))
    .orderBy(asc(escalationEvents.id));
  const reports = await store.db
    .select()
    .from(employerReports)
    .where(eq(employerReports.escalationId, id));
  const [escalation] = await store.db.select().from(escalations).where(eq(escalations.id, id));
  return {
    signals: signalRows.map((row) => row.evidence),
    events: events.map((row) => [row.kind, row.detail]),
    words: reports.map((row) => row.words),
    escalation,
  };
}

const whole = {
  signals: [
    { quote: "もう つかれた", phrases: ["つかれた"], model: 0.8, reason: "ことばの ルール" },
    { quote: "ねむれない", reason: "2かいめ" },
  ],
  words: ["さいきん げんきが ない"],
};

describe("escalation evidence", () => {
  it("loses only the quoted words once resolved past the center's period", async () => {
    const { short } = await mintCenters();
    const openedAt = now() - 60 * day;
    const id = await mintEscalationWithWords(short, openedAt);
    await resolve(id, now() - 30 * day - 1);
    const before = await evidenceOf(id);

    const report = await pruneExpired(deps());
    expect(countsOf(report)).toMatchObject({
      evidenceSignals: 2,
      evidenceEvents: 2,
      employerWords: 1,
    });

    const after = await evidenceOf(id);
    expect(after.signals).toEqual([
      { quote: null, phrases: null, model: 0.8, reason: "ことばの ルール" },
      { quote: null, reason: "2かいめ" },
    ]);
    expect(after.events).toEqual([
      ["opened", { source: "message" }],
      ["signal", { quote: null, phrases: null, model: 0.8, reason: "ことばの ルール" }],
      [
        "signal",
        {
          quote: null,
          reason: "2かいめ",
          source: "message",
          severity: "high",
          raisedFrom: "normal",
        },
      ],
      ["note", { text: "でんわで はなした" }],
      ["resolved", { note: "おちついた" }],
    ]);
    expect(after.words).toEqual([null]);
    // what happened, how serious, when and by whom stay
    expect(after.escalation).toEqual(before.escalation);
    expect(JSON.stringify(after)).not.toMatch(/つかれた|ねむれない|げんきが/);
  });

  it("stays whole while open or acknowledged, or resolved within the period", async () => {
    const { long, short } = await mintCenters();
    const longAgo = now() - 2000 * day;
    const open = await mintEscalationWithWords(short, longAgo);
    const acknowledged = await mintEscalationWithWords(short, longAgo);
    await store.write((tx) =>
      updateEscalation(tx, acknowledged, {
        status: "acknowledged",
        acknowledgedAt: longAgo + 10,
        updatedAt: longAgo + 10,
      }),
    );
    const resolvedInside = await mintEscalationWithWords(short, longAgo);
    await resolve(resolvedInside, now() - 30 * day);
    const resolvedElsewhere = await mintEscalationWithWords(long, longAgo);
    await resolve(resolvedElsewhere, now() - 400 * day);

    const report = await pruneExpired(deps());
    expect(countsOf(report)).not.toHaveProperty("evidenceSignals");
    for (const id of [open, acknowledged, resolvedInside, resolvedElsewhere]) {
      const kept = await evidenceOf(id);
      expect(kept.signals).toEqual(whole.signals);
      expect(kept.words).toEqual(whole.words);
    }
  });
});

/** Something of every kind due, and something of every kind not yet due. */
async function mintEverything() {
  const { long, short } = await mintCenters();
  const person = await mintPerson(short);
  const member = await mintStaff(store, long, "caseworker");
  const old = now() - 2000 * day;
  const event = await mintEvent(old, person.lineUserId);
  await mintMessage({
    ...person,
    registrantId: person.id,
    text: "ふるい ことば",
    at: old,
    webhookEventId: event,
  });
  await mintMessage({
    ...person,
    registrantId: person.id,
    text: "あたらしい ことば",
    at: now() - day,
  });
  await store.write(async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: "old",
      staffId: member.id,
      createdAt: old,
      lastSeenAt: old,
      expiresAt: old,
    });
    await tx.insert(loginFailures).values({ email: "a@example.jp", client: "x", at: old });
    await tx.insert(linkFailures).values({ lineUserId: person.lineUserId, at: old });
    await tx.insert(outbox).values({
      retryKey: crypto.randomUUID(),
      kind: "push",
      recipients: [person.lineUserId],
      messages: [{ type: "text", text: "ふるい おしらせ" }],
      status: "sent",
      sentAt: old,
      nextAttemptAt: old,
      createdAt: old,
    });
  });
  const escalation = await mintEscalationWithWords(short, old);
  await resolve(escalation, old + day);
  return { person };
}

async function snapshot() {
  const tables = [
    sessions,
    loginFailures,
    linkFailures,
    processedEvents,
    messages,
    outbox,
    signals,
    escalationEvents,
    employerReports,
    escalations,
  ];
  return Promise.all(tables.map((table) => store.db.select().from(table)));
}

describe("typed check-in answers", () => {
  it("empty the words of 「ひとこと」 past the center's period and keep the scales and the rest", async () => {
    const { long, short } = await mintCenters();
    const answer = async (centerId: string, at: number) => {
      const person = await mintPerson(centerId);
      const checkinId = crypto.randomUUID();
      await store.write(async (tx) => {
        await tx.insert(schema.checkins).values({
          id: checkinId,
          registrantId: person.id,
          status: "completed",
          sentAt: at,
          completedAt: at,
        });
        await tx.insert(schema.answers).values([
          { checkinId, question: "message", value: "しごとが つらい", answeredAt: at },
          { checkinId, question: "condition", value: "1", score: 1, answeredAt: at },
        ]);
      });
      return checkinId;
    };
    const old = await answer(short, now() - 31 * day);
    const young = await answer(short, now() - 29 * day);
    const oldOnDefault = await answer(long, now() - 400 * day);
    const report = await pruneExpired(deps());
    expect(report.counts.answerWords).toBe(1);
    const valuesOf = async (checkinId: string) =>
      (
        await store.db
          .select({ question: schema.answers.question, value: schema.answers.value })
          .from(schema.answers)
          .where(eq(schema.answers.checkinId, checkinId))
          .orderBy(schema.answers.question)
      ).map((row) => `${row.question}=${row.value}`);
    expect(await valuesOf(old)).toEqual(["condition=1", "message="]);
    expect(await valuesOf(young)).toEqual(["condition=1", "message=しごとが つらい"]);
    expect(await valuesOf(oldOnDefault)).toEqual(["condition=1", "message=しごとが つらい"]);
    expect(lines.join("\n")).not.toContain("つらい");
    // a second run finds nothing more
    expect((await pruneExpired(deps())).counts.answerWords).toBe(0);
    // staff see why the words are gone, on the registrant's page, the conversation and disclosure
    expect(answerText("message", "")).toBe("（保存期間を過ぎたため削除しました）");
    expect(answerText("message", "skip")).toBe("skip");
  });
});

describe("support that ended", () => {
  it("keeps a person's data for the center's period after support ended, then erases it", async () => {
    const { long, short } = await mintCenters();
    const endedLongAgo = await mintPerson(short);
    const endedRecently = await mintPerson(short);
    const endedOnDefault = await mintPerson(long);
    const stillSupported = await mintPerson(short);
    const endedButOpen = await mintPerson(short);
    const endedButWrote = await mintPerson(short);
    await mintEscalation(store, { centerId: short, registrantId: endedButOpen.id });
    await mintMessage({
      lineUserId: endedButWrote.lineUserId,
      registrantId: endedButWrote.id,
      text: "また たすけて ほしい",
      at: now() - 2 * day,
    });
    await mintMessage({
      lineUserId: endedLongAgo.lineUserId,
      registrantId: endedLongAgo.id,
      text: "ありがとう",
      at: now() - 40 * day,
    });
    const end = (id: string, at: number) =>
      store.write((tx) =>
        tx
          .update(schema.registrants)
          .set({ status: "ended", endedAt: at, endedReason: "period_end" })
          .where(eq(schema.registrants.id, id)),
      );
    await end(endedLongAgo.id, now() - 31 * day);
    await end(endedRecently.id, now() - 29 * day);
    await end(endedOnDefault.id, now() - 400 * day);
    await end(endedButOpen.id, now() - 40 * day);
    await end(endedButWrote.id, now() - 40 * day);
    await store.write((tx) =>
      tx
        .update(schema.registrants)
        .set({ createdAt: now() - 900 * day })
        .where(eq(schema.registrants.id, stillSupported.id)),
    );

    const report = await pruneExpired(deps());
    expect(report.counts.erasedRegistrants).toBe(1);
    const left = await store.db.select({ id: schema.registrants.id }).from(schema.registrants);
    expect(left.map((row) => row.id).sort()).toEqual(
      [
        endedRecently.id,
        endedOnDefault.id,
        stillSupported.id,
        // an open matter, or words within the period, keep them
        endedButOpen.id,
        endedButWrote.id,
      ].sort(),
    );
    expect(
      await store.db.select().from(messages).where(eq(messages.registrantId, endedLongAgo.id)),
    ).toEqual([]);
    const audit = await store.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "registrant.erase_retention"));
    expect(audit).toMatchObject([{ subjectId: endedLongAgo.id, actorStaffId: "system" }]);
    expect(JSON.stringify(lines)).not.toContain("ありがとう");
  });
});

describe("the job as a whole", () => {
  it("changes nothing the second time", async () => {
    await mintEverything();
    const first = await pruneExpired(deps());
    expect(first).toMatchObject({ finished: true, failed: [] });
    expect(countsOf(first)).toEqual({
      sessions: 1,
      loginFailures: 1,
      linkFailures: 1,
      processedEvents: 1,
      messageTexts: 1,
      sentOutbox: 1,
      evidenceSignals: 2,
      evidenceEvents: 2,
      employerWords: 1,
    });
    const after = await snapshot();
    const second = await pruneExpired(deps());
    expect(second).toMatchObject({ finished: true, failed: [] });
    expect(countsOf(second)).toEqual({});
    expect(await snapshot()).toEqual(after);
  });

  it("changes each row once when two instances run it at the same time", async () => {
    await mintEverything();
    const other = await openStore({ url: db.url, migrate: false });
    try {
      const small: RetentionLimits = {
        batch: 1,
        eventBatch: 1,
        escalationBatch: 1,
        erasureBatch: 1,
        maxBatches: 50,
      };
      const [a, b] = await Promise.all([
        pruneExpired(deps(), small),
        pruneExpired({ store: other, clock, log }, small),
      ]);
      expect(a.failed).toEqual([]);
      expect(b.failed).toEqual([]);
      const both = { ...a, counts: { ...a.counts } };
      for (const key of Object.keys(b.counts) as (keyof RetentionCounts)[]) {
        both.counts[key] += b.counts[key];
      }
      expect(countsOf(both)).toEqual({
        sessions: 1,
        loginFailures: 1,
        linkFailures: 1,
        processedEvents: 1,
        messageTexts: 1,
        sentOutbox: 1,
        evidenceSignals: 2,
        evidenceEvents: 2,
        employerWords: 1,
      });
    } finally {
      other.close();
    }
    expect(countsOf(await pruneExpired(deps()))).toEqual({});
  });

  it("leaves no batch half done when the database fails, and the next run finishes", async () => {
    const { short } = await mintCenters();
    const person = await mintPerson(short);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        await mintMessage({
          ...person,
          registrantId: person.id,
          text: `ひみつ ${i}`,
          at: now() - 40 * day + i,
        }),
      );
    }
    await store.write((tx) =>
      tx.insert(loginFailures).values({ email: "a@example.jp", client: "x", at: 0 }),
    );
    await store.db.run(
      sql.raw(
        `CREATE TRIGGER fault BEFORE UPDATE OF text ON messages WHEN old.id = ${ids[2]} BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
      ),
    );
    const limits: RetentionLimits = {
      batch: 2,
      eventBatch: 2,
      escalationBatch: 2,
      erasureBatch: 2,
      maxBatches: 10,
    };

    const failed = await pruneExpired(deps(), limits);
    expect(failed).toMatchObject({ finished: false, failed: ["messageTexts"] });
    // the first batch committed; the failing one (ids 2 and 3) kept both texts; the rest waits
    expect(await Promise.all(ids.map(textOf))).toEqual([
      null,
      null,
      "ひみつ 2",
      "ひみつ 3",
      "ひみつ 4",
    ]);
    // the other kinds still ran
    expect(failed.counts.loginFailures).toBe(1);
    expect(
      lines.some((line) => line.includes('"retention.failed"') && line.includes('"messageTexts"')),
    ).toBe(true);

    await store.db.run(sql.raw("DROP TRIGGER fault"));
    const next = await pruneExpired(deps(), limits);
    expect(next).toMatchObject({ finished: true, failed: [] });
    expect(next.counts.messageTexts).toBe(3);
    expect(await Promise.all(ids.map(textOf))).toEqual([null, null, null, null, null]);
    expect(lines.join("\n")).not.toContain("ひみつ");
  });
});

describe("the schedule", () => {
  it("runs once a Tokyo day from 03:00, for ten minutes of ticks", () => {
    const at = (time: string) => Date.parse(`2026-11-25T${time}+09:00`);
    expect(retentionDue(at("02:59:59"), undefined)).toBe(false);
    expect(retentionDue(at("03:00:00"), undefined)).toBe(true);
    expect(retentionDue(at("03:09:59"), undefined)).toBe(true);
    expect(retentionDue(at("03:10:00"), undefined)).toBe(false);
    const done = { day: "2026-11-25", finished: true, nextAt: at("03:00:00") };
    expect(retentionDue(at("03:00:05"), done)).toBe(false);
    expect(retentionDue(Date.parse("2026-11-26T03:00:00+09:00"), done)).toBe(true);
    // a run cut short goes on at any hour; a failed one waits for its retry time
    const cut = { day: "2026-11-25", finished: false, nextAt: at("03:00:00") };
    expect(retentionDue(at("11:00:00"), cut)).toBe(true);
    const broken = { day: "2026-11-25", finished: false, nextAt: at("03:15:00") };
    expect(retentionDue(at("03:14:59"), broken)).toBe(false);
    expect(retentionDue(at("03:15:00"), broken)).toBe(true);
  });

  it("goes on at the next tick after stopping at its cap, then rests until the next day", async () => {
    const { short } = await mintCenters();
    const person = await mintPerson(short);
    for (let i = 0; i < 5; i++) {
      await mintMessage({
        ...person,
        registrantId: person.id,
        text: `ことば ${i}`,
        at: now() - 40 * day + i,
      });
    }
    const limits: RetentionLimits = {
      batch: 2,
      eventBatch: 2,
      escalationBatch: 2,
      erasureBatch: 2,
      maxBatches: 1,
    };
    clock.set(start - 1);
    expect(await runRetention(deps(), limits)).toBeNull();
    clock.set(start);
    expect(await runRetention(deps(), limits)).toMatchObject({
      finished: false,
      counts: { messageTexts: 2 },
    });
    clock.advance(5_000);
    expect(await runRetention(deps(), limits)).toMatchObject({
      finished: false,
      counts: { messageTexts: 2 },
    });
    clock.advance(5_000);
    expect(await runRetention(deps(), limits)).toMatchObject({
      finished: true,
      counts: { messageTexts: 1 },
    });
    clock.advance(5_000);
    expect(await runRetention(deps(), limits)).toBeNull();
    clock.set(start + day);
    expect(await runRetention(deps(), limits)).toMatchObject({ finished: true });
  });

  it("logs counts only, never the words it removed", async () => {
    await mintEverything();
    const report = await runRetention(deps());
    expect(report?.finished).toBe(true);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    const { level, event, time, ...fields } = logged[0] ?? {};
    expect({ level, event }).toEqual({ level: "info", event: "retention.pruned" });
    expect(typeof time).toBe("string");
    for (const value of Object.values(fields)) expect(typeof value).not.toBe("string");
    expect(fields).toMatchObject({
      messageTexts: 1,
      evidenceSignals: 2,
      finished: true,
      failedKinds: 0,
    });
    expect(lines.join("\n")).not.toMatch(/ことば|おしらせ|つかれた|ねむれない|げんき/);
  });
});

describe("the scheduler tick", () => {
  it("runs the job, and the conversation page still shows a message whose text is gone", async () => {
    const t = await createTestApp({ clock, log });
    try {
      const centerId = (await mintCenter(t.db.store)).id;
      await t.db.store.write((tx) => updateCenter(tx, centerId, { retentionDays: 30 }));
      const boss = await mintStaff(t.db.store, centerId, "supervisor");
      const { id: registrantId } = await mintRegistrant(t.db.store, centerId);
      const id = await mintMessage(
        { lineUserId: newLineUserId(), registrantId, text: "ふるい ひみつ", at: start - 31 * day },
        t.db.store,
      );
      const client = await loginAs(t, boss);

      await runTick(t.deps);
      const rows = await t.db.store.db.select().from(messages).where(eq(messages.id, id));
      expect(rows[0]?.text).toBeNull();
      expect(lines.some((line) => line.includes('"retention.pruned"'))).toBe(true);

      const page = await client.call("GET", `/dashboard/registrants/${registrantId}/messages`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("bubble bubble-in bubble-text");
      expect(html).not.toContain("ふるい ひみつ");
      expect(html).toContain("（保存期間を過ぎたため本文を削除しました）");
    } finally {
      await t.close();
    }
  });
});

describe("the escalation page", () => {
  it("says the quoted words were removed, once a resolved escalation is past the period", async () => {
    const t = await createTestApp({ clock, log });
    try {
      const centerId = (await mintCenter(t.db.store)).id;
      await t.db.store.write((tx) => updateCenter(tx, centerId, { retentionDays: 30 }));
      const boss = await mintStaff(t.db.store, centerId, "supervisor");
      const { id: registrantId } = await mintRegistrant(t.db.store, centerId);
      const escalation = await mintEscalation(t.db.store, {
        centerId,
        registrantId,
        evidence: { source: "message", quote: "ふるい ことば" },
        now: start - 60 * day,
      });
      await t.db.store.write((tx) =>
        updateEscalation(tx, escalation.id, {
          status: "resolved",
          resolvedAt: start - 31 * day,
          updatedAt: start - 31 * day,
        }),
      );
      const client = await loginAs(t, boss);
      const before = await (
        await client.call("GET", `/dashboard/escalations/${escalation.id}`)
      ).text();
      expect(before).toContain("ふるい ことば");
      expect(before).not.toContain('data-testid="evidence-expired"');

      await pruneExpired({ store: t.db.store, clock, log });
      const after = await (
        await client.call("GET", `/dashboard/escalations/${escalation.id}`)
      ).text();
      expect(after).not.toContain("ふるい ことば");
      expect(after).toContain("（保存期間を過ぎたため引用を削除しました）");
    } finally {
      await t.close();
    }
  });
});
