// Staff login, sessions and passwords. Sessions live in the database: Workers isolates come and go.
import { AppError } from "../core/errors";
import type { Store, Tx } from "../store/db";
import { insertAudit } from "../store/audit";
import {
  clearFailures,
  deleteOtherSessions,
  deleteSession,
  dropAttempt,
  findSession,
  insertSession,
  reserveAttempt,
  touchSession,
  type AttemptLimits,
} from "../store/sessions";
import { findStaffByEmail, setPasswordHash } from "../store/staff";
import type { StaffRole } from "../vocabulary/kinds";
import { sessionIdleMs, sessionLifetimeMs } from "../staff/sessions";
import { hashPassword, verifyPassword } from "../staff/password";

export const sessionCookie = "tsunagi_session";
/** Writing last-seen on every request would make every read a write; once a minute is enough. */
const touchEveryMs = 60 * 1000;

/**
 * Password checks allowed. Per email: 10 in 5 minutes — someone else's wrong guesses can keep
 * the right person out for at most those 5 minutes (a longer window would hold guessing back
 * longer but lock the person out longer too). Per client address: 30 in 15 minutes, whatever
 * the emails. Everyone: 120 hash checks a minute, so a flood cannot eat the CPU.
 */
export const attemptLimits: AttemptLimits = {
  perEmail: { max: 10, windowMs: 5 * 60 * 1000 },
  perClient: { max: 30, windowMs: 15 * 60 * 1000 },
  perMinute: 120,
};
export const maxFailures = attemptLimits.perEmail.max;
export const failureWindowMs = attemptLimits.perEmail.windowMs;

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

/**
 * What the audit trail keeps of a session: enough to tie one login's entries together, useless
 * for logging in and different from the hash the sessions table is keyed by.
 */
export async function sessionTagOf(token: string): Promise<string> {
  return (await sha256Hex(`audit:${token}`)).slice(0, 16);
}

/** Failed attempts are counted under a hash of the email: the table never holds addresses. */
function emailKeyOf(email: string): Promise<string> {
  return sha256Hex(`login:${email}`);
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Counts the attempt before the (costly) hash check; refuses with 429 over a limit. */
async function reserve(store: Store, email: string, client: string, now: number) {
  const key = await emailKeyOf(email);
  const id = await store.write((tx) =>
    reserveAttempt(tx, { email: key, client, now }, attemptLimits),
  );
  if (id === null) {
    throw new AppError("too_many_requests", "Too many failed attempts; try again later");
  }
  return id;
}

export async function login(
  store: Store,
  input: { email: string; password: string; client?: string },
  now: number,
): Promise<{ token: string; actor: Actor }> {
  const email = input.email.trim().toLowerCase();
  const client = input.client ?? "unknown";
  const attempt = await reserve(store, email, client, now);
  const found = await findStaffByEmail(store.db, email);
  const ok = await verifyPassword(input.password, found?.passwordHash ?? (await decoyHash()));
  // a deactivated account answers as a wrong password does: it says nothing of who exists
  if (!found || !ok || found.deactivatedAt !== null) {
    // a failure against a real account goes into that center's audit trail
    if (found) {
      await store.write((tx) =>
        auditOwn(tx, found, "auth.login_failed", now, { client, sessionTag: null }),
      );
    }
    throw new AppError("unauthorized", "Email or password is wrong");
  }
  const token = newToken();
  const tokenHash = await sha256Hex(token);
  const sessionTag = await sessionTagOf(token);
  const emailKey = await emailKeyOf(email);
  await store.write(async (tx) => {
    await dropAttempt(tx, attempt);
    await clearFailures(tx, emailKey);
    await auditOwn(tx, found, "auth.login", now, { client, sessionTag });
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

export async function logout(
  store: Store,
  token: string,
  actor?: Actor,
  now: number = Date.now(),
  client: string | null = null,
): Promise<void> {
  const tokenHash = await sha256Hex(token);
  const origin = { client, sessionTag: await sessionTagOf(token) };
  await store.write(async (tx) => {
    await deleteSession(tx, tokenHash);
    if (actor) {
      await auditOwn(
        tx,
        { id: actor.staffId, centerId: actor.centerId },
        "auth.logout",
        now,
        origin,
      );
    }
  });
}

/** An entry about a staff member's own account, in their center's audit trail. */
function auditOwn(
  tx: Tx,
  member: { id: string; centerId: string },
  action: string,
  now: number,
  origin: { client: string | null; sessionTag: string | null },
): Promise<void> {
  return insertAudit(tx, {
    centerId: member.centerId,
    actorStaffId: member.id,
    action,
    subjectType: "staff",
    subjectId: member.id,
    at: now,
    ...origin,
  });
}

export async function changePassword(
  store: Store,
  actor: Actor,
  token: string,
  input: { currentPassword: string; newPassword: string; client?: string },
  now: number = Date.now(),
): Promise<void> {
  // the current password is checked like a login: the same limits, counted first
  const client = input.client ?? "unknown";
  const origin = { client, sessionTag: await sessionTagOf(token) };
  const attempt = await reserve(store, actor.email, client, now);
  const found = await findStaffByEmail(store.db, actor.email);
  if (!found || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
    if (found) {
      await store.write((tx) => auditOwn(tx, found, "auth.password_failed", now, origin));
    }
    throw new AppError("forbidden", "The current password is wrong");
  }
  await store.write((tx) => dropAttempt(tx, attempt));
  const passwordHash = await hashPassword(input.newPassword);
  const keep = await sha256Hex(token);
  await store.write(async (tx) => {
    await setPasswordHash(tx, actor.staffId, passwordHash);
    await auditOwn(tx, found, "auth.password_change", now, origin);
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

/**
 * The client's address as the platform reports it: the socket's peer on Node (a header there is
 * whatever the client wrote, so it is never believed), Cloudflare's header on Workers. Behind a
 * reverse proxy every client is the proxy: the per-client limit then acts for all of them
 * together (the README says so).
 */
export function clientAddress(c: {
  req: { header(name: string): string | undefined };
  env: unknown;
}): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  if (incoming) return incoming.socket?.remoteAddress ?? "unknown";
  return c.req.header("cf-connecting-ip") ?? "unknown";
}
