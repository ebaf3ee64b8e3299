// The emulator's API: personas act on LINE, events go signed through the real /webhook.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { richMenuDefinitions, richMenuRequest } from "../../src/line/rich-menu";
import { createTestApp, testAccessToken, type TestApp } from "../support/app";
import { installTestRichMenus } from "../support/rich-menus";
import { countRows, eventRows, processedEvents } from "../support/queries";

let t: TestApp;

beforeEach(async () => {
  t = await createTestApp({ emulator: true });
});

afterEach(async () => {
  await t.close();
});

async function post(path: string, body: unknown) {
  return t.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function newPersona(displayName = "たなか") {
  const response = await post("/emulator/api/personas", { displayName });
  expect(response.status).toBe(201);
  return (await response.json()) as { userId: string };
}

async function transcript(userId: string, after = 0) {
  await t.background.drain();
  const response = await t.request(`/emulator/api/transcript?userId=${userId}&after=${after}`);
  return (
    (await response.json()) as {
      items: { seq: number; from: string; message: { text?: string } }[];
    }
  ).items;
}

describe("the emulator", () => {
  it("follows, chats and shows the bot's replies in order", async () => {
    const { userId } = await newPersona();
    expect(await (await post("/emulator/api/send", { userId, type: "follow" })).json()).toEqual({
      webhookStatus: 200,
    });
    await t.background.drain();
    await post("/emulator/api/send", { userId, type: "text", text: "ヘルプ" });
    const items = await transcript(userId);
    expect(items.map((item) => item.from)).toEqual(["user", "bot", "bot", "user", "bot"]);
    expect(items[4]?.message.text).toContain("つなぎ は");
    const later = await transcript(userId, items[2]?.seq ?? 0);
    expect(later).toHaveLength(2);
    const events = await eventRows(t.db.store);
    expect(events.map((row) => [row.eventType, row.outcome])).toEqual([
      ["follow", "handled"],
      ["message", "handled"],
    ]);
  });

  it("sends stickers, images, postbacks and unfollow like LINE", async () => {
    const { userId } = await newPersona();
    for (const action of [
      { type: "sticker" },
      { type: "image" },
      { type: "postback", data: "action=noop", displayText: "はい" },
      { type: "unfollow" },
      { type: "follow" },
    ]) {
      expect(await (await post("/emulator/api/send", { userId, ...action })).json()).toEqual({
        webhookStatus: 200,
      });
    }
    expect(await countRows(t.db.store, processedEvents)).toBe(5);
    const follow = (await eventRows(t.db.store)).at(-1);
    expect(follow?.eventType).toBe("follow");
    // following again after a block is an unblock, and the bot says welcome back
    const items = await transcript(userId);
    expect(items.at(-2)?.message.text).toContain("また つながって");
    const personas = (await (await t.request("/emulator/api/personas")).json()) as {
      items: { following: boolean; blockedBefore: boolean }[];
    };
    expect(personas.items[0]).toMatchObject({ following: true, blockedBefore: true });
  });

  it.each([
    ["an empty persona name", "/emulator/api/personas", { displayName: " " }, 400],
    ["an unknown action", "/emulator/api/send", { userId: "U0", type: "teleport" }, 400],
    ["an empty text", "/emulator/api/send", { userId: "U0", type: "text", text: "" }, 400],
    [
      "an unknown persona",
      "/emulator/api/send",
      { userId: "Uffffffffffffffffffffffffffffffff", type: "follow" },
      404,
    ],
  ])("refuses %s with a clear error", async (_name, path, body, status) => {
    const response = await post(path, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toHaveProperty("error.message");
  });

  it("refuses another site's page driving the chat, and a body over 64 KiB", async () => {
    const crossSite = await t.request("/emulator/api/personas", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ displayName: "わるもの" }),
    });
    expect(crossSite.status).toBe(403);
    const big = await post("/emulator/api/personas", { displayName: "x".repeat(70_000) });
    expect(big.status).toBe(413);
    expect(big.headers.get("connection")).toBe("close");
  });

  it("refuses a transcript for something that is not a LINE user id", async () => {
    const response = await t.request("/emulator/api/transcript?userId=../../etc");
    expect(response.status).toBe(400);
  });

  it("serves the rich menu API on the app's own origin, as `npm run admin -- richmenu` expects", async () => {
    const authorization = `Bearer ${testAccessToken}`;
    const created = await t.request("/v2/bot/richmenu", {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify(richMenuRequest(richMenuDefinitions.guest, t.config.publicBaseUrl)),
    });
    const { richMenuId } = (await created.json()) as { richMenuId: string };
    expect(t.mock.richMenus.get(richMenuId)?.menu.chatBarText).toBe("メニュー");
    const image = readFileSync(join(import.meta.dirname, "../..", "assets", "richmenu-guest.png"));
    const upload = await t.request(`/v2/bot/richmenu/${richMenuId}/content`, {
      method: "POST",
      headers: { authorization, "content-type": "image/png" },
      body: new Uint8Array(image),
    });
    expect(upload.status).toBe(200);
    const set = await t.request(`/v2/bot/user/all/richmenu/${richMenuId}`, {
      method: "POST",
      headers: { authorization },
    });
    expect(set.status).toBe(200);
    const current = await t.request("/v2/bot/user/all/richmenu", { headers: { authorization } });
    expect(await current.json()).toEqual({ richMenuId });
  });

  it("draws the rich menu under the input from what the mock holds, with every icon at hand", async () => {
    const html = await (await t.request("/emulator")).text();
    expect(html).toContain('data-testid="richmenu-toggle"');
    expect(html).toContain('id="richmenu-items"');
    for (const icon of ["check", "talk", "help", "code", "dashboard"]) {
      expect(html).toContain(`data-icon="${icon}"`);
    }
    // no tiles in the markup: which menu depends on the persona (chat.js asks the API)
    expect(html).not.toContain('data-testid="richmenu-item"');
  });

  it("tells the page which menu a persona sees: their own on the mock, else the default", async () => {
    type View = {
      richMenuId: string | null;
      role: string | null;
      chatBarText: string | null;
      items: { label: string; text?: string; uri?: string; icon?: string }[];
    };
    const menuOf = async (userId?: string) =>
      (await (
        await t.request(`/emulator/api/richmenu${userId ? `?userId=${userId}` : ""}`)
      ).json()) as View;
    // a channel with no menu installed shows none
    expect(await menuOf()).toEqual({ richMenuId: null, chatBarText: null, role: null, items: [] });

    const ids = await installTestRichMenus(t);
    const { userId } = await newPersona();
    expect(await menuOf()).toEqual({
      richMenuId: ids.guest,
      chatBarText: "メニュー",
      role: "guest",
      items: [
        { label: "ばんごうを おくる", text: "ばんごうを おくる", icon: "code" },
        { label: "ヘルプ", text: "ヘルプ", icon: "help" },
      ],
    });
    expect((await menuOf(userId)).role).toBe("guest");

    const linked = await t.request(`/v2/bot/user/${userId}/richmenu/${ids.staff}`, {
      method: "POST",
      headers: { authorization: `Bearer ${testAccessToken}` },
    });
    expect(linked.status).toBe(200);
    expect((await menuOf(userId)).items).toEqual([
      { label: "ダッシュボード", uri: `${t.config.publicBaseUrl}/dashboard`, icon: "dashboard" },
      { label: "ヘルプ", text: "ヘルプ", icon: "help" },
    ]);
    expect((await t.request("/emulator/api/richmenu?userId=../../etc")).status).toBe(400);
  });

  it("serves the chat page with its script and style from the same origin", async () => {
    const page = await t.request("/emulator");
    const html = await page.text();
    expect(html).toContain('src="/emulator/chat.js"');
    expect((await t.request("/emulator/chat.js")).headers.get("content-type")).toContain(
      "javascript",
    );
    expect((await t.request("/emulator/chat.css")).headers.get("content-type")).toContain(
      "text/css",
    );
  });
});

describe("without emulator mode", () => {
  it("serves neither the emulator nor the mock API", async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.request("/emulator")).status).toBe(404);
      expect((await plain.request("/v2/bot/message/push", { method: "POST" })).status).toBe(404);
      expect((await plain.request("/v2/bot/richmenu", { method: "POST" })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
