// Draws assets/richmenu-<role>.png from the rich menu definitions: `node --import tsx assets/make-richmenu.ts`.
import { readFileSync } from "node:fs";
import { launchBrowser } from "../test/support/browser";
import {
  inspectRichMenuImage,
  richMenuDefinitions,
  richMenuRoles,
  richMenuSize,
  richMenuTile,
  type RichMenuDefinition,
  type RichMenuIconName,
} from "../src/line/rich-menu";
import { richMenuImagePath } from "../src/line/rich-menu-images";
import { RichMenuIcon } from "../src/emulator/page";

const assets = import.meta.dirname;

/** Soft backgrounds, dark text on them (contrast well above 7:1), one strong colour per icon. */
const looks: Record<RichMenuIconName, { background: string; accent: string; ink: string }> = {
  check: { background: "#e3f6e8", accent: "#15803d", ink: "#0f3d22" },
  code: { background: "#e3f6e8", accent: "#15803d", ink: "#0f3d22" },
  talk: { background: "#e2edfb", accent: "#2563eb", ink: "#142a66" },
  dashboard: { background: "#e2edfb", accent: "#2563eb", ink: "#142a66" },
  help: { background: "#fff0d4", accent: "#c2570c", ink: "#5c2308" },
};

const labelPx = 140;
/** The tile's width less its padding, border and a margin: what a label may fill. */
const labelRoom = (tileWidth: number) => tileWidth - 2 * 36 - 2 * 6 - 80;

async function page(menu: RichMenuDefinition): Promise<string> {
  const count = menu.items.length;
  const tiles = await Promise.all(
    menu.items.map(async (item, index) => {
      const bounds = richMenuTile(index, count);
      const look = looks[item.icon];
      // a long label (「ばんごうを おくる」) gets smaller letters rather than leaving its tile
      const size = Math.min(labelPx, Math.floor(labelRoom(bounds.width) / item.label.length));
      // The emulator's own icon component, rendered to markup: one drawing for both.
      const icon = (await RichMenuIcon({ icon: item.icon })).toString();
      return `<div class="tile" style="left:${bounds.x}px;width:${bounds.width}px;
        --bg:${look.background};--ink:${look.ink};--accent:${look.accent};--size:${size}px">
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
    .label { font-size: var(--size); font-weight: 700; line-height: 1; color: var(--ink);
      letter-spacing: 0.02em; white-space: nowrap; }
  </style></head><body>${tiles.join("")}</body></html>`;
}

const browser = await launchBrowser();
try {
  const tab = await browser.newPage({
    viewport: { width: richMenuSize.width, height: richMenuSize.height },
    deviceScaleFactor: 1,
  });
  for (const role of richMenuRoles) {
    const output = richMenuImagePath(assets, role);
    await tab.setContent(await page(richMenuDefinitions[role]));
    await tab.evaluate(() => document.fonts.ready);
    await tab.screenshot({ path: output, type: "png" });
    // The same check `npm run admin -- richmenu` makes before it calls LINE.
    const bytes = readFileSync(output);
    const image = inspectRichMenuImage(bytes);
    console.log(
      `${output}: ${image.width}×${image.height} ${image.type}, ${bytes.byteLength} bytes`,
    );
  }
} finally {
  await browser.close();
}
