// What the bot says to a linked registrant, in やさしい日本語: short, kind, one ask per message.
import { encodePostback } from "./postback";
import { helpButton, plain, withButtons, type Button } from "./buttons";
import { formatMinute, tokyoMidnight, tokyoParts, weekdayNames } from "../time/calendar";
import type { CenterNow } from "../time/business-time";
import type { OutMessage } from "../line/message";

/** Bump when the consent text changes: each decision is stored with the version it answered. */
export const consentTextVersion = 2;

const menu: Button[] = [
  { label: "チェックイン", text: "チェックイン" },
  { label: "相談する", text: "相談する" },
  helpButton,
];

export const registrantWords = {
  /**
   * The month's report in its short version: what went well and what happens next month, in the
   * worker's words (やさしい日本語), with a button to talk.
   */
  monthlyReport: (month: number, wentWell: string, nextMonth: string): OutMessage[] => [
    plain(`${month}がつの ふりかえり です。\nセンターの しえんの 人から です。`),
    plain(`よかった こと\n${wentWell}`),
    withButtons(`らいげつ の こと\n${nextMonth}\n\nはなしたい ことが あったら、おして ください。`, [
      { label: "そうだんする", text: "相談する" },
    ]),
  ],
  consentRequest: (): OutMessage[] => [
    plain(
      "つながりました。ありがとうございます。\nつなぎ では、まいしゅう 1かい、みじかい しつもんを おくります（2ふん くらい）。",
    ),
    plain("しつもんは、からだの ちょうし・ねむり・きもち・くすり・しごと・こまりごと です。"),
    plain(
      "こたえを みるのは、センターの しえんの 人 だけ です。\nかいしゃの 人は みません。\nかいしゃの 人が、きに なる ことを センターに つたえる ことは あります。",
    ),
    plain("いつでも「停止」で おやすみ できます。\nやめる ことも できます。"),
    consentQuestion(),
  ],
  consentAgain: (): OutMessage[] => [
    plain("チェックインの まえに、おねがいが あります。"),
    plain(
      "こたえを みるのは、センターの しえんの 人 だけ です。\nかいしゃの 人は みません。\nかいしゃの 人が、きに なる ことを センターに つたえる ことは あります。",
    ),
    consentQuestion(),
  ],
  consentThanks: (weekday: number, minute: number): OutMessage[] => [
    withButtons(
      `ありがとうございます。\nまいしゅう ${weekdayNames[weekday] ?? ""}ようび ${formatMinute(minute)} ごろに しつもんを おくります。\nいま やる ときは「チェックイン」を おして ください。`,
      menu,
    ),
  ],
  consentDeclined: (): OutMessage[] => [
    withButtons(
      "わかりました。しつもんは おくりません。\nきもちが かわったら「同意する」と おくって ください。",
      [{ label: "同意する", text: "同意する" }, helpButton],
    ),
  ],
  alreadyConsented: (): OutMessage[] => [
    withButtons("もう 同意 して います。ありがとうございます。", menu),
  ],
  withdrawQuestion: (): OutMessage[] => [
    withButtons("しつもんを やめますか？\nこたえを あつめるのを やめます。", [
      { label: "やめる", data: encodePostback({ a: "withdraw", c: "yes" }) },
      { label: "つづける", data: encodePostback({ a: "withdraw", c: "no" }) },
    ]),
  ],
  withdrawn: (): OutMessage[] => [
    withButtons(
      "やめました。しつもんは もう おくりません。\nまた はじめる ときは「同意する」と おくって ください。",
      [{ label: "同意する", text: "同意する" }, helpButton],
    ),
  ],
  notWithdrawn: (): OutMessage[] => [withButtons("このまま つづけます。", menu)],
  paused: (): OutMessage[] => [
    withButtons(
      "チェックインを おやすみ します。\nまた はじめる ときは「再開」と おくって ください。",
      [{ label: "再開", text: "再開" }, helpButton],
    ),
  ],
  alreadyPaused: (): OutMessage[] => [
    withButtons("いまは おやすみ中 です。\nはじめる ときは「再開」と おくって ください。", [
      { label: "再開", text: "再開" },
      helpButton,
    ]),
  ],
  /** The person asked to resume, but staff paused the check-ins: only staff can restart them. */
  /** A command that needs support after it ended: nothing changes; words still reach a person. */
  supportEnded: (center?: CenterNow): OutMessage[] => [
    withButtons(
      `しえんの きかんが おわったので、まいしゅうの しつもんは ありません。\nこまった ときは、ここに かいて ください。${center?.phone ? `でんわ: ${center.phone}` : "センターの 人が よみます。"}`,
      [helpButton],
    ),
  ],
  /** Sent once when staff end support: thanks, and where to turn. */
  supportEndedNotice: (center?: CenterNow): OutMessage[] => [
    plain(
      `いままで ありがとうございました。\nしえんの きかんが おわったので、まいしゅうの しつもんは これで おわりです。\nこまった ときは、いつでも ここに かいて ください。${center?.phone ? `\nでんわ: ${center.phone}` : ""}`,
    ),
  ],
  pausedByStaff: (): OutMessage[] => [
    withButtons(
      "いまは しえんの 人が しつもんを おやすみに して います。\nまた はじめたい ときは、しえんの 人に つたえて ください。",
      [{ label: "相談する", text: "相談する" }, helpButton],
    ),
  ],
  resumed: (): OutMessage[] => [withButtons("チェックインを また はじめます。", menu)],
  help: (center?: CenterNow): OutMessage[] => [
    withButtons(
      "つなぎ で できること：\n・チェックイン … いまの ようすを こたえる\n・相談する … しえんの 人に れんらく\n・停止 / 再開 … しつもんを やすむ / はじめる\n・曜日を変える … しつもんの 日を かえる\n・同意をやめる … しつもんを やめる",
      menu,
    ),
    plain(
      center?.phone
        ? `いそぐ ときや つらい ときは、センターに でんわ して ください。\nセンター：${center.phone}`
        : "いそぐ ときや つらい ときは、センターに でんわ して ください。",
    ),
  ],
  talkRequested: (): OutMessage[] => [
    withButtons("しえんの 人に つたえました。\nれんらくを まって いて ください。", menu),
  ],
  /** After staff acknowledged what the person's words raised: a person has read it. */
  seenByStaff: (): OutMessage[] => [
    withButtons(
      "しえんの 人が あなたの メッセージを よみました。\nこまった ことが あれば、いつでも おくって ください。",
      menu,
    ),
  ],
  /** Honest about when: outside opening hours, when the center opens again. */
  messageReceived: (center?: CenterNow, now = 0): OutMessage[] => [
    withButtons(
      center && !center.openNow && center.nextOpenAt !== null
        ? `メッセージ ありがとうございます。\nいまは センターが おやすみ です。\n${whenOpen(center.nextOpenAt, now)}に あきます。そのとき しえんの 人が よみます。`
        : "メッセージ ありがとうございます。\nしえんの 人が よみます。",
      menu,
    ),
  ],
  /** Words from someone who has not consented: honest that nobody will read them. */
  notShared: (): OutMessage[] => [
    withButtons(
      "メッセージ ありがとうございます。\nどういが ないので、この メッセージは しえんの 人に とどきません。\nはなしたい ときは、センターに でんわ して ください。",
      [
        { label: "どういする", text: "どういする" },
        { label: "ヘルプ", text: "ヘルプ" },
      ],
    ),
  ],
  thanksForSticker: (): OutMessage[] => [withButtons("スタンプ ありがとうございます。", menu)],
  thanksForMedia: (): OutMessage[] => [
    withButtons(
      "おくって くれて ありがとうございます。\nしゃしんや ファイルは みられません。ことばで おくって ください。",
      menu,
    ),
  ],
  welcomeBack: (): OutMessage[] => [withButtons("また つながって うれしいです。", menu)],
  askWeekday: (): OutMessage[] => [
    withButtons(
      "なんようびに しつもんを おくりますか？",
      [1, 2, 3, 4, 5, 6, 0].map((day) => ({
        label: `${weekdayNames[day] ?? ""}ようび`,
        data: encodePostback({ a: "day", d: day }),
      })),
    ),
  ],
  askTime: (weekday: number): OutMessage[] => [
    withButtons(
      "なんじごろが いいですか？",
      [
        ["あさ 8:00", 8 * 60],
        ["ひる 12:00", 12 * 60],
        ["ゆうがた 18:00", 18 * 60],
        ["よる 20:00", 20 * 60],
      ].map(([label, minute]) => ({
        label: String(label),
        data: encodePostback({ a: "time", d: weekday, m: Number(minute) }),
      })),
    ),
  ],
  scheduleChanged: (weekday: number, minute: number): OutMessage[] => [
    withButtons(
      `かえました。まいしゅう ${weekdayNames[weekday] ?? ""}ようび ${formatMinute(minute)} ごろに おくります。`,
      menu,
    ),
  ],
  checkinOver: (): OutMessage[] => [
    withButtons(
      "その チェックインは もう おわって います。\nいま やる ときは「チェックイン」を おして ください。",
      menu,
    ),
  ],
  notUnderstood: (): OutMessage[] => [
    withButtons("ごめんなさい。うまく よみとれません でした。", menu),
  ],
  alreadyLinked: (): OutMessage[] => [withButtons("この LINE は もう つながって います。", menu)],
  /**
   * The handover question (引き継ぎ, with consent): who helps after the period when staff know,
   * what is passed on in plain words (and what never is), then one question with its buttons.
   * `requestId` names this question, so an old one's buttons cannot answer a newer one.
   */
  handoverQuestion: (requestId: number, agency: string): OutMessage[] => [
    plain(
      agency === ""
        ? "しえんの きかんが おわった あとも、つぎの センターが あなたを てつだいます。"
        : `しえんの きかんが おわった あとも、「${agency}」が あなたを てつだいます。`,
    ),
    plain(
      "つたえる こと\n・しごとと かいしゃの れんらくさき\n・いままでの しえん\n・いま こまって いる こと\n・あなたに あう やりかた\n\nLINE に かいた ことばと、しつもんの こたえは つたえません。",
    ),
    withButtons("つぎの センターに、あなたの ことを つたえても いいですか", [
      { label: "いいよ", data: encodePostback({ a: "handover", r: requestId, c: "yes" }) },
      { label: "つたえないで", data: encodePostback({ a: "handover", r: requestId, c: "no" }) },
      { label: "そうだんする", text: "相談する" },
    ]),
  ],
  handoverAgreed: (): OutMessage[] => [
    withButtons("ありがとう。つたえる ときは、しえんの 人が また はなします。", menu),
  ],
  handoverRefused: (): OutMessage[] => [
    withButtons(
      "わかりました。つたえません。\nきもちが かわったら、しえんの 人に はなして ください。",
      menu,
    ),
  ],
  /** A second tap, or staff recorded the answer on paper meanwhile: nothing changes. */
  handoverAnswered: (): OutMessage[] => [
    withButtons(
      "こたえは もう とどいて います。ありがとう。\nかえたい ときは、しえんの 人に はなして ください。",
      menu,
    ),
  ],
  /** The buttons of a question that is no longer asked: nothing changes. */
  handoverQuestionOver: (): OutMessage[] => [
    withButtons(
      "この しつもんは もう おわりました。\nきに なる ことは、しえんの 人に はなして ください。",
      menu,
    ),
  ],
};

function consentQuestion(): OutMessage {
  return withButtons("この ないようで はじめて いいですか？", [
    { label: "同意する", data: encodePostback({ a: "consent", v: consentTextVersion, c: "yes" }) },
    { label: "同意しない", data: encodePostback({ a: "consent", v: consentTextVersion, c: "no" }) },
  ]);
}

const dayMs = 24 * 60 * 60 * 1000;
const readingWeekdays = ["にち", "げつ", "か", "すい", "もく", "きん", "ど"] as const;

/** 「あした 9じ」「12がつ 7にち（げつ）9じ 30ぷん」: when the center opens, in plain words. */
export function whenOpen(at: number, now: number): string {
  const open = tokyoParts(at);
  const hour = Math.floor(open.minute / 60);
  const minute = open.minute % 60;
  const clock = minute === 0 ? `${hour}じ` : `${hour}:${String(minute).padStart(2, "0")}`;
  const days = Math.round((tokyoMidnight(at) - tokyoMidnight(now)) / dayMs);
  if (days === 0) return `きょう ${clock}`;
  if (days === 1) return `あした ${clock}`;
  return `${open.month}がつ ${open.day}にち（${readingWeekdays[open.weekday] ?? ""}）${clock}`;
}
