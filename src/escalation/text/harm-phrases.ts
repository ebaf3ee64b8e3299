// Phrases of intent or fear of harming someone else (他害): a risk to life with its own reply.
import { hyperboleCause, mentionContexts } from "./fragments";
import { anyOf, type Context, type PhraseTable } from "./rules";

const hyperbole: Context = { before: hyperboleCause, then: null };
const laughing: Context = { after: "^[^。]{0,3}(?:笑|w|草)", then: null };

/** Whom someone might hurt: a person, never a bug or a game's boss. */
const someone = anyOf(
  "人",
  "ひと",
  "誰か",
  "だれか",
  "上司",
  "先輩",
  "同僚",
  "店長",
  "社長",
  "あいつ",
  "やつ",
  "親",
  "父",
  "母",
  "兄",
  "姉",
  "弟",
  "妹",
  "子ども",
  "子供",
  "こども",
  "彼氏",
  "彼女",
  "夫",
  "妻",
  "家族",
  "隣の人",
  "となりの人",
);
const weapon = anyOf("包丁", "ほうちょう", "ナイフ", "刃物", "はもの", "カッター", "バット");

/** Intent or fear of harming someone else (他害): urgent, with its own reply. */
export const harmToOthersTable: PhraseTable = {
  category: "crisis",
  harmToOthers: true,
  rules: [
    {
      pattern:
        "(?:殺|ころ)(?:して(?:しまい|しま|しまう)そう|しちゃいそう|しそう(?:で|に|な)|してしまう(?:かも|気が))|(?:刺|さ)して(?:しまい|しまう)そう|刺しちゃいそう|(?:殴|なぐ)って(?:しまい|しまう)そう|手(?:を出して|が出て)(?:しまい|しまう)?そう|手が出そう",
      severity: "urgent",
      contexts: [laughing, hyperbole],
    },
    {
      pattern: `${someone}(?:を|のこと)?(?:、)?(?:本気で|ほんきで|まじで)?(?:殺|ころ|刺|さ)(?:したい|してやる|してやりたい|そうと思|そうかな)`,
      severity: "urgent",
      contexts: [
        laughing,
        hyperbole,
        { message: "笑|w|ww|草|冗談", then: { category: "other", severity: "low" } },
      ],
    },
    {
      pattern: `${someone}(?:を)?(?:傷つけ|きずつけ)(?:たい|てしまいそう|そう|てしまう)`,
      severity: "urgent",
      contexts: mentionContexts,
    },
    {
      pattern:
        "(?:殺|ころ)せ(?:って|と)(?:声|こえ|言われ|いわれ|聞こえ|きこえ|命令)|(?:声|こえ)が[^。]{0,12}(?:殺|ころ|刺|さ)せ",
      severity: "urgent",
    },
    {
      pattern: `${weapon}(?:を)?(?:持ち歩|もちある|かばんに|鞄に|持って(?:会社|職場|行|い))`,
      severity: "urgent",
      contexts: mentionContexts,
    },
  ],
};
