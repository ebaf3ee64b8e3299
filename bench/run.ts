// Entry of `npm run bench [-- name…]`: runs the benchmarks, prints a table, writes JSON results.
import { classifierBenchmark } from "./classifier";
import { dashboardBenchmark } from "./dashboard";
import { machineFacts, writeResult, type Benchmark } from "./harness";
import { monthBenchmark } from "./month";
import { scheduleBenchmark } from "./schedule";
import { webhookBenchmark } from "./webhook";

/** Add a benchmark here: one line. */
const benchmarks: Benchmark[] = [
  webhookBenchmark,
  dashboardBenchmark,
  monthBenchmark,
  scheduleBenchmark,
  classifierBenchmark,
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const chosen = benchmarks.filter((b) => wanted.length === 0 || wanted.includes(b.name));
  if (chosen.length === 0) {
    console.error(
      `no benchmark named ${wanted.join(", ")} (have ${benchmarks.map((b) => b.name).join(", ")})`,
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
      const result = await benchmark.run();
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
