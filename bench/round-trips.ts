// How many database round trips one webhook request costs over libSQL's HTTP protocol (Hrana, as
// Turso speaks it): the app on Node against the test Hrana server, counting its /v2/pipeline calls
// for bodies of 1, 10 and 100 events — each a round trip on Turso, a subrequest on Workers.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../src/app";
import { createBackground } from "../src/background";
import { loadConfig } from "../src/core/config";
import { silentLogger } from "../src/core/log";
import { MockLine, mockLineApp } from "../src/emulator/mock-line";
import { signBody } from "../src/line/signature";
import { buildDeps } from "../src/services";
import { openStore } from "../src/store/open-node";
import { testClassifier } from "../test/support/classifier";
import { listen, testAccessToken, testSecret } from "../test/support/app";
import { newLineUserId, textEvent, webhookBody } from "../test/support/events";
import { createHranaServer } from "../test/support/hrana-server";
import { issueLinkCode } from "../src/link/codes";
import { insertRegistrant } from "../src/store/registrants";
import { createCenter, createStaff } from "../src/store/staff";
import type { Benchmark } from "./harness";

const sizes = [1, 10, 100] as const;

export const roundTripsBenchmark: Benchmark = {
  name: "roundtrips",
  async run() {
    const dir = mkdtempSync(join(tmpdir(), "tsunagi-roundtrips-"));
    const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true })];
    try {
      const path = join(dir, "db.sqlite");
      (await openStore({ url: `file:${path}` })).close();
      const authToken = crypto.randomUUID();
      const hrana = createHranaServer({ path, authToken });
      cleanups.unshift(() => hrana.close());
      let pipelines = 0;
      const database = await listen((request) => {
        if (new URL(request.url).pathname.endsWith("/pipeline")) pipelines++;
        return hrana.app.fetch(request);
      });
      cleanups.unshift(() => new Promise<void>((done) => database.server.close(() => done())));
      const mock = new MockLine(testAccessToken);
      const line = await listen(mockLineApp(mock).fetch);
      cleanups.unshift(() => new Promise<void>((done) => line.server.close(() => done())));

      const store = await openStore({ url: database.url, authToken, migrate: false });
      cleanups.unshift(() => store.close());
      const config = loadConfig({
        LINE_CHANNEL_SECRET: testSecret,
        LINE_CHANNEL_ACCESS_TOKEN: testAccessToken,
        LINE_API_BASE_URL: line.url,
      });
      const deps = buildDeps(config, store, testClassifier, { log: silentLogger });
      const app = createApp(deps);
      const background = createBackground();

      const post = async (body: string) =>
        app.request(
          "/webhook",
          {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-line-signature": await signBody(testSecret, body),
            },
            body,
          },
          {},
          background,
        );
      const metrics: Record<string, number> = {};
      for (const size of sizes) {
        const people = Array.from({ length: size }, () => newLineUserId());
        const body = webhookBody(
          ...people.map((userId) =>
            textEvent(userId, "こんにちは", { replyToken: mock.issueReplyToken(userId) }),
          ),
        );
        const before = pipelines;
        const response = await post(body);
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        // the request's own trips: the replies' "sent" marks come after, in the background
        metrics[`roundTripsFor${size}`] = pipelines - before;
        await background.drain();
      }
      // a link code: the one body here that needs a transaction (the code is tried as it is used)
      const linkCode = await store.write(async (tx) => {
        const center = await createCenter(tx, "ベンチ", 0);
        const worker = await createStaff(tx, {
          centerId: center.id,
          email: `bench-${crypto.randomUUID()}@example.jp`,
          displayName: "ベンチ",
          role: "caseworker",
          passwordHash: "x",
          now: 0,
        });
        const person = await insertRegistrant(tx, {
          centerId: center.id,
          displayName: "ベンチ",
          now: 0,
        });
        return (
          await issueLinkCode(tx, {
            centerId: center.id,
            subjectType: "registrant",
            subjectId: person.id,
            createdBy: worker.id,
            now: Date.now(),
          })
        ).linkCode;
      });
      {
        const userId = newLineUserId();
        const body = webhookBody(
          textEvent(userId, linkCode, { replyToken: mock.issueReplyToken(userId) }),
        );
        const before = pipelines;
        const response = await post(body);
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        metrics.roundTripsForLinkCode = pipelines - before;
        await background.drain();
      }
      const perEvent = (size: number) => (metrics[`roundTripsFor${size}`] ?? 0) / size;
      return {
        name: "roundtrips",
        params: { sizes: sizes.join(",") },
        metrics,
        summary:
          `roundtrips  database round trips per webhook request (Hrana over HTTP): ` +
          sizes
            .map(
              (size) => `${size} event${size > 1 ? "s" : ""} → ${metrics[`roundTripsFor${size}`]}`,
            )
            .join(", ") +
          `  (${perEvent(100).toFixed(1)} per event at 100; target ≤ 2 per request); ` +
          `a link code → ${metrics.roundTripsForLinkCode}`,
        notes: [
          "  each is one HTTP request to Turso (a subrequest on Workers: 50 on the free plan, 1,000 paid)",
        ],
      };
    } finally {
      for (const cleanup of cleanups) await cleanup();
    }
  },
};
