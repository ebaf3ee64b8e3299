// A stand-in for LINE's Messaging API: issues reply tokens, captures what the bot sends, answers like LINE.
import { Hono, type Context } from "hono";
import * as z from "zod";
import { jsonBodyOf } from "../http/json-body";
import { imageType } from "../line/rich-menu";
import { isLineUserId } from "../line/user-id";

export type Endpoint = "reply" | "push" | "multicast";

export type RichMenuEndpoint =
  | "richmenu.create"
  | "richmenu.content"
  | "richmenu.setDefault"
  | "richmenu.getDefault"
  | "richmenu.delete"
  | "richmenu.link"
  | "richmenu.unlink"
  | "richmenu.getUser";

export interface MockRichMenu {
  richMenuId: string;
  /** The request body as LINE received it. */
  menu: z.infer<typeof richMenuBodySchema>;
  image: { contentType: string; bytes: Uint8Array } | undefined;
}

interface MockAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface CapturedRequest {
  seq: number;
  at: number;
  endpoint: Endpoint;
  recipients: string[];
  messages: unknown[];
  retryKey: string | null;
}

interface ReplyTokenInfo {
  userId: string;
  expiresAt: number;
  used: boolean;
}

const retryKeyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** In-memory on purpose: the emulator and tests want a fresh LINE each run. */
export class MockLine {
  readonly requests: CapturedRequest[] = [];
  /** Every call that reached the mock, accepted or not (tests assert on headers and refusals). */
  readonly calls: {
    endpoint: Endpoint | RichMenuEndpoint;
    status: number;
    headers: Record<string, string>;
  }[] = [];
  /** Rich menus created on this channel, by id (deleted ones are gone, as on LINE). */
  readonly richMenus = new Map<string, MockRichMenu>();
  defaultRichMenuId: string | undefined;
  /** The menu linked to each user, by user id (the others see the default). */
  readonly userRichMenus = new Map<string, string>();
  private readonly replyTokens = new Map<string, ReplyTokenInfo>();
  private readonly acceptedRetryKeys = new Set<string>();
  private faults: {
    status: number;
    endpoint: Endpoint | RichMenuEndpoint | undefined;
    message: string;
  }[] = [];
  private seq = 0;
  /** Called for every message LINE accepted (the emulator's chat listens here). */
  onAccepted: ((request: CapturedRequest) => void) | undefined;

  constructor(
    readonly accessToken: string,
    private readonly clock: () => number = Date.now,
    readonly replyTokenLifetimeMs = 60_000,
  ) {}

  issueReplyToken(userId: string): string {
    const token = crypto.randomUUID().replaceAll("-", "");
    this.replyTokens.set(token, {
      userId,
      expiresAt: this.clock() + this.replyTokenLifetimeMs,
      used: false,
    });
    return token;
  }

  /**
   * The next `count` calls answer `status` (a fault injected by a test); with `endpoint`, only
   * calls to that endpoint, so a test can let earlier steps through.
   */
  failNext(
    count: number,
    status = 500,
    endpoint?: Endpoint | RichMenuEndpoint,
    message = status === 429
      ? "The API rate limit has been exceeded. Try again later."
      : "Injected fault",
  ): void {
    for (let i = 0; i < count; i++) this.faults.push({ status, endpoint, message });
  }

  sentTo(userId: string): CapturedRequest[] {
    return this.requests.filter((request) => request.recipients.includes(userId));
  }

  messagesTo(userId: string): unknown[] {
    return this.sentTo(userId).flatMap((request) => request.messages);
  }

  /** Handles one API call; returns the status and JSON body LINE would. */
  handle(
    endpoint: Endpoint,
    headers: Record<string, string>,
    body: unknown,
  ): { status: number; body: Record<string, unknown> } {
    const status = this.answer(endpoint, headers, body);
    this.calls.push({ endpoint, status: status.status, headers });
    return status;
  }

  /** The menu a user sees, as the LINE app would show it: their own, else the default. */
  richMenuOf(userId: string): MockRichMenu | undefined {
    const id = this.userRichMenus.get(userId) ?? this.defaultRichMenuId;
    return id === undefined ? undefined : this.richMenus.get(id);
  }

  /** Handles one rich-menu call: the same token check and injected faults as messages. */
  handleRichMenu(
    endpoint: RichMenuEndpoint,
    headers: Record<string, string>,
    input: RichMenuInput,
  ): MockAnswer {
    const result = this.refuse(endpoint, headers) ?? this.answerRichMenu(endpoint, input);
    this.calls.push({ endpoint, status: result.status, headers });
    return result;
  }

  /** A refusal every endpoint shares: a wrong token, then a fault a test injected. */
  private refuse(
    endpoint: Endpoint | RichMenuEndpoint,
    headers: Record<string, string>,
  ): MockAnswer | undefined {
    if (headers.authorization !== `Bearer ${this.accessToken}`) {
      return { status: 401, body: { message: "Authentication failed" } };
    }
    const index = this.faults.findIndex(
      (fault) => fault.endpoint === undefined || fault.endpoint === endpoint,
    );
    const fault = this.faults[index];
    if (fault === undefined) return undefined;
    this.faults.splice(index, 1);
    return { status: fault.status, body: { message: fault.message } };
  }

  private answerRichMenu(endpoint: RichMenuEndpoint, input: RichMenuInput): MockAnswer {
    if (endpoint === "richmenu.create") {
      const parsed = richMenuBodySchema.safeParse(input.body);
      if (!parsed.success) {
        return {
          status: 400,
          body: {
            message: `The request body has ${parsed.error.issues.length} error(s)`,
            details: parsed.error.issues.map((issue) => ({
              message: issue.message,
              property: issue.path.join("."),
            })),
          },
        };
      }
      const richMenuId = `richmenu-${randomHex(16)}`;
      this.richMenus.set(richMenuId, { richMenuId, menu: parsed.data, image: undefined });
      return { status: 200, body: { richMenuId } };
    }
    if (
      endpoint === "richmenu.link" ||
      endpoint === "richmenu.unlink" ||
      endpoint === "richmenu.getUser"
    ) {
      return this.answerUserRichMenu(endpoint, input);
    }
    if (endpoint === "richmenu.getDefault") {
      return this.defaultRichMenuId === undefined
        ? { status: 404, body: { message: "no default richmenu" } }
        : { status: 200, body: { richMenuId: this.defaultRichMenuId } };
    }
    const menu = this.richMenus.get(input.richMenuId ?? "");
    if (!menu) return { status: 404, body: { message: "Not found" } };
    if (endpoint === "richmenu.content") {
      const bytes = input.bytes ?? new Uint8Array();
      const type = imageType(bytes);
      if (type === undefined || input.contentType?.split(";")[0]?.trim() !== type) {
        return { status: 400, body: { message: "The image's content type is invalid" } };
      }
      if (bytes.byteLength > maxImageBytes) {
        return { status: 413, body: { message: "The image is too large" } };
      }
      // LINE keeps the first image: a rich menu's image cannot be replaced.
      if (menu.image) {
        return { status: 400, body: { message: "An image has already been uploaded" } };
      }
      menu.image = { contentType: type, bytes };
      return { status: 200, body: {} };
    }
    if (endpoint === "richmenu.setDefault") {
      if (!menu.image) {
        return { status: 400, body: { message: "must upload richmenu image before applying it" } };
      }
      this.defaultRichMenuId = menu.richMenuId;
      return { status: 200, body: {} };
    }
    this.richMenus.delete(menu.richMenuId);
    if (this.defaultRichMenuId === menu.richMenuId) this.defaultRichMenuId = undefined;
    // as on LINE, a deleted menu is unlinked from everyone who had it
    for (const [userId, id] of this.userRichMenus) {
      if (id === menu.richMenuId) this.userRichMenus.delete(userId);
    }
    return { status: 200, body: {} };
  }

  private answerUserRichMenu(
    endpoint: "richmenu.link" | "richmenu.unlink" | "richmenu.getUser",
    input: RichMenuInput,
  ): MockAnswer {
    const userId = input.userId ?? "";
    if (!isLineUserId(userId)) {
      return { status: 400, body: { message: "The value for the 'userId' parameter is invalid" } };
    }
    if (endpoint === "richmenu.getUser") {
      const linked = this.userRichMenus.get(userId);
      return linked === undefined
        ? { status: 404, body: { message: "the user has no richmenu" } }
        : { status: 200, body: { richMenuId: linked } };
    }
    if (endpoint === "richmenu.unlink") {
      this.userRichMenus.delete(userId);
      return { status: 200, body: {} };
    }
    const menu = this.richMenus.get(input.richMenuId ?? "");
    if (!menu) return { status: 404, body: { message: "richmenu not found" } };
    if (!menu.image) {
      return {
        status: 400,
        body: { message: "must upload richmenu image before applying it to user" },
      };
    }
    this.userRichMenus.set(userId, menu.richMenuId);
    return { status: 200, body: {} };
  }

  private answer(endpoint: Endpoint, headers: Record<string, string>, body: unknown) {
    const refused = this.refuse(endpoint, headers);
    if (refused) return refused;
    const request = asRecord(body);
    const messages = request.messages;
    if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) {
      return { status: 400, body: { message: "The request body has 1 error(s)" } };
    }
    const retryKey = headers["x-line-retry-key"] ?? null;
    if (endpoint !== "reply" && retryKey !== null) {
      if (!retryKeyPattern.test(retryKey)) {
        return { status: 400, body: { message: "The retry key is invalid" } };
      }
      if (this.acceptedRetryKeys.has(retryKey)) {
        return { status: 409, body: { message: "The retry key is already accepted" } };
      }
    }
    let recipients: string[];
    if (endpoint === "reply") {
      const info = this.replyTokens.get(String(request.replyToken));
      if (!info || info.used || info.expiresAt <= this.clock()) {
        return { status: 400, body: { message: "Invalid reply token" } };
      }
      info.used = true;
      recipients = [info.userId];
    } else if (endpoint === "push") {
      recipients = [String(request.to)];
    } else {
      recipients = Array.isArray(request.to) ? request.to.map(String) : [];
    }
    if (retryKey !== null) this.acceptedRetryKeys.add(retryKey);
    const captured = {
      seq: ++this.seq,
      at: this.clock(),
      endpoint,
      recipients,
      messages,
      retryKey,
    };
    this.requests.push(captured);
    this.onAccepted?.(captured);
    return { status: 200, body: endpoint === "reply" ? { sentMessages: [] } : {} };
  }
}

interface RichMenuInput {
  richMenuId?: string;
  userId?: string;
  body?: unknown;
  contentType?: string;
  bytes?: Uint8Array;
}

/** LINE's "1 MB" read generously; the client (`installRichMenu`) stops at 1,000,000 bytes. */
const maxImageBytes = 1024 * 1024;

const boundsSchema = z.object({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});

/** LINE's rules for a rich menu object, as far as a mock needs them. */
const richMenuBodySchema = z
  .object({
    size: z.object({
      width: z.number().int().min(800).max(2500),
      height: z.number().int().min(250),
    }),
    selected: z.boolean(),
    name: z.string().min(1).max(300),
    chatBarText: z.string().min(1).max(14),
    areas: z
      .array(
        z.object({
          bounds: boundsSchema,
          action: z.looseObject({ type: z.string().min(1) }),
        }),
      )
      .min(1)
      .max(20),
  })
  .superRefine((menu, ctx) => {
    menu.areas.forEach((area, index) => {
      const { x, y, width, height } = area.bounds;
      if (x + width > menu.size.width || y + height > menu.size.height) {
        ctx.addIssue({
          code: "custom",
          path: ["areas", index, "bounds"],
          message: "The area is outside the rich menu",
        });
      }
    });
  });

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** LINE's answer to a body that is not JSON. */
function unparsable(c: Context) {
  return c.json({ message: "The request body could not be parsed" }, 400);
}

/** The Messaging API paths the bot uses, served from a MockLine. */
export function mockLineApp(mock: MockLine) {
  const app = new Hono();
  const endpoints: Record<string, Endpoint> = {
    "/v2/bot/message/reply": "reply",
    "/v2/bot/message/push": "push",
    "/v2/bot/message/multicast": "multicast",
  };
  for (const [path, endpoint] of Object.entries(endpoints)) {
    app.post(path, async (c) => {
      const body = await jsonBodyOf(c.req.raw);
      if (!body.ok) return unparsable(c);
      const result = mock.handle(endpoint, c.req.header(), body.value);
      if (result.status === 409) c.header("x-line-accepted-request-id", crypto.randomUUID());
      c.header("x-line-request-id", crypto.randomUUID());
      return c.json(result.body, result.status as 200);
    });
  }

  const richMenu = (
    endpoint: RichMenuEndpoint,
    headers: Record<string, string>,
    input: Parameters<MockLine["handleRichMenu"]>[2],
  ) => {
    const result = mock.handleRichMenu(endpoint, headers, input);
    return new Response(JSON.stringify(result.body), {
      status: result.status,
      headers: { "content-type": "application/json", "x-line-request-id": crypto.randomUUID() },
    });
  };
  app.post("/v2/bot/richmenu", async (c) => {
    const body = await jsonBodyOf(c.req.raw);
    if (!body.ok) return unparsable(c);
    return richMenu("richmenu.create", c.req.header(), { body: body.value });
  });
  // On LINE this one lives on api-data.line.me; the mock serves both hosts' paths on one origin.
  app.post("/v2/bot/richmenu/:richMenuId/content", async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return richMenu("richmenu.content", c.req.header(), {
      richMenuId: c.req.param("richMenuId"),
      contentType: c.req.header("content-type"),
      bytes,
    });
  });
  app.post("/v2/bot/user/all/richmenu/:richMenuId", (c) =>
    richMenu("richmenu.setDefault", c.req.header(), { richMenuId: c.req.param("richMenuId") }),
  );
  app.get("/v2/bot/user/all/richmenu", (c) => richMenu("richmenu.getDefault", c.req.header(), {}));
  app.delete("/v2/bot/richmenu/:richMenuId", (c) =>
    richMenu("richmenu.delete", c.req.header(), { richMenuId: c.req.param("richMenuId") }),
  );
  // one person's own menu (registered after the `all` paths above, which take precedence)
  app.post("/v2/bot/user/:userId/richmenu/:richMenuId", (c) =>
    richMenu("richmenu.link", c.req.header(), {
      userId: c.req.param("userId"),
      richMenuId: c.req.param("richMenuId"),
    }),
  );
  app.delete("/v2/bot/user/:userId/richmenu", (c) =>
    richMenu("richmenu.unlink", c.req.header(), { userId: c.req.param("userId") }),
  );
  app.get("/v2/bot/user/:userId/richmenu", (c) =>
    richMenu("richmenu.getUser", c.req.header(), { userId: c.req.param("userId") }),
  );
  return app;
}
