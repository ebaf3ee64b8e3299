// The commands of CONTRACT.md run as a user would run them: npm start and npm run admin.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../src/staff/password";
import { findStaffByEmail } from "../../src/store/staff";
import { openStore } from "../../src/store/open-node";
import { defaultModelPath } from "../../src/escalation/text/model-file";
import { MockLine, mockLineApp } from "../../src/emulator/mock-line";
import { richMenus } from "../../src/store/schema";
import { listen, testAccessToken, testSecret } from "../support/app";

const root = join(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "tsunagi-cli-"));
const databaseUrl = `file:${join(dir, "cli.db")}`;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function admin(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/admin.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run admin -- bootstrap", () => {
  it("creates a center and its first supervisor, printing the password once as JSON", async () => {
    const result = admin(
      "bootstrap",
      "--center",
      "むさしの就労支援センター",
      "--email",
      "Boss@Example.JP",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Record<string, string>;
    expect(Object.keys(output).sort()).toEqual(["centerId", "email", "password", "staffId"]);
    expect(output.email).toBe("boss@example.jp");
    expect(output.password?.length).toBeGreaterThanOrEqual(16);

    const store = await openStore({ url: databaseUrl });
    try {
      const staff = await findStaffByEmail(store.db, "boss@example.jp");
      expect(staff).toMatchObject({
        id: output.staffId,
        centerId: output.centerId,
        role: "supervisor",
      });
      expect(staff?.passwordHash).not.toContain(output.password ?? "");
      expect(await verifyPassword(output.password ?? "", staff?.passwordHash ?? "")).toBe(true);
      expect(await verifyPassword("wrong", staff?.passwordHash ?? "")).toBe(false);
    } finally {
      store.close();
    }
  });

  it.each([
    [["bootstrap", "--center", "x"], /--email/],
    [["bootstrap", "--email", "a@example.jp"], /--center/],
    [["bootstrap", "--center", "x", "--email", "not-an-email"], /--email is not an email address/],
    [["bootstrap", "--center", "x", "--email", "a@example.jp", "--colour", "red"], /colour/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [[], /usage/],
  ])("refuses %j with a message on stderr and a non-zero exit", (args, message) => {
    const result = admin(...args);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });

  it.each([["--help"], ["help"], ["-h"]])(
    "prints the usage on stdout for %s and succeeds",
    (flag) => {
      const result = admin(flag);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^usage: npm run admin -- <command>/);
      expect(result.stdout).toContain("bootstrap --center");
    },
  );

  it("refuses a second account with the same email", () => {
    expect(admin("bootstrap", "--center", "A", "--email", "same@example.jp").status).toBe(0);
    const again = admin("bootstrap", "--center", "B", "--email", "same@example.jp");
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already has an account/);
  });
});

describe("npm run admin -- reset-password", () => {
  it("gives a locked-out supervisor a new one-time password as JSON", async () => {
    expect(admin("bootstrap", "--center", "C", "--email", "locked@example.jp").status).toBe(0);
    const result = admin("reset-password", "--email", "Locked@Example.jp");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Record<string, string>;
    expect(Object.keys(output).sort()).toEqual(["email", "password", "staffId"]);
    const store = await openStore({ url: databaseUrl });
    try {
      const staff = await findStaffByEmail(store.db, "locked@example.jp");
      expect(await verifyPassword(output.password ?? "", staff?.passwordHash ?? "")).toBe(true);
    } finally {
      store.close();
    }
  });

  it.each([
    [["reset-password"], /--email is required/],
    [["reset-password", "--email", "nobody@example.jp"], /No staff account has the email/],
  ])("refuses %j with a message on stderr and a non-zero exit", (args, message) => {
    const result = admin(...args);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });
});

/** Runs the CLI without blocking this process, which may be serving the mock it talks to. */
function adminAsync(env: Record<string, string>, ...args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/admin.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LINE_API_DATA_BASE_URL: "", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("npm run admin -- richmenu", () => {
  const roles = ["guest", "registrant", "employer_contact", "staff"] as const;
  const image = (role: string) => readFileSync(join(root, "assets", `richmenu-${role}.png`));

  async function withMock(run: (mock: MockLine, env: Record<string, string>) => Promise<void>) {
    const mock = new MockLine(testAccessToken);
    const { server, url } = await listen(mockLineApp(mock).fetch);
    try {
      await run(mock, {
        LINE_CHANNEL_SECRET: testSecret,
        LINE_CHANNEL_ACCESS_TOKEN: testAccessToken,
        LINE_API_BASE_URL: url,
        PUBLIC_BASE_URL: "https://tsunagi.example.jp",
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  async function recorded() {
    const store = await openStore({ url: databaseUrl });
    try {
      const rows = await store.db.select().from(richMenus);
      return Object.fromEntries(rows.map((row) => [row.role, row.richMenuId]));
    } finally {
      store.close();
    }
  }

  type Installed = { richMenuIds: Record<string, string>; deleted: string[] };

  it("installs a menu per role with the committed images, records them and prints the ids as JSON", async () => {
    await withMock(async (mock, env) => {
      const result = await adminAsync(env, "richmenu");
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const output = JSON.parse(result.stdout) as Installed;
      expect(Object.keys(output)).toEqual(["richMenuIds", "deleted"]);
      expect(Object.keys(output.richMenuIds).sort()).toEqual([...roles].sort());
      expect(mock.defaultRichMenuId).toBe(output.richMenuIds.guest);
      for (const role of roles) {
        const stored = mock.richMenus.get(output.richMenuIds[role] ?? "");
        expect(Buffer.from(stored?.image?.bytes ?? []).equals(image(role))).toBe(true);
      }
      const staffMenu = mock.richMenus.get(output.richMenuIds.staff ?? "");
      expect(staffMenu?.menu.areas[0]?.action).toEqual({
        type: "uri",
        label: "ダッシュボード",
        uri: "https://tsunagi.example.jp/dashboard",
      });
      expect(await recorded()).toEqual(output.richMenuIds);

      // run again: the new menus replace the rows, and the old ones are deleted on LINE
      const again = JSON.parse((await adminAsync(env, "richmenu")).stdout) as Installed;
      expect(again.deleted.sort()).toEqual(Object.values(output.richMenuIds).sort());
      expect(mock.richMenus.size).toBe(4);
      expect(mock.defaultRichMenuId).toBe(again.richMenuIds.guest);
      expect(await recorded()).toEqual(again.richMenuIds);
    });
  });

  it("takes the images from another folder with --images", async () => {
    const folder = mkdtempSync(join(dir, "images-"));
    for (const role of roles) writeFileSync(join(folder, `richmenu-${role}.png`), image(role));
    // a JPEG is taken where there is no PNG of that name
    rmSync(join(folder, "richmenu-staff.png"));
    const jpeg = new Uint8Array(64);
    jpeg.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    jpeg.set([0xff, 0xc0, 0x00, 0x11, 0x08, 843 >> 8, 843 & 0xff, 2500 >> 8, 2500 & 0xff], 20);
    writeFileSync(join(folder, "richmenu-staff.jpg"), jpeg);
    await withMock(async (mock, env) => {
      const result = await adminAsync(env, "richmenu", "--images", folder);
      expect(result.stderr).toBe("");
      const output = JSON.parse(result.stdout) as Installed;
      expect(mock.richMenus.get(output.richMenuIds.staff ?? "")?.image?.contentType).toBe(
        "image/jpeg",
      );
    });
  });

  it.each([
    [
      ["--images", "no/such/dir"],
      /^error: no\/such\/dir\/richmenu-guest\.png could not be read \(ENOENT\)/,
    ],
    [["--images", "src"], /^error: .*richmenu-guest\.png could not be read \(ENOENT\)/],
    [["--image", "assets/richmenu-guest.png"], /Unknown option '--image'[\s\S]*--images <dir>/],
    [["--colour", "red"], /colour/],
  ])("refuses %j with a message and a non-zero exit, calling nothing", async (args, message) => {
    await withMock(async (mock, env) => {
      const result = await adminAsync(env, "richmenu", ...args);
      expect(result.status).not.toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
      expect(mock.calls).toEqual([]);
    });
  });

  it("names a wrong image's role before calling LINE", async () => {
    const folder = mkdtempSync(join(dir, "wrong-"));
    for (const role of roles) writeFileSync(join(folder, `richmenu-${role}.png`), image(role));
    writeFileSync(join(folder, "richmenu-registrant.png"), "not a picture");
    await withMock(async (mock, env) => {
      const result = await adminAsync(env, "richmenu", "--images", folder);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe("error: registrant: the image is neither a PNG nor a JPEG file\n");
      expect(mock.calls).toEqual([]);
    });
  });

  it("names the failed step and LINE's status, never the token, and leaves nothing half made", async () => {
    await withMock(async (mock, env) => {
      const before = await recorded();
      // the third menu's image fails: the two made before it are deleted too
      let uploads = 0;
      const original = mock.handleRichMenu.bind(mock);
      mock.handleRichMenu = (name, headers, input) => {
        if (name === "richmenu.content" && ++uploads === 3) mock.failNext(1, 500, name);
        return original(name, headers, input);
      };
      const result = await adminAsync(env, "richmenu");
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        'error: rich menu step "upload image" (employer_contact) failed: LINE answered HTTP 500 (Injected fault)\n',
      );
      expect(mock.richMenus.size).toBe(0);
      expect(mock.calls.filter((call) => call.endpoint === "richmenu.delete")).toHaveLength(3);
      expect(await recorded()).toEqual(before);
    });
  });

  it("installs the menus on the emulator's own mock of a running npm start, with the token that start made", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const dbPath = join(dir, "richmenu.db");
    const env = {
      PORT: String(port),
      LINE_CHANNEL_SECRET: "",
      LINE_CHANNEL_ACCESS_TOKEN: "",
      LINE_API_BASE_URL: "",
      DATABASE_URL: `file:${dbPath}`,
    };
    // nothing running yet: the command says so
    const early = await adminAsync(env, "richmenu");
    expect(early.status).toBe(1);
    expect(early.stderr).toContain("no running emulator");

    const child = spawn(process.execPath, ["--import", "tsx", "src/node.ts"], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.on("exit", resolve));
    try {
      for (let i = 0; i < 100 && !output.includes("/emulator"); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const tokenFile = `${dbPath}.emulator-token`;
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      const token = readFileSync(tokenFile, "utf8");
      expect(token).toMatch(/^[0-9a-f]{32}$/);

      const defaultMenu = async () =>
        (await (
          await fetch(`http://127.0.0.1:${port}/v2/bot/user/all/richmenu`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json()) as { richMenuId: string };
      // npm start installed the four menus on its mock already
      const atStart = await defaultMenu();
      expect(atStart.richMenuId).toMatch(/^richmenu-/);

      const result = await adminAsync(env, "richmenu");
      expect(result.stderr).toBe("");
      const installed = JSON.parse(result.stdout) as Installed;
      expect(await defaultMenu()).toEqual({ richMenuId: installed.richMenuIds.guest });
      expect(installed.deleted).toHaveLength(4);
      expect(installed.deleted).toContain(atStart.richMenuId);
      // the token published in earlier versions opens nothing now
      const guessed = await fetch(`http://127.0.0.1:${port}/v2/bot/user/all/richmenu`, {
        headers: { authorization: "Bearer emulator-access-token" },
      });
      expect(guessed.status).toBe(401);

      // the server believes its socket, not a client's header: thirty-one wrong logins from
      // "thirty-one addresses" are one client, and the per-client limit answers 429
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const response = await fetch(`http://127.0.0.1:${port}/api/login`, {
          method: "POST",
          headers: { "content-type": "application/json", "cf-connecting-ip": `203.0.113.${i}` },
          body: JSON.stringify({ email: `nobody${i}@example.jp`, password: "wrong password" }),
        });
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
      expect(statuses[30]).toBe(429);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
    // a stopped emulator leaves no token behind
    expect(existsSync(`${dbPath}.emulator-token`)).toBe(false);
  });
});

describe("npm run db:migrate", () => {
  it("applies the committed migrations to DATABASE_URL", async () => {
    const url = `file:${join(dir, "migrated.db")}`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/migrate.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ migrated: true });
    const { createClient } = await import("@libsql/client");
    const client = createClient({ url });
    try {
      const tables = await client.execute("select name from sqlite_master where type = 'table'");
      expect(tables.rows.map((row) => row.name)).toContain("processed_events");
    } finally {
      client.close();
    }
  });

  it("names the variable when DATABASE_URL is not a libSQL URL", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/migrate.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "mysql://nope" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: DATABASE_URL /);
  });
});

describe("npm start", () => {
  it("stops with one clear line when a variable is wrong", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/node.ts"], {
      cwd: root,
      env: { ...process.env, PORT: "not-a-port", DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Configuration error: PORT /);
  });

  it.each([
    [
      { NODE_ENV: "production" },
      /^Configuration error: LINE_CHANNEL_SECRET is required when NODE_ENV=production/,
    ],
    [{ HOST: "0.0.0.0" }, /^Configuration error: HOST 0\.0\.0\.0 is not a loopback address/],
  ])("refuses emulator mode with %j, in one line, before serving anything", (env, message) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/node.ts"], {
      cwd: root,
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl, LINE_CHANNEL_SECRET: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain("emulator");
    expect(result.stderr.trim()).toMatch(message);
  });

  it.each([
    ["missing", null, /^Classifier error: text model .*nowhere\.json cannot be read \(ENOENT\)$/],
    ["cut short", '{"format":"tsunagi-text-model","vers', /^Classifier error: .* is not JSON/],
    ["of another shape", '{"format":"fasttext"}', /^Classifier error: .* not a Tsunagi text model/],
  ])(
    "stops with one clear line when the text model file is %s (never the rules alone)",
    (_what, content, message) => {
      const path = join(dir, content === null ? "nowhere.json" : `model-${_what}.json`);
      if (content !== null) writeFileSync(path, content);
      const result = spawnSync(process.execPath, ["--import", "tsx", "src/node.ts"], {
        cwd: root,
        env: { ...process.env, TEXT_MODEL_PATH: path, DATABASE_URL: databaseUrl },
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    },
  );

  it("stops with exit code 1 and one line when its port is taken (its threads do not abort it)", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const address = taken.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const result = spawnSync(process.execPath, ["--import", "tsx", "src/node.ts"], {
        cwd: root,
        env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.signal).toBeNull();
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^Tsunagi could not start: .*EADDRINUSE/);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  }, 90_000);

  it("stops with one clear line when the text model's weights were changed after training", () => {
    const committed = JSON.parse(readFileSync(defaultModelPath, "utf8")) as { weights: string };
    const weights = Buffer.from(committed.weights, "base64");
    weights[weights.length >> 1] = (weights[weights.length >> 1] ?? 0) ^ 0x01;
    const path = join(dir, "model-flipped.json");
    writeFileSync(path, JSON.stringify({ ...committed, weights: weights.toString("base64") }));
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/node.ts"], {
      cwd: root,
      env: { ...process.env, TEXT_MODEL_PATH: path, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^Classifier error: text model .* does not match its sha256 \(corrupt or edited by hand\)$/,
    );
  });

  it("serves the emulator, the webhook and health with no LINE channel and prints the URLs", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, ["--import", "tsx", "src/node.ts"], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: `file:${join(dir, "start.db")}`,
        LINE_CHANNEL_SECRET: "",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      for (let i = 0; i < 100 && !output.includes("/emulator"); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toContain(`http://localhost:${port}/emulator`);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ ok: true });
      const page = await fetch(`http://127.0.0.1:${port}/emulator`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<!DOCTYPE html>");
    } finally {
      child.kill("SIGTERM");
    }
  });
});
