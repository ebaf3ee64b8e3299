// Node entry: embedded libSQL file (migrated on start), the scheduler in-process, the emulator without LINE.
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { createBackground } from "./background";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { ConfigError, emulatorTokenFile, loadConfig } from "./core/config";
import { Emulator } from "./emulator/emulator";
import { MockLine } from "./emulator/mock-line";
import { mountEmulator } from "./emulator/mount";
import { createClassifier } from "./escalation/classifier";
import { ModelError } from "./escalation/text/model";
import { readTextModelFile } from "./escalation/text/model-file";
import { createLogger, describeError } from "./core/log";
import { runTick, startTicker } from "./schedule/tick";
import { ensureDemoSupervisor } from "./staff/accounts";
import { buildDeps } from "./services";
import { keepAliveReply } from "./line/node-reply";
import { threadedMulticast } from "./line/node-multicast";
import { installRichMenus, RichMenuError } from "./line/rich-menu";
import { defaultRichMenuImageDir, readRichMenuImages } from "./line/rich-menu-images";
import { replaceRichMenus } from "./store/rich-menus";
import { closeStore, openStore } from "./store/open-node";

const tickEveryMs = 5_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // before anything else: without its model the bot must not run on the phrase tables alone
  const classifier = createClassifier(readTextModelFile(config.textModelPath));
  const log = createLogger();
  const store = await openStore({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    checkpointInThread: true,
  });
  const emulator = config.emulator
    ? new Emulator(new MockLine(config.channelAccessToken))
    : undefined;
  const tokenFile = config.emulator ? emulatorTokenFile(config.databaseUrl) : undefined;
  if (tokenFile !== undefined) {
    await mkdir(dirname(tokenFile), { recursive: true });
    // a fresh file of our own: a stale one (or a link planted there) is removed, never reused
    await rm(tokenFile, { force: true });
    await writeFile(tokenFile, config.channelAccessToken, { mode: 0o600, flag: "wx" });
  }
  // the webhook's reply over a keep-alive socket (Workers keep the SDK's fetch)
  const reply = keepAliveReply({
    channelAccessToken: config.channelAccessToken,
    baseUrl: config.lineApiBaseUrl,
  });
  // multicasts paced on a thread of their own: the embedded database blocks this one as it writes
  const multicast = threadedMulticast({
    channelAccessToken: config.channelAccessToken,
    baseUrl: config.lineApiBaseUrl,
    log,
  });
  const deps = buildDeps(config, store, classifier, { log, reply, multicast: multicast.send });
  const app = createApp(deps, {
    mount: emulator ? (routes) => mountEmulator(routes, emulator) : undefined,
  });
  const background = createBackground((error) => {
    log.error("background.failed", describeError(error));
  });

  // the URLs are printed once the socket listens, so whoever reads them can connect at once
  let server: ReturnType<typeof serve> | undefined;
  await new Promise<void>((resolve, reject) => {
    server = serve(
      {
        // the Node request rides along as the env: the client address is its socket's peer
        fetch: (request, env) => app.fetch(request, env, background),
        port: config.port,
        hostname: config.host,
      },
      () => {
        resolve();
      },
    );
    server.once("error", reject);
  });
  if (emulator) {
    // the mock starts empty each run: give it the four menus, as `admin richmenu` would a channel
    try {
      await installRichMenus({
        channelAccessToken: config.channelAccessToken,
        baseUrl: config.lineApiBaseUrl,
        dataBaseUrl: config.lineApiDataBaseUrl,
        publicBaseUrl: config.publicBaseUrl,
        images: await readRichMenuImages(defaultRichMenuImageDir),
        record: (ids) => store.write((tx) => replaceRichMenus(tx, ids, Date.now())),
      });
    } catch (error) {
      // the chat still works without a menu; say why there is none (the message names no secret)
      const why = error instanceof RichMenuError ? error.message : describeError(error).errorName;
      console.error(`Rich menus not installed on the emulator: ${String(why)}`);
    }
  }
  const stopTicker = startTicker(() => runTick(deps), tickEveryMs);

  const base = `http://localhost:${config.port}`;
  console.log(`Tsunagi is running on ${base}`);
  console.log(`  webhook:   ${base}/webhook`);
  console.log(`  health:    ${base}/healthz`);
  console.log(`  database:  ${config.databaseUrl}`);
  if (config.emulator) {
    console.log(`  emulator:  ${base}/emulator   (no LINE channel configured: emulator mode)`);
    const demo = await ensureDemoSupervisor(store, Date.now());
    if (demo) {
      console.log(`  dashboard: ${base}/login   demo supervisor created for this database:`);
      console.log(`             email ${demo.email}   password ${demo.password}   (shown once)`);
    } else {
      console.log(`  dashboard: ${base}/login`);
    }
  } else {
    console.log(`  dashboard: ${base}/login`);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server?.close();
    await stopTicker();
    await background.drain();
    await multicast.close();
    await closeStore(store);
    if (tokenFile !== undefined) await rm(tokenFile, { force: true });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else if (error instanceof ModelError) {
    console.error(`Classifier error: ${error.message}`);
  } else {
    console.error("Tsunagi could not start:", describeError(error));
  }
  process.exit(1);
});
