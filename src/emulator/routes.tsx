// /emulator: a LINE-like chat page and the small API behind it; events are signed and sent to /webhook.
import { Hono, type ExecutionContext } from "hono";
import * as z from "zod";
import type { AppEnv } from "../http/app-env";
import { isLineUserId } from "../line/user-id";
import { signBody } from "../line/signature";
import { AppError, errorBody } from "../core/errors";
import { jsonBodyOf } from "../http/json-body";
import { limitBody } from "../http/body-limit";
import { sameOriginOnly } from "../http/same-origin";
import type { Emulator } from "./emulator";
import { buildEvent, emulatorActionSchema, type EmulatorAction } from "./events";
import { chatRenderScript, chatScript, chatStateScript, chatStyle } from "./chat-assets.generated";
import { ChatPage } from "./page";

const personaSchema = z.object({ displayName: z.string().trim().min(1).max(40) });
const sendSchema = z.object({ userId: z.string() }).and(emulatorActionSchema);

export type SelfFetch = (request: Request, ctx: ExecutionContext) => Promise<Response>;

export function emulatorRoutes(emulator: Emulator, selfFetch: SelfFetch) {
  const app = new Hono<AppEnv>();
  // another site's page must not drive the chat, and a body is a chat message, not a file
  app.use("/emulator/api/*", sameOriginOnly());
  app.use(
    "/emulator/api/*",
    limitBody({
      maxSize: 64 * 1024,
      onError: (c) => c.json(errorBody("payload_too_large", "Body is over 64 KiB"), 413),
    }),
  );

  app.get("/emulator", async (c) => c.html("<!DOCTYPE html>" + (await (<ChatPage />)).toString()));
  // chat.js (with the modules it imports) and chat.css are real files, embedded by
  // scripts/embed-assets.mjs in a generated module: one plain import for Node (tsx) and app.fetch in
  // tests, no loader, no file system at run time.
  for (const [path, script] of [
    ["/emulator/chat.js", chatScript],
    ["/emulator/chat-render.js", chatRenderScript],
    ["/emulator/chat-state.js", chatStateScript],
  ] as const) {
    app.get(path, (c) => c.body(script, 200, { "content-type": "text/javascript; charset=utf-8" }));
  }
  app.get("/emulator/chat.css", (c) =>
    c.body(chatStyle, 200, { "content-type": "text/css; charset=utf-8" }),
  );

  app.get("/emulator/api/personas", (c) => c.json({ items: [...emulator.personas.values()] }));

  app.post("/emulator/api/personas", async (c) => {
    const input = personaSchema.safeParse(await readJson(c.req.raw));
    if (!input.success) throw new AppError("bad_request", "displayName is required (1–40 chars)");
    return c.json(emulator.createPersona(input.data.displayName), 201);
  });

  app.post("/emulator/api/send", async (c) => {
    const input = sendSchema.safeParse(await readJson(c.req.raw));
    if (!input.success) throw new AppError("bad_request", "Not an emulator action");
    const persona = emulator.personas.get(input.data.userId);
    if (!persona) throw new AppError("not_found", "No such persona");
    const { config } = c.var.deps;
    const { userId: _userId, ...action }: { userId: string } & EmulatorAction = input.data;
    const now = c.var.deps.clock();
    // LINE gives no reply token with unfollow: there is nobody left to reply to.
    const replyToken =
      action.type === "unfollow" ? undefined : emulator.line.issueReplyToken(persona.userId);
    const event = buildEvent(action, persona.userId, now, replyToken, persona.blockedBefore);
    emulator.recordUser(persona.userId, action);

    const body = JSON.stringify({
      destination: "Uemulator000000000000000000000000",
      events: [event],
    });
    const response = await selfFetch(
      new Request(new URL("/webhook", c.req.url), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-line-signature": await signBody(config.channelSecret, body),
        },
        body,
      }),
      c.executionCtx,
    );
    if (response.ok && (action.type === "follow" || action.type === "unfollow")) {
      persona.following = action.type === "follow";
      if (action.type === "unfollow") persona.blockedBefore = true;
    }
    return c.json({ webhookStatus: response.status });
  });

  app.get("/emulator/api/richmenu", (c) => {
    const userId = c.req.query("userId");
    if (userId !== undefined && !isLineUserId(userId)) {
      throw new AppError("bad_request", "userId is not a LINE user id");
    }
    return c.json(emulator.richMenuFor(userId));
  });

  app.get("/emulator/api/transcript", (c) => {
    const userId = c.req.query("userId");
    const after = Number(c.req.query("after") ?? "0");
    if (!isLineUserId(userId)) throw new AppError("bad_request", "userId is not a LINE user id");
    return c.json({ items: emulator.entriesFor(userId, Number.isFinite(after) ? after : 0) });
  });

  return app;
}

async function readJson(request: Request): Promise<unknown> {
  const body = await jsonBodyOf(request);
  if (!body.ok) throw new AppError("bad_request", "Body is not JSON");
  return body.value;
}
