// What an employer's report means for the queue, and how their own words are read: the person
// (by name, among the people they may report about), what happened, and how urgent it is.
import { foldWords } from "../../core/fold";
import type { EmployerReportKind, EmployerReportUrgency } from "../../vocabulary/kinds";
import type { Category, Severity, Signal } from "../../vocabulary/categories";
import type { OutMessage } from "../../line/message";
import { reportKinds, urgencies } from "../../words/employer";
import type { Finding } from "../classifier";

/** Each kind of report as a category; 無断欠勤・連絡がつかない is always urgent (安否確認). */
export const reportCategories: Record<EmployerReportKind, Category> = {
  absence: "absence",
  no_show: "unreachable",
  appearance: "appearance",
  medication: "medication",
  mistakes: "work",
  communication: "workplace",
  sns: "sns",
  other: "other",
};

const urgencySeverity: Record<EmployerReportUrgency, Severity> = {
  today: "high",
  week: "normal",
  whenever: "low",
};

export function reportSeverity(kind: EmployerReportKind, urgency: EmployerReportUrgency): Severity {
  return kind === "no_show" ? "urgent" : urgencySeverity[urgency];
}

/** A finished report, as far as what it means goes. */
export interface EmployerReport {
  kind: EmployerReportKind;
  urgency: EmployerReportUrgency;
  /** The contact's own words, when they gave any. */
  words: string | null;
}

/** The signal a report raises on the person's escalations: what happened, and how urgent. */
export function reportSignal(report: EmployerReport): Signal {
  const kindLabel = reportKinds.find((choice) => choice.kind === report.kind)?.label ?? report.kind;
  const urgencyLabel =
    report.kind === "no_show"
      ? "安否確認が必要"
      : (urgencies.find((choice) => choice.urgency === report.urgency)?.label ?? report.urgency);
  return {
    category: reportCategories[report.kind],
    severity: reportSeverity(report.kind, report.urgency),
    source: "employer",
    evidence: {
      reason: `企業から：${kindLabel}（${urgencyLabel}）`,
      ...(report.words === null ? {} : { quote: report.words }),
    },
  };
}

/**
 * What the classifier found in a contact's words that goes to the queue in its own right, beside
 * the report: a risk to life, or abuse. Everything else the words say, the report already carries.
 */
export function signalsInReportWords(words: string, findings: Finding[]): Signal[] {
  return findings
    .filter((finding) => finding.category === "crisis" || finding.category === "abuse")
    .map((finding): Signal => ({
      category: finding.category,
      severity: finding.severity,
      source: "employer",
      evidence: {
        reason: "企業担当者の文章から",
        quote: words,
        ...(finding.phrases.length > 0 ? { phrases: finding.phrases } : {}),
        ...(finding.model !== undefined ? { model: finding.model } : {}),
      },
    }));
}

/**
 * Which of the people an employer contact covers the replies to them name (the report flow asks
 * "which of 〇〇さん…", confirms "〇〇さんのこと…"): erasing one of them drops those messages too.
 */
export function namedIn(replies: OutMessage[], people: Person[]): string[] | undefined {
  if (people.length === 0) return undefined;
  const said = JSON.stringify(replies);
  const named = people.filter((person) => said.includes(person.displayName));
  return named.length === 0 ? undefined : named.map((person) => person.id);
}

/**
 * Words that say what happened, most specific first: 「薬を飲み忘れ」 is medication before it is a
 * mistake, 「SNS でトラブル」 is SNS before it is communication.
 */
const kindPatterns: [EmployerReportKind, RegExp][] = [
  [
    "no_show",
    /無断(欠勤|で休|欠席)|連絡(が|も)?(つか|取れ|とれ|来|こ)(ない|ず|ません)|(電話|携帯)(に|にも)?(出|で)(ない|ず|ません)|音信不通|既読(に|が)?(ならない|つかない)|出勤して(こない|きません|いない)/,
  ],
  [
    "sns",
    /sns|ネット|ツイッター|twitter|インスタ|tiktok|ティックトック|投稿|炎上|書き込み|ライン(で|に)/,
  ],
  ["medication", /薬|服薬|体調|顔色|具合|しんどそう|眠そう|ふらふら|通院|病院|疲れ/],
  ["appearance", /身だしなみ|服装|髪|ひげ|髭|におい|臭い|匂い|不潔|汚れ|入浴|風呂|同じ服/],
  ["absence", /遅刻|欠勤|休みが(多|続|ち)|休みがち|早退|休んで|休む/],
  ["mistakes", /ミス|間違|まちがい|失敗|ケアレス|作業(が|の)?(遅|おそ)|忘れ物|不良品/],
  [
    "communication",
    /コミュニケーション|口論|けんか|喧嘩|トラブル|挨拶|あいさつ|無視|怒鳴|言い合い|孤立|話さない|報連相|ほうれんそう/,
  ],
];

const urgencyPatterns: [EmployerReportUrgency, RegExp][] = [
  ["whenever", /急ぎ(ではない|じゃない|ません)|いつでも|お手すきの|時間(が|の)ある(とき|時)/],
  ["today", /至急|急ぎ|すぐ|今日中|本日中|今すぐ|早急/],
  ["week", /今週/],
];

export interface Person {
  id: string;
  displayName: string;
}

export type NameMatch =
  { match: "one"; id: string } | { match: "many"; ids: string[] } | { match: "none" };

export interface EmployerReading {
  person: NameMatch;
  kind: EmployerReportKind | null;
  urgency: EmployerReportUrgency | null;
}

/** For the kind and urgency patterns, written with katakana as people write it: width and case only. */
const unspaced = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/** The ways a person can be named: full name, family name, given name (two characters or more). */
function namesOf(person: Person): { full: string; parts: string[] } {
  const tokens = person.displayName.normalize("NFKC").trim().split(/\s+/);
  const full = foldWords(person.displayName);
  const parts = tokens.length > 1 ? tokens.map(foldWords).filter((part) => part.length >= 2) : [];
  return { full, parts };
}

/** Finds who a message is about among the people its sender may report on. */
export function matchPerson(text: string, people: Person[]): NameMatch {
  const squeezed = foldWords(text);
  const fullHits = people.filter((person) => squeezed.includes(namesOf(person).full));
  if (fullHits.length === 1 && fullHits[0]) return { match: "one", id: fullHits[0].id };
  const hits =
    fullHits.length > 1
      ? fullHits
      : people.filter((person) => {
          return namesOf(person).parts.some((part) => squeezed.includes(part));
        });
  if (hits.length === 1 && hits[0]) return { match: "one", id: hits[0].id };
  if (hits.length > 1) return { match: "many", ids: hits.map((person) => person.id) };
  return { match: "none" };
}

export function readKind(text: string): EmployerReportKind | null {
  const squeezed = unspaced(text);
  return kindPatterns.find(([, pattern]) => pattern.test(squeezed))?.[0] ?? null;
}

export function readUrgency(text: string): EmployerReportUrgency | null {
  const squeezed = unspaced(text);
  return urgencyPatterns.find(([, pattern]) => pattern.test(squeezed))?.[0] ?? null;
}

/** Reads a message from an employer contact as far as it goes; the flow asks for the rest. */
export function readEmployerText(text: string, people: Person[]): EmployerReading {
  return { person: matchPerson(text, people), kind: readKind(text), urgency: readUrgency(text) };
}
