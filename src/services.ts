// Builds the app's dependencies from parsed config; shared by the Node entry, tests and the bench.
import type { AppDeps } from "./http/app-env";
import { createLineApi, type MulticastTransport, type ReplyTransport } from "./line/api";
import { systemClock, type Clock } from "./core/clock";
import type { Config } from "./core/config";
import type { TextClassifier } from "./escalation/classifier";
import { createFlowRegistry } from "./flows/registry";
import { createLogger, type Logger } from "./core/log";
import type { Store } from "./store/db";

export function buildDeps(
  config: Config,
  store: Store,
  classifier: TextClassifier,
  options: {
    clock?: Clock;
    log?: Logger;
    reply?: ReplyTransport;
    multicast?: MulticastTransport;
  } = {},
): AppDeps {
  return {
    config,
    store,
    line: createLineApi({
      channelAccessToken: config.channelAccessToken,
      baseUrl: config.lineApiBaseUrl,
      reply: options.reply,
      multicast: options.multicast,
    }),
    clock: options.clock ?? systemClock,
    log: options.log ?? createLogger(),
    flows: createFlowRegistry(),
    classifier,
  };
}
