// Chooses the conversation an input belongs to, and restarts politely when saved state is unusable.
import { employerStep } from "./employer";
import { employerWords } from "../words/employer";
import { guestStep } from "./guest";
import { registrantStep } from "./registrant";
import { staffStep } from "./staff";
import type { FlowContext, FlowState, Inbound, Step } from "./types";
import { words } from "../words/guest";

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
    case "employer_contact":
      return employerStep(input, ctx);
    case "guest":
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
  // employers hear only their own allow-listed words, this apology included
  const sorry = ctx.role === "employer_contact" ? employerWords.restarted() : words.restarted();
  return { ...fresh, replies: [...sorry, ...fresh.replies].slice(0, 5) };
}
