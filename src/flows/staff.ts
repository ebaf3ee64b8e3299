// A staff member's own LINE account: it receives alerts; the work itself happens in the dashboard.
import type { FlowContext, Inbound, Step } from "./types";
import type { OutMessage } from "../line/message";
import { words } from "../words/guest";
import { commandOf } from "../words/keywords";

const staffText = (body: string): OutMessage => ({ type: "text", text: body });

export const staffWords = {
  linked: (): OutMessage[] => [
    staffText(
      "つなぎの LINE 通知を設定しました。\n緊急の件はいつでも、ほかの件はダッシュボードの「LINE通知」で選んだとおりにお知らせします。通知には利用者さんの回答や体調は書きません。",
    ),
  ],
  /** The staff menu's ヘルプ: what this account is for, and where the rest happens. */
  help: (): OutMessage[] => [
    staffText(
      "このアカウントには、つなぎからの通知が届きます。\n対応や返信は、メニューの「ダッシュボード」から開くダッシュボードでお願いします。どの通知を受け取るかは、ダッシュボードの「LINE通知」で選べます。",
    ),
  ],
  alertsOnly: (): OutMessage[] => [
    staffText(
      "このアカウントには、つなぎからの通知が届きます。対応や返信はダッシュボードからお願いします。",
    ),
  ],
};

export function staffStep(input: Inbound, _ctx: FlowContext): Step {
  switch (input.type) {
    case "follow":
      return {
        state: null,
        replies: staffWords.alertsOnly(),
        effects: [{ type: "setFollowing", following: true }],
      };
    case "unfollow":
      // an account that blocked the bot cannot receive alerts; the sender skips it
      return { state: null, replies: [], effects: [{ type: "setFollowing", following: false }] };
    case "link":
      // a code sent from an account that is already linked (codes are only tried for guests)
      return { state: null, replies: words.alreadyLinked(), effects: [] };
    case "text":
      if (commandOf(input.text) === "help") {
        return { state: null, replies: staffWords.help(), effects: [] };
      }
      return { state: null, replies: staffWords.alertsOnly(), effects: [] };
    case "sticker":
    case "media":
    case "postback":
      return { state: null, replies: staffWords.alertsOnly(), effects: [] };
  }
}
