// A supervisor's care of the staff accounts: the list, a new account, deactivate and reactivate,
// reset a password, change a role. A center always keeps one active supervisor; every change is audited.
import { AppError, notFound } from "../core/errors";
import { deleteAllSessions } from "../store/sessions";
import type { StaffRole } from "../vocabulary/kinds";
import {
  activeSupervisors,
  createStaff as insertStaff,
  EmailTakenError,
  listStaff as staffRows,
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
    throw new AppError("conflict", "The center needs at least one active supervisor", {
      reason: "last_supervisor",
    });
  }
}

/** Ends their sessions at once and stops their alerts; their history stays. */
export async function deactivateStaff(scope: CenterScope, staffId: string) {
  const member = await memberOf(scope, staffId);
  if (member.id === scope.actor.staffId) {
    throw new AppError("conflict", "You cannot deactivate your own account", {
      reason: "own_account",
    });
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

export async function listStaff(scope: CenterScope) {
  const rows = await staffRows(scope.store.db, scope.centerId);
  return rows.map((row) => ({ ...row, active: row.deactivatedAt === null }));
}

export async function createStaff(
  scope: CenterScope,
  input: { email: string; displayName: string; role: StaffRole },
) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = scope.clock();
  try {
    return await scope.store.write(async (tx) => {
      const { id } = await insertStaff(tx, {
        ...input,
        centerId: scope.centerId,
        passwordHash,
        now,
      });
      await scope.audit(tx, "staff.create", "staff", id, now);
      return { id, password };
    });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      // whether this center's or another's: the answer never says which
      throw new AppError("conflict", "That email cannot be used for a new account", {
        reason: "email_taken",
      });
    }
    throw error;
  }
}
