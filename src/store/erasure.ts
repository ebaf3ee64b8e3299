// Erasing a person (APPI: the right to deletion): every row that holds their data goes, in one
// transaction, children before parents so it holds with foreign keys enforced. What stays: the
// audit trail (their random id, who did what when — no name, no words) and monthly push counts.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "./db";
import { dropRecipient } from "./outbox";
import {
  answers,
  checkins,
  consents,
  conversations,
  employerContacts,
  employerPulses,
  employerReports,
  employments,
  escalationEvents,
  escalations,
  handoverEvents,
  handovers,
  lineAccounts,
  linkCodes,
  linkFailures,
  messages,
  outbox,
  processedEvents,
  registrants,
  reportShares,
  signals,
  staff,
  staffAlerts,
  supportContacts,
  supportContactVersions,
  supportReports,
} from "./schema";

export interface ErasedCounts {
  messages: number;
  checkins: number;
  escalations: number;
  employerReports: number;
  outbox: number;
}

/**
 * Deletes everything held about one registrant: profile, LINE link and conversation state,
 * messages, check-ins and answers, consents, signals, escalations and their timelines, employer
 * reports and pulses, employments, link codes, the staff alerts about them, and every outbox row
 * sent to them or naming them (pending ones are never sent; multicasts keep their other recipients).
 */
export async function eraseRegistrantData(
  tx: Tx,
  registrant: { id: string; centerId: string; displayName: string; lineUserId: string | null },
): Promise<ErasedCounts> {
  const { id, lineUserId } = registrant;
  const escalationIds = (
    await tx
      .select({ id: escalations.id })
      .from(escalations)
      .where(eq(escalations.registrantId, id))
  ).map((row) => row.id);
  const checkinIds = (
    await tx.select({ id: checkins.id }).from(checkins).where(eq(checkins.registrantId, id))
  ).map((row) => row.id);

  const outboxCount = await dropOutbox(tx, id, lineUserId);
  await dropNamedElsewhere(tx, registrant);

  const mine = lineUserId === null ? undefined : eq(messages.lineUserId, lineUserId);
  const erasedMessages = await tx
    .delete(messages)
    .where(or(eq(messages.registrantId, id), mine))
    .returning({ id: messages.id });

  // an employer contact's report half-made about them (the state holds their id and words)
  await tx.delete(conversations).where(sql`instr(${conversations.state}, ${id}) > 0`);
  if (lineUserId !== null) {
    // the event ids stay (a redelivery must still be recognised), no longer saying whose
    await tx
      .update(processedEvents)
      .set({ lineUserId: null })
      .where(eq(processedEvents.lineUserId, lineUserId));
    await tx.delete(conversations).where(eq(conversations.lineUserId, lineUserId));
    await tx.delete(linkFailures).where(eq(linkFailures.lineUserId, lineUserId));
    await tx.delete(lineAccounts).where(eq(lineAccounts.lineUserId, lineUserId));
  }

  if (checkinIds.length > 0) {
    for (const chunk of chunks(checkinIds)) {
      await tx.delete(answers).where(inArray(answers.checkinId, chunk));
    }
  }
  await tx.delete(checkins).where(eq(checkins.registrantId, id));
  await tx.delete(consents).where(eq(consents.registrantId, id));
  await tx.delete(signals).where(eq(signals.registrantId, id));
  const reports = await tx
    .delete(employerReports)
    .where(eq(employerReports.registrantId, id))
    .returning({ id: employerReports.id });
  await tx.delete(employerPulses).where(eq(employerPulses.registrantId, id));
  // contacts and visits staff recorded (before the escalations they may answer)
  await tx
    .delete(supportContactVersions)
    .where(
      inArray(
        supportContactVersions.contactId,
        tx
          .select({ id: supportContacts.id })
          .from(supportContacts)
          .where(eq(supportContacts.registrantId, id)),
      ),
    );
  await tx.delete(supportContacts).where(eq(supportContacts.registrantId, id));
  // their monthly reports with the record of sharing them, and their handover
  await tx.delete(reportShares).where(eq(reportShares.registrantId, id));
  await tx.delete(supportReports).where(eq(supportReports.registrantId, id));
  await tx.delete(handoverEvents).where(eq(handoverEvents.registrantId, id));
  await tx.delete(handovers).where(eq(handovers.registrantId, id));
  for (const chunk of chunks(escalationIds)) {
    await tx.delete(escalationEvents).where(inArray(escalationEvents.escalationId, chunk));
    await tx.delete(staffAlerts).where(inArray(staffAlerts.escalationId, chunk));
  }
  // the alerts that their support period ends: the key names them ("period:<id>:…")
  const periodKey = `period:${id}:`;
  await tx
    .delete(staffAlerts)
    .where(
      and(
        eq(staffAlerts.kind, "period"),
        sql`substr(${staffAlerts.dedupKey}, 1, ${periodKey.length}) = ${periodKey}`,
      ),
    );
  await tx.delete(escalations).where(eq(escalations.registrantId, id));
  await tx.delete(employments).where(eq(employments.registrantId, id));
  await tx
    .delete(linkCodes)
    .where(and(eq(linkCodes.subjectType, "registrant"), eq(linkCodes.subjectId, id)));
  await tx.delete(registrants).where(eq(registrants.id, id));

  return {
    messages: erasedMessages.length,
    checkins: checkinIds.length,
    escalations: escalationIds.length,
    employerReports: reports.length,
    outbox: outboxCount,
  };
}

/**
 * Outbox rows to the person (deleted; a multicast loses only them) and rows naming them to
 * someone else (alerts, digests, pulses, notices: deleted, whatever their status, since a sent
 * row still holds the words).
 */
async function dropOutbox(tx: Tx, id: string, lineUserId: string | null): Promise<number> {
  let dropped = 0;
  const naming = await tx
    .delete(outbox)
    .where(sql`exists (select 1 from json_each(${outbox.about}) where value = ${id})`)
    .returning({ id: outbox.id });
  dropped += naming.length;
  if (lineUserId === null) return dropped;
  return dropped + (await dropRecipient(tx, lineUserId));
}

/**
 * What the bot said to this center's employer contacts or staff naming them ("田中 一郎さんに
 * ついて…") and what those contacts wrote with their full name in it, in the conversation log:
 * found by the name as written, so a mention by family name alone is not found (the README says
 * so). The outbox is never searched by name: its rows say whom they name (`about`).
 */
async function dropNamedElsewhere(
  tx: Tx,
  registrant: { centerId: string; displayName: string },
): Promise<void> {
  const name = registrant.displayName.trim();
  // a name this short would match other words ("チェ" in チェックイン): only full names count
  if (name.length < 3) return;
  await tx
    .delete(messages)
    .where(
      and(
        isNull(messages.registrantId),
        sql`instr(${messages.text}, ${name}) > 0`,
        or(
          inArray(
            messages.lineUserId,
            tx
              .select({ id: employerContacts.lineUserId })
              .from(employerContacts)
              .where(eq(employerContacts.centerId, registrant.centerId)),
          ),
          inArray(
            messages.lineUserId,
            tx
              .select({ id: staff.lineUserId })
              .from(staff)
              .where(eq(staff.centerId, registrant.centerId)),
          ),
        ),
      ),
    );
}

/** SQLite takes a bounded number of parameters per statement. */
function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
