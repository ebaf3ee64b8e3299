// What LINE accepts as one message, how many of them one send may carry, and how more are sent.
import type { messagingApi } from "@line/bot-sdk";

export type OutMessage = messagingApi.Message;

/** LINE takes at most five messages in one reply, push or multicast. */
export const maxMessagesPerSend = 5;

/** One call to LINE: the reply to an event (free), or a push (paid). */
export interface Send<T> {
  kind: "reply" | "push";
  messages: T[];
}

/**
 * The one policy for the five-message limit: nothing is ever cut. Messages go in their order, in
 * sends of at most five; with a reply token the first five are the reply and the rest follow as
 * pushes, without one every send is a push. Whoever builds messages never slices them to fit (a
 * cut could drop the crisis contacts): whoever queues them plans the sends here. `T` stands for
 * one message each: the message itself, or what it is built from (the person a pulse asks about).
 */
export function planSends<T>(messages: readonly T[], replyable: boolean): Send<T>[] {
  const sends: Send<T>[] = [];
  for (let i = 0; i < messages.length; i += maxMessagesPerSend) {
    sends.push({
      kind: i === 0 && replyable ? "reply" : "push",
      messages: messages.slice(i, i + maxMessagesPerSend),
    });
  }
  return sends;
}
