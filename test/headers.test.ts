// Headers that keep personal data and sessions safe, and a refused upload that does not break
// the connection it came on.
import http from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { maxWebhookBytes } from "../src/bot/webhook";
import { signBody } from "../src/line/signature";
import { createTestApp, listen, testSecret, type TestApp } from "./support/app";
import { newLineUserId, textEvent, webhookBody } from "./support/events";
import { countRows, processedEvents } from "./support/queries";
import { mintCenter, mintStaff, testPassword } from "./support/staff";

let t: TestApp;

afterEach(async () => {
  await t.close();
});

describe("the API's answers", () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it("are never kept by a browser or proxy, refusals included", async () => {
    for (const [path, init] of [
      ["/api/me", {}],
      ["/api/inbox", {}],
      [
        "/api/login",
        { method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
      ],
    ] as const) {
      const response = await t.request(path, init);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("close the connection after refusing a body that is too large", async () => {
    const response = await t.request("/api/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@example.jp", password: "x".repeat(70_000) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
  });
});

describe("a kept-alive connection", () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it("serves the next request after a 413, on a fresh socket", async () => {
    const { server, url } = await listen((request) => t.app.fetch(request, {}, t.background));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          `${url}${path}`,
          {
            agent,
            method: body === undefined ? "GET" : "POST",
            headers: body === undefined ? {} : { "content-type": "application/json" },
          },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        request.on("error", reject);
        if (body !== undefined) request.write(body);
        request.end();
      });
    try {
      expect(await send("/webhook", "x".repeat(2 * 1024 * 1024))).toBe(413);
      expect(await send("/healthz")).toBe(200);
      expect(await send("/healthz")).toBe(200);
    } finally {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("the session cookie over https", () => {
  beforeEach(async () => {
    t = await createTestApp({ env: { PUBLIC_BASE_URL: "https://tsunagi.example.jp" } });
  });

  it("is __Host- prefixed, Secure, for path /, and works", async () => {
    const center = await mintCenter(t.db.store);
    const member = await mintStaff(t.db.store, center.id, "caseworker");
    const login = await t.request("/api/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: member.email, password: testPassword }),
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^__Host-tsunagi_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).not.toMatch(/Domain=/i);
    const cookie = setCookie.split(";")[0] ?? "";
    expect((await t.request("/api/me", { headers: { cookie } })).status).toBe(200);
    // the plain name is not accepted where the prefixed one is expected
    const plain = cookie.replace("__Host-", "");
    expect((await t.request("/api/me", { headers: { cookie: plain } })).status).toBe(401);
  });

  it("refuses a body by the length it declares, and takes one that fits, whole", async () => {
    const { server, url } = await listen((request, env) => t.app.fetch(request, env, t.background));
    const post = (body: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          `${url}/webhook`,
          { method: "POST", headers: { "content-type": "application/json", ...headers } },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        request.on("error", reject);
        request.end(body);
      });
    try {
      const big = "x".repeat(maxWebhookBytes + 1);
      expect(await post(big, { "content-length": String(big.length) })).toBe(413);
      const body = webhookBody(textEvent(newLineUserId(), "こんにちは"));
      const signature = await signBody(testSecret, body);
      const fits = {
        "content-length": String(Buffer.byteLength(body)),
        "x-line-signature": signature,
      };
      expect(await post(body, fits)).toBe(200);
      expect(await countRows(t.db.store, processedEvents)).toBe(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
