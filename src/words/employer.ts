// Everything the bot may ever say to an employer contact: the allow-list the sender enforces.
// A message reaches an employer account only if one of these builders made it; none of them takes
// a registrant's answers, words, health or any category another source raised.
import { isOpenAt, type CenterCalendar } from "../time/business-time";
import {
  formatMinute,
  formatMonthDay,
  formatMonthDayWeekdayTime,
  weekdayNames,
} from "../time/calendar";
import {
  employerReportKindNames,
  employerReportKinds,
  type EmployerReportKind,
  type EmployerReportUrgency,
  type PulseAnswer,
} from "../vocabulary/kinds";
import { buttonCard, withButtons, type Button } from "./buttons";
import { encodePostback } from "./postback";
import type { OutMessage } from "../line/message";

const approved = new WeakSet<object>();

/** Below LINE's 5,000 characters a text message, with room to spare. */
const reportMessageLimit = 4800;

/** Whether `message` was built here (the sender drops anything else bound for an employer). */
export function isEmployerMessage(message: unknown): boolean {
  return typeof message === "object" && message !== null && approved.has(message);
}

function approve(message: OutMessage): OutMessage {
  approved.add(message);
  return message;
}

export const reportKinds: { kind: EmployerReportKind; label: string }[] = employerReportKinds.map(
  (kind) => ({ kind, label: employerReportKindNames[kind] }),
);

export const urgencies: { urgency: EmployerReportUrgency; label: string }[] = [
  { urgency: "today", label: "今日中に" },
  { urgency: "week", label: "今週中に" },
  { urgency: "whenever", label: "急ぎではない" },
];

const pulseChoices: { answer: PulseAnswer; label: string }[] = [
  { answer: "fine", label: "問題なし" },
  { answer: "concerned", label: "少し気になる" },
  { answer: "consult", label: "相談したい" },
];

const menu: Button[] = [{ label: "相談する", text: "相談する" }];
const cancel: Button = { label: "やめる", data: encodePostback({ a: "er", s: "cancel", v: "x" }) };

/**
 * An employer message with its buttons: quick replies when they fit a phone's width (four or
 * fewer), otherwise a card whose buttons stand one under another, so none is off-screen.
 */
const say = (body: string, buttons: Button[] = menu) =>
  approve(buttons.length > 4 ? buttonCard(body, buttons) : withButtons(body, buttons));

/** The center's hours in one line: "平日 9:00〜17:30" or the open weekdays spelled out. */
export function hoursOf(calendar: CenterCalendar): string {
  const days = [...calendar.openWeekdays].sort();
  const weekdaysOnly = days.join(",") === "1,2,3,4,5";
  const dayText = weekdaysOnly ? "平日" : days.map((day) => weekdayNames[day] ?? "").join("・");
  return `${dayText} ${formatMinute(calendar.opensAt)}〜${formatMinute(calendar.closesAt)}`;
}

export const employerWords = {
  linked: (): OutMessage[] => [
    say(
      "登録が完了しました。ありがとうございます。\n気になることがあれば、いつでも「相談する」からセンターにお知らせください。",
    ),
  ],
  alreadyLinked: (): OutMessage[] => [say("このアカウントは、すでに登録されています。")],
  help: (): OutMessage[] => [
    say(
      "「相談する」を押すか、気になることをそのまま送ってください（例：「田中さんが今日無断欠勤です」）。\nセンターの担当者が確認します。ご本人の回答などをお伝えすることはできません。",
    ),
  ],
  nobodyLinked: (): OutMessage[] => [
    say(
      "いま、この会社のかたで、ご相談を受け付けられるかたがいません。\nお手数ですが、センターにお電話でご連絡ください。",
    ),
  ],
  askWho: (people: { id: string; displayName: string }[]): OutMessage => {
    const buttons: Button[] = people.slice(0, 12).map((person) => ({
      label: person.displayName,
      data: encodePostback({ a: "er", s: "who", v: person.id }),
    }));
    const more = people.length > 12 ? "\n（ボタンにないかたは、お名前を送ってください）" : "";
    return say(`どなたのことですか？${more}`, [...buttons, cancel]);
  },
  whoAgain: (): OutMessage[] => [
    say("お名前が見つかりませんでした。ボタンから選んでください。", []),
  ],
  askWhat: (name: string): OutMessage =>
    say(`${name}さんについて、どんなことが気になりますか？`, [
      ...reportKinds.map((choice) => ({
        label: choice.label,
        data: encodePostback({ a: "er", s: "what", v: choice.kind }),
      })),
      cancel,
    ]),
  askWords: (): OutMessage =>
    say("よろしければ、ひとことお書きください（なければ「なし」）。", [
      { label: "なし", data: encodePostback({ a: "er", s: "words", v: "none" }) },
      cancel,
    ]),
  askUrgency: (): OutMessage =>
    say("どのくらい急ぎますか？", [
      ...urgencies.map((choice) => ({
        label: choice.label,
        data: encodePostback({ a: "er", s: "urgency", v: choice.urgency }),
      })),
      cancel,
    ]),
  pleaseUseButtons: (): OutMessage[] => [say("お手数ですが、ボタンから選んでください。", [])],
  cancelled: (): OutMessage[] => [say("ご相談をとりやめました。")],
  /**
   * The confirmation: when a human will look at it, from the center calendar. Urgent reports say
   * the center was told at once; outside opening hours the next opening is named.
   */
  received: (args: {
    name: string;
    urgent: boolean;
    dueAt: number;
    now: number;
    calendar: CenterCalendar;
  }): OutMessage[] => {
    const hours = `（センターの受付：${hoursOf(args.calendar)}）`;
    if (args.urgent) {
      const open = isOpenAt(args.calendar, args.now);
      return [
        say(
          open
            ? `${args.name}さんのこと、センターにすぐ伝えました。担当者が急いで確認し、必要ならご本人の安否を確かめます。`
            : `${args.name}さんのこと、センターの担当者にすぐ伝えました。いまは受付時間外ですが、急ぎの件として確認します。${hours}\n命や体に危険がありそうなときは、110番・119番に連絡してください。`,
        ),
      ];
    }
    return [
      say(
        `${args.name}さんのこと、センターに伝えました。\n${formatMonthDayWeekdayTime(args.dueAt)}までに担当者が確認します。${hours}`,
      ),
    ];
  },
  notCovered: (): OutMessage[] => [
    say(
      "申し訳ありません。このかたについては、いまはご相談を受け付けられません。\nセンターにお電話でご連絡ください。",
    ),
  ],
  unlinked: (): OutMessage[] => [
    approve({
      type: "text",
      text: "このアカウントの登録は解除されています。ご不明な点はセンターにお問い合わせください。",
    }),
  ],
  restarted: (): OutMessage[] => [
    say("すみません、途中でわからなくなりました。もう一度お願いします。", []),
  ],
  thanksForSticker: (): OutMessage[] => [say("ありがとうございます。")],
  /** The monthly pulse: one question per person, three buttons. */
  pulseQuestion: (person: { id: string; displayName: string }, month: string): OutMessage =>
    say(
      `【月に1回の確認】${person.displayName}さんの最近の様子はいかがですか？`,
      pulseChoices.map((choice) => ({
        label: choice.label,
        data: encodePostback({ a: "pulse", m: month, r: person.id, c: choice.answer }),
      })),
    ),
  pulseThanks: (): OutMessage[] => [say("ありがとうございます。センターにお伝えしました。")],
  pulseAlreadyAnswered: (): OutMessage[] => [
    say("この確認には、すでにお答えいただいています。ありがとうございます。"),
  ],
  /** Feedback on a report: only that the center received it or followed up, never what. */
  /**
   * A staff member's own words to the company, after they confirmed the recipient: the one kind
   * of message written outside this file that may reach an employer (each one is audited).
   */
  fromCenterStaff: (text: string): OutMessage => say(`センターの担当者より：\n${text}`),
  /**
   * The parts of a monthly support report (支援レポート) staff marked for the company and
   * finalised — never the person's check-in answers (the report's builder refuses that section).
   * LINE takes 5,000 characters a message: a long report goes as several.
   */
  monthlyReport: (
    name: string,
    month: string,
    sections: { title: string; text: string }[],
  ): OutMessage[] => {
    const [year, monthNumber] = month.split("-");
    const head = `【支援レポート ${year}年${Number(monthNumber)}月】${name}さん\nセンターの担当者より、今月の支援についてお知らせします。`;
    const blocks = sections.map((section) => `■${section.title}\n${section.text}`);
    const messages: string[] = [];
    let current = head;
    for (const block of blocks) {
      const joined = `${current}\n\n${block}`;
      if (joined.length <= reportMessageLimit) {
        current = joined;
        continue;
      }
      messages.push(current);
      current = block.slice(0, reportMessageLimit);
    }
    messages.push(current);
    return messages.map((text) => approve({ type: "text", text }));
  },
  noticeAcknowledged: (name: string, reportedAt: number): OutMessage =>
    say(
      `${formatMonthDay(reportedAt)}にいただいた${name}さんについてのご相談を、センターの担当者が確認しました。`,
    ),
  noticeResolved: (name: string, reportedAt: number): OutMessage =>
    say(
      `${formatMonthDay(reportedAt)}にいただいた${name}さんについてのご相談に、センターが対応しました。ありがとうございました。`,
    ),
};
