// What the bot says, in やさしい日本語: short sentences, everyday words, one ask per message.
import type { OutMessage } from "../line/message";

/** Buttons every guest message offers, so nobody has to type to find their way. */
const guestButtons = {
  items: [{ type: "action", action: { type: "message", label: "ヘルプ", text: "ヘルプ" } }],
} satisfies NonNullable<OutMessage["quickReply"]>;

function text(body: string, withButtons = true): OutMessage {
  return withButtons
    ? { type: "text", text: body, quickReply: guestButtons }
    : { type: "text", text: body };
}

export const words = {
  welcome: (): OutMessage[] => [
    text(
      "ともだち ついか ありがとうございます。\nつなぎ は、センターと あなたを つなぐ LINE です。",
      false,
    ),
    text("センターから もらった ばんごう（すうじ）を ここに おくって ください。"),
  ],
  welcomeBack: (): OutMessage[] => [text("また つながって うれしいです。")],
  askForCode: (): OutMessage[] => [
    text(
      "はじめに、センターから もらった ばんごう（すうじ）を おくって ください。\nわからない ときは、センターに きいて ください。",
    ),
  ],
  guestHelp: (): OutMessage[] => [
    text(
      "つなぎ は、センターと あなたを つなぐ LINE です。\nセンターから もらった ばんごうを おくると、つかえるように なります。\nばんごうが わからない ときは、センターに きいて ください。",
    ),
  ],
  thanksForSticker: (): OutMessage[] => [text("スタンプ ありがとうございます。")],
  thanksForMedia: (): OutMessage[] => [
    text(
      "おくって くれて ありがとうございます。\nしゃしんや ファイルは ここでは みられません。ことばで おくって ください。",
    ),
  ],
  unknownCode: (): OutMessage[] => [
    text(
      "その ばんごうは つかえません でした。\nもう いちど たしかめて おくって ください。\nばんごうは 14日 で つかえなく なります。",
    ),
  ],
  tooManyCodes: (): OutMessage[] => [
    text(
      "なんども ちがう ばんごうが とどいた ので、いまは うけつけて いません。\n1じかん たってから、もう いちど おくって ください。",
    ),
  ],
  codesBusy: (): OutMessage[] => [
    text(
      "ごめんなさい。いま ばんごうの うけつけを すこし やすんで います。\n10ぷん くらい たってから、もう いちど おくって ください。",
    ),
  ],
  alreadyLinked: (): OutMessage[] => [text("この LINE は もう つながって います。")],
  /** A button of a linked person's menu, tapped before linking (or from an old menu). */
  notLinkedYet: (): OutMessage[] => [
    text(
      "この LINE は まだ つながって いません。\nセンターから もらった ばんごう（すうじ）を おくって ください。",
    ),
  ],
  restarted: (): OutMessage[] => [
    text("ごめんなさい。とちゅうで わからなく なりました。もういちど おねがいします。"),
  ],
};
