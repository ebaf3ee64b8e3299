// Chooses the conversation an input belongs to, and restarts politely when saved state is unusable.
import { employerStep } from "./employer";
import { employerWords } from "../words/employer";
import { guestStep } from "./guest";
import { registrantStep } from "./registrant";
import { staffStep } from "./staff";
import type { FlowState } from "./states";
import type { Flow, FlowContext, FlowRegistry, Inbound, SavedState, Step } from "./types";
import { words } from "../words/guest";

/** A saved conversation as loaded: read once, by the flow it names. */
export interface Conversation<S extends SavedState = FlowState> {
  /** The flow the saved row names. */
  name: string;
  /** That flow and the state it read; null when the state is old or broken, or the flow gone. */
  open: { flow: Flow<S>; state: S } | null;
}

/** Reads a saved conversation through the registry, once; null when none is in progress. */
export function resume<S extends SavedState>(
  flows: FlowRegistry<S>,
  saved: { flow: string; state: unknown } | null,
): Conversation<S> | null {
  if (saved === null) return null;
  const flow = flows.get(saved.flow);
  const state = flow?.parse(saved.state) ?? null;
  return { name: saved.flow, open: flow && state ? { flow, state } : null };
}

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

/** One input, in the conversation loaded for it or outside any. */
export function respondIn<S extends SavedState>(
  conversation: Conversation<S> | null,
  input: Inbound,
  ctx: FlowContext,
): Step<S | FlowState> {
  if (conversation === null) return idleStep(input, ctx);
  const open = conversation.open;
  if (open) return open.flow.step(open.state, input, ctx);
  // Old or broken state (a deploy changed the flow, a row was damaged): start afresh, say so.
  const fresh = idleStep(input, ctx);
  // employers hear only their own allow-listed words, this apology included
  const sorry = ctx.role === "employer_contact" ? employerWords.restarted() : words.restarted();
  return { ...fresh, replies: [...sorry, ...fresh.replies] };
}

/** One input against a conversation as it is stored: read through the registry, then answered. */
export function respond<S extends SavedState>(
  flows: FlowRegistry<S>,
  saved: { flow: string; state: unknown } | null,
  input: Inbound,
  ctx: FlowContext,
): Step<S | FlowState> {
  return respondIn(resume(flows, saved), input, ctx);
}
