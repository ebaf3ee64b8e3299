import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          exclude: ["test/worker/**"],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The Workers entry inside workerd; the database and LINE are Node servers from globalSetup.
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                DATABASE_URL: inject("databaseUrl"),
                DATABASE_AUTH_TOKEN: inject("databaseAuthToken"),
                LINE_API_BASE_URL: inject("lineApiBaseUrl"),
                LINE_CHANNEL_SECRET: inject("lineChannelSecret"),
                LINE_CHANNEL_ACCESS_TOKEN: inject("lineChannelAccessToken"),
              },
            },
          })),
        ],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          globalSetup: ["test/worker/global-setup.ts"],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
