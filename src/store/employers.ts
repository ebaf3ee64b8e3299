// Employers, their contacts and who works where; whom a contact may report about.
import {
  and,
  asc,
  count,
  eq,
  gte,
  isNotNull,
  isNull,
  ne,
  or,
  sql,
  type SQLWrapper,
} from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { setAccountRole } from "./accounts";
import { employerContacts, employers, employments, registrants } from "./schema";

/** The consent text version from which a registrant's consent names the employer link. */
export const employerLinkConsentVersion = 2;

export interface EmployerContact {
  id: string;
  centerId: string;
  employerId: string;
  employerName: string;
  displayName: string;
}

/** The employer contact behind a LINE account (role employer_contact, person id). */
export async function findContact(
  db: Queryable,
  contactId: string,
): Promise<EmployerContact | null> {
  const rows = await db
    .select({
      id: employerContacts.id,
      centerId: employerContacts.centerId,
      employerId: employerContacts.employerId,
      employerName: employers.name,
      displayName: employerContacts.displayName,
      lineUserId: employerContacts.lineUserId,
    })
    .from(employerContacts)
    .innerJoin(employers, eq(employers.id, employerContacts.employerId))
    .where(eq(employerContacts.id, contactId));
  const row = rows[0];
  if (!row || row.lineUserId === null) return null;
  return {
    id: row.id,
    centerId: row.centerId,
    employerId: row.employerId,
    employerName: row.employerName,
    displayName: row.displayName,
  };
}

/**
 * The registrants an employer's contacts may report about: employed there, and consenting to a
 * text that names the employer link. Everyone else is invisible to the employer, by name too.
 */
/**
 * Who an employer's contacts may report on and be asked about: employed there today (no end, or
 * an end still to come) and consenting to the employer link.
 */
export async function coveredRegistrants(db: Queryable, employerId: string, today: string) {
  return coverageQuery(db, employerId, today);
}

/**
 * coveredRegistrants' query, the one definition of whom an employer's contacts may name: read
 * alone, or inside a webhook request's reads (the employer and the day given as SQL there).
 */
export function coverageQuery(
  q: Queryable,
  employerId: string | SQLWrapper,
  today: string | SQLWrapper,
) {
  return q
    .select({
      id: registrants.id,
      displayName: registrants.displayName,
      centerId: registrants.centerId,
    })
    .from(employments)
    .innerJoin(registrants, eq(registrants.id, employments.registrantId))
    .where(
      and(
        eq(employments.employerId, employerId),
        or(isNull(employments.endedOn), gte(employments.endedOn, today)),
        isNotNull(registrants.consentedAt),
        gte(registrants.consentVersion, employerLinkConsentVersion),
        ne(registrants.status, "ended"),
      ),
    )
    .orderBy(asc(registrants.displayName));
}

/** An employer's contacts with their link state. */
export async function listContacts(db: Queryable, employerId: string) {
  const rows = await db
    .select({
      id: employerContacts.id,
      displayName: employerContacts.displayName,
      lineUserId: employerContacts.lineUserId,
      linkedAt: employerContacts.linkedAt,
      createdAt: employerContacts.createdAt,
    })
    .from(employerContacts)
    .where(eq(employerContacts.employerId, employerId))
    .orderBy(asc(employerContacts.displayName));
  return rows.map(({ lineUserId, ...row }) => ({ ...row, linked: lineUserId !== null }));
}

/** Everyone employed at an employer, and whether their consent covers the employer link. */
export async function employedAt(db: Queryable, employerId: string) {
  const rows = await db
    .select({
      id: registrants.id,
      displayName: registrants.displayName,
      status: registrants.status,
      consentedAt: registrants.consentedAt,
      consentVersion: registrants.consentVersion,
    })
    .from(employments)
    .innerJoin(registrants, eq(registrants.id, employments.registrantId))
    .where(eq(employments.employerId, employerId))
    .orderBy(asc(registrants.displayName));
  return rows.map((row) => ({
    id: row.id,
    displayName: row.displayName,
    status: row.status,
    covered:
      row.consentedAt !== null &&
      (row.consentVersion ?? 0) >= employerLinkConsentVersion &&
      row.status !== "ended",
  }));
}

/** One contact of one employer of one center: null for a contact of anyone else's. */
export async function findEmployerContact(
  db: Queryable,
  centerId: string,
  employerId: string,
  contactId: string,
) {
  const rows = await db
    .select({
      id: employerContacts.id,
      displayName: employerContacts.displayName,
      lineUserId: employerContacts.lineUserId,
    })
    .from(employerContacts)
    .innerJoin(employers, eq(employers.id, employerContacts.employerId))
    .where(
      and(
        eq(employerContacts.id, contactId),
        eq(employerContacts.employerId, employerId),
        eq(employers.centerId, centerId),
      ),
    );
  return rows[0] ?? null;
}

/** A center's employers by name, with how many contacts (and linked ones) and people each has. */
export async function employerSummaries(db: Queryable, centerId: string) {
  const [rows, contacts, people] = await Promise.all([
    db
      .select({
        id: employers.id,
        name: employers.name,
        pulseEnabled: employers.pulseEnabled,
        pulseDay: employers.pulseDay,
      })
      .from(employers)
      .where(eq(employers.centerId, centerId))
      .orderBy(asc(employers.name)),
    db
      .select({
        employerId: employerContacts.employerId,
        contacts: count(),
        linked: count(employerContacts.lineUserId),
      })
      .from(employerContacts)
      .innerJoin(employers, eq(employers.id, employerContacts.employerId))
      .where(eq(employers.centerId, centerId))
      .groupBy(employerContacts.employerId),
    db
      .select({
        employerId: employments.employerId,
        registrants: count(),
        covered: count(
          sql`case when ${registrants.consentedAt} is not null
            and ${registrants.consentVersion} >= ${employerLinkConsentVersion}
            and ${registrants.status} <> 'ended' then 1 end`,
        ),
      })
      .from(employments)
      .innerJoin(employers, eq(employers.id, employments.employerId))
      .innerJoin(registrants, eq(registrants.id, employments.registrantId))
      .where(eq(employers.centerId, centerId))
      .groupBy(employments.employerId),
  ]);
  const contactsOf = new Map(contacts.map((row) => [row.employerId, row]));
  const peopleOf = new Map(people.map((row) => [row.employerId, row]));
  return rows.map((row) => ({
    ...row,
    contacts: contactsOf.get(row.id)?.contacts ?? 0,
    linkedContacts: contactsOf.get(row.id)?.linked ?? 0,
    registrants: peopleOf.get(row.id)?.registrants ?? 0,
    coveredRegistrants: peopleOf.get(row.id)?.covered ?? 0,
  }));
}

/** Staff unlink a contact: the LINE account becomes a guest and reports stop at once. */
export async function unlinkContact(tx: Tx, contactId: string, now: number): Promise<boolean> {
  const rows = await tx
    .select({ lineUserId: employerContacts.lineUserId })
    .from(employerContacts)
    .where(eq(employerContacts.id, contactId));
  const old = rows[0]?.lineUserId;
  if (!old) return false;
  await tx
    .update(employerContacts)
    .set({ lineUserId: null, linkedAt: null })
    .where(eq(employerContacts.id, contactId));
  await setAccountRole(tx, old, "guest", null, now);
  return true;
}

export async function setPulse(
  tx: Tx,
  employerId: string,
  pulse: { enabled: boolean; day: number },
): Promise<void> {
  await tx
    .update(employers)
    .set({ pulseEnabled: pulse.enabled, pulseDay: pulse.day })
    .where(eq(employers.id, employerId));
}

export async function insertEmployer(tx: Tx, centerId: string, name: string, now: number) {
  const id = crypto.randomUUID();
  await tx.insert(employers).values({ id, centerId, name, createdAt: now });
  return { id };
}

export async function findEmployer(db: Queryable, centerId: string, id: string) {
  const rows = await db
    .select()
    .from(employers)
    .where(and(eq(employers.centerId, centerId), eq(employers.id, id)));
  return rows[0] ?? null;
}

export async function listEmployers(db: Queryable, centerId: string) {
  return db
    .select()
    .from(employers)
    .where(eq(employers.centerId, centerId))
    .orderBy(asc(employers.name));
}

export async function insertEmployerContact(
  tx: Tx,
  input: { centerId: string; employerId: string; displayName: string; now: number },
) {
  const id = crypto.randomUUID();
  await tx.insert(employerContacts).values({
    id,
    centerId: input.centerId,
    employerId: input.employerId,
    displayName: input.displayName,
    createdAt: input.now,
  });
  return { id };
}

/** Links a registrant to an employer; linking twice is a no-op. Returns true when new. */
export async function insertEmployment(
  tx: Tx,
  registrantId: string,
  employerId: string,
  now: number,
): Promise<boolean> {
  const rows = await tx
    .insert(employments)
    .values({ registrantId, employerId, createdAt: now })
    .onConflictDoNothing()
    .returning({ registrantId: employments.registrantId });
  return rows.length === 1;
}

/** Sets the last day of a job; false when there is no such employment. */
export async function endEmployment(
  tx: Tx,
  registrantId: string,
  employerId: string,
  endedOn: string,
): Promise<boolean> {
  const rows = await tx
    .update(employments)
    .set({ endedOn })
    .where(and(eq(employments.registrantId, registrantId), eq(employments.employerId, employerId)))
    .returning({ registrantId: employments.registrantId });
  return rows.length === 1;
}

export async function employersOf(db: Queryable, registrantId: string) {
  return db
    .select({ id: employers.id, name: employers.name, endedOn: employments.endedOn })
    .from(employments)
    .innerJoin(employers, eq(employers.id, employments.employerId))
    .where(eq(employments.registrantId, registrantId));
}
