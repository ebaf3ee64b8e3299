// What a person saw of the bot's messages, as staff read it in the conversation.
import type { OutMessage } from "../line/message";

/** The texts of the messages, and the alt text of anything else (a card, a template). */
export function textOfReplies(replies: OutMessage[]): string {
  return replies
    .map((message) =>
      message.type === "text" ? message.text : "altText" in message ? `［${message.altText}］` : "",
    )
    .filter((text) => text !== "")
    .join("\n\n");
}
