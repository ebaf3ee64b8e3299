// Contacts and visits (支援記録) as staff record them: in a few taps, checked against the person's
// dates, tied to the escalation they answered (its timeline shows them), corrected in place by
// the author on the first day and versioned after that. A bot chat is never one of them.
import * as z from "zod";
import { AppError, notFound } from "../core/errors";
import {
  contactsBetween,
  correctContact,
  findContact,
  insertContact,
  reviseContact,
  versionsOf,
  type ContactFields,
  type ContactRow,
} from "../store/contacts";
import type { Tx } from "../store/db";
import { findEscalation, insertEscalationEvent } from "../store/escalations";
import { findRegistrant, type RegistrantRow } from "../store/registrants";
import { monthKey, monthSpan } from "../time/calendar";
import { iso } from "../time/format";
import { contactKinds, contactParties } from "../vocabulary/kinds";
import type { CenterScope } from "./scope";

/** A contact may be corrected in place by its author for this long; after it, changes are versioned. */
export const correctionWindowMs = 24 * 60 * 60 * 1000;
/** Clocks differ a little: "now" on a phone may be slightly ahead of ours. */
const futureToleranceMs = 5 * 60 * 1000;

export const contactSchema = z
  .object({
    kind: z.enum(contactKinds, { message: "must be one of " + contactKinds.join(", ") }),
    // one party or several ("with": "person" or ["person", "employer"])
    with: z
      .union([z.enum(contactParties), z.array(z.enum(contactParties)).min(1).max(5)], {
        message: "must be one or more of " + contactParties.join(", "),
      })
      .transform((value) => [...new Set(Array.isArray(value) ? value : [value])]),
    at: z.iso.datetime({ offset: true, message: "must be a time in ISO 8601" }),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    note: z.string().trim().max(2000).default(""),
    escalationId: z.string().min(1).max(64).nullable().optional(),
  })
  .strict();
export type ContactInput = z.infer<typeof contactSchema>;

/** The contact as the API shows it. */
export function contactJson(row: ContactRow) {
  return {
    id: row.id,
    kind: row.kind,
    with: row.parties,
    at: iso(row.at),
    minutes: row.minutes,
    note: row.note,
    escalationId: row.escalationId,
    authorStaffId: row.authorStaffId,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Checks the fields against the person and the center; the escalation must be theirs. */
async function fieldsOf(
  tx: Tx,
  scope: CenterScope,
  registrant: RegistrantRow,
  input: ContactInput,
  now: number,
): Promise<ContactFields> {
  const at = Date.parse(input.at);
  if (at > now + futureToleranceMs) {
    throw new AppError("bad_request", "at is in the future", { reason: "time_in_future" });
  }
  if (at < registrant.createdAt) {
    throw new AppError("bad_request", "at is before the person was registered", {
      reason: "before_registration",
    });
  }
  const escalationId = input.escalationId ?? null;
  if (escalationId !== null) {
    const found = await findEscalation(tx, scope.centerId, escalationId);
    if (found?.escalation.registrantId !== registrant.id) {
      throw new AppError("bad_request", "escalationId is not an escalation of this person", {
        reason: "not_their_escalation",
      });
    }
  }
  return {
    kind: input.kind,
    parties: input.with,
    at,
    minutes: input.minutes,
    note: input.note,
    escalationId,
  };
}

/** Records a contact; the escalation it answers, if any, shows it on its timeline. */
export async function recordContact(scope: CenterScope, registrantId: string, input: ContactInput) {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const registrant = await findRegistrant(tx, scope.centerId, registrantId);
    if (!registrant) throw notFound("registrant", registrantId);
    const fields = await fieldsOf(tx, scope, registrant, input, now);
    const row = await insertContact(tx, {
      ...fields,
      centerId: scope.centerId,
      registrantId,
      authorStaffId: scope.actor.staffId,
      now,
    });
    if (row.escalationId !== null) {
      await insertEscalationEvent(tx, row.escalationId, "contact", now, scope.actor.staffId, {
        contactId: row.id,
        contactKind: row.kind,
        minutes: row.minutes,
      });
    }
    await scope.audit(tx, "contact.create", "registrant", registrantId, now);
    return { id: row.id };
  });
}

/**
 * Changes a contact. On its first day its author corrects it in place; after that the author or
 * a supervisor may change it, and the version it had is kept.
 */
export async function editContact(
  scope: CenterScope,
  registrantId: string,
  contactId: string,
  input: ContactInput,
) {
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    const registrant = await findRegistrant(tx, scope.centerId, registrantId);
    if (!registrant) throw notFound("registrant", registrantId);
    const current = await findContact(tx, scope.centerId, registrantId, contactId);
    if (!current) throw new AppError("not_found", "No such contact");
    const own = current.authorStaffId === scope.actor.staffId;
    if (!own && scope.actor.role !== "supervisor") {
      throw new AppError("forbidden", "Only its author or a supervisor may change a contact", {
        reason: "not_author",
      });
    }
    const fields = await fieldsOf(tx, scope, registrant, input, now);
    if (own && now - current.createdAt < correctionWindowMs) {
      await correctContact(tx, contactId, fields, now);
    } else {
      await reviseContact(tx, current, fields, scope.actor.staffId, now);
    }
    await scope.audit(tx, "contact.update", "registrant", registrantId, now);
  });
  const after = await findContact(scope.store.db, scope.centerId, registrantId, contactId);
  if (!after) throw new AppError("not_found", "No such contact");
  return {
    ...contactJson(after),
    versions: (await versionsOf(scope.store.db, contactId)).map((version) => ({
      version: version.version,
      kind: version.kind,
      with: version.parties,
      at: iso(version.at),
      minutes: version.minutes,
      note: version.note,
      replacedBy: version.replacedBy,
      replacedAt: iso(version.replacedAt),
    })),
  };
}

/** A registrant's contacts in a Japan-time month (this month by default), oldest first. */
export async function listContacts(scope: CenterScope, registrantId: string, month?: string) {
  const wanted = month ?? monthKey(scope.clock());
  const span = monthSpan(wanted);
  if (!span) throw new AppError("bad_request", "month must be YYYY-MM");
  const registrant = await findRegistrant(scope.store.db, scope.centerId, registrantId);
  if (!registrant) throw notFound("registrant", registrantId);
  const rows = await contactsBetween(scope.store.db, registrantId, span.from, span.to);
  await scope.recordRead("contact.list", "registrant", registrantId);
  return { month: wanted, items: rows.map(contactJson) };
}

/**
 * This month's contacts for the registrant page, whose own read (registrant.read) is audited:
 * the caller has checked the center.
 */
export async function monthOfContacts(scope: CenterScope, registrantId: string) {
  const span = monthSpan(monthKey(scope.clock()));
  if (!span) return [];
  const rows = await contactsBetween(scope.store.db, registrantId, span.from, span.to);
  return rows.map(contactJson);
}
