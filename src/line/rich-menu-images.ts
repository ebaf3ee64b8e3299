// The rich menus' images on disk, one per role (Node only: the admin command and the emulator).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { RichMenuError, richMenuRoles } from "./rich-menu";
import type { AccountRole } from "../vocabulary/kinds";

/** assets/, where assets/make-richmenu.ts draws them. */
export const defaultRichMenuImageDir = fileURLToPath(new URL("../../assets", import.meta.url));

/** `<dir>/richmenu-<role>.png` (a `.jpg` of that name is taken when there is no PNG). */
export function richMenuImagePath(dir: string, role: AccountRole, extension = "png"): string {
  return join(dir, `richmenu-${role}.${extension}`);
}

/**
 * Reads every role's image, in the roles' order, so the first missing or unreadable one is the
 * one named (the same every time), before any call to LINE.
 */
export async function readRichMenuImages(dir: string): Promise<Record<AccountRole, Uint8Array>> {
  const entries: (readonly [AccountRole, Uint8Array])[] = [];
  for (const role of richMenuRoles) entries.push([role, await readOne(dir, role)] as const);
  return Object.fromEntries(entries) as Record<AccountRole, Uint8Array>;
}

async function readOne(dir: string, role: AccountRole): Promise<Uint8Array> {
  const png = richMenuImagePath(dir, role);
  try {
    return new Uint8Array(await readFile(png));
  } catch (error) {
    if (codeOf(error) !== "ENOENT") throw unreadable(png, error);
  }
  const jpg = richMenuImagePath(dir, role, "jpg");
  try {
    return new Uint8Array(await readFile(jpg));
  } catch (error) {
    throw unreadable(codeOf(error) === "ENOENT" ? png : jpg, error);
  }
}

function codeOf(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : "unreadable";
}

function unreadable(path: string, error: unknown): RichMenuError {
  return new RichMenuError(`${path} could not be read (${codeOf(error)})`);
}
