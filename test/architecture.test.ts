// Rules the code keeps by construction, checked over the source: the layer table (layers.js) both
// by reading every import and through the linter itself, one way out for messages, and the
// database only behind src/store.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { folderLayer, layers } from "../layers.js";

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

/** The folder of src/ a file is in ("store", "escalation"…), or null for the entries at the top. */
function folderOf(file: string): string | null {
  const parts = relative(join(root, "src"), resolve(root, file)).split("/");
  return parts.length > 1 ? (parts[0] ?? null) : null;
}

/** Every relative import of a file: where it leads, whether only types, and the subfolder. */
function importsOf(file: string) {
  const found = [];
  for (const match of read(file).matchAll(
    /^(?:import|export)\s+(type\s+)?(?:[^;]*?\sfrom\s+)?"(\.[^"]+)"/gms,
  )) {
    const target = relative(root, resolve(dirname(join(root, file)), match[2] ?? ""));
    found.push({ target, typeOnly: match[1] !== undefined, spec: match[2] ?? "" });
  }
  return found;
}

describe("the layer table", () => {
  it("names every folder of src/ exactly once", () => {
    const folders = readdirSync(join(root, "src"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...folderLayer.keys()].sort()).toEqual(folders.sort());
    expect(new Set(layers.map((layer) => layer.name)).size).toBe(layers.length);
  });

  it("only ever points down: a layer imports layers listed before it", () => {
    layers.forEach((layer, index) => {
      const below = new Set(layers.slice(0, index).map((other) => other.name));
      for (const name of [...layer.mayImport, ...(layer.typesFrom ?? [])]) {
        expect(below.has(name), `${layer.name} → ${name}`).toBe(true);
      }
    });
  });

  it("is kept by every import in src/ (read a second way, without the linter)", () => {
    const against: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      if (from === null) continue; // the entries wire everything together
      const layer = folderLayer.get(from);
      if (!layer) throw new Error(`${from}/ is not in the layer table`);
      for (const { target, typeOnly, spec } of importsOf(file)) {
        const to = folderOf(target);
        if (to === from) continue;
        const toLayer = to === null ? undefined : folderLayer.get(to);
        const sub = target.split("/")[2] ?? "";
        const ok =
          toLayer !== undefined &&
          toLayer !== layer &&
          (layer.mayImport.includes(toLayer.name) ||
            ((layer.typesFrom ?? []).includes(toLayer.name) &&
              (typeOnly || (layer.only?.[toLayer.name] ?? []).includes(sub))));
        if (!ok) against.push(`${file} → ${spec}`);
      }
    }
    expect(against).toEqual([]);
  });

  it("is enforced by the linter: an import against it fails `npm run lint`", async () => {
    const eslint = new ESLint({ cwd: root });
    const lint = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: join(root, file) });
      return (result?.messages ?? [])
        .filter((message) => message.ruleId === "no-restricted-imports")
        .map((message) => message.line);
    };
    // upward: the store reaching for the dashboard
    expect(
      await lint(
        "src/store/db.ts",
        'import { CenterScope } from "../dashboard/scope";\nexport const scope = CenterScope;\n',
      ),
    ).toEqual([1]);
    // sideways between edges: the webhook reaching into the dashboard
    expect(
      await lint(
        "src/bot/webhook.ts",
        'import { iso } from "../dashboard/scope";\nexport const at = iso;\n',
      ),
    ).toEqual([1]);
    // flows take types from escalation/, and values only from its pure rules
    expect(
      await lint(
        "src/flows/guest.ts",
        [
          'import type { Finding } from "../escalation/classifier";',
          'import { answerRules } from "../escalation/rules/checkin";',
          'import { raiseSignal } from "../escalation/engine";',
          "export const used: unknown[] = [answerRules, raiseSignal] satisfies unknown[];",
          "export type Used = Finding;",
          "",
        ].join("\n"),
      ),
    ).toEqual([3]);
  }, 60_000);
});

describe("the source", () => {
  it("queues outbound messages only through src/outbox/queue.ts (the employer allow-list)", () => {
    const callers = files.filter(
      (file) =>
        file !== "src/store/outbox.ts" &&
        /import\s*{[^}]*\benqueue\b[^}]*}\s*from/.test(read(file)),
    );
    expect(callers).toEqual(["src/outbox/queue.ts"]);
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
    expect(files).toContain("src/outbox/queue.ts");
  });
});
