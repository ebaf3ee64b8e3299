// Entry of `npm run bench [-- name… --flag…]`: runs the benchmarks, prints a table, writes JSON results.
import { classifierBenchmark } from "./classifier";
import { dashboardBenchmark } from "./dashboard";
import { machineFacts, writeResult, type Benchmark } from "./harness";
import { monthBenchmark } from "./month";
import { roundTripsBenchmark } from "./round-trips";
import { scheduleBenchmark } from "./schedule";
import { webhookBenchmark } from "./webhook";

/** Add a benchmark here: one line. */
const benchmarks: Benchmark[] = [
  webhookBenchmark,
  roundTripsBenchmark,
  dashboardBenchmark,
  monthBenchmark,
  scheduleBenchmark,
  classifierBenchmark,
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const wanted = args.filter((arg) => !arg.startsWith("--"));
  const flags = new Set(args.filter((arg) => arg.startsWith("--")));
  const chosen = benchmarks.filter((b) => wanted.length === 0 || wanted.includes(b.name));
  if (chosen.length === 0) {
    console.error(
      `no benchmark named ${wanted.join(", ")} (have ${benchmarks.map((b) => b.name).join(", ")})`,
    );
    process.exitCode = 2;
    return;
  }
  // a flag no chosen benchmark takes is a typo, not a reason to run for minutes without it
  const known = new Set(chosen.flatMap((b) => Object.keys(b.flags ?? {})));
  const unknown = [...flags].filter((flag) => !known.has(flag));
  if (unknown.length > 0) {
    const offered = chosen.flatMap((b) =>
      Object.entries(b.flags ?? {}).map(([flag, what]) => `  ${b.name} ${flag}: ${what}`),
    );
    console.error(
      `unknown flag ${unknown.join(", ")}${offered.length ? "\n" : ""}${offered.join("\n")}`,
    );
    process.exitCode = 2;
    return;
  }
  const machine = machineFacts();
  console.log(
    `node ${machine.node}  ${machine.cpus} × ${machine.cpuModel}  ${machine.totalMemoryMiB} MiB  ` +
      `load ${machine.loadAverage.join(" ")}`,
  );
  for (const benchmark of chosen) {
    try {
      const result = await benchmark.run(flags);
      console.log(result.summary);
      for (const note of result.notes) console.log(note);
      console.log(`  → ${writeResult(result, machine)}`);
    } catch (error) {
      process.exitCode = 1;
      console.error(
        `${benchmark.name}  FAILED: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

void main();
