// Rules the code keeps by construction, checked over the source: one way out for messages, and
// the database only behind src/store.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

const files = sources(join(root, "src"));
const read = (file: string) => readFileSync(join(root, file), "utf8");

describe("the source", () => {
  it("queues outbound messages only through src/bot/outbound.ts (the employer allow-list)", () => {
    const callers = files.filter(
      (file) =>
        file !== "src/store/outbox.ts" &&
        /import\s*{[^}]*\benqueue\b[^}]*}\s*from/.test(read(file)),
    );
    expect(callers).toEqual(["src/bot/outbound.ts"]);
  });

  it("speaks to the database only from src/store (and the Workers entry that opens it)", () => {
    const outside = files.filter(
      (file) =>
        !file.startsWith("src/store/") &&
        /from "drizzle-orm|from "@libsql\/client/.test(read(file)),
    );
    expect(outside.sort()).toEqual(["src/worker.ts"]);
  });

  it("has found the source files it checks", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain("src/bot/outbound.ts");
  });
});
