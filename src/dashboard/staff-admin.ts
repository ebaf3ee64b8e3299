// A supervisor's care of the staff accounts: deactivate and reactivate, reset a password, change a
// role. A center always keeps one active supervisor; every change is audited.
import { AppError, notFound } from "../core/errors";
import { deleteAllSessions } from "../store/sessions";
import type { StaffRole } from "../vocabulary/kinds";
import {
  activeSupervisors,
  findStaffInCenter,
  setDeactivated,
  setPasswordHash,
  setRole,
} from "../store/staff";
import { generatePassword, hashPassword } from "../staff/password";
import type { CenterScope } from "./scope";

async function memberOf(scope: CenterScope, staffId: string) {
  const member = await findStaffInCenter(scope.store.db, scope.centerId, staffId);
  if (!member) throw notFound("staff", staffId);
  return member;
}

/** Refuses a change that would leave the center without an active supervisor. */
async function keepsASupervisor(scope: CenterScope, losing: string) {
  const left = (await activeSupervisors(scope.store.db, scope.centerId)).filter(
    (id) => id !== losing,
  );
  if (left.length === 0) {
    throw new AppError("conflict", "The center needs at least one active supervisor");
  }
}

/** Ends their sessions at once and stops their alerts; their history stays. */
export async function deactivateStaff(scope: CenterScope, staffId: string) {
  const member = await memberOf(scope, staffId);
  if (member.id === scope.actor.staffId) {
    throw new AppError("conflict", "You cannot deactivate your own account");
  }
  if (member.role === "supervisor") await keepsASupervisor(scope, member.id);
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    await setDeactivated(tx, member.id, member.deactivatedAt ?? now);
    await deleteAllSessions(tx, member.id);
    await scope.audit(tx, "staff.deactivate", "staff", member.id, now);
  });
  return { id: member.id, active: false };
}

export async function reactivateStaff(scope: CenterScope, staffId: string) {
  const member = await memberOf(scope, staffId);
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    await setDeactivated(tx, member.id, null);
    await scope.audit(tx, "staff.reactivate", "staff", member.id, now);
  });
  return { id: member.id, active: true };
}

/** A new random password, shown once; every login of theirs ends. */
export async function resetStaffPassword(scope: CenterScope, staffId: string) {
  const member = await memberOf(scope, staffId);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    await setPasswordHash(tx, member.id, passwordHash);
    await deleteAllSessions(tx, member.id);
    await scope.audit(tx, "staff.reset_password", "staff", member.id, now);
  });
  return { id: member.id, password };
}

export async function changeStaffRole(scope: CenterScope, staffId: string, role: StaffRole) {
  const member = await memberOf(scope, staffId);
  if (member.role === "supervisor" && role !== "supervisor") {
    await keepsASupervisor(scope, member.id);
  }
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    await setRole(tx, member.id, role);
    await scope.audit(tx, "staff.role", "staff", member.id, now);
  });
  return { id: member.id, role };
}
