// Words people type instead of tapping, folded so 「ちぇっくいん」, 「チェックイン 」 and 「ﾁｪｯｸｲﾝ」 mean the
// same. Every button a registrant sees shows the hiragana form; the kanji forms keep working typed.
import { foldWords } from "../core/fold";
export type Command =
  | "checkin"
  | "pause"
  | "resume"
  | "help"
  | "consent"
  | "decline"
  | "withdraw"
  | "schedule"
  | "talk"
  | "code";

/** What each button and tile sends: the hiragana first (the words people see). */
export const commandWords = {
  checkin: "チェックイン",
  pause: "おやすみする",
  resume: "また はじめる",
  help: "ヘルプ",
  consent: "どういする",
  decline: "どういしない",
  withdraw: "どういを やめる",
  schedule: "ようびを かえる",
  talk: "そうだんする",
  code: "ばんごうを おくる",
} as const satisfies Record<Command, string>;

const commands: Record<Command, string[]> = {
  checkin: [commandWords.checkin, "checkin", "check-in"],
  // not 「おやすみ」 alone: that is good night
  pause: [commandWords.pause, "停止", "ていし", "とめて", "止めて", "お休みする", "stop"],
  resume: [commandWords.resume, "再開", "さいかい", "また始める", "はじめる", "resume"],
  // 「たすけて」 is a call for help, not a question about the menu: it goes to a person
  help: [commandWords.help, "help", "使い方", "つかいかた"],
  consent: [commandWords.consent, "同意する", "同意"],
  decline: [commandWords.decline, "同意しない"],
  // not 「やめたい」: someone who wants to quit their job is heard by a person, not asked this
  withdraw: [commandWords.withdraw, "同意をやめる"],
  schedule: [commandWords.schedule, "曜日を変える", "曜日をかえる", "ようびを変える"],
  talk: [
    commandWords.talk,
    "相談する",
    "相談",
    "そうだん",
    "人と はなしたい",
    "人と話したい",
    "ひとと はなしたい",
  ],
  code: [commandWords.code, "番号を送る", "ばんごう", "番号"],
};

const lookup = new Map<string, Command>(
  Object.entries(commands).flatMap(([command, words]) =>
    words.map((word) => [foldWords(word), command as Command] as const),
  ),
);

export function commandOf(text: string): Command | null {
  return lookup.get(foldWords(text)) ?? null;
}
