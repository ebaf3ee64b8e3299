// A staff member's own LINE account and alert settings: their own data, so reading it is not
// audited; every change is.
import { notFound } from "../core/errors";
import { unlinkStaffLine } from "../store/link";
import { findStaffInCenter } from "../store/staff";
import { setAlertSettings } from "../store/staff-alert-ledger";
import { iso } from "../time/format";
import type { CenterScope } from "./scope";

export async function myAlerts(scope: CenterScope) {
  const row = await findStaffInCenter(scope.store.db, scope.centerId, scope.actor.staffId);
  if (!row) throw notFound("staff", scope.actor.staffId);
  return {
    line: {
      linked: row.lineUserId !== null,
      linkedAt: row.lineLinkedAt && iso(row.lineLinkedAt),
    },
    alerts: { urgent: row.alertUrgent, high: row.alertHigh, digest: row.alertDigest },
  };
}

/** A one-time code the staff member sends from their own LINE to receive alerts there. */
export async function issueMyLineCode(scope: CenterScope) {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const issued = await scope.issueCode(tx, "staff", scope.actor.staffId, now);
    await scope.audit(tx, "staff.line_code", "staff", scope.actor.staffId, now);
    return issued;
  });
}

export async function unlinkMyLine(scope: CenterScope) {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const unlinked = await unlinkStaffLine(tx, scope.actor.staffId, now);
    if (unlinked) await scope.audit(tx, "staff.line_unlink", "staff", scope.actor.staffId, now);
    return { unlinked };
  });
}

export async function setMyAlerts(
  scope: CenterScope,
  alerts: { urgent: boolean; high: boolean; digest: boolean },
) {
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    await setAlertSettings(tx, scope.actor.staffId, {
      alertUrgent: alerts.urgent,
      alertHigh: alerts.high,
      alertDigest: alerts.digest,
    });
    await scope.audit(tx, "staff.alerts", "staff", scope.actor.staffId, now);
  });
  return myAlerts(scope);
}
