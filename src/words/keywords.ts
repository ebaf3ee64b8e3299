// Words people type instead of tapping, folded so 「ちぇっくいん」 and 「チェックイン 」 mean the same.
import { foldWords } from "../core/fold";
export type Command =
  "checkin" | "pause" | "resume" | "help" | "consent" | "withdraw" | "schedule" | "talk";

const commands: Record<Command, string[]> = {
  checkin: ["チェックイン", "checkin", "check-in"],
  pause: ["停止", "ていし", "とめて", "止めて", "stop"],
  resume: ["再開", "さいかい", "resume"],
  // 「たすけて」 is a call for help, not a question about the menu: it goes to a person
  help: ["ヘルプ", "help", "使い方", "つかいかた"],
  consent: ["同意する", "どういする"],
  withdraw: ["同意をやめる", "どういをやめる", "やめたい"],
  schedule: ["曜日を変える", "ようびをかえる", "曜日をかえる"],
  talk: ["相談する", "そうだんする", "相談", "そうだん"],
};

const lookup = new Map<string, Command>(
  Object.entries(commands).flatMap(([command, words]) =>
    words.map((word) => [foldWords(word), command as Command] as const),
  ),
);

export function commandOf(text: string): Command | null {
  return lookup.get(foldWords(text)) ?? null;
}
