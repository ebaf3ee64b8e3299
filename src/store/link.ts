// Redeeming a link code from LINE: throttled, single use, one LINE account per person.
import { and, count, eq, gt, gte, isNull } from "drizzle-orm";
import { setAccountRole } from "./accounts";
import type { Tx } from "./db";
import type { OutboxRow } from "./outbox";
import { employerContacts, linkCodes, linkFailures, registrants, staff } from "./schema";
import { type LinkSubject } from "../vocabulary/kinds";

export type Redemption =
  | {
      outcome: "linked";
      subject: LinkSubject;
      personId: string;
      /** The rich menu changes queued with it (this account's, and a previous account's). */
      menuChanges: OutboxRow[];
    }
  | { outcome: "unknown-code" }
  | { outcome: "throttled" }
  | { outcome: "busy" };

/** Wrong codes allowed per LINE user per hour; after that even the right one waits. */
export const maxLinkFailures = 5;
export const linkFailureWindowMs = 60 * 60 * 1000;
/**
 * Wrong codes allowed from everyone together in any 10 minutes: new LINE accounts cost nothing,
 * so the per-user limit alone does not stop guessing. After that every attempt waits.
 */
export const maxGlobalLinkFailures = 100;
export const globalLinkFailureWindowMs = 10 * 60 * 1000;

export async function redeemLinkCode(
  tx: Tx,
  lineUserId: string,
  codeHash: string,
  now: number,
): Promise<Redemption> {
  const failures = await tx
    .select({ n: count() })
    .from(linkFailures)
    .where(
      and(eq(linkFailures.lineUserId, lineUserId), gte(linkFailures.at, now - linkFailureWindowMs)),
    );
  if ((failures[0]?.n ?? 0) >= maxLinkFailures) return { outcome: "throttled" };
  const everyone = await tx
    .select({ n: count() })
    .from(linkFailures)
    .where(gte(linkFailures.at, now - globalLinkFailureWindowMs));
  if ((everyone[0]?.n ?? 0) >= maxGlobalLinkFailures) return { outcome: "busy" };

  const codes = await tx
    .select()
    .from(linkCodes)
    .where(
      and(eq(linkCodes.codeHash, codeHash), isNull(linkCodes.usedAt), gt(linkCodes.expiresAt, now)),
    );
  const code = codes[0];
  if (!code) {
    await tx.insert(linkFailures).values({ lineUserId, at: now });
    return { outcome: "unknown-code" };
  }
  await tx.update(linkCodes).set({ usedAt: now }).where(eq(linkCodes.codeHash, codeHash));
  const menuChanges: OutboxRow[] = [];
  const setRole = async (...args: Parameters<typeof setAccountRole>) => {
    const queued = await setAccountRole(...args);
    if (queued) menuChanges.push(queued);
  };

  if (code.subjectType === "registrant") {
    // a new code from staff moves the person to this LINE account; the old one becomes a guest
    const previous = await tx
      .select({ lineUserId: registrants.lineUserId })
      .from(registrants)
      .where(eq(registrants.id, code.subjectId));
    const old = previous[0]?.lineUserId;
    if (old && old !== lineUserId) await setRole(tx, old, "guest", null, now);
    await tx
      .update(registrants)
      .set({ lineUserId, linkedAt: now })
      .where(eq(registrants.id, code.subjectId));
    await setRole(tx, lineUserId, "registrant", code.subjectId, now);
    return { outcome: "linked", subject: "registrant", personId: code.subjectId, menuChanges };
  }
  if (code.subjectType === "staff") {
    // staff link their own LINE account to receive alerts; a new code moves it, like a registrant's
    const previous = await tx
      .select({ lineUserId: staff.lineUserId })
      .from(staff)
      .where(eq(staff.id, code.subjectId));
    const old = previous[0]?.lineUserId;
    if (old && old !== lineUserId) await setRole(tx, old, "guest", null, now);
    await tx
      .update(staff)
      .set({ lineUserId, lineLinkedAt: now })
      .where(eq(staff.id, code.subjectId));
    await setRole(tx, lineUserId, "staff", code.subjectId, now);
    return { outcome: "linked", subject: "staff", personId: code.subjectId, menuChanges };
  }
  const previous = await tx
    .select({ lineUserId: employerContacts.lineUserId })
    .from(employerContacts)
    .where(eq(employerContacts.id, code.subjectId));
  const old = previous[0]?.lineUserId;
  if (old && old !== lineUserId) await setRole(tx, old, "guest", null, now);
  await tx
    .update(employerContacts)
    .set({ lineUserId, linkedAt: now })
    .where(eq(employerContacts.id, code.subjectId));
  await setRole(tx, lineUserId, "employer_contact", code.subjectId, now);
  return { outcome: "linked", subject: "employer_contact", personId: code.subjectId, menuChanges };
}

/** Staff unlink their LINE account from their profile: alerts stop, the account becomes a guest. */
export async function unlinkStaffLine(tx: Tx, staffId: string, now: number): Promise<boolean> {
  const rows = await tx
    .select({ lineUserId: staff.lineUserId })
    .from(staff)
    .where(eq(staff.id, staffId));
  const old = rows[0]?.lineUserId;
  if (!old) return false;
  await tx.update(staff).set({ lineUserId: null, lineLinkedAt: null }).where(eq(staff.id, staffId));
  await setAccountRole(tx, old, "guest", null, now);
  return true;
}
