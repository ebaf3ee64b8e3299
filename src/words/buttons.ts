// Message builders with buttons: quick replies as postbacks or words, so every step can be tapped,
// and cards whose buttons stand one under another, so none of them is off-screen on a phone.
import type { messagingApi } from "@line/bot-sdk";
import type { OutMessage } from "../line/message";
import { commandWords, type Command } from "./keywords";

export interface Button {
  label: string;
  /** Postback data (the bot reads it back) or, without it, the words sent as a message. */
  data?: string;
  text?: string;
  /** On a card: the button that matters most here (the worst answer, the way to a person). */
  strong?: boolean;
}

/** LINE allows action labels of at most 20 characters. */
const labelLimit = 20;

function actionOf(button: Button): messagingApi.Action {
  const label = button.label.slice(0, labelLimit);
  return button.data === undefined
    ? { type: "message", label, text: button.text ?? button.label }
    : { type: "postback", label, data: button.data, displayText: button.label };
}

/** LINE shows at most 13 quick-reply buttons; on a phone only the first three or four show. */
export function withButtons(body: string, buttons: Button[]): OutMessage {
  return {
    type: "text",
    text: body,
    quickReply: {
      items: buttons.slice(0, 13).map((button) => ({
        type: "action" as const,
        action: actionOf(button),
      })),
    },
  };
}

/**
 * A card with the words and its buttons stacked under them (a Flex bubble): every button is in
 * view without scrolling sideways. `buttons` each take the whole width; then `rows` put short
 * labels side by side; then `after`, full width again. The alt text (notifications, staff's view
 * of the conversation) is the words.
 */
export function buttonCard(
  body: string,
  buttons: Button[],
  options: { rows?: Button[][]; after?: Button[] } = {},
): OutMessage {
  const button = (b: Button): messagingApi.FlexButton => ({
    type: "button",
    action: actionOf(b),
    style: b.strong ? "primary" : "secondary",
    height: "sm",
    ...(b.strong ? { color: "#0f766e" } : {}),
  });
  const rows = (options.rows ?? []).map((row): messagingApi.FlexBox => ({
    type: "box",
    layout: "horizontal",
    spacing: "sm",
    contents: row.map(button),
  }));
  return {
    type: "flex",
    altText: body.slice(0, 400),
    contents: {
      type: "bubble",
      size: "mega",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "sm",
        contents: [
          { type: "text", text: body, wrap: true, size: "md" },
          { type: "separator", margin: "md" },
          ...buttons.map(button),
          ...rows,
          ...(options.after ?? []).map(button),
        ],
      },
    },
  };
}

/** Every action a message offers: its quick replies, and the buttons of a card. */
export function actionsOf(message: OutMessage | undefined): messagingApi.Action[] {
  if (!message) return [];
  const quick = (message.quickReply?.items ?? []).flatMap((item) =>
    item.action ? [item.action] : [],
  );
  if (message.type !== "flex") return quick;
  const found: messagingApi.Action[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    const component = node as { type?: string; action?: messagingApi.Action; contents?: unknown };
    if (component.type === "button" && component.action) found.push(component.action);
    if (Array.isArray(component.contents)) component.contents.forEach(walk);
    for (const part of ["header", "hero", "body", "footer"] as const) {
      if (part in component) walk((component as Record<string, unknown>)[part]);
    }
  };
  walk(message.contents);
  return [...found, ...quick];
}

export function plain(body: string): OutMessage {
  return { type: "text", text: body };
}

/** A button that sends a keyword the bot understands, showing its hiragana form. */
export function commandButton(command: Command, strong = false): Button {
  return { label: commandWords[command], text: commandWords[command], strong };
}

export const helpButton: Button = commandButton("help");
export const talkButton: Button = commandButton("talk");
