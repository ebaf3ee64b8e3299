// The month's duties for a center (GET /api/compliance, the duties page): each person's
// face-to-face meetings and company contacts this month against the rules in force, and the
// totals per worker and for the center. Counts only what staff recorded; a bot chat is none.
import { AppError } from "../core/errors";
import { readDuties, lastWeekDays, type DutyRule } from "../month/duties";
import { contactCounts, peopleOfMonth, rulesFor } from "../store/duties";
import { sharedInMonth } from "../store/reports";
import { monthKey, monthSpan } from "../time/calendar";
import type { ContactKind } from "../vocabulary/kinds";
import type { CenterScope } from "./scope";

const dayMs = 86_400_000;

/** "2026-11" → the first and last Tokyo dates of the month. */
function daysOf(month: string, to: number) {
  const last = new Date(to - dayMs + 9 * 3_600_000).toISOString().slice(0, 10);
  return { firstDay: `${month}-01`, lastDay: last };
}

/** The month's duties for this center; the callers decide what is shown and audit it. */
async function readMonth(scope: CenterScope, month?: string) {
  const now = scope.clock();
  const wanted = month ?? monthKey(now);
  const span = monthSpan(wanted);
  if (!span) throw new AppError("bad_request", "month must be YYYY-MM");
  const days = daysOf(wanted, span.to);
  const [rules, people, counts, shared] = await Promise.all([
    rulesFor(scope.store.db, wanted),
    peopleOfMonth(scope.store.db, scope.centerId, { ...span, ...days }),
    contactCounts(scope.store.db, scope.centerId, span.from, span.to),
    sharedInMonth(scope.store.db, scope.centerId, wanted),
  ]);
  const dutyRules: DutyRule[] = rules.map((rule) => ({
    key: rule.key,
    program: rule.program,
    kinds: rule.kinds,
    minPerMonth: rule.minPerMonth,
    strength: rule.strength,
  }));
  const byPerson = new Map<string, Partial<Record<ContactKind, number>>>();
  for (const row of counts) {
    const kinds = byPerson.get(row.registrantId) ?? {};
    kinds[row.kind] = row.n;
    byPerson.set(row.registrantId, kinds);
  }
  // in the month's last week (or once it is over) a missing duty is overdue, before it is due
  const late = now >= span.to - lastWeekDays * dayMs;
  const faceKinds = dutyRules.find((rule) => rule.key === "face_to_face")?.kinds ?? [
    "face_to_face",
  ];
  const companyKinds = dutyRules.find((rule) => rule.key === "company")?.kinds ?? [
    "company_visit",
    "company_contact",
  ];
  const sum = (kinds: Partial<Record<ContactKind, number>>, which: readonly ContactKind[]) =>
    which.reduce((total, kind) => total + (kinds[kind] ?? 0), 0);
  const items = people.map((person) => {
    const kinds = byPerson.get(person.id) ?? {};
    const reportShared = shared.person.has(person.id);
    const reading = readDuties(
      dutyRules,
      { program: person.program, contactsByKind: kinds, reportShared },
      late,
    );
    return {
      registrantId: person.id,
      displayName: person.displayName,
      caseworkerId: person.caseworkerId,
      program: person.program,
      faceToFace: sum(kinds, faceKinds),
      companyContacts: sum(kinds, companyKinds),
      // the month's report shared with the person (on LINE or on paper), and with the employer
      reportShared,
      reportSharedWithEmployer: shared.employer.has(person.id),
      reportStatus: reading.report,
      status: reading.status,
      missing: reading.missing,
      warnings: reading.warnings,
      dutiesApply: reading.applies,
    };
  });
  const tally = (list: typeof items) => ({
    people: list.length,
    ok: list.filter((item) => item.status === "ok").length,
    due: list.filter((item) => item.status === "due").length,
    overdue: list.filter((item) => item.status === "overdue").length,
    companyWarnings: list.filter((item) => item.warnings.length > 0).length,
    faceToFace: list.reduce((total, item) => total + item.faceToFace, 0),
    reportsShared: list.filter((item) => item.reportShared).length,
  });
  const workers = [...new Set(items.map((item) => item.caseworkerId))];
  return {
    month: wanted,
    late,
    rules: rules.map((rule) => ({
      key: rule.key,
      program: rule.program,
      kinds: rule.kinds,
      minPerMonth: rule.minPerMonth,
      strength: rule.strength,
      effectiveFrom: rule.effectiveFrom,
      source: rule.source,
    })),
    items,
    byWorker: workers.map((caseworkerId) => ({
      caseworkerId,
      ...tally(items.filter((item) => item.caseworkerId === caseworkerId)),
    })),
    totals: tally(items),
  };
}

/**
 * The month's duties by person (names and counts), audited as a read of everyone it lists.
 * `worker` narrows the list: a worker's id, "none" (the people without one), "mine" (the staff
 * member's own people when they have any, else everyone) or "all"; the totals per worker and for
 * the center still count everyone.
 */
export async function monthDuties(
  scope: CenterScope,
  month?: string,
  worker = "all",
  /** A page of the list (the page shows 200 at a time); the API lists everyone. */
  page?: { offset: number; limit: number },
) {
  const duties = await readMonth(scope, month);
  const own = duties.items.some((item) => item.caseworkerId === scope.actor.staffId);
  const shown = worker === "mine" ? (own ? scope.actor.staffId : "all") : worker;
  const listed =
    shown === "all"
      ? duties.items
      : duties.items.filter((item) => (item.caseworkerId ?? "none") === shown);
  const items = page ? listed.slice(page.offset, page.offset + page.limit) : listed;
  await scope.recordRead(
    "duties.read",
    "registrant",
    null,
    items.map((item) => item.registrantId),
  );
  return { ...duties, worker: shown, listed: listed.length, items };
}

/**
 * For the queue in a month's last week: how many people still lack this month's face-to-face
 * meeting (a count, no one's data), or null before the last week.
 */
export async function overdueThisMonth(scope: CenterScope): Promise<number | null> {
  const duties = await readMonth(scope);
  return duties.late ? duties.totals.overdue : null;
}
