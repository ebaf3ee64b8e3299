// The conversation with someone the bot does not know yet: greet, and ask for the link code.
import { readFreeText } from "./free-text";
import { registrantWords } from "../words/registrant";
import { employerWords } from "../words/employer";
import { staffWords } from "./staff";
import type { FlowContext, Inbound, LinkResult, Step } from "./types";
import type { OutMessage } from "../line/message";
import { words } from "../words/guest";
import { commandOf } from "../words/keywords";

export function guestStep(input: Inbound, ctx: FlowContext): Step {
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
    case "text": {
      const command = commandOf(input.text);
      if (command === "help") return { state: null, replies: words.guestHelp(), effects: [] };
      // the guest menu's 「ばんごうを おくる」: they are asked for the number
      if (command === "code") return { state: null, replies: words.askForCode(), effects: [] };
      // a linked person's button (チェックイン, そうだんする…): not linked yet, say so
      if (command !== null) return { state: null, replies: words.notLinkedYet(), effects: [] };
      // protecting life needs no link and no consent: the crisis contacts come first
      const reading = readFreeText(input.text, ctx, "guest");
      return {
        state: null,
        replies: reading.crisisReply ?? words.askForCode(),
        effects: reading.effects,
      };
    }
    case "postback":
      return { state: null, replies: words.askForCode(), effects: [] };
    case "link":
      return { state: null, replies: linkReply(input.result), effects: [] };
  }
}

function linkReply(result: LinkResult): OutMessage[] {
  switch (result.outcome) {
    case "linked":
      if (result.subject === "registrant") return registrantWords.consentRequest();
      return result.subject === "staff" ? staffWords.linked() : employerWords.linked();
    case "unknown-code":
      return words.unknownCode();
    case "throttled":
      return words.tooManyCodes();
    case "busy":
      return words.codesBusy();
    case "already-linked":
      return words.alreadyLinked();
  }
}
