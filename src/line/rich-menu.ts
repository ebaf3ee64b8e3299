// The rich menu under the chat (チェックイン / 相談する / ヘルプ) and the three API calls that install it.
import { HTTPFetchError, messagingApi } from "@line/bot-sdk";

export interface RichMenuItem {
  label: string;
  /** What a tap sends as the person's own text message: words the bot already understands. */
  text: string;
  /** Which picture the tile shows (drawn by `RichMenuIcon`, in the image and the emulator). */
  icon: "check" | "talk" | "help";
}

export const richMenuItems = [
  { label: "チェックイン", text: "チェックイン", icon: "check" },
  { label: "相談する", text: "相談する", icon: "talk" },
  { label: "ヘルプ", text: "ヘルプ", icon: "help" },
] as const satisfies readonly RichMenuItem[];

/** LINE's "compact" size: one row of big tiles keeps most of the chat visible. */
export const richMenuSize = { width: 2500, height: 843 } as const;

/** Three equal columns; the odd pixel goes to the middle one so the widths add up to 2500. */
export function richMenuTile(index: number): messagingApi.RichMenuBounds {
  const count = richMenuItems.length;
  const x = Math.round((index * richMenuSize.width) / count);
  const right = Math.round(((index + 1) * richMenuSize.width) / count);
  return { x, y: 0, width: right - x, height: richMenuSize.height };
}

export const richMenu = {
  size: richMenuSize,
  // Open by default: the menu is the easiest way in for someone who does not like typing.
  selected: true,
  name: "つなぎ 基本メニュー v1",
  chatBarText: "メニュー",
  areas: richMenuItems.map((item, index): messagingApi.RichMenuArea => ({
    bounds: richMenuTile(index),
    action: { type: "message", label: item.label, text: item.text },
  })),
} satisfies messagingApi.RichMenuRequest;

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

export interface InstallRichMenuOptions {
  channelAccessToken: string;
  /** The Messaging API (https://api.line.me, or a mock). */
  baseUrl: string;
  /** LINE serves uploads from a second host (https://api-data.line.me, or the same mock). */
  dataBaseUrl: string;
  image: Uint8Array;
}

/** Creates the menu, uploads its image and makes it every friend's default. */
export async function installRichMenu(
  options: InstallRichMenuOptions,
): Promise<{ richMenuId: string }> {
  const image = inspectRichMenuImage(options.image);
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.baseUrl,
  });
  const blobClient = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.dataBaseUrl,
  });

  const created = await step("create", options.baseUrl, () => client.createRichMenu(richMenu));
  const richMenuId: unknown = created.richMenuId;
  if (typeof richMenuId !== "string" || richMenuId === "") {
    throw new RichMenuError('rich menu step "create" failed: LINE answered without a richMenuId');
  }
  try {
    // The SDK sends the Blob's type as the Content-Type, which LINE requires to match the file.
    const blob = new Blob([new Uint8Array(options.image)], { type: image.type });
    await step("upload image", options.dataBaseUrl, () =>
      blobClient.setRichMenuImage(richMenuId, blob),
    );
    await step("set default", options.baseUrl, () => client.setDefaultRichMenu(richMenuId));
  } catch (error) {
    // A half-installed menu still counts toward LINE's 1,000 per channel; don't leave one behind.
    await client.deleteRichMenu(richMenuId).catch(() => undefined);
    throw error;
  }
  return { richMenuId };
}

async function step<T>(name: RichMenuStep, baseUrl: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const prefix = `rich menu step "${name}" failed`;
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
