// What the bot says to a linked registrant, in やさしい日本語: short, kind, one ask per message.
import { encodePostback } from "./postback";
import {
  buttonCard,
  commandButton,
  helpButton,
  plain,
  talkButton,
  withButtons,
  type Button,
} from "./buttons";
import { formatMinute, tokyoMidnight, tokyoParts, weekdayNames } from "../time/calendar";
import type { CenterCalendar, CenterNow } from "../time/business-time";
import type { OutMessage } from "../line/message";

/** Bump when the consent text changes: each decision is stored with the version it answered. */
export const consentTextVersion = 2;

/** Consented, but to an older text: the current one is put to them (once, after a check-in). */
export function needsRenewal(
  registrant: { consented: boolean; consentVersion?: number | null } | undefined,
): boolean {
  return (
    registrant?.consented === true &&
    registrant.consentVersion != null &&
    registrant.consentVersion < consentTextVersion
  );
}

const menu: Button[] = [commandButton("checkin"), talkButton, helpButton];

/** The way to a person, first: for a message that raised a worry. */
const personFirst: Button[] = [
  { label: "🙋 人と はなしたい", text: "人と はなしたい" },
  commandButton("checkin"),
  helpButton,
];

/** What the consent covers, in the words of the current text (version 2). */
const consentCovers =
  "こたえを みるのは、センターの しえんの 人 だけ です。\nかいしゃの 人は みません。\nかいしゃの 人が、きに なる ことを センターに つたえる ことは あります。";

export const registrantWords = {
  /**
   * The month's report in its short version: what went well and what happens next month, in the
   * worker's words (やさしい日本語), with a button to talk.
   */
  monthlyReport: (month: number, wentWell: string, nextMonth: string): OutMessage[] => [
    plain(`${month}がつの ふりかえり です。\nセンターの しえんの 人から です。`),
    plain(`よかった こと\n${wentWell}`),
    withButtons(`らいげつ の こと\n${nextMonth}\n\nはなしたい ことが あったら、おして ください。`, [
      talkButton,
    ]),
  ],
  consentRequest: (): OutMessage[] => [
    plain(
      "つながりました。ありがとうございます。\nつなぎ では、まいしゅう 1かい、みじかい しつもんを おくります（2ふん くらい）。",
    ),
    plain("しつもんは、からだの ちょうし・ねむり・きもち・くすり・しごと・こまりごと です。"),
    plain(consentCovers),
    plain("いつでも「おやすみする」で やすめます。\nやめる ことも できます。"),
    consentQuestion(),
  ],
  consentAgain: (): OutMessage[] => [
    plain("チェックインの まえに、おねがいが あります。"),
    plain(consentCovers),
    consentQuestion(),
  ],
  /**
   * Asked once, at the end of a check-in, of someone who agreed to an older text: the new text
   * and the same two buttons. Until they agree, what they agreed to before still holds.
   */
  consentRenewal: (): OutMessage[] => [
    plain("もう ひとつ、おしらせ です。\nつなぎの せつめいが すこし かわりました。"),
    plain(consentCovers),
    consentQuestion(
      "この ないようで いいですか？\n「どういしない」でも、いままでの まま つかえます。",
    ),
  ],
  consentRenewed: (): OutMessage[] => [withButtons("ありがとうございます。", menu)],
  /** The new text declined: the old consent holds, nothing else changes. */
  consentKept: (): OutMessage[] => [
    withButtons(
      "わかりました。いままでの まま です。\nきもちが かわったら「どういする」を おして ください。",
      [commandButton("consent"), helpButton],
    ),
  ],
  consentThanks: (weekday: number, minute: number): OutMessage[] => [
    withButtons(
      `ありがとうございます。\nまいしゅう ${weekdayNames[weekday] ?? ""}ようび ${formatMinute(minute)} ごろに しつもんを おくります。\nいま やる ときは「チェックイン」を おして ください。`,
      menu,
    ),
  ],
  consentDeclined: (): OutMessage[] => [
    withButtons(
      "わかりました。しつもんは おくりません。\nきもちが かわったら「どういする」を おして ください。",
      [commandButton("consent"), helpButton],
    ),
  ],
  alreadyConsented: (): OutMessage[] => [
    withButtons("もう どうい して います。ありがとうございます。", menu),
  ],
  withdrawQuestion: (): OutMessage[] => [
    withButtons("しつもんを やめますか？\nこたえを あつめるのを やめます。", [
      { label: "やめる", data: encodePostback({ a: "withdraw", c: "yes" }) },
      { label: "つづける", data: encodePostback({ a: "withdraw", c: "no" }) },
    ]),
  ],
  withdrawn: (): OutMessage[] => [
    withButtons(
      "やめました。しつもんは もう おくりません。\nまた はじめる ときは「どういする」を おして ください。",
      [commandButton("consent"), helpButton],
    ),
  ],
  notWithdrawn: (): OutMessage[] => [withButtons("このまま つづけます。", menu)],
  paused: (): OutMessage[] => [
    withButtons(
      "チェックインを おやすみ します。\nまた はじめる ときは「また はじめる」を おして ください。",
      [commandButton("resume"), helpButton],
    ),
  ],
  alreadyPaused: (): OutMessage[] => [
    withButtons(
      "いまは おやすみちゅう です。\nはじめる ときは「また はじめる」を おして ください。",
      [commandButton("resume"), helpButton],
    ),
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
      [talkButton, helpButton],
    ),
  ],
  resumed: (): OutMessage[] => [withButtons("チェックインを また はじめます。", menu)],
  /** What can be done, as buttons that stand in view: the words say what each one does. */
  help: (center: CenterNow | undefined, who: { paused: boolean; consented: boolean }) => [
    buttonCard(
      `つなぎ で できる こと です。\n・チェックイン … いまの ようすを こたえる\n・そうだんする … しえんの 人に れんらく\n${
        who.paused
          ? "・また はじめる … しつもんを また はじめる"
          : "・おやすみする … しつもんを やすむ"
      }\n・ようびを かえる … しつもんの 日を かえる\n${
        who.consented
          ? "・どういを やめる … しつもんを やめる"
          : "・どういする … しつもんを はじめる"
      }`,
      [
        commandButton("checkin"),
        commandButton("talk", true),
        commandButton(who.paused ? "resume" : "pause"),
        commandButton("schedule"),
        commandButton(who.consented ? "withdraw" : "consent"),
      ],
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
  /**
   * Words that raised something for staff (a worry, a request), outside a check-in: a person will
   * see them, when, and the way to talk now.
   */
  messageHeard: (center?: CenterNow, now = 0): OutMessage[] => [
    withButtons(
      `メッセージ ありがとうございます。\n${whenSeen(center, now)}\nすぐ はなしたい ときは「人と はなしたい」を おして ください。`,
      personFirst,
    ),
  ],
  /**
   * The end of a check-in whose answers or words raised something: not a cheerful goodbye, but
   * who will see it, when, and the way to a person.
   */
  checkinHeard: (center?: CenterNow, now = 0): OutMessage[] => [
    withButtons(
      `ありがとうございました。チェックインは おわりです。\nおしえて くれた ことは、${whenSeen(center, now)}\nすぐ はなしたい ときは「人と はなしたい」を おして ください。`,
      [personFirst[0] as Button, helpButton],
    ),
  ],
  /** The end of a check-in that raised nothing. */
  checkinDone: (): OutMessage[] => [
    withButtons(
      "ありがとうございました！\nこんしゅうの チェックインは おわりです。\nまた らいしゅう。",
      [talkButton, helpButton],
    ),
  ],
  /** Words from someone who has not consented: honest that nobody will read them. */
  notShared: (): OutMessage[] => [
    withButtons(
      "メッセージ ありがとうございます。\nどういが ないので、この メッセージは しえんの 人に とどきません。\nはなしたい ときは、センターに でんわ して ください。",
      [commandButton("consent"), helpButton],
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
  /** Seven days: a card, three to a row, so none is off-screen. */
  askWeekday: (): OutMessage[] => {
    const days = [1, 2, 3, 4, 5, 6, 0].map((day) => ({
      label: `${weekdayNames[day] ?? ""}ようび`,
      data: encodePostback({ a: "day", d: day }),
    }));
    return [
      buttonCard("なんようびに しつもんを おくりますか？", [], {
        rows: [days.slice(0, 3), days.slice(3, 6), days.slice(6)],
      }),
    ];
  },
  askTime: (weekday: number): OutMessage[] => {
    const times = [
      ["あさ 8:00", 8 * 60],
      ["ひる 12:00", 12 * 60],
      ["ゆうがた 18:00", 18 * 60],
      ["よる 20:00", 20 * 60],
    ].map(([label, minute]) => ({
      label: String(label),
      data: encodePostback({ a: "time", d: weekday, m: Number(minute) }),
    }));
    return [
      buttonCard("なんじごろが いいですか？", [], { rows: [times.slice(0, 2), times.slice(2)] }),
    ];
  },
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
      talkButton,
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

/** The consent text's one question and its two buttons, which name the text's version. */
function consentQuestion(ask = "この ないようで はじめて いいですか？"): OutMessage {
  return withButtons(ask, [
    {
      label: "どういする",
      data: encodePostback({ a: "consent", v: consentTextVersion, c: "yes" }),
    },
    {
      label: "どういしない",
      data: encodePostback({ a: "consent", v: consentTextVersion, c: "no" }),
    },
  ]);
}

/**
 * When a person at the center will see what was sent: the opening hours, and when it is closed
 * now, when it opens again. Never a promise of "right away".
 */
function whenSeen(center: CenterNow | undefined, now: number): string {
  if (!center) return "センターの しえんの 人が みます。";
  const hours = center.hours ? `\n（センターの じかん：${center.hours}）` : "";
  if (!center.openNow && center.nextOpenAt !== null) {
    return `センターが あいたら しえんの 人が みます。\nいまは おやすみ です。${whenOpen(center.nextOpenAt, now)}に あきます。${hours}`;
  }
  return `センターの しえんの 人が、あいて いる じかんに みます。${hours}`;
}

/** 「げつ〜きん 9:00〜17:30」: the center's week in plain words, days with the same hours together. */
export function hoursInWords(calendar: CenterCalendar): string | undefined {
  const order = [1, 2, 3, 4, 5, 6, 0];
  const hoursOf = (weekday: number): readonly [number, number] | null => {
    if (calendar.weeklyHours) return calendar.weeklyHours[weekday] ?? null;
    return calendar.openWeekdays.includes(weekday) ? [calendar.opensAt, calendar.closesAt] : null;
  };
  const groups: { days: number[]; hours: readonly [number, number] }[] = [];
  for (const weekday of order) {
    const hours = hoursOf(weekday);
    if (hours === null) continue;
    const last = groups.at(-1);
    const previous = order[order.indexOf(weekday) - 1];
    if (
      last &&
      last.hours[0] === hours[0] &&
      last.hours[1] === hours[1] &&
      last.days.at(-1) === previous
    ) {
      last.days.push(weekday);
    } else {
      groups.push({ days: [weekday], hours });
    }
  }
  if (groups.length === 0) return undefined;
  return groups
    .map(({ days, hours }) => {
      const first = readingWeekdays[days[0] ?? 0];
      const span =
        days.length === 1
          ? first
          : `${first}${days.length === 2 ? "・" : "〜"}${readingWeekdays[days.at(-1) ?? 0]}`;
      return `${span} ${clockOf(hours[0])}〜${clockOf(hours[1])}`;
    })
    .join("、");
}

/** 「9:00」: a time of day without a leading zero. */
const clockOf = (minute: number) =>
  `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, "0")}`;

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
