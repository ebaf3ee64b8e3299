// Staff login, sessions and passwords. Sessions live in the database: Workers isolates come and go.
import { AppError } from "../errors";
import type { Store } from "../store/db";
import {
  clearFailures,
  countRecentFailures,
  deleteOtherSessions,
  deleteSession,
  findSession,
  insertSession,
  recordFailure,
  touchSession,
} from "../store/sessions";
import { findStaffByEmail, setPasswordHash } from "../store/staff";
import type { StaffRole } from "../store/schema";
import { hashPassword, verifyPassword } from "./password";

export const sessionCookie = "tsunagi_session";
/** A session ends this long after login, however active. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
/** …or after this long without a request. */
export const sessionIdleMs = 2 * 60 * 60 * 1000;
/** Writing last-seen on every request would make every read a write; once a minute is enough. */
const touchEveryMs = 60 * 1000;

export const maxFailures = 10;
export const failureWindowMs = 15 * 60 * 1000;

export interface Actor {
  staffId: string;
  centerId: string;
  role: StaffRole;
  displayName: string;
  email: string;
}

/** Spent on unknown emails too, so the answer's timing does not say whether an email exists. */
let decoy: Promise<string> | undefined;
function decoyHash(): Promise<string> {
  // lazily: Workers allow no crypto at import time
  decoy ??= hashPassword("decoy-password-for-timing");
  return decoy;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export async function login(
  store: Store,
  input: { email: string; password: string },
  now: number,
): Promise<{ token: string; actor: Actor }> {
  const email = input.email.trim().toLowerCase();
  if ((await countRecentFailures(store.db, email, now - failureWindowMs)) >= maxFailures) {
    throw new AppError("too_many_requests", "Too many failed attempts; try again later");
  }
  const found = await findStaffByEmail(store.db, email);
  const ok = await verifyPassword(input.password, found?.passwordHash ?? (await decoyHash()));
  // a deactivated account answers as a wrong password does: it says nothing of who exists
  if (!found || !ok || found.deactivatedAt !== null) {
    await store.write((tx) => recordFailure(tx, email, now));
    throw new AppError("unauthorized", "Email or password is wrong");
  }
  const token = newToken();
  const tokenHash = await sha256Hex(token);
  await store.write(async (tx) => {
    await clearFailures(tx, email);
    await insertSession(tx, {
      tokenHash,
      staffId: found.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + sessionLifetimeMs,
    });
  });
  return { token, actor: toActor(found) };
}

/** The staff member behind a session cookie, or null when it is unknown, expired or idle. */
export async function authenticate(
  store: Store,
  token: string,
  now: number,
): Promise<Actor | null> {
  const tokenHash = await sha256Hex(token);
  const found = await findSession(store.db, tokenHash);
  if (!found) return null;
  const { session } = found;
  if (
    now >= session.expiresAt ||
    now - session.lastSeenAt >= sessionIdleMs ||
    found.staff.deactivatedAt !== null
  ) {
    await store.write((tx) => deleteSession(tx, tokenHash));
    return null;
  }
  if (now - session.lastSeenAt >= touchEveryMs) {
    await store.write((tx) => touchSession(tx, tokenHash, now));
  }
  return toActor(found.staff);
}

export async function logout(store: Store, token: string): Promise<void> {
  const tokenHash = await sha256Hex(token);
  await store.write((tx) => deleteSession(tx, tokenHash));
}

export async function changePassword(
  store: Store,
  actor: Actor,
  token: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const found = await findStaffByEmail(store.db, actor.email);
  if (!found || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
    throw new AppError("forbidden", "The current password is wrong");
  }
  const passwordHash = await hashPassword(input.newPassword);
  const keep = await sha256Hex(token);
  await store.write(async (tx) => {
    await setPasswordHash(tx, actor.staffId, passwordHash);
    // a changed password ends every other login (a lost laptop stays logged out)
    await deleteOtherSessions(tx, actor.staffId, keep);
  });
}

function toActor(row: {
  id: string;
  centerId: string;
  role: StaffRole;
  displayName: string;
  email: string;
}): Actor {
  return {
    staffId: row.id,
    centerId: row.centerId,
    role: row.role,
    displayName: row.displayName,
    email: row.email,
  };
}
