// The environment table of CONTRACT.md, parsed once, failing closed with the variable's name.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/core/config";

const fixedSecret = () => "generated-secret";

describe("loadConfig", () => {
  it("runs in emulator mode with the contract's defaults when nothing is set", () => {
    const config = loadConfig({}, fixedSecret);
    expect(config).toMatchObject({
      port: 8787,
      databaseUrl: "file:data/tsunagi.db",
      emulator: true,
      channelSecret: "generated-secret",
      lineApiBaseUrl: "http://127.0.0.1:8787",
      publicBaseUrl: "http://localhost:8787",
      lineFriendUrl: "http://localhost:8787/emulator",
      channelAccessToken: "generated-secret",
      lineApiDataBaseUrl: "http://127.0.0.1:8787",
    });
  });

  it("sends uploads to LINE's data host only when the API is LINE's", () => {
    const real = { LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: "t" };
    expect(loadConfig(real).lineApiDataBaseUrl).toBe("https://api-data.line.me");
    expect(
      loadConfig({ ...real, LINE_API_BASE_URL: "http://127.0.0.1:9/" }).lineApiDataBaseUrl,
    ).toBe("http://127.0.0.1:9");
    expect(
      loadConfig({ ...real, LINE_API_DATA_BASE_URL: "https://data.example.org/" })
        .lineApiDataBaseUrl,
    ).toBe("https://data.example.org");
  });

  it("generates a fresh secret per start in emulator mode, never a fixed one", () => {
    expect(loadConfig({}).channelSecret).not.toBe(loadConfig({}).channelSecret);
    // and the mock API's access token, which the emulator's mock alone accepts
    expect(loadConfig({}).channelAccessToken).not.toBe(loadConfig({}).channelAccessToken);
  });

  it("uses a real channel when its secret and token are set", () => {
    const config = loadConfig({
      PORT: "9000",
      LINE_CHANNEL_SECRET: "s3cret",
      LINE_CHANNEL_ACCESS_TOKEN: "t0ken",
      DATABASE_URL: "libsql://tsunagi-example.turso.io",
      DATABASE_AUTH_TOKEN: "db-token",
      PUBLIC_BASE_URL: "https://tsunagi.example.jp/",
    });
    expect(config).toMatchObject({
      port: 9000,
      emulator: false,
      channelSecret: "s3cret",
      channelAccessToken: "t0ken",
      lineApiBaseUrl: "https://api.line.me",
      databaseUrl: "libsql://tsunagi-example.turso.io",
      databaseAuthToken: "db-token",
      publicBaseUrl: "https://tsunagi.example.jp",
    });
  });

  it("listens on loopback by default, and anywhere only with a real channel", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"]) {
      expect(loadConfig({ HOST: host }).host).toBe(host);
    }
    const real = { LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: "t" };
    expect(loadConfig({ ...real, HOST: "0.0.0.0", NODE_ENV: "production" }).host).toBe("0.0.0.0");
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ LINE_CHANNEL_SECRET: "", PORT: "" }).emulator).toBe(true);
  });

  it.each([
    [{ PORT: "eighty" }, /^PORT /],
    [{ PORT: "70000" }, /^PORT /],
    [{ DATABASE_URL: "postgres://x" }, /^DATABASE_URL /],
    [{ LINE_API_BASE_URL: "not a url" }, /^LINE_API_BASE_URL /],
    [{ PUBLIC_BASE_URL: "ftp://x" }, /^PUBLIC_BASE_URL /],
    [{ LINE_FRIEND_URL: "http://lin.ee/x" }, /^LINE_FRIEND_URL /],
    [{ LINE_CHANNEL_SECRET: "s" }, /^LINE_CHANNEL_ACCESS_TOKEN is required/],
    [{ NODE_ENV: "production" }, /^LINE_CHANNEL_SECRET is required when NODE_ENV=production/],
    [{ HOST: "0.0.0.0" }, /^HOST 0\.0\.0\.0 is not a loopback address/],
    [{ HOST: "192.168.1.20" }, /^HOST 192\.168\.1\.20 is not a loopback address/],
    [{ HOST: "::" }, /^HOST :: is not a loopback address/],
  ])("stops with one line naming the variable for %j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("never puts a secret's value into its error", () => {
    try {
      loadConfig({ LINE_CHANNEL_SECRET: "very-secret-value", PORT: "x" });
    } catch (error) {
      expect(String(error)).not.toContain("very-secret-value");
      return;
    }
    throw new Error("expected a ConfigError");
  });
});
