// The flows the bot runs, by name. Later flows (link, consent, check-in, report) register here.
import { createCheckinFlow } from "./checkin";
import { createEmployerFlow } from "./employer";
import { registrantStep } from "./registrant";
import type { Flow, FlowRegistry } from "./router";

/** The bot's flows; tests may pass their own. */
export function createFlowRegistry(flows: Flow[] = defaultFlows()): FlowRegistry {
  return new Map(flows.map((flow) => [flow.name, flow]));
}

export function defaultFlows(): Flow[] {
  return [createCheckinFlow(registrantStep), createEmployerFlow()];
}
