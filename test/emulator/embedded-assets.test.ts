// The browser's scripts and styles: real files, embedded by scripts/embed-assets.mjs, served as is.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeds, render } from "../../scripts/embed-assets.mjs";
import { createTestApp, type TestApp } from "../support/app";

const root = join(import.meta.dirname, "../..");
const read = (file: string) => readFile(join(root, file), "utf8");

describe("the generated asset modules", () => {
  it.each(embeds)("hold $module exactly as its files are now", async (embed) => {
    expect(await read(embed.module), "stale: run `npm run assets`").toBe(await render(embed));
  });
});

describe("the served scripts and styles", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ emulator: true });
  });

  afterAll(async () => {
    await t.close();
  });

  it.each([
    ["/emulator/chat.js", "src/emulator/chat.js", "text/javascript; charset=utf-8", null],
    [
      "/emulator/chat-render.js",
      "src/emulator/chat-render.js",
      "text/javascript; charset=utf-8",
      null,
    ],
    [
      "/emulator/chat-state.js",
      "src/emulator/chat-state.js",
      "text/javascript; charset=utf-8",
      null,
    ],
    ["/emulator/chat.css", "src/emulator/chat.css", "text/css; charset=utf-8", null],
    [
      "/dashboard/app.js",
      "src/dashboard/pages/app.js",
      "text/javascript; charset=utf-8",
      "no-cache",
    ],
    ["/dashboard/app.css", "src/dashboard/pages/app.css", "text/css; charset=utf-8", "no-cache"],
  ])("answer %s with the bytes of %s", async (path, file, contentType, cacheControl) => {
    const response = await t.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(contentType);
    expect(response.headers.get("cache-control")).toBe(cacheControl);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await response.text()).toBe(await read(file));
  });
});
