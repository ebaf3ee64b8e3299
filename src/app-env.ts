// The dependencies a request sees, and Hono's typing for them.
import type { LineApi } from "./bot/line-api";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { TextClassifier } from "./escalation/classifier";
import type { FlowRegistry } from "./flows/router";
import type { Logger } from "./log";
import type { Store } from "./store/db";

export interface AppDeps {
  config: Config;
  store: Store;
  line: LineApi;
  clock: Clock;
  log: Logger;
  flows: FlowRegistry;
  /** Reads registrants' words: the phrase tables and the learned model. */
  classifier: TextClassifier;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
  };
}
