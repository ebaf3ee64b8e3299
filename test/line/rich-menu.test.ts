// The rich menu: its definition, the image check, and installing it through LINE's API (a mock on loopback).
import type { ServerType } from "@hono/node-server";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  inspectRichMenuImage,
  installRichMenu,
  maxRichMenuImageBytes,
  richMenu,
  RichMenuError,
  type RichMenuStep,
} from "../../src/line/rich-menu";
import { MockLine, mockLineApp, type RichMenuEndpoint } from "../../src/emulator/mock-line";
import { commandOf } from "../../src/words/keywords";
import { listen, testAccessToken } from "../support/app";

const assetPath = join(import.meta.dirname, "../..", "assets", "richmenu.png");

let mock: MockLine;
let server: ServerType;
let baseUrl: string;

beforeEach(async () => {
  mock = new MockLine(testAccessToken);
  ({ server, url: baseUrl } = await listen(mockLineApp(mock).fetch));
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
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

function install(image: Uint8Array, accessToken = testAccessToken, url = baseUrl) {
  return installRichMenu({
    channelAccessToken: accessToken,
    baseUrl: url,
    dataBaseUrl: url,
    image,
  });
}

describe("the rich menu definition", () => {
  it("is one compact row of three equal tiles that send チェックイン, 相談する and ヘルプ", () => {
    expect(richMenu).toMatchObject({
      size: { width: 2500, height: 843 },
      selected: true,
      chatBarText: "メニュー",
    });
    const bounds = richMenu.areas.map((area) => area.bounds);
    expect(bounds.map((b) => b?.x)).toEqual([0, 833, 1667]);
    expect(bounds.map((b) => b?.width)).toEqual([833, 834, 833]);
    expect(bounds.every((b) => b?.y === 0 && b.height === 843)).toBe(true);
    expect(richMenu.areas.map((area) => area.action)).toEqual([
      { type: "message", label: "チェックイン", text: "チェックイン" },
      { type: "message", label: "相談する", text: "相談する" },
      { type: "message", label: "ヘルプ", text: "ヘルプ" },
    ]);
  });

  it("sends only words the bot already understands", () => {
    const texts = richMenu.areas.map((area) =>
      area.action?.type === "message" ? (area.action.text ?? "") : "",
    );
    expect(texts.map(commandOf)).toEqual(["checkin", "talk", "help"]);
  });

  it("ships an image LINE takes: a 2500×843 PNG under 1 MB", () => {
    const image = readFileSync(assetPath);
    expect(inspectRichMenuImage(image)).toEqual({ type: "image/png", width: 2500, height: 843 });
    expect(image.byteLength).toBeLessThanOrEqual(maxRichMenuImageBytes);
  });
});

describe("installRichMenu", () => {
  it("creates the menu, uploads the image and makes it the default, with the access token", async () => {
    const image = readFileSync(assetPath);
    const { richMenuId } = await install(image);

    expect(richMenuId).toMatch(/^richmenu-[0-9a-f]{32}$/);
    expect(mock.calls.map((call) => call.endpoint)).toEqual([
      "richmenu.create",
      "richmenu.content",
      "richmenu.setDefault",
    ]);
    for (const call of mock.calls) {
      expect(call.status).toBe(200);
      expect(call.headers.authorization).toBe(`Bearer ${testAccessToken}`);
    }
    expect(mock.calls[1]?.headers["content-type"]).toBe("image/png");
    const stored = mock.richMenus.get(richMenuId);
    expect(stored?.menu.areas.map((area) => [area.bounds.x, area.action])).toEqual([
      [0, { type: "message", label: "チェックイン", text: "チェックイン" }],
      [833, { type: "message", label: "相談する", text: "相談する" }],
      [1667, { type: "message", label: "ヘルプ", text: "ヘルプ" }],
    ]);
    expect(stored?.menu.chatBarText).toBe("メニュー");
    expect(Buffer.from(stored?.image?.bytes ?? []).equals(image)).toBe(true);
    expect(mock.defaultRichMenuId).toBe(richMenuId);

    const current = await fetch(`${baseUrl}/v2/bot/user/all/richmenu`, {
      headers: { authorization: `Bearer ${testAccessToken}` },
    });
    expect(await current.json()).toEqual({ richMenuId });
  });

  it("uploads a JPEG with its own content type", async () => {
    const { richMenuId } = await install(jpeg(2500, 843));
    expect(mock.richMenus.get(richMenuId)?.image?.contentType).toBe("image/jpeg");
    expect(mock.calls[1]?.headers["content-type"]).toBe("image/jpeg");
  });

  it.each([
    ["a file that is not an image", new TextEncoder().encode("<svg></svg>"), /neither a PNG/],
    ["an image over 1 MB", png(2500, 843, maxRichMenuImageBytes + 1), /1000001 bytes/],
    ["an image of the wrong size", png(1200, 405), /1200×405 px; the rich menu needs 2500×843/],
    ["a JPEG of the wrong size", jpeg(2500, 1686), /2500×1686 px/],
    ["a PNG cut short", png(2500, 843).subarray(0, 20), /could not be read/],
    ["an empty file", new Uint8Array(), /neither a PNG/],
  ])("refuses %s before calling LINE", async (_name, image, message) => {
    const refused = install(image);
    await expect(refused).rejects.toThrow(message);
    await expect(refused).rejects.toMatchObject({ name: "RichMenuError", step: undefined });
    expect(mock.calls).toEqual([]);
  });

  it.each<[RichMenuStep, RichMenuEndpoint]>([
    ["create", "richmenu.create"],
    ["upload image", "richmenu.content"],
    ["set default", "richmenu.setDefault"],
  ])(
    'names the step "%s" and LINE\'s status when it fails, and leaves no menu behind',
    async (step, endpoint) => {
      mock.failNext(1, 503, endpoint);
      const error = await install(png(2500, 843)).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(RichMenuError);
      expect(error).toMatchObject({ step, status: 503 });
      expect(String(error)).toContain(
        `rich menu step "${step}" failed: LINE answered HTTP 503 (Injected fault)`,
      );
      expect(String(error)).not.toContain(testAccessToken);
      expect(mock.richMenus.size).toBe(0);
      expect(mock.defaultRichMenuId).toBeUndefined();
      if (step !== "create") expect(mock.calls.at(-1)?.endpoint).toBe("richmenu.delete");
    },
  );

  it("reports a refused token as HTTP 401 without repeating the token", async () => {
    const wrong = "not-the-channel-token";
    const error = await install(png(2500, 843), wrong).catch((caught: unknown) => caught);
    expect(String(error)).toBe(
      'RichMenuError: rich menu step "create" failed: LINE answered HTTP 401 (Authentication failed)',
    );
    expect(String(error)).not.toContain(wrong);
  });

  it("says which host did not answer when LINE cannot be reached", async () => {
    // A port that was free a moment ago and has nobody listening now.
    const gone = await listen(() => new Response(null));
    await new Promise<void>((resolve) => gone.server.close(() => resolve()));
    await expect(install(png(2500, 843), testAccessToken, gone.url)).rejects.toThrow(
      `rich menu step "create" failed: no answer from ${gone.url}`,
    );
  });
});

describe("the mock's rich menu API", () => {
  const auth = { authorization: `Bearer ${testAccessToken}` };

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

  it("refuses a menu LINE would refuse, naming the property", async () => {
    const areaOutside = {
      ...richMenu,
      areas: [{ bounds: { x: 2000, y: 0, width: 800, height: 843 }, action: { type: "message" } }],
    };
    const outside = await create(areaOutside);
    expect(outside.status).toBe(400);
    expect(outside.body.details).toEqual([
      { message: "The area is outside the rich menu", property: "areas.0.bounds" },
    ]);
    expect((await create({ ...richMenu, size: { width: 3000, height: 843 } })).status).toBe(400);
    expect((await create({ ...richMenu, areas: [] })).status).toBe(400);
    expect(
      (await create({ ...richMenu, chatBarText: "とても ながい メニューの なまえ" })).status,
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

    const { body } = await create(richMenu);
    const id = String(body.richMenuId);
    expect((await call("POST", `/v2/bot/user/all/richmenu/${id}`)).status).toBe(400);
    const mislabelled = await call("POST", `/v2/bot/richmenu/${id}/content`, {
      headers: { "content-type": "image/jpeg" },
      body: new Uint8Array(png(2500, 843)),
    });
    expect(mislabelled.status).toBe(400);
    expect(mock.richMenus.get(id)?.image).toBeUndefined();
  });

  it("checks the access token on every rich menu call", async () => {
    const headers = { authorization: "Bearer wrong" };
    for (const [method, path] of [
      ["POST", "/v2/bot/richmenu"],
      ["POST", "/v2/bot/richmenu/richmenu-x/content"],
      ["POST", "/v2/bot/user/all/richmenu/richmenu-x"],
      ["GET", "/v2/bot/user/all/richmenu"],
      ["DELETE", "/v2/bot/richmenu/richmenu-x"],
    ] as const) {
      const body = method === "POST" ? "{}" : undefined;
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});
