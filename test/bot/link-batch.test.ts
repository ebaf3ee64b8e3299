// A link code is tried against what the request read with everything else, and written with its
// batch: no transaction, the same throttles, each code used once even when two people send it
// at once, and a person's next events in the same body see them linked.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { maxLinkFailures } from "../../src/store/link";
import {
  escalations,
  linkCodes,
  linkFailures,
  outbox,
  registrants,
  signals,
} from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import { newLineUserId, textEvent, webhookBody } from "../support/events";
import { textOf, type Sent } from "../support/line-chat";
import { accountOf } from "../support/queries";
import { isRequestBatch } from "../support/write-count";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let staff: ApiClient;
/** Tuesday 2026-11-24 14:00 in Tokyo. */
const day = Date.parse("2026-11-24T14:00:00+09:00");

beforeEach(async () => {
  t = await createTestApp({ clock: createTestClock(day) });
  const centerId = (await mintCenter(t.db.store)).id;
  staff = await loginAs(t, await mintStaff(t.db.store, centerId, "caseworker"));
});

afterEach(async () => {
  await t.close();
});

async function newRegistrant(displayName = "山田 花子") {
  return (await (await staff.call("POST", "/api/registrants", { displayName })).json()) as {
    id: string;
    linkCode: string;
  };
}

/** A new code for the person, as staff hand one over when they change phones. */
async function newCode(registrantId: string) {
  const reissued = await staff.call("POST", `/api/registrants/${registrantId}/link-code`);
  expect(reissued.status).toBe(201);
  return ((await reissued.json()) as { linkCode: string }).linkCode;
}

const text = (userId: string, words: string) =>
  textEvent(userId, words, { timestamp: day, replyToken: t.mock.issueReplyToken(userId) });

/**
 * Posts one body, and tells how the request wrote: its batches (those recording its events), and
 * the transactions begun before its batch landed (sending the menus after it takes its own).
 */
async function post(...events: Record<string, unknown>[]) {
  const store = t.db.store;
  const calls = { transactions: 0, batches: 0 };
  const write = store.write.bind(store);
  const commit = store.commit.bind(store);
  let landed = false;
  store.write = ((unit: Parameters<typeof write>[0]) => {
    if (!landed) calls.transactions++;
    return write(unit);
  }) as typeof write;
  store.commit = async (statements) => {
    const results = await commit(statements);
    if (isRequestBatch(statements)) {
      calls.batches++;
      landed = true;
    }
    return results;
  };
  try {
    const response = await t.postWebhook(webhookBody(...events));
    await t.background.drain();
    return { status: response.status, calls };
  } finally {
    store.write = write;
    store.commit = commit;
  }
}

async function failures() {
  return (await t.db.store.db.select().from(linkFailures)).length;
}

const replies = (userId: string) => textOf(t.mock.messagesTo(userId) as Sent);

async function linkedLine(registrantId: string) {
  const [row] = await t.db.store.db
    .select({ lineUserId: registrants.lineUserId })
    .from(registrants)
    .where(eq(registrants.id, registrantId));
  return row?.lineUserId ?? null;
}

describe("a link code in the request's batch", () => {
  it("links with no transaction, and the person's next message in the body is answered as theirs", async () => {
    const person = await newRegistrant();
    const userId = newLineUserId();
    const { status, calls } = await post(text(userId, person.linkCode), text(userId, "ヘルプ"));
    expect(status).toBe(200);
    expect(calls).toEqual({ transactions: 0, batches: 1 });
    expect(await linkedLine(person.id)).toBe(userId);
    expect(await accountOf(t.db.store, userId)).toMatchObject({
      role: "registrant",
      personId: person.id,
    });
    const [code] = await t.db.store.db.select().from(linkCodes);
    expect(code?.usedAt).toBe(day);
    // the link reply, then the help a registrant gets (not a guest's)
    expect(replies(userId)).toContain("つながりました");
    // the registrant's menu change was queued with the link and handled right after the commit
    // (no menu is installed here, so there was nothing to send)
    const menus = await t.db.store.db.select().from(outbox).where(eq(outbox.kind, "richmenu"));
    expect(menus).toMatchObject([
      { recipients: [userId], menuRole: "registrant", status: "sent", attempts: 1 },
    ]);
  });

  it("uses a code once when two LINE accounts send it in the same body", async () => {
    const person = await newRegistrant();
    const [first, second] = [newLineUserId(), newLineUserId()];
    const { status } = await post(text(first, person.linkCode), text(second, person.linkCode));
    expect(status).toBe(200);
    expect(await linkedLine(person.id)).toBe(first);
    expect((await accountOf(t.db.store, second))?.role).toBe("guest");
    expect(replies(second)).not.toContain("つながりました");
    expect(await failures()).toBe(1);
  });

  it("uses a code once when two requests send it at the same time", async () => {
    const person = await newRegistrant();
    const [first, second] = [newLineUserId(), newLineUserId()];
    const [a, b] = await Promise.all([
      t.postWebhook(webhookBody(text(first, person.linkCode))),
      t.postWebhook(webhookBody(text(second, person.linkCode))),
    ]);
    await t.background.drain();
    expect([a.status, b.status]).toEqual([200, 200]);
    const linked = await linkedLine(person.id);
    expect([first, second]).toContain(linked);
    const other = linked === first ? second : first;
    expect((await accountOf(t.db.store, other))?.role).toBe("guest");
    expect(replies(other)).not.toContain("つながりました");
    expect((await accountOf(t.db.store, linked ?? ""))?.role).toBe("registrant");
  });

  it("counts wrong codes in the body: after the limit even the right one waits", async () => {
    const person = await newRegistrant();
    const userId = newLineUserId();
    const wrong = Array.from({ length: maxLinkFailures }, (_, i) =>
      text(userId, String(20_000_000_000_000 + i)),
    );
    const { status, calls } = await post(...wrong, text(userId, person.linkCode));
    expect(status).toBe(200);
    expect(calls).toEqual({ transactions: 0, batches: 1 });
    expect(await failures()).toBe(maxLinkFailures);
    expect(await linkedLine(person.id)).toBeNull();
    expect((await accountOf(t.db.store, userId))?.role).toBe("guest");
  });

  it("moves the person from their old account, which writes as a guest later in the same body", async () => {
    const person = await newRegistrant();
    const old = newLineUserId();
    expect((await post(text(old, person.linkCode))).status).toBe(200);
    const linkCode = await newCode(person.id);
    const next = newLineUserId();
    const { status, calls } = await post(text(next, linkCode), text(old, "ヘルプ"));
    expect(status).toBe(200);
    // no conflict with itself: one batch for the request, not five
    expect(calls).toEqual({ transactions: 0, batches: 1 });
    expect(await linkedLine(person.id)).toBe(next);
    expect(await accountOf(t.db.store, old)).toMatchObject({ role: "guest", personId: null });
    expect(await accountOf(t.db.store, next)).toMatchObject({ role: "registrant" });
  });

  it("answers an account already linked without trying the code", async () => {
    const person = await newRegistrant();
    const other = await newRegistrant("佐藤 次郎");
    const userId = newLineUserId();
    await post(text(userId, person.linkCode));
    const before = await failures();
    await post(text(userId, other.linkCode));
    expect(await linkedLine(other.id)).toBeNull();
    expect(await failures()).toBe(before);
  });

  it("holds the limit on wrong codes against requests that read the same count at once", async () => {
    const userId = newLineUserId();
    const wrong = (i: number) => text(userId, String(30_000_000_000_000 + i));
    expect(
      (await post(...Array.from({ length: maxLinkFailures - 1 }, (_, i) => wrong(i)))).status,
    ).toBe(200);
    // two more at once: each reads one below the limit; only the first to land may count
    const responses = await Promise.all([
      t.postWebhook(webhookBody(wrong(100))),
      t.postWebhook(webhookBody(wrong(101))),
    ]);
    await t.background.drain();
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(await failures()).toBe(maxLinkFailures);
  });

  it("keeps the person's escalations across the move: their old account's crisis, then the new one's", async () => {
    const person = await newRegistrant();
    const old = newLineUserId();
    expect((await post(text(old, person.linkCode))).status).toBe(200);
    const linkCode = await newCode(person.id);
    const next = newLineUserId();
    const { status, calls } = await post(
      text(old, "しにたい"),
      text(next, linkCode),
      text(next, "もう しにたい"),
    );
    expect(status).toBe(200);
    expect(calls).toEqual({ transactions: 0, batches: 1 });
    const open = await t.db.store.db
      .select()
      .from(escalations)
      .where(eq(escalations.registrantId, person.id));
    expect(open).toHaveLength(1);
    const evidence = await t.db.store.db
      .select()
      .from(signals)
      .where(eq(signals.registrantId, person.id));
    expect(evidence).toHaveLength(2);
    expect(replies(next)).toContain("0120-279-338");
  });
});
