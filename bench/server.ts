// Runs `npm start`'s server as a child process on loopback and reads its CPU time from /proc.
import { execFileSync, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The tree whose `src/node.ts` is served: this project, or (BENCH_SERVER_DIR) another checkout
 * with its own node_modules, to compare a change against the same client.
 */
export function serverRoot(): string {
  const other = process.env.BENCH_SERVER_DIR;
  return other ? resolve(other) : projectRoot;
}

export interface ServerChild {
  pid: number;
  baseUrl: string;
  /** Where the child's stdout and stderr go: a file never fills up and blocks it like a pipe. */
  logPath: string;
  /** CPU time of the server process so far, in microseconds. */
  cpuMicros(): CpuMicros;
  /** The most resident memory the server has used so far (VmHWM), in MiB. */
  peakRssMiB(): number | null;
  /** SIGTERM (the server drains and exits), SIGKILL if it hangs. Resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface CpuMicros {
  user: number;
  system: number;
}

export interface ServerOptions {
  /** Where the log file goes (the caller owns and removes the folder). */
  folder: string;
  /** The log file's name in `folder` (two servers in one folder need two). */
  logName?: string;
  /** Variables for the server on top of this process's environment. */
  env: Record<string, string>;
  /** Extra node flags (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** Another script to serve instead of the app (the webhook benchmark's peer), from this project. */
  entry?: string;
  /** How long start-up (tsx compiling, migrations) may take. */
  startTimeoutMs?: number;
  /** Runs if the bench is interrupted (Ctrl-C) after the server was killed: remove temp files. */
  onInterrupt?: () => void;
}

/** Variables from the caller's shell that would change what the server does under test. */
const scrubbed = ["DATABASE_AUTH_TOKEN", "PUBLIC_BASE_URL", "NODE_OPTIONS"];

/**
 * Spawns node itself (not npm) so that the pid is the server's and its /proc/<pid>/stat
 * counts the server's CPU alone; then waits until /healthz answers.
 */
export async function startServer(options: ServerOptions): Promise<ServerChild> {
  const port = await freeLoopbackPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logPath = join(options.folder, options.logName ?? "server.log");
  const log = openSync(logPath, "w");
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !scrubbed.includes(name)),
  );
  Object.assign(env, options.env, { PORT: String(port) });

  const cwd = options.entry === undefined ? serverRoot() : projectRoot;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "--import", "tsx", options.entry ?? "src/node.ts"],
    { cwd, env, stdio: ["ignore", log, log] },
  );
  closeSync(log);
  // a bad cwd or binary is reported here, asynchronously; unhandled it would crash the bench
  child.once("error", () => {});
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn the server in ${cwd}`);

  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((done) => {
    child.once("exit", (code) => {
      exitCode = code;
      done(code);
    });
  });
  // If the bench dies or is interrupted, the server must not outlive it.
  const killNow = () => {
    if (exitCode === undefined) child.kill("SIGKILL");
  };
  const interrupted = (signal: NodeJS.Signals) => {
    killNow();
    options.onInterrupt?.();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("exit", killNow);
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  const server: ServerChild = {
    pid,
    baseUrl,
    logPath,
    cpuMicros: () => readCpuMicros(pid),
    peakRssMiB: () => readPeakRssMiB(pid),
    async stop() {
      process.off("exit", killNow);
      process.off("SIGINT", interrupted);
      process.off("SIGTERM", interrupted);
      if (exitCode !== undefined) return exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(killNow, 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };

  try {
    await waitForHealth(baseUrl, options.startTimeoutMs ?? 60_000, () => exitCode !== undefined);
  } catch (error) {
    await server.stop();
    throw new Error(`${String(error)}\n--- server log (tail) ---\n${tail(logPath, 20)}`, {
      cause: error,
    });
  }
  return server;
}

async function waitForHealth(baseUrl: string, timeoutMs: number, hasExited: () => boolean) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error("the server exited during start-up");
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the server did not answer /healthz within ${timeoutMs} ms`);
}

/** A port the kernel just handed out on loopback; the child binds it a moment later. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => {
        if (port > 0) done(port);
        else fail(new Error("no free port"));
      });
    });
  });
}

let clockTicksPerSecond: number | undefined;

/** USER_HZ, which /proc reports times in; 100 on every Linux we run, but ask once. */
export function clockTicks(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      const value = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
      clockTicksPerSecond = Number.isInteger(value) && value > 0 ? value : 100;
    } catch {
      clockTicksPerSecond = 100;
    }
  }
  return clockTicksPerSecond;
}

/** utime and stime (fields 14 and 15 of /proc/<pid>/stat), counted after the `(comm)` field. */
function readCpuMicros(pid: number): CpuMicros {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state), so field n is fields[n - 3]
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  if (!Number.isFinite(user) || !Number.isFinite(system)) {
    throw new Error(`unreadable /proc/${pid}/stat`);
  }
  const micros = 1_000_000 / clockTicks();
  return { user: user * micros, system: system * micros };
}

function readPeakRssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return match?.[1] ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

function tail(path: string, lines: number): string {
  try {
    return readFileSync(path, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
