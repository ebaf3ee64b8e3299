// A setting that is missing or wrong where the deps are built per request (the Workers entry)
// answers 500 naming the setting, never a TypeError from a half-built request.
import { expect, it } from "vitest";
import { createApp } from "../../src/app";
import { ConfigError } from "../../src/core/config";

it("answers 500 with the configuration error's own message", async () => {
  const app = createApp(() => {
    throw new ConfigError("LINE_CHANNEL_SECRET is required on Workers");
  });
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.join(" "));
  try {
    for (const path of ["/healthz", "/webhook", "/api/me"]) {
      const response = await app.request(path, { method: path === "/webhook" ? "POST" : "GET" });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        error: {
          code: "internal",
          message: "Configuration error: LINE_CHANNEL_SECRET is required on Workers",
        },
      });
    }
  } finally {
    console.error = original;
  }
  expect(errors).toContain("Configuration error: LINE_CHANNEL_SECRET is required on Workers");
});

it("logs any other failure while the deps are built without a TypeError", async () => {
  const app = createApp(() => {
    throw new Error("database url unreadable");
  });
  const original = console.error;
  const lines: string[] = [];
  console.error = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    const response = await app.request("/healthz");
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^Internal error \(request /,
    );
  } finally {
    console.error = original;
  }
  expect(lines.join("\n")).toContain('"event":"request.failed"');
  expect(lines.join("\n")).not.toContain("TypeError");
});
