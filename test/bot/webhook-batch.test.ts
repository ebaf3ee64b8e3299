// A body of many events, as LINE sends them in a burst: one transaction per request, each event
// taking effect once (duplicates inside the body and across concurrent requests), nothing of it
// written when any part fails, the crisis reply inside a big body, and each person's order kept.
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app";
import { followEvent, newLineUserId, textEvent, webhookBody } from "../support/events";
import { textOf, type Sent } from "../support/line-chat";
import { countRows, messages, outbox, processedEvents } from "../support/queries";

let t: TestApp;

beforeEach(async () => {
  t = await createTestApp();
});

afterEach(async () => {
  await t.close();
});

/** One text event per person, each with the reply token LINE would mint for it. */
function burst(people: string[], text: (index: number) => string) {
  return people.map((userId, index) =>
    textEvent(userId, text(index), { replyToken: t.mock.issueReplyToken(userId) }),
  );
}

async function ledgerOrder(): Promise<string[]> {
  const rows = await t.db.store.db.all<{ event_type: string; line_user_id: string }>(
    sql`select event_type, line_user_id from processed_events order by rowid`,
  );
  return rows.map((row) => `${row.event_type}:${row.line_user_id}`);
}

describe("a body of 100 events from 100 people", () => {
  it("takes each event once: duplicates inside the body and in a concurrent request", async () => {
    const people = Array.from({ length: 100 }, () => newLineUserId());
    const events = burst(people, (i) => `こんにちは ${i}`);
    // ten events twice in the same body, as a retrying proxy might send them
    const body = webhookBody(...events, ...events.slice(0, 10));
    // and the same body twice at once, as a redelivery racing the first delivery
    const responses = await Promise.all([t.postWebhook(body), t.postWebhook(body)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    await t.background.drain();

    expect(await countRows(t.db.store, processedEvents)).toBe(100);
    expect(await countRows(t.db.store, messages)).toBe(100);
    expect(await countRows(t.db.store, outbox)).toBe(100);
    for (const userId of people) expect(t.mock.sentTo(userId)).toHaveLength(1);

    // LINE sends it once more later: nothing new
    expect((await t.postWebhook(body)).status).toBe(200);
    await t.background.drain();
    expect(await countRows(t.db.store, processedEvents)).toBe(100);
    expect(t.mock.requests.filter((request) => request.endpoint === "reply")).toHaveLength(100);
  });

  it("writes nothing when the write fails (a database trigger), answers 500, then takes the redelivery once", async () => {
    const people = Array.from({ length: 100 }, () => newLineUserId());
    const body = webhookBody(...burst(people, (i) => `おはよう ${i}`));
    // the 60th person's reply cannot be queued: the whole body must roll back
    await t.db.store.db.run(
      sql.raw(
        `CREATE TRIGGER injected_fault BEFORE INSERT ON outbox
         WHEN NEW.recipients LIKE '%${people[59] ?? ""}%'
         BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
      ),
    );
    const failed = await t.postWebhook(body);
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain("injected");
    await t.background.drain();
    expect(await countRows(t.db.store, processedEvents)).toBe(0);
    expect(await countRows(t.db.store, messages)).toBe(0);
    expect(await countRows(t.db.store, outbox)).toBe(0);
    expect(t.mock.requests).toEqual([]);

    await t.db.store.db.run(sql.raw("DROP TRIGGER injected_fault"));
    expect((await t.postWebhook(body)).status).toBe(200);
    await t.background.drain();
    expect(await countRows(t.db.store, processedEvents)).toBe(100);
    for (const userId of people) expect(t.mock.sentTo(userId)).toHaveLength(1);
    // a second redelivery changes nothing
    expect((await t.postWebhook(body)).status).toBe(200);
    await t.background.drain();
    expect(await countRows(t.db.store, outbox)).toBe(100);
  });

  it("gives the crisis reply to the one message that needs it, inside the body", async () => {
    const people = Array.from({ length: 100 }, () => newLineUserId());
    const events = burst(people, (i) =>
      i === 73 ? "もう消えたい。ぜんぶ おわりにしたい" : "やあ",
    );
    expect((await t.postWebhook(webhookBody(...events))).status).toBe(200);
    await t.background.drain();

    const crisis = textOf(t.mock.messagesTo(people[73] ?? "") as Sent);
    expect(crisis).toContain("0120-279-338");
    expect(crisis).toContain("119");
    const others = people.filter((_, i) => i !== 73);
    for (const userId of others) {
      expect(textOf(t.mock.messagesTo(userId) as Sent)).not.toContain("0120-279-338");
    }
  });
});

describe("one person's events in one body", () => {
  it("keeps their order: the follow, then the message", async () => {
    const userId = newLineUserId();
    const other = newLineUserId();
    const body = webhookBody(
      followEvent(userId, { replyToken: t.mock.issueReplyToken(userId) }),
      textEvent(other, "こんにちは", { replyToken: t.mock.issueReplyToken(other) }),
      textEvent(userId, "はじめまして", { replyToken: t.mock.issueReplyToken(userId) }),
    );
    expect((await t.postWebhook(body)).status).toBe(200);
    await t.background.drain();

    expect(await ledgerOrder()).toEqual([
      `follow:${userId}`,
      `message:${other}`,
      `message:${userId}`,
    ]);
    const said = t.mock.messagesTo(userId) as Sent;
    // the welcome to the follow comes before the answer to the message
    const welcome = said.findIndex((message) => message.text?.includes("ともだち ついか"));
    const answer = said.findIndex((message) => message.text?.includes("はじめに、センターから"));
    expect(welcome).toBeGreaterThanOrEqual(0);
    expect(answer).toBeGreaterThan(welcome);
  });
});
