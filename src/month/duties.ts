// The monthly duties of a retention-support office, read from what staff recorded: at least one
// face-to-face meeting with the person (a duty), a visit or contact with the company (an effort
// duty: a warning, never a violation) and the monthly report shared. The rules are rows of
// duty_rules (versioned, with their source), so a rule change is a row, not a release.
import type { ContactKind, SupportProgram } from "../vocabulary/kinds";

/** One rule row as the evaluation needs it. */
export interface DutyRule {
  key: string;
  program: SupportProgram;
  /** The contact kinds that count toward it (empty for the report rule). */
  kinds: ContactKind[];
  minPerMonth: number;
  /** `duty`: missing it is overdue; `effort`: missing it is a warning. */
  strength: "duty" | "effort";
}

export type DutyStatus = "ok" | "due" | "overdue";

/** How many days before a month's end a missing duty turns from due to overdue. */
export const lastWeekDays = 7;

/** A person's month: contacts by kind, and whether the report was shared. */
export interface PersonMonth {
  program: SupportProgram | null;
  contactsByKind: Partial<Record<ContactKind, number>>;
  reportShared: boolean;
}

export interface DutyReading {
  /** The contact duties: face to face with the person (a duty) and the company (an effort). */
  status: DutyStatus;
  /** Rule keys of duties not met yet. */
  missing: string[];
  /** Rule keys of effort duties not met: a warning, not a violation. */
  warnings: string[];
  /**
   * The month's report shared with the person, read apart from the contacts: it can only be
   * written once the month's facts are in, so a person met this month is "ok" while their
   * report is still to come. Null when no report rule applies.
   */
  report: DutyStatus | null;
  /** Whether any rule applies (a support center's own support has none). */
  applies: boolean;
}

/** The rule key of the monthly report: met by sharing, not by contacts. */
export const reportRuleKey = "report_shared";

/** The count a rule sees: the contacts of its kinds. */
export function countFor(rule: DutyRule, month: PersonMonth): number {
  return rule.kinds.reduce((sum, kind) => sum + (month.contactsByKind[kind] ?? 0), 0);
}

/**
 * Reads one person's month against the rules of their program (an unset program is read as
 * 就労定着支援, the program with duties). `late` is true in the month's last week or after it.
 */
export function readDuties(rules: DutyRule[], month: PersonMonth, late: boolean): DutyReading {
  const program = month.program ?? "retention";
  const mine = rules.filter((rule) => rule.program === program);
  const missing: string[] = [];
  const warnings: string[] = [];
  let report: DutyStatus | null = null;
  for (const rule of mine) {
    if (rule.key === reportRuleKey) {
      report = month.reportShared ? "ok" : late ? "overdue" : "due";
      continue;
    }
    if (countFor(rule, month) >= rule.minPerMonth) continue;
    (rule.strength === "duty" ? missing : warnings).push(rule.key);
  }
  const status: DutyStatus = missing.length === 0 ? "ok" : late ? "overdue" : "due";
  return { status, missing, warnings, report, applies: mine.length > 0 };
}
