// The 定着率's reads: a center's 就労定着支援 registrants with the last day of each of their jobs,
// and the fee bands.
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "./db";
import { employments, feeBands, registrants } from "./schema";

export type FeeBandRow = typeof feeBands.$inferSelect;

/**
 * Every registrant of the center in 就労定着支援, by name, with the end of each job on record (one
 * query: the people left-joined to their employments, folded here).
 */
export async function retentionPeople(db: Queryable, centerId: string) {
  const rows = await db
    .select({
      id: registrants.id,
      displayName: registrants.displayName,
      program: registrants.program,
      hiredOn: registrants.hiredOn,
      supportStartsOn: registrants.supportStartsOn,
      supportEndsOn: registrants.supportEndsOn,
      createdAt: registrants.createdAt,
      endedAt: registrants.endedAt,
      endedReason: registrants.endedReason,
      jobRegistrantId: employments.registrantId,
      jobEndedOn: employments.endedOn,
    })
    .from(registrants)
    .leftJoin(employments, eq(employments.registrantId, registrants.id))
    .where(and(eq(registrants.centerId, centerId), eq(registrants.program, "retention")))
    .orderBy(asc(registrants.displayName), asc(registrants.id));
  const people = new Map<
    string,
    Omit<(typeof rows)[number], "jobRegistrantId" | "jobEndedOn"> & {
      jobsEndedOn: (string | null)[];
    }
  >();
  for (const { jobRegistrantId, jobEndedOn, ...person } of rows) {
    const entry = people.get(person.id) ?? { ...person, jobsEndedOn: [] };
    // a person without any job has one row with no employment: nothing to add
    if (jobRegistrantId !== null) entry.jobsEndedOn.push(jobEndedOn);
    people.set(person.id, entry);
  }
  return [...people.values()];
}

/** Every fee band of a program, every version. */
export async function feeBandsOf(db: Queryable, program: "retention"): Promise<FeeBandRow[]> {
  return db
    .select()
    .from(feeBands)
    .where(eq(feeBands.program, program))
    .orderBy(asc(feeBands.effectiveFrom), asc(feeBands.minPercent));
}
