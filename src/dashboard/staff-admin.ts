// A supervisor's care of the staff accounts: deactivate and reactivate, reset a password, change a
// role. A center always keeps one active supervisor; every change is audited.
import { AppError, notFound } from "../errors";
import { deleteAllSessions } from "../store/sessions";
import type { Store } from "../store/db";
import type { StaffRole } from "../store/schema";
import {
  activeSupervisors,
  findStaffByEmail,
  findStaffInCenter,
  setDeactivated,
  setPasswordHash,
  setRole,
} from "../store/staff";
import { generatePassword, hashPassword } from "./password";
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

/**
 * For a locked-out last supervisor: the operator resets a password by email from the CLI (no
 * session exists to audit it under; the CLI's output is the record).
 */
export async function resetPasswordByEmail(store: Store, email: string) {
  const member = await findStaffByEmail(store.db, email.trim().toLowerCase());
  if (!member) throw new AppError("not_found", `No staff account has the email ${email}`);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await store.write(async (tx) => {
    await setPasswordHash(tx, member.id, passwordHash);
    await deleteAllSessions(tx, member.id);
    // a locked-out supervisor must be able to log in again
    await setDeactivated(tx, member.id, null);
  });
  return { staffId: member.id, email: member.email, password };
}
