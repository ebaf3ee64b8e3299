// Employers as staff see and change them: the companies, their contacts and link codes, the
// monthly pulse, who works where. Center boundary and audit through the scope.
import { AppError, notFound } from "../core/errors";
import type { Queryable } from "../store/db";
import {
  employedAt,
  employerSummaries,
  findEmployerContact,
  listContacts,
  setPulse,
  unlinkContact as unlinkContactRow,
} from "../store/employers";
import { listEmployerReports } from "../store/employer-reports";
import { findRegistrant } from "../store/registrants";
import {
  endEmployment as endEmploymentRow,
  findEmployer,
  insertEmployer,
  insertEmployerContact,
  insertEmployment,
  listEmployers as employerRows,
} from "../store/employers";
import { iso, isoOrNull } from "../time/format";
import type { CenterScope } from "./scope";

export async function listEmployers(scope: CenterScope) {
  return employerRows(scope.store.db, scope.centerId);
}

/** The employer list with counts only: names of companies, no one's personal data. */
export async function listEmployerSummaries(scope: CenterScope) {
  return employerSummaries(scope.store.db, scope.centerId);
}

/** One employer: contacts and their link state, who works there, the pulse, the reports. */
export async function getEmployer(scope: CenterScope, id: string) {
  const employer = await findEmployer(scope.store.db, scope.centerId, id);
  if (!employer) throw notFound("employer", id);
  const [contacts, people, reports] = await Promise.all([
    listContacts(scope.store.db, id),
    employedAt(scope.store.db, id),
    listEmployerReports(scope.store.db, id),
  ]);
  // the page names the people who work there and quotes reports about them
  const shown = new Set(people.map((person) => person.id));
  for (const report of reports) shown.add(report.registrantId);
  await scope.recordRead("employer.read", "employer", id, [...shown]);
  return {
    id: employer.id,
    name: employer.name,
    pulse: { enabled: employer.pulseEnabled, day: employer.pulseDay },
    contacts: contacts.map((contact) => ({
      id: contact.id,
      displayName: contact.displayName,
      linked: contact.linked,
      linkedAt: isoOrNull(contact.linkedAt),
    })),
    registrants: people,
    reports: reports.map((report) => ({ ...report, createdAt: iso(report.createdAt) })),
  };
}

/** A contact of this center's employer, or not_found: another employer's contact included. */
async function contactOf(scope: CenterScope, db: Queryable, employerId: string, contactId: string) {
  const contact = await findEmployerContact(db, scope.centerId, employerId, contactId);
  if (!contact) throw notFound("employer_contact", contactId);
  return contact;
}

/** A new code for a contact (a new phone, a lost note): it retires the old one. */
export async function reissueContactCode(
  scope: CenterScope,
  employerId: string,
  contactId: string,
) {
  await contactOf(scope, scope.store.db, employerId, contactId);
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const issued = await scope.issueCode(tx, "employer_contact", contactId, now);
    await scope.audit(tx, "employer_contact.link_code", "employer_contact", contactId, now);
    return { id: contactId, ...issued };
  });
}

/** Unlinks a contact's LINE account: it becomes a guest, and their reports stop at once. */
export async function unlinkContact(scope: CenterScope, employerId: string, contactId: string) {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    await contactOf(scope, tx, employerId, contactId);
    const unlinked = await unlinkContactRow(tx, contactId, now);
    if (unlinked) {
      await scope.audit(tx, "employer_contact.unlink", "employer_contact", contactId, now);
    }
    return { unlinked };
  });
}

/** The monthly pulse: on or off, and the day of the month (1 to 28, so every month has it). */
export async function setEmployerPulse(
  scope: CenterScope,
  employerId: string,
  pulse: { enabled: boolean; day: number },
) {
  if (!Number.isInteger(pulse.day) || pulse.day < 1 || pulse.day > 28) {
    throw new AppError("bad_request", "day must be 1 to 28");
  }
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    const employer = await findEmployer(tx, scope.centerId, employerId);
    if (!employer) throw notFound("employer", employerId);
    await setPulse(tx, employerId, pulse);
    await scope.audit(tx, "employer.pulse", "employer", employerId, now);
  });
  return { id: employerId, pulse: { enabled: pulse.enabled, day: pulse.day } };
}

export async function createEmployer(scope: CenterScope, name: string) {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const { id } = await insertEmployer(tx, scope.centerId, name, now);
    await scope.audit(tx, "employer.create", "employer", id, now);
    return { id };
  });
}

export async function createEmployerContact(
  scope: CenterScope,
  employerId: string,
  displayName: string,
) {
  const employer = await findEmployer(scope.store.db, scope.centerId, employerId);
  if (!employer) throw notFound("employer", employerId);
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const { id } = await insertEmployerContact(tx, {
      centerId: scope.centerId,
      employerId,
      displayName,
      now,
    });
    const issued = await scope.issueCode(tx, "employer_contact", id, now);
    await scope.audit(tx, "employer_contact.create", "employer_contact", id, now);
    return { id, ...issued };
  });
}

export async function linkEmployment(scope: CenterScope, registrantId: string, employerId: string) {
  const registrant = await findRegistrant(scope.store.db, scope.centerId, registrantId);
  if (!registrant) throw notFound("registrant", registrantId);
  const employer = await findEmployer(scope.store.db, scope.centerId, employerId);
  // an employer of another center is, from here, an employer that does not exist
  if (!employer)
    throw new AppError("bad_request", "employerId is not an employer of this center", {
      reason: "not_an_employer_here",
    });
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const created = await insertEmployment(tx, registrantId, employerId, now);
    if (created) await scope.audit(tx, "employment.create", "registrant", registrantId, now);
    return { registrantId, employerId, created };
  });
}

/** The last day of a person's job: after it the employer is told nothing and asked nothing. */
export async function endEmployment(
  scope: CenterScope,
  registrantId: string,
  employerId: string,
  endedOn: string,
) {
  const registrant = await findRegistrant(scope.store.db, scope.centerId, registrantId);
  if (!registrant) throw notFound("registrant", registrantId);
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    if (!(await endEmploymentRow(tx, registrantId, employerId, endedOn))) {
      throw new AppError("not_found", "No such employment");
    }
    await scope.audit(tx, "employment.end", "registrant", registrantId, now);
    return { registrantId, employerId, endedOn };
  });
}
