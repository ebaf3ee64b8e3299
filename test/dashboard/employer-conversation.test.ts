// An employer contact's conversation, and a staff reply to the company: confirmed, the staff
// member's own words only, through the employer allow-list, once per key, audited.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, outbox } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import { newLineUserId } from "../support/events";
import { lineChat, textOf, type Sent } from "../support/line-chat";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let staff: ApiClient;
const clock = createTestClock(Date.parse("2026-11-25T10:00:00+09:00"));

beforeEach(async () => {
  t = await createTestApp({ clock });
  const center = await mintCenter(t.db.store);
  staff = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
});

afterEach(async () => {
  await t.close();
});

async function linkedContact() {
  const employer = (await (
    await staff.call("POST", "/api/employers", { name: "つなぎ製作所" })
  ).json()) as {
    id: string;
  };
  const created = (await (
    await staff.call("POST", `/api/employers/${employer.id}/contacts`, { displayName: "人事 鈴木" })
  ).json()) as { id: string; linkCode: string };
  const userId = newLineUserId();
  await lineChat(t, clock).say(userId, created.linkCode);
  return { employerId: employer.id, contactId: created.id, userId };
}

const path = (c: { employerId: string; contactId: string }) =>
  `/api/employers/${c.employerId}/contacts/${c.contactId}/messages`;

describe("an employer contact's conversation", () => {
  it("holds what they wrote and what the bot answered", async () => {
    const c = await linkedContact();
    await lineChat(t, clock).say(c.userId, "ヘルプ");
    const { items } = (await (await staff.call("GET", path(c))).json()) as {
      items: { direction: string; kind: string; text: string | null }[];
    };
    expect(items.map((item) => [item.direction, item.kind])).toContainEqual(["in", "text"]);
    expect(items.some((item) => item.direction === "out" && item.kind === "bot")).toBe(true);
  });
});

describe("a staff reply to the company", () => {
  it("is refused without confirming that the company reads it, and nothing is queued", async () => {
    const c = await linkedContact();
    const before = (await t.db.store.db.select().from(outbox)).length;
    for (const body of [
      { text: "来週 伺います。" },
      { text: "来週 伺います。", confirmRecipientIsCompany: false },
    ]) {
      expect((await staff.call("POST", path(c), body)).status).toBe(400);
    }
    expect((await t.db.store.db.select().from(outbox)).length).toBe(before);
  });

  it("reaches the contact on LINE as the center's words, once per key, and is audited", async () => {
    const c = await linkedContact();
    const before = t.mock.messagesTo(c.userId).length;
    const body = {
      text: "来週 火曜に 伺います。",
      confirmRecipientIsCompany: true,
      clientKey: crypto.randomUUID(),
    };
    const first = await staff.call("POST", path(c), body);
    expect(first.status).toBe(202);
    expect((await staff.call("POST", path(c), body)).status).toBe(202);
    await t.background.drain();
    const sent = t.mock.messagesTo(c.userId).slice(before) as Sent;
    expect(sent).toHaveLength(1);
    expect(textOf(sent)).toBe("センターの担当者より：\n来週 火曜に 伺います。");
    const audited = await t.db.store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "employer_contact.reply"));
    expect(audited).toHaveLength(1);
  });

  it("answers 409 unreachable for a contact who blocked the account, and 404 for another center's", async () => {
    const c = await linkedContact();
    await t.postWebhook(
      JSON.stringify({
        destination: "U0",
        events: [
          {
            type: "unfollow",
            mode: "active",
            timestamp: clock(),
            webhookEventId: crypto.randomUUID(),
            deliveryContext: { isRedelivery: false },
            source: { type: "user", userId: c.userId },
          },
        ],
      }),
    );
    const blocked = await staff.call("POST", path(c), {
      text: "こんにちは",
      confirmRecipientIsCompany: true,
    });
    expect(blocked.status).toBe(409);
    const elsewhere = await loginAs(
      t,
      await mintStaff(t.db.store, (await mintCenter(t.db.store, "よそ")).id, "caseworker"),
    );
    expect((await elsewhere.call("GET", path(c))).status).toBe(404);
    expect(
      (await elsewhere.call("POST", path(c), { text: "x", confirmRecipientIsCompany: true }))
        .status,
    ).toBe(404);
  });
});
