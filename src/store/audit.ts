// The audit log: who saw or changed what, when.
import { and, desc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Queryable, Tx } from "./db";
import {
  auditLog,
  auditPeople,
  employerContacts,
  employers,
  escalations,
  registrants,
  staff,
} from "./schema";

export interface AuditEntry {
  centerId: string;
  actorStaffId: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  at: number;
  /** The request's client address and session tag; null for the scheduler and the CLI. */
  client?: string | null | undefined;
  sessionTag?: string | null | undefined;
  /**
   * The registrants whose data the action showed or touched; left out, a registrant subject is
   * the one (a refused attempt passes none: it showed nobody).
   */
  people?: readonly string[] | undefined;
}

/** SQLite takes a bounded number of parameters in one statement. */
const peoplePerInsert = 400;

/** How long a list read shown again by the same staff member points at the first one. */
export const sameListWindowMs = 24 * 60 * 60 * 1000;

/**
 * Writes an entry and names the people it showed. A list read (several people) that shows the
 * same people as the staff member's last read of the same kind within a day points at that
 * entry instead of naming them all again: every read keeps its own row (who, when, from where),
 * and "who saw this person" follows the pointer. Reading a 5,000-person list twice then costs one
 * row, not 10,000 random index writes.
 */
export async function insertAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const { people, ...row } = entry;
  const ids = [
    ...new Set(
      people ??
        (entry.subjectType === "registrant" && entry.subjectId !== null ? [entry.subjectId] : []),
    ),
  ];
  const peopleKey = ids.length > 1 ? await digestOf(ids) : null;
  const earlier = peopleKey === null ? null : await sameListRead(tx, entry, peopleKey);
  const inserted = await tx
    .insert(auditLog)
    .values({
      ...row,
      client: row.client ?? null,
      sessionTag: row.sessionTag ?? null,
      peopleKey,
      peopleFrom: earlier,
    })
    .returning({ id: auditLog.id });
  const auditId = inserted[0]?.id;
  if (auditId === undefined) throw new Error("audit insert returned no row");
  if (earlier !== null) return;
  const rows = ids.map((registrantId) => ({ auditId, registrantId }));
  for (let i = 0; i < rows.length; i += peoplePerInsert) {
    await tx.insert(auditPeople).values(rows.slice(i, i + peoplePerInsert));
  }
}

/** SHA-256 of the sorted ids: the same people in any order give the same key. */
async function digestOf(ids: string[]): Promise<string> {
  const bytes = new TextEncoder().encode([...ids].sort().join("\n"));
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(hash, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The staff member's last entry of this action within a day that named exactly these people. */
async function sameListRead(tx: Tx, entry: AuditEntry, peopleKey: string) {
  const [found] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.centerId, entry.centerId),
        eq(auditLog.actorStaffId, entry.actorStaffId),
        eq(auditLog.action, entry.action),
        eq(auditLog.peopleKey, peopleKey),
        isNull(auditLog.peopleFrom),
        gte(auditLog.at, entry.at - sameListWindowMs),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  return found?.id ?? null;
}

export interface AuditFilter {
  /** A staff member's id, or "system" for the scheduler. */
  actorId?: string | undefined;
  action?: string | undefined;
  /** Entries that showed or touched this registrant, or were about them. */
  registrantId?: string | undefined;
}

/**
 * A page of a center's audit trail, newest first; `before` is the last id of the previous page.
 * Each entry comes with the names of its actor and of a registrant or staff subject (null once
 * erased or never known), and how many people it showed.
 */
export async function pageAudit(
  db: Queryable,
  centerId: string,
  options: AuditFilter & { before?: number | undefined; limit: number },
) {
  const subjectStaff = alias(staff, "subject_staff");
  const person = options.registrantId;
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      actorStaffId: auditLog.actorStaffId,
      actorName: staff.displayName,
      subjectName: sql<
        string | null
      >`coalesce(${registrants.displayName}, ${subjectStaff.displayName})`,
      client: auditLog.client,
      sessionTag: auditLog.sessionTag,
      people: sql<number>`(select count(*) from audit_people p where p.audit_id = coalesce(${auditLog.peopleFrom}, ${auditLog.id}))`,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.actorStaffId))
    .leftJoin(
      registrants,
      and(
        eq(auditLog.subjectType, "registrant"),
        eq(registrants.id, auditLog.subjectId),
        eq(registrants.centerId, centerId),
      ),
    )
    .leftJoin(
      subjectStaff,
      and(
        eq(auditLog.subjectType, "staff"),
        eq(subjectStaff.id, auditLog.subjectId),
        eq(subjectStaff.centerId, centerId),
      ),
    )
    .where(
      and(
        eq(auditLog.centerId, centerId),
        options.before === undefined ? undefined : lt(auditLog.id, options.before),
        options.actorId === undefined ? undefined : eq(auditLog.actorStaffId, options.actorId),
        options.action === undefined ? undefined : eq(auditLog.action, options.action),
        person === undefined
          ? undefined
          : or(
              inArray(auditLog.id, readsOf(db, person)),
              // a list read again points at the first entry that named them
              inArray(auditLog.peopleFrom, readsOf(db, person)),
              and(eq(auditLog.subjectType, "registrant"), eq(auditLog.subjectId, person)),
            ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(options.limit);
}

/** The entries that name a person among the people they showed. */
function readsOf(db: Queryable, person: string) {
  return db
    .select({ id: auditPeople.auditId })
    .from(auditPeople)
    .where(eq(auditPeople.registrantId, person));
}

const owners = {
  registrant: { table: registrants, id: registrants.id, center: registrants.centerId },
  escalation: { table: escalations, id: escalations.id, center: escalations.centerId },
  employer: { table: employers, id: employers.id, center: employers.centerId },
  employer_contact: {
    table: employerContacts,
    id: employerContacts.id,
    center: employerContacts.centerId,
  },
  staff: { table: staff, id: staff.id, center: staff.centerId },
} as const;

/** The center an id belongs to, or null when it exists nowhere (refusals are audited by it). */
export async function ownerCenterOf(
  db: Queryable,
  type: keyof typeof owners,
  id: string,
): Promise<string | null> {
  const owner = owners[type];
  const rows = await db
    .select({ center: owner.center })
    .from(owner.table)
    .where(eq(owner.id, id))
    .limit(1);
  return rows[0]?.center ?? null;
}
