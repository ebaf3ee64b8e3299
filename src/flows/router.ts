// Chooses the conversation an input belongs to, and restarts politely when saved state is unusable.
import { guestStep } from "./guest";
import { registrantStep } from "./registrant";
import { staffStep } from "./staff";
import type { FlowContext, FlowState, Inbound, Step } from "./types";
import { words } from "./words";

/** A conversation that keeps state between messages. */
export interface Flow {
  name: string;
  /** Returns the state when it is this flow's current version and shape; null otherwise. */
  parse(state: unknown): FlowState | null;
  step(state: FlowState, input: Inbound, ctx: FlowContext): Step;
}

export type FlowRegistry = ReadonlyMap<string, Flow>;

/** What a person gets when no conversation is in progress, by what we know them as. */
export function idleStep(input: Inbound, ctx: FlowContext): Step {
  switch (ctx.role) {
    case "registrant":
      return registrantStep(input, ctx);
    case "staff":
      return staffStep(input, ctx);
    // Employer contacts get their own flow in later work; until then they are answered like
    // guests so nobody is met with silence.
    case "guest":
    case "employer_contact":
      return guestStep(input, ctx);
  }
}

export function respond(
  flows: FlowRegistry,
  saved: { flow: string; state: unknown } | null,
  input: Inbound,
  ctx: FlowContext,
): Step {
  if (saved === null) return idleStep(input, ctx);
  const flow = flows.get(saved.flow);
  const state = flow?.parse(saved.state) ?? null;
  if (flow && state) return flow.step(state, input, ctx);
  // Old or broken state (a deploy changed the flow, a row was damaged): start afresh, say so.
  const fresh = idleStep(input, ctx);
  return { ...fresh, replies: [...words.restarted(), ...fresh.replies].slice(0, 5) };
}
