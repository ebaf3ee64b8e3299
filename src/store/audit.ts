// The audit log: who saw or changed what, when.
import { and, desc, eq, lt } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { auditLog, staff } from "./schema";

export interface AuditEntry {
  centerId: string;
  actorStaffId: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  at: number;
}

export async function insertAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

/** A page of a center's audit trail, newest first; `before` is the last id of the previous page. */
export async function pageAudit(
  db: Queryable,
  centerId: string,
  options: { before?: number | undefined; limit: number },
) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      actorStaffId: auditLog.actorStaffId,
      actorName: staff.displayName,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.actorStaffId))
    .where(
      and(
        eq(auditLog.centerId, centerId),
        options.before === undefined ? undefined : lt(auditLog.id, options.before),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(options.limit);
}
