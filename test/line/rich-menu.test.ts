// The rich menus: one per role, their images, installing them through LINE's API (a mock on
// loopback) with the ids kept in a real database, and the mock's rich menu endpoints.
import type { ServerType } from "@hono/node-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  inspectRichMenuImage,
  installRichMenus,
  maxRichMenuImageBytes,
  richMenuDefinitions,
  richMenuRequest,
  richMenuRoleNamed,
  richMenuRoles,
  RichMenuError,
  type RichMenuStep,
} from "../../src/line/rich-menu";
import { defaultRichMenuImageDir, readRichMenuImages } from "../../src/line/rich-menu-images";
import { MockLine, mockLineApp, type RichMenuEndpoint } from "../../src/emulator/mock-line";
import { idleStep } from "../../src/flows/router";
import type { FlowContext } from "../../src/flows/types";
import { defaultCalendar } from "../../src/time/business-time";
import { words as guestWords } from "../../src/words/guest";
import { staffWords } from "../../src/flows/staff";
import { employerWords } from "../../src/words/employer";
import { commandOf } from "../../src/words/keywords";
import { newLineUserId } from "../../src/line/user-id";
import { listRichMenus, replaceRichMenus } from "../../src/store/rich-menus";
import type { AccountRole } from "../../src/vocabulary/kinds";
import { listen, testAccessToken } from "../support/app";
import { testClassifier } from "../support/classifier";
import { createTestStore, type TestStore } from "../support/db";

const publicBaseUrl = "https://tsunagi.example.jp";

let mock: MockLine;
let server: ServerType;
let baseUrl: string;
let db: TestStore;

beforeEach(async () => {
  mock = new MockLine(testAccessToken);
  ({ server, url: baseUrl } = await listen(mockLineApp(mock).fetch));
  db = await createTestStore();
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  db.cleanup();
});

/** Just the header of a PNG: enough for the checks, which read no further than IHDR. */
function png(width: number, height: number, length = 64): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  bytes.set(new TextEncoder().encode("IHDR"), 12);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

/** A JPEG's opening segments: SOI, an APP0 to step over, then the frame with the size. */
function jpeg(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
  bytes.set(
    [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff],
    20,
  );
  return bytes;
}

const everyRole = (image: Uint8Array) =>
  Object.fromEntries(richMenuRoles.map((role) => [role, image])) as Record<AccountRole, Uint8Array>;

function install(
  images: Record<AccountRole, Uint8Array>,
  options: { accessToken?: string; url?: string; now?: number } = {},
) {
  return installRichMenus({
    channelAccessToken: options.accessToken ?? testAccessToken,
    baseUrl: options.url ?? baseUrl,
    dataBaseUrl: options.url ?? baseUrl,
    publicBaseUrl,
    images,
    record: (ids) => db.store.write((tx) => replaceRichMenus(tx, ids, options.now ?? 1_000)),
  });
}

const messageTexts = (role: AccountRole) =>
  richMenuDefinitions[role].items.flatMap((item) =>
    item.action.type === "message" ? [item.action.text] : [],
  );

describe("the rich menu definitions", () => {
  it("gives each role its own tiles, in words its conversation already understands", () => {
    const tiles = (role: AccountRole) =>
      richMenuRequest(richMenuDefinitions[role], publicBaseUrl).areas.map((area) => area.action);
    expect(tiles("guest")).toEqual([
      { type: "message", label: "ばんごうを おくる", text: "ばんごうを おくる" },
      { type: "message", label: "ヘルプ", text: "ヘルプ" },
    ]);
    expect(tiles("registrant")).toEqual([
      { type: "message", label: "チェックイン", text: "チェックイン" },
      { type: "message", label: "そうだんする", text: "そうだんする" },
      { type: "message", label: "ヘルプ", text: "ヘルプ" },
    ]);
    expect(tiles("employer_contact")).toEqual([
      { type: "message", label: "相談する", text: "相談する" },
      { type: "message", label: "ヘルプ", text: "ヘルプ" },
    ]);
    expect(tiles("staff")).toEqual([
      { type: "uri", label: "ダッシュボード", uri: `${publicBaseUrl}/dashboard` },
      { type: "message", label: "ヘルプ", text: "ヘルプ" },
    ]);
  });

  it("sends only words of the keyword table, so a tile and the same words typed are one", () => {
    expect(
      Object.fromEntries(richMenuRoles.map((role) => [role, messageTexts(role).map(commandOf)])),
    ).toEqual({
      guest: ["code", "help"],
      registrant: ["checkin", "talk", "help"],
      employer_contact: ["talk", "help"],
      staff: ["help"],
    });
  });

  it.each(richMenuRoles)(
    "lays the %s menu out as one compact row whose tiles cover it exactly",
    (role) => {
      const menu = richMenuRequest(richMenuDefinitions[role], publicBaseUrl);
      expect(menu).toMatchObject({
        size: { width: 2500, height: 843 },
        selected: true,
        chatBarText: "メニュー",
      });
      const bounds = menu.areas.map((area) => area.bounds);
      expect([2, 3]).toContain(bounds.length);
      let x = 0;
      for (const b of bounds) {
        expect(b).toMatchObject({ x, y: 0, height: 843 });
        x += b.width;
      }
      expect(x).toBe(2500);
      // equal columns, give or take the pixel rounding hands out
      const widths = bounds.map((b) => b.width);
      expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
      for (const area of menu.areas) {
        expect(area.action.label.length).toBeLessThanOrEqual(20);
      }
      expect(menu.chatBarText.length).toBeLessThanOrEqual(14);
      // the emulator tells the menus apart by name
      expect(richMenuRoleNamed(menu.name)).toBe(role);
    },
  );

  const contexts: Record<AccountRole, FlowContext> = {
    guest: { now: 0, role: "guest", newId: () => "id-1", classifier: testClassifier },
    registrant: {
      now: Date.UTC(2026, 5, 3, 1),
      role: "registrant",
      registrant: {
        id: "r-1",
        status: "active",
        consented: true,
        checkinWeekday: 3,
        checkinMinute: 600,
      },
      newId: () => "id-1",
      classifier: testClassifier,
    },
    employer_contact: {
      now: 0,
      role: "employer_contact",
      employer: {
        contactId: "c-1",
        employerId: "e-1",
        centerId: "center-1",
        registrants: [{ id: "r-1", displayName: "田中 一郎" }],
        calendar: defaultCalendar,
      },
      newId: () => "id-1",
      classifier: testClassifier,
    },
    staff: { now: 0, role: "staff", newId: () => "id-1", classifier: testClassifier },
  };
  /** What words nobody taught the bot come to for each role: a tile must come to something else. */
  const notUnderstood = (role: AccountRole) =>
    idleStep({ type: "text", text: "ぴよぴよ" }, contexts[role]);

  it.each(richMenuRoles)(
    "answers every tile of the %s menu as a command, not as stray words",
    (role) => {
      const texts = messageTexts(role);
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        const step = idleStep({ type: "text", text }, contexts[role]);
        expect(step.replies.length, text).toBeGreaterThan(0);
        // (a guest is asked for the number whatever they send; the next test pins that down)
        if (role !== "guest") expect(step, text).not.toEqual(notUnderstood(role));
      }
    },
  );

  it("asks a guest who taps ばんごうを おくる for the number, and nothing else", () => {
    const step = idleStep({ type: "text", text: "ばんごうを おくる" }, contexts.guest);
    expect(step).toEqual({ state: null, replies: guestWords.askForCode(), effects: [] });
    expect(idleStep({ type: "text", text: "ヘルプ" }, contexts.guest).replies).toEqual(
      guestWords.guestHelp(),
    );
  });

  it("starts an employer's report from 相談する and tells staff where the work happens", () => {
    const report = idleStep({ type: "text", text: "相談する" }, contexts.employer_contact);
    // a report begun from the button, not the words 「相談する」 kept as the report itself
    expect(report.state).toMatchObject({ flow: "employer_report", via: "buttons", words: null });
    expect(idleStep({ type: "text", text: "ヘルプ" }, contexts.employer_contact)).toEqual({
      state: null,
      replies: employerWords.help(),
      effects: [],
    });
    expect(idleStep({ type: "text", text: "ヘルプ" }, contexts.staff).replies).toEqual(
      staffWords.help(),
    );
  });

  it.each(richMenuRoles)(
    "ships an image for %s that LINE takes: a 2500×843 PNG under 1 MB",
    async (role) => {
      const image = (await readRichMenuImages(defaultRichMenuImageDir))[role];
      expect(inspectRichMenuImage(image)).toEqual({ type: "image/png", width: 2500, height: 843 });
      expect(image.byteLength).toBeLessThanOrEqual(maxRichMenuImageBytes);
    },
  );
});

describe("installRichMenus", () => {
  it("creates the four menus with their images, makes the guest's the default and records the ids", async () => {
    const images = await readRichMenuImages(defaultRichMenuImageDir);
    const { richMenuIds, deleted } = await install(images);

    expect(Object.keys(richMenuIds).sort()).toEqual([...richMenuRoles].sort());
    expect(new Set(Object.values(richMenuIds)).size).toBe(4);
    expect(deleted).toEqual([]);
    expect(mock.calls.map((call) => call.endpoint)).toEqual([
      ...richMenuRoles.flatMap(() => ["richmenu.create", "richmenu.content"]),
      "richmenu.getDefault",
      "richmenu.setDefault",
    ]);
    for (const call of mock.calls) {
      expect(call.headers.authorization).toBe(`Bearer ${testAccessToken}`);
    }
    for (const role of richMenuRoles) {
      const stored = mock.richMenus.get(richMenuIds[role]);
      expect(stored?.menu.name).toBe(richMenuDefinitions[role].name);
      expect(Buffer.from(stored?.image?.bytes ?? []).equals(Buffer.from(images[role]))).toBe(true);
      expect(stored?.image?.contentType).toBe("image/png");
    }
    expect(mock.defaultRichMenuId).toBe(richMenuIds.guest);
    const rows = await listRichMenus(db.store.db);
    expect(Object.fromEntries(rows.map((row) => [row.role, row.richMenuId]))).toEqual(richMenuIds);
    expect(rows.every((row) => row.installedAt === 1_000)).toBe(true);
  });

  it("replaces an earlier installation: new rows, the old menus deleted on LINE", async () => {
    const first = await install(everyRole(png(2500, 843)));
    const second = await install(everyRole(jpeg(2500, 843)), { now: 2_000 });

    expect(second.deleted.sort()).toEqual(Object.values(first.richMenuIds).sort());
    expect([...mock.richMenus.keys()].sort()).toEqual(Object.values(second.richMenuIds).sort());
    expect(mock.defaultRichMenuId).toBe(second.richMenuIds.guest);
    const rows = await listRichMenus(db.store.db);
    expect(rows).toHaveLength(4);
    expect(Object.fromEntries(rows.map((row) => [row.role, row.richMenuId]))).toEqual(
      second.richMenuIds,
    );
    expect(rows.every((row) => row.installedAt === 2_000)).toBe(true);
  });

  it("deletes the default it replaces even when no database row named it (the one menu of old)", async () => {
    const old = mock.handleRichMenu(
      "richmenu.create",
      { authorization: `Bearer ${testAccessToken}` },
      {
        body: richMenuRequest(richMenuDefinitions.registrant, publicBaseUrl),
      },
    ).body.richMenuId as string;
    const menu = mock.richMenus.get(old);
    if (menu) menu.image = { contentType: "image/png", bytes: png(2500, 843) };
    mock.defaultRichMenuId = old;

    const { deleted } = await install(everyRole(png(2500, 843)));
    expect(deleted).toEqual([old]);
    expect(mock.richMenus.has(old)).toBe(false);
  });

  it("still finishes when an earlier menu is already gone from LINE", async () => {
    const first = await install(everyRole(png(2500, 843)));
    mock.richMenus.delete(first.richMenuIds.staff);
    const second = await install(everyRole(png(2500, 843)));
    expect(second.deleted).toHaveLength(3);
    expect(mock.richMenus.size).toBe(4);
  });

  it.each([
    ["a file that is not an image", new TextEncoder().encode("<svg></svg>"), /neither a PNG/],
    ["an image over 1 MB", png(2500, 843, maxRichMenuImageBytes + 1), /1000001 bytes/],
    ["an image of the wrong size", png(1200, 405), /1200×405 px; the rich menu needs 2500×843/],
    ["a JPEG of the wrong size", jpeg(2500, 1686), /2500×1686 px/],
    ["a PNG cut short", png(2500, 843).subarray(0, 20), /could not be read/],
    ["an empty file", new Uint8Array(), /neither a PNG/],
  ])(
    "refuses %s for one role before calling LINE, naming the role",
    async (_name, image, message) => {
      const refused = install({ ...everyRole(png(2500, 843)), employer_contact: image });
      await expect(refused).rejects.toThrow(message);
      await expect(refused).rejects.toThrow(/^employer_contact: /);
      await expect(refused).rejects.toMatchObject({ name: "RichMenuError", step: undefined });
      expect(mock.calls).toEqual([]);
    },
  );

  it.each<[RichMenuStep, RichMenuEndpoint, number]>([
    ["create", "richmenu.create", 0],
    ["create", "richmenu.create", 2],
    ["upload image", "richmenu.content", 3],
    ["set default", "richmenu.setDefault", 0],
  ])(
    'names the step "%s" and LINE\'s status when it fails, and deletes what this run made',
    async (step, endpoint, after) => {
      const earlier = await install(everyRole(png(2500, 843)));
      mock.calls.length = 0;
      // let `after` calls of that endpoint through, then fail
      let seen = 0;
      const original = mock.handleRichMenu.bind(mock);
      mock.handleRichMenu = (name, headers, input) => {
        if (name === endpoint && seen++ === after) mock.failNext(1, 503, endpoint);
        return original(name, headers, input);
      };
      const error = await install(everyRole(png(2500, 843)), { now: 5_000 }).catch(
        (caught: unknown) => caught,
      );

      expect(error).toBeInstanceOf(RichMenuError);
      expect(error).toMatchObject({ step, status: 503 });
      expect(String(error)).toMatch(
        new RegExp(
          `rich menu step "${step}" \\(\\w+\\) failed: LINE answered HTTP 503 \\(Injected fault\\)`,
        ),
      );
      expect(String(error)).not.toContain(testAccessToken);
      // only the earlier installation is left, still the default and still recorded
      expect([...mock.richMenus.keys()].sort()).toEqual(Object.values(earlier.richMenuIds).sort());
      expect(mock.defaultRichMenuId).toBe(earlier.richMenuIds.guest);
      const rows = await listRichMenus(db.store.db);
      expect(rows.every((row) => row.installedAt === 1_000)).toBe(true);
    },
  );

  it("deletes the new menus and puts the earlier default back when recording them fails", async () => {
    const earlier = await install(everyRole(png(2500, 843)));
    const failing = installRichMenus({
      channelAccessToken: testAccessToken,
      baseUrl,
      dataBaseUrl: baseUrl,
      publicBaseUrl,
      images: everyRole(png(2500, 843)),
      record: () => Promise.reject(new Error("database is locked")),
    });
    await expect(failing).rejects.toThrow("database is locked");
    expect([...mock.richMenus.keys()].sort()).toEqual(Object.values(earlier.richMenuIds).sort());
    expect(mock.defaultRichMenuId).toBe(earlier.richMenuIds.guest);
  });

  it("reports a refused token as HTTP 401 without repeating the token", async () => {
    const wrong = "not-the-channel-token";
    const error = await install(everyRole(png(2500, 843)), { accessToken: wrong }).catch(
      (caught: unknown) => caught,
    );
    expect(String(error)).toBe(
      'RichMenuError: rich menu step "create" (guest) failed: LINE answered HTTP 401 (Authentication failed)',
    );
    expect(String(error)).not.toContain(wrong);
  });

  it("says which host did not answer when LINE cannot be reached", async () => {
    // A port that was free a moment ago and has nobody listening now.
    const gone = await listen(() => new Response(null));
    await new Promise<void>((resolve) => gone.server.close(() => resolve()));
    await expect(install(everyRole(png(2500, 843)), { url: gone.url })).rejects.toThrow(
      `rich menu step "create" (guest) failed: no answer from ${gone.url}`,
    );
  });
});

describe("the mock's rich menu API", () => {
  const auth = { authorization: `Bearer ${testAccessToken}` };
  const guestMenu = richMenuRequest(richMenuDefinitions.guest, publicBaseUrl);

  async function call(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: BodyInit } = {},
  ) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      body: init.body,
      headers: { ...auth, ...init.headers },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  function create(menu: unknown) {
    return call("POST", "/v2/bot/richmenu", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(menu),
    });
  }

  async function createWithImage() {
    const { body } = await create(guestMenu);
    const id = String(body.richMenuId);
    const upload = await call("POST", `/v2/bot/richmenu/${id}/content`, {
      headers: { "content-type": "image/png" },
      body: new Uint8Array(png(2500, 843)),
    });
    expect(upload.status).toBe(200);
    return id;
  }

  it("refuses a menu LINE would refuse, naming the property", async () => {
    const areaOutside = {
      ...guestMenu,
      areas: [{ bounds: { x: 2000, y: 0, width: 800, height: 843 }, action: { type: "message" } }],
    };
    const outside = await create(areaOutside);
    expect(outside.status).toBe(400);
    expect(outside.body.details).toEqual([
      { message: "The area is outside the rich menu", property: "areas.0.bounds" },
    ]);
    expect((await create({ ...guestMenu, size: { width: 3000, height: 843 } })).status).toBe(400);
    expect((await create({ ...guestMenu, areas: [] })).status).toBe(400);
    expect(
      (await create({ ...guestMenu, chatBarText: "とても ながい メニューの なまえ" })).status,
    ).toBe(400);
    expect(mock.richMenus.size).toBe(0);
  });

  it("answers 404 for an unknown menu and for no default, 400 for a default without an image", async () => {
    expect((await call("GET", "/v2/bot/user/all/richmenu")).status).toBe(404);
    expect((await call("POST", "/v2/bot/user/all/richmenu/richmenu-nope")).status).toBe(404);
    const upload = await call("POST", "/v2/bot/richmenu/richmenu-nope/content", {
      headers: { "content-type": "image/png" },
      body: new Uint8Array(png(2500, 843)),
    });
    expect(upload.status).toBe(404);

    const { body } = await create(guestMenu);
    const id = String(body.richMenuId);
    expect((await call("POST", `/v2/bot/user/all/richmenu/${id}`)).status).toBe(400);
    const mislabelled = await call("POST", `/v2/bot/richmenu/${id}/content`, {
      headers: { "content-type": "image/jpeg" },
      body: new Uint8Array(png(2500, 843)),
    });
    expect(mislabelled.status).toBe(400);
    expect(mock.richMenus.get(id)?.image).toBeUndefined();
  });

  it("links a menu to one user, tells which they have, and unlinks it", async () => {
    const id = await createWithImage();
    const user = newLineUserId();
    expect(await call("GET", `/v2/bot/user/${user}/richmenu`)).toEqual({
      status: 404,
      body: { message: "the user has no richmenu" },
    });
    expect((await call("POST", `/v2/bot/user/${user}/richmenu/${id}`)).status).toBe(200);
    expect(mock.userRichMenus.get(user)).toBe(id);
    expect(mock.richMenuOf(user)?.richMenuId).toBe(id);
    expect(await call("GET", `/v2/bot/user/${user}/richmenu`)).toEqual({
      status: 200,
      body: { richMenuId: id },
    });
    expect((await call("DELETE", `/v2/bot/user/${user}/richmenu`)).status).toBe(200);
    expect(mock.userRichMenus.has(user)).toBe(false);
    // unlinking someone with no menu of their own is no error, as on LINE
    expect((await call("DELETE", `/v2/bot/user/${user}/richmenu`)).status).toBe(200);
    expect(mock.calls.slice(-5).map((c) => [c.endpoint, c.status])).toEqual([
      ["richmenu.getUser", 404],
      ["richmenu.link", 200],
      ["richmenu.getUser", 200],
      ["richmenu.unlink", 200],
      ["richmenu.unlink", 200],
    ]);
  });

  it("refuses to link an unknown menu (404), one without an image or a bad user id (400)", async () => {
    const user = newLineUserId();
    expect(await call("POST", `/v2/bot/user/${user}/richmenu/richmenu-nope`)).toEqual({
      status: 404,
      body: { message: "richmenu not found" },
    });
    const { body } = await create(guestMenu);
    const bare = String(body.richMenuId);
    const noImage = await call("POST", `/v2/bot/user/${user}/richmenu/${bare}`);
    expect(noImage.status).toBe(400);
    const id = await createWithImage();
    expect((await call("POST", `/v2/bot/user/U123/richmenu/${id}`)).status).toBe(400);
    expect((await call("GET", "/v2/bot/user/U123/richmenu")).status).toBe(400);
    expect(mock.userRichMenus.size).toBe(0);
  });

  it("unlinks a deleted menu from everyone who had it, leaving them the default", async () => {
    const fallback = await createWithImage();
    expect((await call("POST", `/v2/bot/user/all/richmenu/${fallback}`)).status).toBe(200);
    const id = await createWithImage();
    const user = newLineUserId();
    await call("POST", `/v2/bot/user/${user}/richmenu/${id}`);
    expect((await call("DELETE", `/v2/bot/richmenu/${id}`)).status).toBe(200);
    expect(mock.userRichMenus.has(user)).toBe(false);
    expect(mock.richMenuOf(user)?.richMenuId).toBe(fallback);
  });

  it("answers an injected fault on the per-user endpoints like the others", async () => {
    const id = await createWithImage();
    const user = newLineUserId();
    mock.failNext(1, 500, "richmenu.link");
    expect((await call("POST", `/v2/bot/user/${user}/richmenu/${id}`)).status).toBe(500);
    expect(mock.userRichMenus.has(user)).toBe(false);
    expect((await call("POST", `/v2/bot/user/${user}/richmenu/${id}`)).status).toBe(200);
  });

  it("checks the access token on every rich menu call", async () => {
    const headers = { authorization: "Bearer wrong" };
    const user = newLineUserId();
    for (const [method, path] of [
      ["POST", "/v2/bot/richmenu"],
      ["POST", "/v2/bot/richmenu/richmenu-x/content"],
      ["POST", "/v2/bot/user/all/richmenu/richmenu-x"],
      ["GET", "/v2/bot/user/all/richmenu"],
      ["DELETE", "/v2/bot/richmenu/richmenu-x"],
      ["POST", `/v2/bot/user/${user}/richmenu/richmenu-x`],
      ["DELETE", `/v2/bot/user/${user}/richmenu`],
      ["GET", `/v2/bot/user/${user}/richmenu`],
    ] as const) {
      const body = method === "POST" ? "{}" : undefined;
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});
