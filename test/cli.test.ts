// The commands of CONTRACT.md run as a user would run them: npm start and npm run admin.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../src/dashboard/password";
import { findStaffByEmail } from "../src/store/staff";
import { openStore } from "../src/store/open-node";

const root = join(import.meta.dirname, "..");
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

  it("refuses a second account with the same email", () => {
    expect(admin("bootstrap", "--center", "A", "--email", "same@example.jp").status).toBe(0);
    const again = admin("bootstrap", "--center", "B", "--email", "same@example.jp");
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already has an account/);
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
