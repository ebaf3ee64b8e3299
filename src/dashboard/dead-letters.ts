// Messages that could not be sent (retries exhausted, refused by LINE, the monthly quota): the
// supervisors see each one with the person, what it was, when and why, and send it again or mark
// it handled. Nothing a person was promised disappears into a log line.
import { AppError } from "../errors";
import { findAccount } from "../store/accounts";
import { findContact } from "../store/employers";
import { listFailed, markHandled, requeueFailed, type OutboxRow } from "../store/outbox";
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
    return ours === 0
      ? null
      : { type: "registrants" as const, id: String(row.id), name: `登録者 ${ours}人` };
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

export async function retryDeadLetter(scope: CenterScope, id: number) {
  await letterOf(scope, id);
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    await requeueFailed(tx, id, now);
    await scope.audit(tx, "outbox.retry", "outbox", String(id), now);
  });
  return { id, status: "pending" };
}

export async function markDeadLetterHandled(scope: CenterScope, id: number) {
  await letterOf(scope, id);
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    await markHandled(tx, id, scope.actor.staffId, now);
    await scope.audit(tx, "outbox.handled", "outbox", String(id), now);
  });
  return { id, handled: true };
}
