// The flows the bot runs, by name. Later flows (link, consent, check-in, report) register here.
import type { Flow, FlowRegistry } from "./router";

export function createFlowRegistry(flows: Flow[] = []): FlowRegistry {
  return new Map(flows.map((flow) => [flow.name, flow]));
}
