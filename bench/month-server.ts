// The month benchmark's HTTP server: the app on a seeded database, served by `@hono/node-server` as
// `npm start` serves it (without the scheduler), in a child process so that a client in the bench
// sees bytes when the server writes them. Each CSV body is passed through unchanged, chunk by
// chunk, while this process's RSS and heap are sampled; the peaks go to the parent over IPC.
import { serve } from "@hono/node-server";
import { createApp } from "../src/app";
import { createBackground } from "../src/background";
import { loadConfig } from "../src/core/config";
import { silentLogger } from "../src/core/log";
import { createClassifier } from "../src/escalation/classifier";
import { readTextModelFile } from "../src/escalation/text/model-file";
import { buildDeps } from "../src/services";
import { openStore } from "../src/store/open-node";

/** What the child tells the bench. */
export type MonthServerMessage =
  | { kind: "listening"; port: number }
  | {
      kind: "body";
      path: string;
      chunks: number;
      /** The most RSS and heap rose above their level when the request came in. */
      rssGrowthBytes: number;
      heapGrowthBytes: number;
    };

async function main(): Promise<void> {
  const url = process.env.BENCH_MONTH_DB_URL;
  if (!url) throw new Error("BENCH_MONTH_DB_URL is not set");
  const send = (message: MonthServerMessage) => process.send?.(message);
  const store = await openStore({ url, migrate: false });
  const config = loadConfig({
    LINE_CHANNEL_SECRET: "x",
    LINE_CHANNEL_ACCESS_TOKEN: "y",
    LINE_API_BASE_URL: "http://127.0.0.1:9",
  });
  const app = createApp(
    buildDeps(config, store, createClassifier(readTextModelFile()), { log: silentLogger }),
  );
  const background = createBackground();
  const server = serve(
    {
      fetch: async (request, env) => {
        const before = process.memoryUsage();
        const response = await app.fetch(request, env, background);
        const path = new URL(request.url).pathname;
        if (!path.endsWith(".csv") || response.body === null) return response;
        let rss = 0;
        let heap = 0;
        let chunks = 0;
        const sample = () => {
          const now = process.memoryUsage();
          rss = Math.max(rss, now.rss - before.rss);
          heap = Math.max(heap, now.heapUsed - before.heapUsed);
        };
        // the diagnosis, never the app: a turn of the event loop before each chunk is read
        const yieldFirst = request.headers.get("x-bench-yield") === "1";
        const reader = response.body.getReader();
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (yieldFirst) await new Promise((resolve) => setImmediate(resolve));
            const { done, value } = await reader.read();
            sample();
            if (done) {
              send({ kind: "body", path, chunks, rssGrowthBytes: rss, heapGrowthBytes: heap });
              controller.close();
              return;
            }
            chunks++;
            controller.enqueue(value);
          },
          cancel: (reason) => reader.cancel(reason),
        });
        return new Response(body, { status: response.status, headers: response.headers });
      },
      port: 0,
      hostname: "127.0.0.1",
    },
    (info) => send({ kind: "listening", port: info.port }),
  );
  const stop = () => {
    server.close(() => {
      void background.drain().then(() => {
        store.close();
        process.exit(0);
      });
    });
  };
  process.once("SIGTERM", stop);
  process.once("disconnect", stop);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
