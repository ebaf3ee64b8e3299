// Draws assets/richmenu.png from the rich menu definition: `node --import tsx assets/make-richmenu.ts`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser } from "../test/support/browser";
import {
  inspectRichMenuImage,
  richMenuItems,
  richMenuSize,
  richMenuTile,
} from "../src/line/rich-menu";
import { RichMenuIcon } from "../src/emulator/page";

const output = join(import.meta.dirname, "richmenu.png");

/** Soft backgrounds, dark text on them (contrast well above 7:1), one strong colour per icon. */
const looks = [
  { background: "#e3f6e8", accent: "#15803d", ink: "#0f3d22" },
  { background: "#e2edfb", accent: "#2563eb", ink: "#142a66" },
  { background: "#fff0d4", accent: "#c2570c", ink: "#5c2308" },
];

async function page(): Promise<string> {
  const tiles = await Promise.all(
    richMenuItems.map(async (item, index) => {
      const bounds = richMenuTile(index);
      const look = looks[index];
      if (!look) throw new Error(`no colours for tile ${String(index)}: add them to looks`);
      // The emulator's own icon component, rendered to markup: one drawing for both.
      const icon = (await RichMenuIcon({ icon: item.icon })).toString();
      return `<div class="tile" style="left:${bounds.x ?? 0}px;width:${bounds.width ?? 0}px;
        --bg:${look.background};--ink:${look.ink};--accent:${look.accent}">
        <div class="card"><div class="icon">${icon}</div>
        <div class="label">${item.label}</div></div></div>`;
    }),
  );
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><style>
    html, body { margin: 0; width: ${richMenuSize.width}px; height: ${richMenuSize.height}px; }
    body { position: relative; overflow: hidden; background: #fbf7f0;
      font-family: "IPAPGothic", "IPAGothic", sans-serif; }
    .tile { position: absolute; top: 0; height: 100%; box-sizing: border-box; padding: 28px 18px; }
    .tile:first-child { padding-left: 36px; }
    .tile:last-child { padding-right: 36px; }
    .card { height: 100%; border-radius: 56px; background: var(--bg);
      border: 6px solid color-mix(in srgb, var(--accent) 35%, transparent);
      display: flex; flex-direction: column; align-items: center; justify-content: center;
      gap: 48px; box-sizing: border-box; }
    .icon { width: 300px; height: 300px; color: var(--accent); }
    .icon svg { width: 100%; height: 100%; display: block; }
    .label { font-size: 140px; font-weight: 700; line-height: 1; color: var(--ink);
      letter-spacing: 0.02em; white-space: nowrap; }
  </style></head><body>${tiles.join("")}</body></html>`;
}

const browser = await launchBrowser();
try {
  const tab = await browser.newPage({
    viewport: { width: richMenuSize.width, height: richMenuSize.height },
    deviceScaleFactor: 1,
  });
  await tab.setContent(await page());
  await tab.evaluate(() => document.fonts.ready);
  await tab.screenshot({ path: output, type: "png" });
} finally {
  await browser.close();
}

// The same check `npm run admin -- richmenu` makes before it calls LINE.
const image = inspectRichMenuImage(readFileSync(output));
const bytes = readFileSync(output).byteLength;
console.log(`${output}: ${image.width}×${image.height} ${image.type}, ${bytes} bytes`);
