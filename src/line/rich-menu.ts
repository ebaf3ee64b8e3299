// The rich menus under the chat, one per role (guest, registrant, employer contact, staff), and the
// API calls that install them.
import { HTTPFetchError, messagingApi } from "@line/bot-sdk";
import { accountRoles, type AccountRole } from "../vocabulary/kinds";

export const richMenuIconNames = ["check", "talk", "help", "code", "dashboard"] as const;
export type RichMenuIconName = (typeof richMenuIconNames)[number];

export interface RichMenuItem {
  /** On the tile and in the action (LINE allows 20 characters). */
  label: string;
  /**
   * What a tap does: send `text` as the person's own message (words their flow already
   * understands), or open `path` under PUBLIC_BASE_URL in the browser.
   */
  action: { type: "message"; text: string } | { type: "uri"; path: string };
  /** Which picture the tile shows (drawn by `RichMenuIcon`, in the image and the emulator). */
  icon: RichMenuIconName;
}

export interface RichMenuDefinition {
  role: AccountRole;
  /** LINE's name for the menu (not shown to people); the version changes with the tiles. */
  name: string;
  items: readonly RichMenuItem[];
}

const say = (text: string) => ({ type: "message", text }) as const;
const help = { label: "ヘルプ", action: say("ヘルプ"), icon: "help" } as const;

/** One menu per role, each a single row of big tiles (2 or 3). */
export const richMenuDefinitions = {
  // not linked yet: the only useful thing is the number from the center
  guest: {
    role: "guest",
    name: "つなぎ はじめて v1",
    items: [{ label: "ばんごうを おくる", action: say("ばんごうを おくる"), icon: "code" }, help],
  },
  registrant: {
    role: "registrant",
    name: "つなぎ 登録者 v1",
    items: [
      { label: "チェックイン", action: say("チェックイン"), icon: "check" },
      { label: "そうだんする", action: say("そうだんする"), icon: "talk" },
      help,
    ],
  },
  // 「相談する」 starts a report, as words/employer.ts tells them
  employer_contact: {
    role: "employer_contact",
    name: "つなぎ 企業担当者 v1",
    items: [{ label: "相談する", action: say("相談する"), icon: "talk" }, help],
  },
  // staff receive alerts here and work in the dashboard: one tap opens it
  staff: {
    role: "staff",
    name: "つなぎ 職員 v1",
    items: [
      { label: "ダッシュボード", action: { type: "uri", path: "/dashboard" }, icon: "dashboard" },
      help,
    ],
  },
} as const satisfies { [R in AccountRole]: RichMenuDefinition & { role: R } };

/** The roles in a fixed order (the install's, the images'). */
export const richMenuRoles = accountRoles;

/** LINE's "compact" size: one row of big tiles keeps most of the chat visible. */
export const richMenuSize = { width: 2500, height: 843 } as const;

export const richMenuChatBarText = "メニュー";

export interface RichMenuBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A menu as LINE takes it (a `messagingApi.RichMenuRequest` with nothing left optional). */
export interface RichMenuBody {
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: { bounds: RichMenuBounds; action: messagingApi.Action & { label: string } }[];
}

/** `count` equal columns; rounding spreads the odd pixels so the widths add up to 2500. */
export function richMenuTile(index: number, count: number): RichMenuBounds {
  const x = Math.round((index * richMenuSize.width) / count);
  const right = Math.round(((index + 1) * richMenuSize.width) / count);
  return { x, y: 0, width: right - x, height: richMenuSize.height };
}

/** The menu as LINE takes it; `baseUrl` (PUBLIC_BASE_URL) completes the URI tiles. */
export function richMenuRequest(definition: RichMenuDefinition, baseUrl: string): RichMenuBody {
  const count = definition.items.length;
  return {
    size: richMenuSize,
    // Open by default: the menu is the easiest way in for someone who does not like typing.
    selected: true,
    name: definition.name,
    chatBarText: richMenuChatBarText,
    areas: definition.items.map((item, index) => ({
      bounds: richMenuTile(index, count),
      action:
        item.action.type === "message"
          ? { type: "message", label: item.label, text: item.action.text }
          : { type: "uri", label: item.label, uri: `${baseUrl}${item.action.path}` },
    })),
  };
}

/** Which role a menu installed on LINE is for, by its name; undefined for a menu not ours. */
export function richMenuRoleNamed(name: string): AccountRole | undefined {
  return richMenuRoles.find((role) => richMenuDefinitions[role].name === name);
}

/** LINE's limit is "1 MB"; the decimal reading is the safe one. */
export const maxRichMenuImageBytes = 1_000_000;

export type RichMenuImageType = "image/png" | "image/jpeg";

export type RichMenuStep = "create" | "upload image" | "set default";

export class RichMenuError extends Error {
  override name = "RichMenuError";
  constructor(
    message: string,
    /** Undefined when the image was refused before any call to LINE. */
    readonly step?: RichMenuStep,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface RichMenuImage {
  type: RichMenuImageType;
  width: number;
  height: number;
}

/**
 * Reads the format and pixel size from the file's own header, so that a wrong file is refused
 * here rather than after a menu has already been created on LINE.
 */
export function inspectRichMenuImage(image: Uint8Array): RichMenuImage {
  const type = imageType(image);
  if (type === undefined) throw new RichMenuError("the image is neither a PNG nor a JPEG file");
  if (image.byteLength > maxRichMenuImageBytes) {
    throw new RichMenuError(
      `the image is ${image.byteLength} bytes; LINE takes at most ${maxRichMenuImageBytes} (1 MB)`,
    );
  }
  const size = type === "image/png" ? pngSize(image) : jpegSize(image);
  if (size === undefined) throw new RichMenuError("the image's size could not be read");
  if (size.width !== richMenuSize.width || size.height !== richMenuSize.height) {
    // The tap areas are in the image's pixels, so any other size would put them off the tiles.
    throw new RichMenuError(
      `the image is ${size.width}×${size.height} px; the rich menu needs ` +
        `${richMenuSize.width}×${richMenuSize.height}`,
    );
  }
  return { type, ...size };
}

export type RichMenuIds = Record<AccountRole, string>;

export interface InstallRichMenusOptions {
  channelAccessToken: string;
  /** The Messaging API (https://api.line.me, or a mock). */
  baseUrl: string;
  /** LINE serves uploads from a second host (https://api-data.line.me, or the same mock). */
  dataBaseUrl: string;
  /** PUBLIC_BASE_URL: the staff menu's tile opens the dashboard there. */
  publicBaseUrl: string;
  /** One image per role, drawn for that role's tiles. */
  images: Record<AccountRole, Uint8Array>;
  /**
   * Keeps the new menus' ids (the database) and returns the ones they replace, which are then
   * deleted on LINE (with the default the guest's replaced). Runs once every menu is on LINE and the guest's is the default; if it
   * throws, the new menus are deleted and the earlier default put back.
   */
  record: (ids: RichMenuIds) => Promise<string[]>;
}

export interface InstalledRichMenus {
  richMenuIds: RichMenuIds;
  /** Earlier menus LINE deleted; any LINE refused to delete are left (and not retried). */
  deleted: string[];
}

/**
 * Creates one menu per role with its image, makes the guest's every friend's default (people
 * not linked yet see it; the outbox links the others per person), records the ids and deletes
 * the menus they replace. A failure on the way deletes what this run made.
 */
export async function installRichMenus(
  options: InstallRichMenusOptions,
): Promise<InstalledRichMenus> {
  // every image is checked before the first call, so a wrong file makes nothing on LINE
  const types = new Map(
    richMenuRoles.map((role) => {
      try {
        return [role, inspectRichMenuImage(options.images[role]).type] as const;
      } catch (error) {
        if (error instanceof RichMenuError) {
          throw new RichMenuError(`${role}: ${error.message}`);
        }
        throw error;
      }
    }),
  );
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.baseUrl,
  });
  const blobClient = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.dataBaseUrl,
  });

  const created: string[] = [];
  let previousDefault: string | undefined;
  let defaultChanged = false;
  try {
    const ids: Partial<RichMenuIds> = {};
    for (const role of richMenuRoles) {
      const request = richMenuRequest(richMenuDefinitions[role], options.publicBaseUrl);
      const answer = await step("create", role, options.baseUrl, () =>
        client.createRichMenu(request),
      );
      const richMenuId: unknown = answer.richMenuId;
      if (typeof richMenuId !== "string" || richMenuId === "") {
        throw new RichMenuError(
          `rich menu step "create" (${role}) failed: LINE answered without a richMenuId`,
          "create",
        );
      }
      created.push(richMenuId);
      ids[role] = richMenuId;
      // The SDK sends the Blob's type as the Content-Type, which LINE requires to match the file.
      const blob = new Blob([new Uint8Array(options.images[role])], { type: types.get(role) });
      await step("upload image", role, options.dataBaseUrl, () =>
        blobClient.setRichMenuImage(richMenuId, blob),
      );
    }
    const richMenuIds = ids as RichMenuIds;
    // what to put back if recording fails (LINE answers 404 when there is no default)
    previousDefault = await client
      .getDefaultRichMenuId()
      .then((answer) => answer.richMenuId)
      .catch(() => undefined);
    await step("set default", "guest", options.baseUrl, () =>
      client.setDefaultRichMenu(richMenuIds.guest),
    );
    defaultChanged = true;
    const replaced = await options.record(richMenuIds);
    // the default this replaced goes too, recorded or not (the one menu of earlier versions)
    const earlier = previousDefault === undefined ? replaced : [...replaced, previousDefault];
    const deleted: string[] = [];
    for (const old of new Set(earlier)) {
      if (created.includes(old)) continue;
      // best effort: a menu already gone (deleted by hand, another channel's) is no failure
      const gone = await client.deleteRichMenu(old).then(
        () => true,
        () => false,
      );
      if (gone) deleted.push(old);
    }
    return { richMenuIds, deleted };
  } catch (error) {
    // Half-installed menus still count toward LINE's 1,000 per channel; don't leave them behind.
    if (defaultChanged && previousDefault !== undefined) {
      const earlier = previousDefault;
      await client.setDefaultRichMenu(earlier).catch(() => undefined);
    }
    for (const id of created) await client.deleteRichMenu(id).catch(() => undefined);
    throw error;
  }
}

async function step<T>(
  name: RichMenuStep,
  role: AccountRole,
  baseUrl: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const prefix = `rich menu step "${name}" (${role}) failed`;
    if (error instanceof HTTPFetchError) {
      throw new RichMenuError(
        `${prefix}: LINE answered HTTP ${error.status}${lineMessage(error.body)}`,
        name,
        error.status,
      );
    }
    // Only the origin: a base URL could in principle carry credentials in its user-info part.
    throw new RichMenuError(`${prefix}: no answer from ${originOf(baseUrl)}`, name);
  }
}

/** LINE's own explanation (`{"message": "..."}`), which names the bad property or the limit. */
function lineMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null && "message" in parsed) {
      const message = parsed.message;
      if (typeof message === "string" && message !== "") return ` (${message.slice(0, 200)})`;
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone has to do.
  }
  return "";
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "the API";
  }
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function imageType(bytes: Uint8Array): RichMenuImageType | undefined {
  if (pngSignature.every((byte, index) => bytes[index] === byte)) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return undefined;
}

type PixelSize = { width: number; height: number };

/** The IHDR chunk always comes first, right after the signature. */
function pngSize(bytes: Uint8Array): PixelSize | undefined {
  if (bytes.byteLength < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk !== "IHDR") return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Walks the marker segments up to the first start-of-frame, which holds the size. */
function jpegSize(bytes: Uint8Array): PixelSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.byteLength) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = view.getUint8(offset + 1);
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      if (offset + 9 > bytes.byteLength) return undefined;
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // scan data before any frame
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
}
