// The conversation with someone the bot does not know yet: greet, and ask for the link code.
import type { FlowContext, Inbound, Step } from "./types";
import { words } from "./words";

const helpWords = new Set(["ヘルプ", "へるぷ", "help", "たすけて", "使い方", "つかいかた"]);

export function guestStep(input: Inbound, _ctx: FlowContext): Step {
  switch (input.type) {
    case "follow":
      return {
        state: null,
        replies: input.unblocked
          ? [...words.welcomeBack(), ...words.askForCode()]
          : words.welcome(),
        effects: [{ type: "setFollowing", following: true }],
      };
    case "unfollow":
      return { state: null, replies: [], effects: [{ type: "setFollowing", following: false }] };
    case "sticker":
      return {
        state: null,
        replies: [...words.thanksForSticker(), ...words.askForCode()],
        effects: [],
      };
    case "media":
      return {
        state: null,
        replies: [...words.thanksForMedia(), ...words.askForCode()],
        effects: [],
      };
    case "text":
      return {
        state: null,
        replies: helpWords.has(input.text.trim().toLowerCase())
          ? words.guestHelp()
          : words.askForCode(),
        effects: [],
      };
    case "postback":
      return { state: null, replies: words.askForCode(), effects: [] };
  }
}
