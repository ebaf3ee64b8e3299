// Makes sure Debian's chromium (and a Japanese font) is installed before the browser tests run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import process from "node:process";

const chromium = "/usr/bin/chromium";
const packages = ["chromium", "fonts-ipafont-gothic"];

/** @param {string} line */
function say(line) {
  process.stdout.write(`ensure-chromium: ${line}\n`);
}

/** @param {string} line */
function fail(line) {
  process.stderr.write(
    `ensure-chromium: ${line}\n` +
      `The browser tests need ${chromium}. Install it by hand (as root):\n` +
      `  apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")}\n`,
  );
  process.exit(1);
}

/**
 * Runs a command with its output streaming to ours; stops everything if it fails.
 * @param {string[]} argv
 */
function run(argv) {
  const [command = "", ...args] = argv;
  say(`$ ${argv.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    // apt would otherwise stop to ask about configuration files on a fresh machine.
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error !== undefined)
    fail(`\`${argv.join(" ")}\` could not start: ${result.error.message}`);
  if (result.status !== 0) {
    const how =
      result.status === null ? `signal ${String(result.signal)}` : `exit ${String(result.status)}`;
    fail(`\`${argv.join(" ")}\` failed (${how}).`);
  }
}

if (existsSync(chromium)) {
  say(`${chromium} is present`);
  process.exit(0);
}

say(`${chromium} is missing; installing ${packages.join(", ")} with apt-get`);
run(["apt-get", "update"]);
run(["apt-get", "install", "-y", "--no-install-recommends", ...packages]);
if (!existsSync(chromium)) fail(`apt-get finished but ${chromium} is still missing.`);
say(`installed ${chromium}`);
