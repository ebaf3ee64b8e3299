// The vocabulary every conversation speaks: what came in, what goes out, what must be done.
import type { messagingApi } from "@line/bot-sdk";
import type { AccountRole } from "../store/schema";

export type OutMessage = messagingApi.Message;

/** One thing a person did on LINE, stripped of transport detail. */
export type Inbound =
  | { type: "text"; text: string }
  | { type: "postback"; data: string; params: Record<string, string> }
  | { type: "sticker" }
  | { type: "media"; media: string }
  | { type: "follow"; unblocked: boolean }
  | { type: "unfollow" };

/** Side effects a flow asks for; the caller applies them inside the event's transaction. */
export type Effect = { type: "setFollowing"; following: boolean };

export interface FlowContext {
  /** Milliseconds since epoch, from the injected clock. */
  now: number;
  role: AccountRole;
}

/** A conversation's saved state: JSON with the flow's name and a version, zod-checked on read. */
export interface FlowState {
  flow: string;
  version: number;
  [key: string]: unknown;
}

export interface Step {
  /** The state to keep, or null when no conversation is in progress. */
  state: FlowState | null;
  replies: OutMessage[];
  effects: Effect[];
}
