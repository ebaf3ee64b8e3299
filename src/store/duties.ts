// The monthly duties' reads: the rules in force for a month, and a center's month of contacts by
// person and kind, with the people the duties are about.
import { desc, lte, sql } from "drizzle-orm";
import type { ContactKind, RegistrantStatus, SupportProgram } from "../vocabulary/kinds";
import type { Queryable } from "./db";
import { dutyRules } from "./schema";

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
 * began, whose support period (when set) overlaps the month. Read as plain rows (5,000 of them at
 * a large center: drizzle's row mapping cost more than the query).
 */
export async function peopleOfMonth(
  db: Queryable,
  centerId: string,
  month: { from: number; to: number; firstDay: string; lastDay: string },
) {
  return db.all<{
    id: string;
    displayName: string;
    caseworkerId: string | null;
    program: SupportProgram | null;
    status: RegistrantStatus;
  }>(sql`
    select id, display_name as displayName, caseworker_id as caseworkerId, program, status
    from registrants
    where center_id = ${centerId}
      and created_at < ${month.to}
      and (ended_at is null or ended_at >= ${month.from})
      and (support_starts_on is null or support_starts_on <= ${month.lastDay})
      and (support_ends_on is null or support_ends_on >= ${month.firstDay})
    order by display_name`);
}

/** A center's contacts in a month, counted by person and kind (support_contacts_center_idx alone). */
export async function contactCounts(db: Queryable, centerId: string, from: number, to: number) {
  return db.all<{ registrantId: string; kind: ContactKind; n: number }>(sql`
    select registrant_id as registrantId, kind, count(*) as n
    from support_contacts
    where center_id = ${centerId} and at >= ${from} and at < ${to}
    group by registrant_id, kind`);
}
