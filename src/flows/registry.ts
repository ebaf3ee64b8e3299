// The flows the bot runs, by name. Later flows (link, consent, check-in, report) register here.
import { createCheckinFlow } from "./checkin";
import { createEmployerFlow } from "./employer";
import { registrantStep } from "./registrant";
import type { Flow, FlowRegistry, SavedState } from "./types";

/** The bot's flows; tests may pass their own. */
export function createFlowRegistry(): FlowRegistry;
export function createFlowRegistry<S extends SavedState>(flows: Flow<S>[]): FlowRegistry<S>;
export function createFlowRegistry(
  flows: Flow<SavedState>[] = defaultFlows(),
): FlowRegistry<SavedState> {
  return new Map(flows.map((flow) => [flow.name, flow]));
}

export function defaultFlows(): Flow[] {
  return [createCheckinFlow(registrantStep), createEmployerFlow()];
}
