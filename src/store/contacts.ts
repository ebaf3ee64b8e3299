// Contacts and visits staff recorded (支援記録), and their earlier versions; always read within
// one center.
import { and, asc, count, eq, gte, lt } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { supportContacts, supportContactVersions } from "./schema";
import type { ContactKind, ContactParty } from "../vocabulary/kinds";

export type ContactRow = typeof supportContacts.$inferSelect;

/** What staff say about one contact. */
export interface ContactFields {
  kind: ContactKind;
  parties: ContactParty[];
  at: number;
  minutes: number;
  note: string;
  escalationId: string | null;
}

export async function insertContact(
  tx: Tx,
  input: ContactFields & {
    centerId: string;
    registrantId: string;
    authorStaffId: string;
    now: number;
  },
): Promise<ContactRow> {
  const [row] = await tx
    .insert(supportContacts)
    .values({
      id: crypto.randomUUID(),
      centerId: input.centerId,
      registrantId: input.registrantId,
      kind: input.kind,
      parties: input.parties,
      at: input.at,
      minutes: input.minutes,
      note: input.note,
      escalationId: input.escalationId,
      authorStaffId: input.authorStaffId,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  if (!row) throw new Error("insert returned no contact");
  return row;
}

/** One contact of one registrant of this center, or null. */
export async function findContact(
  db: Queryable,
  centerId: string,
  registrantId: string,
  contactId: string,
): Promise<ContactRow | null> {
  const rows = await db
    .select()
    .from(supportContacts)
    .where(
      and(
        eq(supportContacts.id, contactId),
        eq(supportContacts.centerId, centerId),
        eq(supportContacts.registrantId, registrantId),
      ),
    );
  return rows[0] ?? null;
}

/** A registrant's contacts between two instants (from inclusive, to exclusive), oldest first. */
export async function contactsBetween(
  db: Queryable,
  registrantId: string,
  from: number,
  to: number,
): Promise<ContactRow[]> {
  return db
    .select()
    .from(supportContacts)
    .where(
      and(
        eq(supportContacts.registrantId, registrantId),
        gte(supportContacts.at, from),
        lt(supportContacts.at, to),
      ),
    )
    .orderBy(asc(supportContacts.at));
}

/** Corrects a contact in place (its author, on its first day). */
export async function correctContact(
  tx: Tx,
  id: string,
  fields: ContactFields,
  now: number,
): Promise<void> {
  await tx
    .update(supportContacts)
    .set({ ...fields, updatedAt: now })
    .where(eq(supportContacts.id, id));
}

/** Changes a contact after its first day: the version it had is kept, the new one counts up. */
export async function reviseContact(
  tx: Tx,
  current: ContactRow,
  fields: ContactFields,
  by: string,
  now: number,
): Promise<void> {
  await tx.insert(supportContactVersions).values({
    contactId: current.id,
    version: current.version,
    kind: current.kind,
    parties: current.parties,
    at: current.at,
    minutes: current.minutes,
    note: current.note,
    escalationId: current.escalationId,
    replacedBy: by,
    replacedAt: now,
  });
  await tx
    .update(supportContacts)
    .set({ ...fields, version: current.version + 1, updatedAt: now })
    .where(eq(supportContacts.id, current.id));
}

/** The earlier versions of a contact, oldest first. */
export async function versionsOf(db: Queryable, contactId: string) {
  return db
    .select()
    .from(supportContactVersions)
    .where(eq(supportContactVersions.contactId, contactId))
    .orderBy(asc(supportContactVersions.version));
}

/** Contacts each staff member recorded in a center between two instants: their month's work. */
export async function contactsByAuthor(
  db: Queryable,
  centerId: string,
  from: number,
  to: number,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ staffId: supportContacts.authorStaffId, n: count() })
    .from(supportContacts)
    .where(
      and(
        eq(supportContacts.centerId, centerId),
        gte(supportContacts.at, from),
        lt(supportContacts.at, to),
      ),
    )
    .groupBy(supportContacts.authorStaffId);
  return new Map(rows.map((row) => [row.staffId, row.n]));
}
