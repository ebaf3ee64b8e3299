// The layer table: which folder of src/ may import which. Read from the bottom up; a layer imports
// only the layers it names (and itself). eslint.config.js enforces it, test/architecture checks the
// source against it a second way, and the README prints it.

/**
 * @typedef {{ name: string, folders: string[], mayImport: string[], typesFrom?: string[],
 *   only?: Record<string, string[]>, role: string }} Layer
 */

/** @type {Layer[]} */
export const layers = [
  {
    name: "vocabulary",
    folders: ["vocabulary"],
    mayImport: [],
    role: "categories, severities, kinds, crisis contacts: words every layer shares",
  },
  {
    name: "core",
    folders: ["core"],
    mayImport: ["vocabulary"],
    role: "errors, clock, log, configuration",
  },
  {
    name: "time",
    folders: ["time"],
    mayImport: ["vocabulary", "core"],
    role: "Japan calendar, business hours, formatting",
  },
  {
    name: "line",
    folders: ["line"],
    mayImport: ["vocabulary", "core"],
    role: "LINE's API, its limits, signatures, ids, rich menus",
  },
  {
    name: "store",
    folders: ["store"],
    mayImport: ["vocabulary", "core", "time"],
    typesFrom: ["line"],
    role: "the only SQL, one module per aggregate",
  },
  {
    name: "words",
    folders: ["words"],
    mayImport: ["vocabulary", "core", "time", "line"],
    typesFrom: ["store"],
    role: "what the bot says and the words people type",
  },
  {
    name: "link",
    folders: ["link"],
    mayImport: ["vocabulary", "core", "time", "store"],
    role: "link codes: issuing, hashing, redeeming",
  },
  {
    name: "staff",
    folders: ["staff"],
    mayImport: ["vocabulary", "core", "time", "store"],
    role: "staff accounts, passwords, sessions",
  },
  {
    name: "outbox",
    folders: ["outbox"],
    mayImport: ["vocabulary", "core", "time", "line", "store", "words"],
    role: "the one way out: queue, employer allow-list, delivery",
  },
  {
    name: "escalation",
    folders: ["escalation"],
    mayImport: ["vocabulary", "core", "time", "line", "store", "words", "outbox"],
    role: "rules, the classifier, the escalation lifecycle and its alerts",
  },
  {
    name: "flows",
    folders: ["flows"],
    mayImport: ["vocabulary", "core", "time", "line", "words"],
    typesFrom: ["store", "escalation", "link"],
    only: { escalation: ["rules"] },
    role: "pure conversations over typed state",
  },
  {
    name: "checkins",
    folders: ["checkins"],
    mayImport: [
      "vocabulary",
      "core",
      "time",
      "line",
      "store",
      "words",
      "outbox",
      "escalation",
      "flows",
    ],
    role: "sending check-ins: the weekly fan-out, reminders, one now",
  },
  {
    name: "month",
    folders: ["month"],
    mayImport: ["vocabulary", "core", "time", "store"],
    role: "the center's month: duties against the rules in force",
  },
  {
    name: "http",
    folders: ["http"],
    mayImport: [
      "vocabulary",
      "core",
      "time",
      "line",
      "store",
      "words",
      "link",
      "staff",
      "outbox",
      "escalation",
      "flows",
      "checkins",
    ],
    role: "what every HTTP edge shares: the app's context, JSON bodies, same-origin",
  },
  {
    name: "edges",
    folders: ["bot", "dashboard", "schedule", "emulator", "cli"],
    mayImport: [
      "vocabulary",
      "core",
      "time",
      "line",
      "store",
      "words",
      "link",
      "staff",
      "outbox",
      "escalation",
      "flows",
      "checkins",
      "month",
      "http",
    ],
    role: "the webhook, the dashboard, the ticks, the emulator, the CLI; never each other",
  },
];

/** Every folder of src/ and the layer it belongs to. */
export const folderLayer = new Map(
  layers.flatMap((layer) => layer.folders.map((folder) => [folder, layer])),
);

const allFolders = [...folderLayer.keys()];

/** A relative import specifier that reaches into `folder` from anywhere in src/. */
const into = (folders) => `^(\\.\\.?/)+(${folders.join("|")})/`;

/** no-restricted-imports patterns for the files of one folder of src/. */
export function restrictionsFor(folder) {
  const layer = folderLayer.get(folder);
  const allowed = new Set([...layer.mayImport, layer.name]);
  // edges import nothing from each other: there a folder is a layer of its own
  const forbidden = allFolders.filter(
    (other) =>
      other !== folder &&
      (!allowed.has(folderLayer.get(other).name) || folderLayer.get(other) === layer),
  );
  const typesFrom = layer.typesFrom ?? [];
  const message = `Against the layer table (layers.js): ${folder}/ may import ${
    layer.mayImport.join(", ") || "nothing of ours"
  }${typesFrom.length ? `, and types from ${typesFrom.join(", ")}` : ""}.`;
  const never = forbidden.filter((other) => !typesFrom.includes(other));
  const patterns = never.length ? [{ regex: into(never), message }] : [];
  for (const other of forbidden.filter((other) => typesFrom.includes(other))) {
    const runtime = layer.only?.[other] ?? [];
    const except = runtime.length ? `(?!(${runtime.join("|")})/)` : "";
    patterns.push({ regex: `${into([other])}${except}`, allowTypeImports: true, message });
  }
  return patterns;
}
