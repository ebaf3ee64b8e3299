// Message builders with buttons: quick replies as postbacks or words, so every step can be tapped.
import type { OutMessage } from "../line/message";

export interface Button {
  label: string;
  /** Postback data (the bot reads it back) or, without it, the words sent as a message. */
  data?: string;
  text?: string;
}

/** LINE shows at most 13 quick-reply buttons with labels of at most 20 characters. */
export function withButtons(body: string, buttons: Button[]): OutMessage {
  return {
    type: "text",
    text: body,
    quickReply: {
      items: buttons.slice(0, 13).map((button) => ({
        type: "action" as const,
        action:
          button.data === undefined
            ? {
                type: "message" as const,
                label: button.label.slice(0, 20),
                text: button.text ?? button.label,
              }
            : {
                type: "postback" as const,
                label: button.label.slice(0, 20),
                data: button.data,
                displayText: button.label,
              },
      })),
    },
  };
}

export function plain(body: string): OutMessage {
  return { type: "text", text: body };
}

export const helpButton: Button = { label: "ヘルプ", text: "ヘルプ" };
