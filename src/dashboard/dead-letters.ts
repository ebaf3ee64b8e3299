// Messages that could not be sent (retries exhausted, refused by LINE, the monthly quota): the
// supervisors see each one with the person, what it was, when and why, and send it again or mark
// it handled. Nothing a person was promised disappears into a log line.
import { AppError } from "../core/errors";
import { findAccount } from "../store/accounts";
import { findContact } from "../store/employers";
import {
  detachRecipients,
  listFailed,
  markHandled,
  requeueFailed,
  type OutboxRow,
} from "../store/outbox";
import type { Tx } from "../store/db";
import { findRegistrantById, registrantsAmong } from "../store/registrants";
import { findStaffInCenter } from "../store/staff";
import type { CenterScope } from "./scope";

export interface DeadLetter {
  id: number;
  purpose: string;
  /** Whom it was for; a multicast (the weekly check-in) names how many of this center's people. */
  person: {
    type: "registrant" | "employer_contact" | "staff" | "registrants";
    id: string;
    name: string;
  } | null;
  createdAt: string;
  attempts: number;
  error: string | null;
  handledAt: string | null;
}

/** Whose message it was, if they belong to this center; null for anyone else's. */
async function personOf(scope: CenterScope, row: OutboxRow) {
  if (row.kind === "multicast") {
    const ours = await registrantsAmong(scope.store.db, scope.centerId, row.recipients);
    return ours.length === 0
      ? null
      : { type: "registrants" as const, id: String(row.id), name: `登録者 ${ours.length}人` };
  }
  const lineUserId = row.recipients[0];
  if (lineUserId === undefined) return null;
  const account = await findAccount(scope.store.db, lineUserId);
  if (!account?.personId) return null;
  const db = scope.store.db;
  if (account.role === "registrant") {
    const person = await findRegistrantById(db, account.personId);
    return person?.centerId === scope.centerId
      ? { type: "registrant" as const, id: person.id, name: person.displayName }
      : null;
  }
  if (account.role === "employer_contact") {
    const contact = await findContact(db, account.personId);
    return contact?.centerId === scope.centerId
      ? { type: "employer_contact" as const, id: contact.id, name: contact.displayName }
      : null;
  }
  if (account.role === "staff") {
    const member = await findStaffInCenter(db, scope.centerId, account.personId);
    return member ? { type: "staff" as const, id: member.id, name: member.displayName } : null;
  }
  return null;
}

/** The center's undelivered messages, newest first (the last 200 failures of all centers read). */
export async function listDeadLetters(scope: CenterScope): Promise<DeadLetter[]> {
  const rows = await listFailed(scope.store.db, 200);
  const letters: DeadLetter[] = [];
  for (const row of rows) {
    const person = await personOf(scope, row);
    if (person === null) continue;
    letters.push({
      id: row.id,
      purpose: row.purpose,
      person,
      createdAt: new Date(row.createdAt).toISOString(),
      attempts: row.attempts,
      error: row.lastError,
      handledAt: row.handledAt === null ? null : new Date(row.handledAt).toISOString(),
    });
  }
  await scope.recordRead(
    "outbox.failed.list",
    "outbox",
    null,
    letters.flatMap((letter) => (letter.person?.type === "registrant" ? [letter.person.id] : [])),
  );
  return letters;
}

async function letterOf(scope: CenterScope, id: number) {
  const rows = await listFailed(scope.store.db, 1_000);
  const row = rows.find((candidate) => candidate.id === id);
  if (!row || (await personOf(scope, row)) === null) {
    throw new AppError("not_found", "No such undelivered message");
  }
  return row;
}

/**
 * The row this center acts on: a multicast shared with other centers' people is split first, so
 * sending it again or marking it handled touches only this center's people.
 */
async function ownRow(scope: CenterScope, tx: Tx, row: OutboxRow): Promise<number> {
  if (row.kind !== "multicast") return row.id;
  const ours = await registrantsAmong(tx, scope.centerId, row.recipients);
  return detachRecipients(tx, row.id, ours);
}

export async function retryDeadLetter(scope: CenterScope, id: number) {
  const row = await letterOf(scope, id);
  const now = scope.clock();
  const acted = await scope.store.write(async (tx) => {
    const own = await ownRow(scope, tx, row);
    await requeueFailed(tx, own, now);
    await scope.audit(tx, "outbox.retry", "outbox", String(own), now);
    return own;
  });
  return { id: acted, status: "pending" };
}

export async function markDeadLetterHandled(scope: CenterScope, id: number) {
  const row = await letterOf(scope, id);
  const now = scope.clock();
  const acted = await scope.store.write(async (tx) => {
    const own = await ownRow(scope, tx, row);
    await markHandled(tx, own, scope.actor.staffId, now);
    await scope.audit(tx, "outbox.handled", "outbox", String(own), now);
    return own;
  });
  return { id: acted, handled: true };
}
