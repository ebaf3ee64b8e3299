// The monthly support report (支援レポート) drafted from what was recorded, and nothing else. Each
// sentence names the records it was read from; a section with nothing recorded says so and asks
// the worker to write it. The sections follow the common layout (CASE-RULES.md): this month's
// goal, work and life, support given and its result, next month's plan, what the person, the
// employer and others did, items to share.
import { categories, severityNames } from "../vocabulary/categories";
import {
  contactKindNames,
  contactPartyNames,
  employerReportKindNames,
  type ContactKind,
  type ContactParty,
  type EmployerReportKind,
  type QuestionKey,
  type ReportSectionKey,
} from "../vocabulary/kinds";
import { formatMonthDay } from "../time/calendar";

export type SourceKind = "checkin" | "contact" | "employer_report" | "escalation" | "report";

/** A record a sentence was read from, with the words staff see for it ("11/05 面談・対面"). */
export interface SourceRef {
  kind: SourceKind;
  id: string;
  label: string;
}

export interface Sentence {
  text: string;
  sources: SourceRef[];
}

export interface DraftSection {
  key: ReportSectionKey;
  title: string;
  sentences: Sentence[];
  /** Nothing was recorded for it: the one sentence asks the worker to write it. */
  empty: boolean;
}

/** What the employer may be sent: never the check-in answers (health, mood, medication). */
export const employerAllowed: Record<ReportSectionKey, boolean> = {
  goal: true,
  situation: false,
  support: true,
  next: true,
  others: true,
  share: true,
};

/** Marked for the employer in a fresh draft: only what is written to be shared. */
export const employerByDefault: Record<ReportSectionKey, boolean> = {
  goal: false,
  situation: false,
  support: false,
  next: false,
  others: false,
  share: true,
};

export const sectionTitles: Record<ReportSectionKey, string> = {
  goal: "今月の目標",
  situation: "就労・生活の状況",
  support: "支援の内容と結果",
  next: "来月の予定",
  others: "本人・企業・関係機関の取り組み",
  share: "共有事項",
};

export interface FactAnswer {
  question: QuestionKey;
  value: string;
  score: number | null;
}

export interface FactCheckin {
  id: string;
  status: string;
  sentAt: number;
  answers: FactAnswer[];
}

export interface FactContact {
  id: string;
  kind: ContactKind;
  parties: ContactParty[];
  at: number;
  minutes: number;
  note: string;
}

export interface FactEscalation {
  id: string;
  category: string;
  severity: string;
  source: string;
  openedAt: number;
  resolvedAt: number | null;
  status: string;
}

export interface FactEmployerReport {
  id: string;
  kind: EmployerReportKind;
  at: number;
  escalationId: string | null;
}

/** Everything a month's draft may be read from. */
export interface ReportFacts {
  /** The month's check-ins (sent in it), oldest first. */
  checkins: FactCheckin[];
  /** The month before's scale answers, for the direction of the trend. */
  previousScores: Partial<Record<ScaleKey, number[]>>;
  contacts: FactContact[];
  /** Escalations opened in the month, resolved in it, or still open at its end. */
  escalations: FactEscalation[];
  employerReports: FactEmployerReport[];
  /** The last month's final report: its plan is this month's goal. */
  previousReport: { id: string; next: string; label: string } | null;
}

const scaleKeys = ["condition", "sleep", "mood"] as const;
type ScaleKey = (typeof scaleKeys)[number];
const scaleNames: Record<ScaleKey, string> = { condition: "体調", sleep: "睡眠", mood: "気分" };

const medicationWords: Record<string, string> = {
  as_prescribed: "飲めている",
  forgot_sometimes: "ときどき飲み忘れ",
  not_taking: "飲んでいない",
  no_medicine: "服薬なし",
};
const attendanceWords: Record<string, string> = {
  all: "全日出勤",
  late: "遅刻あり",
  absent: "欠勤あり",
  off: "休みの週",
};
/** The worries a person can pick, in the words of the categories staff know. */
const worryWords: Record<string, string> = {
  workplace: categories.workplace,
  work: categories.work,
  money: categories.money,
  housing: categories.housing,
  family: categories.family,
  sns: categories.sns,
  health: categories.health,
  other: categories.other,
};

const categoryName = (category: string): string =>
  (categories as Record<string, string | undefined>)[category] ?? category;
const ref = (kind: SourceKind, id: string, label: string): SourceRef => ({ kind, id, label });
const checkinRef = (checkin: FactCheckin) =>
  ref("checkin", checkin.id, `${formatMonthDay(checkin.sentAt)} チェックイン`);
const contactRef = (contact: FactContact) =>
  ref("contact", contact.id, `${formatMonthDay(contact.at)} ${contactKindNames[contact.kind]}`);
const escalationRef = (escalation: FactEscalation) =>
  ref(
    "escalation",
    escalation.id,
    `${formatMonthDay(escalation.openedAt)} 受付「${categoryName(escalation.category)}」`,
  );
const employerReportRef = (report: FactEmployerReport) =>
  ref("employer_report", report.id, `${formatMonthDay(report.at)} 企業からの相談`);
const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1);

/** Counts in first-seen order: "飲めている 3回、ときどき飲み忘れ 1回". */
function tally(items: { word: string; source: SourceRef }[]) {
  const counts = new Map<string, { n: number; sources: SourceRef[] }>();
  for (const item of items) {
    const entry = counts.get(item.word) ?? { n: 0, sources: [] };
    entry.n += 1;
    entry.sources.push(item.source);
    counts.set(item.word, entry);
  }
  return {
    text: [...counts].map(([word, entry]) => `${word} ${entry.n}回`).join("、"),
    sources: [...counts.values()].flatMap((entry) => entry.sources),
  };
}

function answersTo(checkins: FactCheckin[], question: QuestionKey) {
  return checkins.flatMap((checkin) =>
    checkin.answers
      .filter((answer) => answer.question === question && answer.value !== "skip")
      .map((answer) => ({ answer, checkin })),
  );
}

function situation(facts: ReportFacts): Sentence[] {
  const { checkins } = facts;
  if (checkins.length === 0) return [];
  const out: Sentence[] = [];
  const answered = checkins.filter((checkin) => checkin.answers.length > 0);
  const missed = checkins.filter((checkin) => checkin.status === "missed");
  out.push({
    text: `チェックイン：送信 ${checkins.length}回、回答 ${answered.length}回${missed.length > 0 ? `、未回答 ${missed.length}回` : ""}。`,
    sources: checkins.map((checkin) => checkinRef(checkin)),
  });
  for (const key of scaleKeys) {
    const scored = answersTo(checkins, key).filter(({ answer }) => answer.score !== null);
    if (scored.length === 0) continue;
    const mean = average(scored.map(({ answer }) => answer.score ?? 0));
    const before = facts.previousScores[key] ?? [];
    let trend = "";
    if (before.length > 0) {
      const previous = average(before);
      const delta = mean - previous;
      trend =
        Math.abs(delta) < 0.25
          ? `先月（${oneDecimal(previous)}）と同じくらいです`
          : delta > 0
            ? `先月（${oneDecimal(previous)}）より よくなりました`
            : `先月（${oneDecimal(previous)}）より 下がりました`;
    }
    const worst = scored.filter(({ answer }) => answer.score === 1);
    const worstWords =
      worst.length > 0
        ? `いちばん低い「1」の回答が ${worst.length}回（${worst.map(({ checkin }) => formatMonthDay(checkin.sentAt)).join("、")}）。`
        : "";
    out.push({
      text: `${scaleNames[key]}：平均 ${oneDecimal(mean)}（4段階、4がよい）${trend === "" ? "" : `。${trend}`}。${worstWords}`,
      sources: scored.map(({ checkin }) => checkinRef(checkin)),
    });
  }
  const medication = answersTo(checkins, "medication");
  if (medication.length > 0) {
    const counted = tally(
      medication.map(({ answer, checkin }) => ({
        word: medicationWords[answer.value] ?? answer.value,
        source: checkinRef(checkin),
      })),
    );
    out.push({ text: `服薬：${counted.text}。`, sources: counted.sources });
  }
  const attendance = answersTo(checkins, "attendance");
  if (attendance.length > 0) {
    const counted = tally(
      attendance.map(({ answer, checkin }) => {
        const [head, days] = answer.value.split(":");
        const word = attendanceWords[head ?? ""] ?? answer.value;
        return {
          word: days ? `${word}（${days === "4" ? "4日以上" : `${days}日`}）` : word,
          source: checkinRef(checkin),
        };
      }),
    );
    out.push({ text: `出勤：${counted.text}。`, sources: counted.sources });
  }
  const worries = answersTo(checkins, "worries").flatMap(({ answer, checkin }) =>
    listOf(answer.value)
      .filter((key) => key !== "none")
      .map((key) => ({ word: worryWords[key] ?? key, source: checkinRef(checkin) })),
  );
  if (worries.length > 0) {
    const counted = tally(worries);
    out.push({ text: `困りごととして選んだもの：${counted.text}。`, sources: counted.sources });
  }
  const words = answersTo(checkins, "message").filter(
    ({ answer }) => answer.value !== "" && answer.value !== "none",
  );
  if (words.length > 0) {
    // the person's own words stay on their page: a report is read by others
    out.push({
      text: `ひとことの記入が ${words.length}回ありました（内容は登録者のページにあります）。`,
      sources: words.map(({ checkin }) => checkinRef(checkin)),
    });
  }
  return out;
}

function listOf(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [value];
  } catch {
    return [value];
  }
}

const severityName = (severity: string): string =>
  (severityNames as Record<string, string | undefined>)[severity] ?? severity;

function outcome(escalation: FactEscalation): string {
  if (escalation.resolvedAt !== null) return `${formatMonthDay(escalation.resolvedAt)} 対応済み`;
  return escalation.status === "acknowledged" ? "対応中" : "未対応";
}

function contactLine(contact: FactContact): string {
  const parties = contact.parties.map((party) => contactPartyNames[party]).join("・");
  const note = contact.note.trim() === "" ? "" : `：${contact.note.trim()}`;
  return `${formatMonthDay(contact.at)} ${contactKindNames[contact.kind]}（${parties}、${contact.minutes}分）${note}`;
}

function support(facts: ReportFacts, span: { from: number; to: number }): Sentence[] {
  const fromContacts = facts.contacts.map((contact) => ({
    text: contactLine(contact),
    sources: [contactRef(contact)],
  }));
  const opened = facts.escalations
    .filter((escalation) => escalation.openedAt >= span.from && escalation.openedAt < span.to)
    .map((escalation) => ({
      text: `${formatMonthDay(escalation.openedAt)} 「${categoryName(escalation.category)}」の件（${severityName(escalation.severity)}）を受け付け → ${outcome(escalation)}。`,
      sources: [escalationRef(escalation)],
    }));
  const resolvedOlder = facts.escalations
    .filter(
      (escalation) =>
        escalation.openedAt < span.from &&
        escalation.resolvedAt !== null &&
        escalation.resolvedAt >= span.from,
    )
    .map((escalation) => ({
      text: `${formatMonthDay(escalation.openedAt)}からの「${categoryName(escalation.category)}」の件 → ${outcome(escalation)}。`,
      sources: [escalationRef(escalation)],
    }));
  return [...fromContacts, ...opened, ...resolvedOlder];
}

function next(facts: ReportFacts, span: { to: number }): Sentence[] {
  const open = facts.escalations.filter(
    (escalation) => escalation.resolvedAt === null || escalation.resolvedAt >= span.to,
  );
  if (open.length === 0) return [];
  return [
    {
      text: `続けて対応する件：${open.map((escalation) => `「${categoryName(escalation.category)}」（${formatMonthDay(escalation.openedAt)}から）`).join("、")}。`,
      sources: open.map((escalation) => escalationRef(escalation)),
    },
  ];
}

function others(facts: ReportFacts): Sentence[] {
  const out: Sentence[] = [];
  const answered = facts.checkins.filter((checkin) => checkin.answers.length > 0);
  if (answered.length > 0) {
    out.push({
      text: `本人：チェックインに ${answered.length}回 答えました。`,
      sources: answered.map((checkin) => checkinRef(checkin)),
    });
  }
  const byEscalation = new Map(facts.escalations.map((escalation) => [escalation.id, escalation]));
  for (const report of facts.employerReports) {
    const escalation = report.escalationId ? byEscalation.get(report.escalationId) : undefined;
    out.push({
      text: `企業：${formatMonthDay(report.at)}「${employerReportKindNames[report.kind]}」について相談がありました${escalation ? ` → ${outcome(escalation)}` : ""}。`,
      sources: [employerReportRef(report), ...(escalation ? [escalationRef(escalation)] : [])],
    });
  }
  const withOthers = facts.contacts.filter((contact) =>
    contact.parties.some((party) => party === "family" || party === "clinic" || party === "agency"),
  );
  for (const contact of withOthers) {
    const who = contact.parties
      .filter((party) => party !== "person" && party !== "employer")
      .map((party) => contactPartyNames[party])
      .join("・");
    out.push({
      text: `${who}：${formatMonthDay(contact.at)} ${contactKindNames[contact.kind]}で連絡しました。`,
      sources: [contactRef(contact)],
    });
  }
  return out;
}

/**
 * Sections whose empty draft is a request to the worker ("記入してください"), not a fact: a final
 * version keeps them blank rather than print the request.
 */
export const writtenByStaff: ReadonlySet<ReportSectionKey> = new Set(["goal", "next", "share"]);

/** What a section says when nothing was recorded for it: the worker writes it. */
const emptyWords: Record<ReportSectionKey, string> = {
  goal: "先月の支援レポートに来月の予定がないため、記録から書ける目標はありません。担当者が記入してください。",
  situation: "この月のチェックインの記録はありません。",
  support: "この月の支援記録（面談・訪問・連絡）と受け付けた件はありません。",
  next: "記録からは書けません。来月の予定を記入してください。",
  others: "この月の本人・企業・関係機関の記録はありません。",
  share: "記録からは書けません。共有する事項があれば記入してください。",
};

/** The draft of a month's report from its facts: every sentence with the records behind it. */
export function draftReport(
  facts: ReportFacts,
  span: { from: number; to: number },
): DraftSection[] {
  const goal: Sentence[] =
    facts.previousReport && facts.previousReport.next.trim() !== ""
      ? [
          {
            text: `先月のレポートの「来月の予定」より：${facts.previousReport.next.trim()}`,
            sources: [ref("report", facts.previousReport.id, facts.previousReport.label)],
          },
        ]
      : [];
  const bySection: Record<ReportSectionKey, Sentence[]> = {
    goal,
    situation: situation(facts),
    support: support(facts, span),
    next: next(facts, span),
    others: others(facts),
    share: [],
  };
  return (Object.keys(sectionTitles) as ReportSectionKey[]).map((key) => {
    const sentences = bySection[key];
    return sentences.length > 0
      ? { key, title: sectionTitles[key], sentences, empty: false }
      : {
          key,
          title: sectionTitles[key],
          sentences: [{ text: emptyWords[key], sources: [] }],
          empty: true,
        };
  });
}

/** Whether the month holds any record at all (a report of nothing says so at its top). */
export function hasFacts(facts: ReportFacts): boolean {
  return (
    facts.checkins.length > 0 ||
    facts.contacts.length > 0 ||
    facts.escalations.length > 0 ||
    facts.employerReports.length > 0
  );
}

/**
 * The person's short version, drafted in やさしい日本語 from the facts: what went well (their
 * answers, the meetings). What the center will do next month is the worker's to write.
 */
export function draftPersonSummary(facts: ReportFacts): { wentWell: string; nextMonth: string } {
  const answered = facts.checkins.filter((checkin) => checkin.answers.length > 0).length;
  const met = facts.contacts.filter(
    (contact) =>
      contact.parties.includes("person") &&
      (contact.kind === "face_to_face" ||
        contact.kind === "online" ||
        contact.kind === "accompany"),
  ).length;
  const parts: string[] = [];
  if (answered > 0) parts.push(`しつもんに ${answered}かい こたえて くれました。ありがとう。`);
  if (met > 0) parts.push(`${met}かい あって、はなしを しました。`);
  return { wentWell: parts.join("\n"), nextMonth: "" };
}
