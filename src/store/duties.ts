// The monthly duties' reads: the rules in force for a month, and a center's month of contacts by
// person and kind, with the people the duties are about.
import { and, count, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Queryable } from "./db";
import { dutyRules, registrants, supportContacts } from "./schema";

export type DutyRuleRow = typeof dutyRules.$inferSelect;

/**
 * The rules in force for a month ("2026-11"): for each rule key and program the row of the latest
 * version that took effect on or before that month.
 */
export async function rulesFor(db: Queryable, month: string): Promise<DutyRuleRow[]> {
  const rows = await db
    .select()
    .from(dutyRules)
    .where(lte(dutyRules.effectiveFrom, month))
    .orderBy(desc(dutyRules.effectiveFrom));
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.program}:${row.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The people a month's duties are about: a center's registrants not ended before the month
 * began, whose support period (when set) overlaps the month.
 */
export async function peopleOfMonth(
  db: Queryable,
  centerId: string,
  month: { from: number; to: number; firstDay: string; lastDay: string },
) {
  return db
    .select({
      id: registrants.id,
      displayName: registrants.displayName,
      caseworkerId: registrants.caseworkerId,
      program: registrants.program,
      status: registrants.status,
    })
    .from(registrants)
    .where(
      and(
        eq(registrants.centerId, centerId),
        lt(registrants.createdAt, month.to),
        or(isNull(registrants.endedAt), gte(registrants.endedAt, month.from)),
        or(isNull(registrants.supportStartsOn), lte(registrants.supportStartsOn, month.lastDay)),
        or(isNull(registrants.supportEndsOn), gte(registrants.supportEndsOn, month.firstDay)),
      ),
    )
    .orderBy(registrants.displayName);
}

/** A center's contacts in a month, counted by person and kind. */
export async function contactCounts(
  db: Queryable,
  centerId: string,
  from: number,
  to: number,
  registrantIds?: string[],
) {
  return db
    .select({
      registrantId: supportContacts.registrantId,
      kind: supportContacts.kind,
      n: count(),
    })
    .from(supportContacts)
    .where(
      and(
        eq(supportContacts.centerId, centerId),
        gte(supportContacts.at, from),
        lt(supportContacts.at, to),
        registrantIds === undefined
          ? sql`1 = 1`
          : inArray(supportContacts.registrantId, registrantIds),
      ),
    )
    .groupBy(supportContacts.registrantId, supportContacts.kind);
}
