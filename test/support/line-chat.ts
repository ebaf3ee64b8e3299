// Talking to the bot as a LINE user over the real webhook, and reading what it answered.
import { expect } from "vitest";
import type { OutMessage } from "../../src/line/message";
import { actionsOf } from "../../src/words/buttons";
import { encodePostback } from "../../src/words/postback";
import { consentTextVersion } from "../../src/words/registrant";
import type { TestApp } from "./app";
import { newLineUserId, textEvent, webhookBody } from "./events";
import type { ApiClient } from "./staff";

/** What the bot sent in answer to one event, as far as tests read it. */
export type Sent = {
  type: string;
  text?: string;
  /** A card's words (Flex messages). */
  altText?: string;
  quickReply?: { items: { action: { label: string; data?: string; text?: string } }[] };
}[];

export function lineChat(t: TestApp, clock: () => number) {
  /** Sends one event as LINE would and waits for the bot's replies; returns what it sent. */
  async function send(userId: string, event: Record<string, unknown>): Promise<Sent> {
    const before = t.mock.messagesTo(userId).length;
    const response = await t.postWebhook(
      webhookBody({ ...event, replyToken: t.mock.issueReplyToken(userId) }),
    );
    expect(response.status).toBe(200);
    await t.background.drain();
    return t.mock.messagesTo(userId).slice(before) as Sent;
  }
  const say = (userId: string, text: string) =>
    send(userId, textEvent(userId, text, { timestamp: clock() }));
  const press = (userId: string, data: string) =>
    send(userId, {
      type: "postback",
      mode: "active",
      timestamp: clock(),
      webhookEventId: crypto.randomUUID(),
      deliveryContext: { isRedelivery: false },
      source: { type: "user", userId },
      postback: { data },
    });
  /** Taps the quick-reply button with this label on the last message. */
  const tap = async (userId: string, messages: Sent, label: string) => {
    const button = buttonsOf(messages).find((action) => action.label === label);
    expect(button, `button ${label}`).toBeDefined();
    return press(userId, button?.data ?? "");
  };
  return { send, say, press, tap };
}

/** The words of what was sent: a text's text, a card's alt text (which carries its words). */
export const textOf = (messages: Sent) =>
  messages.map((message) => message.text ?? message.altText ?? "").join("\n");

/** The buttons of the last message: its quick replies, or the buttons of its card. */
export function buttonsOf(messages: Sent) {
  return actionsOf(messages.at(-1) as OutMessage | undefined).map(
    (action) => action as { label: string; data?: string; text?: string },
  );
}

/**
 * A registrant made by staff through the API and linked on LINE with the code; consenting to the
 * current text unless told otherwise.
 */
export async function registrantOnLine(
  t: TestApp,
  api: ApiClient,
  clock: () => number,
  options: { displayName?: string; consent?: boolean } = {},
) {
  const response = await api.call("POST", "/api/registrants", {
    displayName: options.displayName ?? "山田 花子",
  });
  expect(response.status).toBe(201);
  const { id, linkCode } = (await response.json()) as { id: string; linkCode: string };
  const userId = newLineUserId();
  const chat = lineChat(t, clock);
  await chat.say(userId, linkCode);
  if (options.consent ?? true) {
    await chat.press(userId, encodePostback({ a: "consent", v: consentTextVersion, c: "yes" }));
  }
  return { id, userId };
}
