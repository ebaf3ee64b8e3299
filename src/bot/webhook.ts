// POST /webhook: raw body, signature, parse, record every event durably, answer, then reply.
import { validateSignature } from "@line/bot-sdk";
import { Hono } from "hono";
import { limitBody } from "../http/body-limit";
import type { AppEnv } from "../http/app-env";
import { AppError, errorBody } from "../core/errors";
import { sendFresh } from "../outbox/delivery";
import { webhookBodySchema } from "./events";
import { processEvents } from "./pipeline";

export const maxWebhookBytes = 1024 * 1024;

export function webhookRoutes() {
  const app = new Hono<AppEnv>();
  app.post(
    "/webhook",
    limitBody({
      maxSize: maxWebhookBytes,
      onError: (c) => c.json(errorBody("payload_too_large", "Body is over 1 MiB"), 413),
    }),
    async (c) => {
      const deps = c.var.deps;
      const raw = await c.req.text();
      const signature = c.req.header("x-line-signature");
      if (!signature || !validateSignature(raw, deps.config.channelSecret, signature)) {
        throw new AppError("unauthorized", "Missing or invalid x-line-signature");
      }
      const body = webhookBodySchema.safeParse(parseJson(raw));
      if (!body.success) throw new AppError("bad_request", "Not a LINE webhook body");

      // All events in one transaction, in their order: all of them take effect or none does.
      const results = await processEvents(deps, body.data.events);
      const fresh = results.flatMap((result) => result.outbox);
      // One line per request would cost more than the rest of the logging; only what is unusual.
      const duplicates = results.filter((result) => result.duplicate).length;
      if (duplicates > 0) {
        deps.log.info("webhook.duplicates", { requestId: c.var.requestId, duplicates });
      }
      if (fresh.length > 0) c.executionCtx.waitUntil(sendFresh(deps, fresh));
      return c.json({ ok: true });
    },
  );
  return app;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "Body is not JSON");
  }
}
