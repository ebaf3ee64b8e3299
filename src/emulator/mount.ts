// Emulator mode: the chat page and the mock Messaging API, mounted into the Node app only.
import type { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import type { Emulator } from "./emulator";
import { mockLineApp } from "./mock-line";
import { emulatorRoutes } from "./routes";

export function mountEmulator(app: Hono<AppEnv>, emulator: Emulator): void {
  app.route("/", mockLineApp(emulator.line));
  app.route(
    "/",
    emulatorRoutes(emulator, async (request, ctx) => app.fetch(request, {}, ctx)),
  );
}
