// Each person sees their role's rich menu: a role change queues the link (or the unlink, back to
// the guest default) in its own transaction, and the outbox delivers it through the real SDK.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/log";
import { hashLinkCode } from "../../src/link/codes";
import { deliverDue } from "../../src/outbox/delivery";
import { countUndelivered } from "../../src/store/outbox";
import { redeemLinkCode } from "../../src/store/link";
import { setAccountRole } from "../../src/store/accounts";
import { pushesThisMonth } from "../../src/store/push-budget";
import { lineAccounts, outbox, pushUsage, richMenus } from "../../src/store/schema";
import { monthKey } from "../../src/time/calendar";
import type { RichMenuIds } from "../../src/line/rich-menu";
import { createTestApp, testAccessToken, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { newLineUserId } from "../support/events";
import { lineChat } from "../support/line-chat";
import { installTestRichMenus } from "../support/rich-menus";
import { loginAs, mintCenter, mintStaff, type ApiClient, type TestStaff } from "../support/staff";

let t: TestApp;
let clock: TestClock;
let caseworker: TestStaff;
let staff: ApiClient;
let lines: string[];

beforeEach(async () => {
  clock = createTestClock();
  lines = [];
  t = await createTestApp({ clock, log: createLogger((line) => lines.push(line)) });
  const center = await mintCenter(t.db.store);
  caseworker = await mintStaff(t.db.store, center.id, "caseworker");
  staff = await loginAs(t, caseworker);
});

afterEach(async () => {
  await t.close();
});

const db = () => t.db.store.db;
const say = (userId: string, text: string) => lineChat(t, clock).say(userId, text);

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

/** The rich menu changes waiting or done for one LINE user, oldest first. */
async function menuRows(userId: string) {
  const rows = await db().select().from(outbox).where(eq(outbox.kind, "richmenu"));
  return rows.filter((row) => row.recipients.includes(userId));
}

async function newRegistrantCode(displayName = "山田 花子") {
  return json<{ id: string; linkCode: string }>(
    staff.call("POST", "/api/registrants", { displayName }),
  );
}

async function newContactCode() {
  const employer = await json<{ id: string }>(
    staff.call("POST", "/api/employers", { name: "株式会社 みどり" }),
  );
  const contact = await json<{ id: string; linkCode: string }>(
    staff.call("POST", `/api/employers/${employer.id}/contacts`, { displayName: "人事 鈴木" }),
  );
  return { employerId: employer.id, ...contact };
}

/** Runs the outbox sweep until nothing is due (a link row is due at once). */
async function deliver() {
  while ((await deliverDue(t.deps)) > 0) {
    // another round: a sweep takes what was due when it started
  }
}

describe("with the menus installed", () => {
  let ids: RichMenuIds;

  beforeEach(async () => {
    ids = await installTestRichMenus(t);
    t.mock.calls.length = 0;
  });

  it("links a registrant's menu through the outbox right after the commit that linked them", async () => {
    const { linkCode } = await newRegistrantCode();
    const userId = newLineUserId();
    await say(userId, linkCode);

    const [row] = await menuRows(userId);
    expect(row).toMatchObject({
      kind: "richmenu",
      recipients: [userId],
      messages: [],
      menuRole: "registrant",
      purpose: "message",
      status: "sent",
      attempts: 1,
      lastError: null,
    });
    expect(row?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.mock.userRichMenus.get(userId)).toBe(ids.registrant);
    const link = t.mock.calls.filter((call) => call.endpoint === "richmenu.link");
    expect(link).toHaveLength(1);
    expect(link[0]).toMatchObject({ status: 200 });
    expect(link[0]?.headers.authorization).toBe(`Bearer ${testAccessToken}`);
    // the sweep does not send it again
    clock.advance(60_000);
    await deliver();
    expect(t.mock.calls.filter((call) => call.endpoint === "richmenu.link")).toHaveLength(1);
    // it is no message: nothing counted against the month's pushes
    expect(await pushesThisMonth(db(), monthKey(clock()))).toBe(0);
    expect(await db().select().from(pushUsage)).toEqual([]);
  });

  it("changes the role and queues the menu in one transaction: both or neither", async () => {
    const { linkCode } = await newRegistrantCode();
    const userId = newLineUserId();
    await say(userId, "こんにちは");
    const codeHash = await hashLinkCode(linkCode);

    const failed = t.db.store.write(async (tx) => {
      const redeemed = await redeemLinkCode(tx, userId, codeHash, clock());
      // the queued change comes back, for the webhook to send right after its commit
      expect(redeemed).toMatchObject({
        outcome: "linked",
        menuChanges: [{ kind: "richmenu", menuRole: "registrant", recipients: [userId] }],
      });
      expect(await menuRows(userId)).toEqual([]); // not visible outside the transaction
      throw new Error("crash before the commit");
    });
    await expect(failed).rejects.toThrow("crash before the commit");
    expect(await menuRows(userId)).toEqual([]);
    const [account] = await db()
      .select()
      .from(lineAccounts)
      .where(eq(lineAccounts.lineUserId, userId));
    expect(account?.role).toBe("guest");

    await t.db.store.write((tx) => redeemLinkCode(tx, userId, codeHash, clock()));
    expect((await menuRows(userId)).map((row) => row.menuRole)).toEqual(["registrant"]);
  });

  it("gives an employer contact the employer menu, and the guest default back when staff unlink them", async () => {
    const contact = await newContactCode();
    const userId = newLineUserId();
    await say(userId, contact.linkCode);
    await deliver();
    expect(t.mock.userRichMenus.get(userId)).toBe(ids.employer_contact);
    expect(t.mock.richMenuOf(userId)?.menu.areas.map((area) => area.action.text)).toEqual([
      "相談する",
      "ヘルプ",
    ]);

    const unlinked = await staff.call(
      "POST",
      `/api/employers/${contact.employerId}/contacts/${contact.id}/unlink`,
    );
    expect(unlinked.status).toBe(200);
    expect((await menuRows(userId)).map((row) => [row.menuRole, row.status])).toEqual([
      ["employer_contact", "sent"],
      ["guest", "pending"],
    ]);
    await deliver();
    expect(t.mock.calls.at(-1)).toMatchObject({ endpoint: "richmenu.unlink", status: 200 });
    expect(t.mock.userRichMenus.has(userId)).toBe(false);
    expect(t.mock.richMenuOf(userId)?.richMenuId).toBe(ids.guest);
  });

  it("gives a staff member's own LINE the staff menu, and takes it away when they unlink it", async () => {
    const { linkCode } = await json<{ linkCode: string }>(
      staff.call("POST", "/api/me/line-link-code"),
    );
    const userId = newLineUserId();
    await say(userId, linkCode);
    await deliver();
    expect(t.mock.userRichMenus.get(userId)).toBe(ids.staff);

    expect((await staff.call("POST", "/api/me/line/unlink")).status).toBe(200);
    await deliver();
    expect(t.mock.userRichMenus.has(userId)).toBe(false);
  });

  it("moves the menu with a person who links a new LINE account: the old one is a guest again", async () => {
    const person = await newRegistrantCode();
    const first = newLineUserId();
    await say(first, person.linkCode);
    await deliver();
    const again = await json<{ linkCode: string }>(
      staff.call("POST", `/api/registrants/${person.id}/link-code`),
    );
    const second = newLineUserId();
    await say(second, again.linkCode);
    await deliver();
    expect(t.mock.userRichMenus.has(first)).toBe(false);
    expect(t.mock.userRichMenus.get(second)).toBe(ids.registrant);
  });

  it("sends only the latest of two changes still waiting for the same person", async () => {
    const userId = newLineUserId();
    await say(userId, "こんにちは");
    await t.db.store.write(async (tx) => {
      await setAccountRole(tx, userId, "employer_contact", null, clock());
      await setAccountRole(tx, userId, "guest", null, clock());
    });
    expect((await menuRows(userId)).map((row) => row.menuRole)).toEqual(["guest"]);
    await deliver();
    const menuCalls = t.mock.calls.filter((call) => call.endpoint.startsWith("richmenu"));
    expect(menuCalls.map((call) => call.endpoint)).toEqual(["richmenu.unlink"]);
    expect(t.mock.userRichMenus.has(userId)).toBe(false);
  });

  it("retries when LINE fails for a while, with the same retry key on the row", async () => {
    const { linkCode } = await newRegistrantCode();
    const userId = newLineUserId();
    t.mock.failNext(1, 500, "richmenu.link");
    await say(userId, linkCode);
    const [waiting] = await menuRows(userId);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastError: "http-500" });
    expect(t.mock.userRichMenus.has(userId)).toBe(false);

    clock.advance(60_000);
    await deliver();
    const [sent] = await menuRows(userId);
    expect(sent).toMatchObject({ status: "sent", attempts: 2, retryKey: waiting?.retryKey });
    expect(t.mock.userRichMenus.get(userId)).toBe(ids.registrant);
  });

  it("settles a change LINE refuses for good without showing it to staff as an undelivered message", async () => {
    const { linkCode } = await newRegistrantCode();
    const userId = newLineUserId();
    // the menu was deleted on LINE by hand after it was installed
    t.mock.richMenus.delete(ids.registrant);
    await say(userId, linkCode);

    const [row] = await menuRows(userId);
    expect(row).toMatchObject({ status: "failed", lastError: "http-404", handledAt: clock() });
    expect(lines.some((line) => line.includes('"richmenu.change_failed"'))).toBe(true);
    expect(lines.some((line) => line.includes("outbox.dead_letter"))).toBe(false);
    const boss = await loginAs(t, await mintStaff(t.db.store, caseworker.centerId, "supervisor"));
    const failed = await json<{ items: unknown[] }>(boss.call("GET", "/api/outbox/failed"));
    expect(failed.items).toEqual([]);
    expect(await countUndelivered(db(), caseworker.centerId)).toBe(0);
    // a supervisor cannot turn it into a push either
    expect((await boss.call("POST", `/api/outbox/${row?.id}/retry`)).status).toBe(404);
    expect(await menuRows(userId)).toMatchObject([{ kind: "richmenu", status: "failed" }]);
  });
});

describe("before `admin richmenu` ever ran", () => {
  it("marks the change done with nothing to do, and calls LINE for nothing", async () => {
    expect(await db().select().from(richMenus)).toEqual([]);
    const { linkCode } = await newRegistrantCode();
    const userId = newLineUserId();
    await say(userId, linkCode);
    await deliver();

    const [row] = await menuRows(userId);
    expect(row).toMatchObject({ status: "sent", lastError: "no-menu-installed" });
    expect(t.mock.calls.filter((call) => call.endpoint.startsWith("richmenu"))).toEqual([]);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ event: "richmenu.not_installed", role: "registrant" }),
    );
    // and nothing about the person in the log line
    expect(lines.filter((line) => line.includes("richmenu")).join("")).not.toContain(userId);
  });

  it("queues nothing for an account whose role did not change", async () => {
    const userId = newLineUserId();
    await say(userId, "こんにちは");
    await say(userId, "12345678901234");
    expect(await menuRows(userId)).toEqual([]);
    const accounts = await db()
      .select()
      .from(lineAccounts)
      .where(and(eq(lineAccounts.lineUserId, userId), eq(lineAccounts.role, "guest")));
    expect(accounts).toHaveLength(1);
  });
});
