// The dependencies a request sees, and Hono's typing for them.
import type { LineApi } from "../line/api";
import type { Clock } from "../core/clock";
import type { Config } from "../core/config";
import type { TextClassifier } from "../escalation/classifier";
import type { FlowRegistry } from "../flows/types";
import type { Logger } from "../core/log";
import type { Store } from "../store/db";

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
