// The center boundary: everything staff read or change goes through here, filtered by their center,
// and every read of personal data and every change is written to the audit log first.
import type { Clock } from "../core/clock";
import { AppError, notFound } from "../core/errors";
import { answerText } from "../words/checkin-questions";
import { formatMinute } from "../time/calendar";
import { sendCheckinNow } from "../checkins/send";
import { findAccount } from "../store/accounts";
import { insertAudit, pageAudit, type AuditFilter } from "../store/audit";
import type { Queryable, Store, Tx } from "../store/db";
import {
  employedAt,
  employerSummaries,
  findEmployerContact,
  listContacts,
  listEmployerReports,
  registrantEmployerReports,
  setPulse,
  unlinkContact,
} from "../store/employers";
import {
  findEscalation,
  insertEscalationEvent,
  listQueue,
  timelineOf,
  updateEscalation,
  type QueueFilter,
} from "../store/escalations";
import { checkinHistory, consentHistory, recentWeeks, type HistoryCheckin } from "../store/history";
import { insertLinkCode } from "../store/link-codes";
import {
  employersOf,
  endEmployment as endEmploymentRow,
  findEmployer,
  findRegistrant,
  insertEmployer,
  insertEmployerContact,
  insertEmployment,
  insertRegistrant,
  latestCheckin,
  listEmployers,
  listRegistrants,
  refreshNextCheckin,
  setCheckinSchedule,
  setRegistrantStatus,
  type RegistrantRow,
} from "../store/registrants";
import type { LinkSubject, RegistrantStatus, StaffRole } from "../vocabulary/kinds";
import { createStaff, EmailTakenError, findStaffInCenter, listStaff } from "../store/staff";
import { tellEmployers } from "../escalation/employer-feedback";
import type { Logger } from "../core/log";
import type { Actor } from "./auth";
import { generateLinkCode, hashLinkCode, linkCodeLifetimeMs } from "../link/codes";
import { generatePassword, hashPassword } from "../staff/password";
import { setAlertSettings } from "../store/staff-alert-ledger";
import { profileOf } from "./profile";
import { tellPersonSeen } from "../escalation/person-feedback";
import { unlinkStaffLine } from "../store/link";

/** Where a staff request came from, written on each of its audit entries. */
export interface RequestOrigin {
  client: string | null;
  /** A hash of the session (not the cookie, not the stored hash): ties entries of one login. */
  sessionTag: string | null;
}

export class CenterScope {
  constructor(
    readonly actor: Actor,
    readonly store: Store,
    readonly clock: Clock,
    readonly log: Logger,
    /** Paid messages a month, for the pushes staff actions cause. */
    readonly pushBudgetPerMonth?: number,
    readonly origin: RequestOrigin = { client: null, sessionTag: null },
  ) {}

  get centerId(): string {
    return this.actor.centerId;
  }

  /**
   * An audit entry in the caller's transaction (for the modules beside this one, too); `people`
   * are the registrants whose data it showed or touched (a registrant subject counts itself).
   */
  audit(
    tx: Tx,
    action: string,
    subjectType: string,
    subjectId: string | null,
    at: number,
    people?: readonly string[],
  ) {
    return insertAudit(tx, {
      centerId: this.centerId,
      actorStaffId: this.actor.staffId,
      action,
      subjectType,
      subjectId,
      at,
      client: this.origin.client,
      sessionTag: this.origin.sessionTag,
      people,
    });
  }

  /**
   * Records a read: callers record it after reading (to know whom it shows) and before answering,
   * so without an audit entry no data leaves.
   */
  recordRead(
    action: string,
    subjectType: string,
    subjectId: string | null,
    people?: readonly string[],
  ) {
    const now = this.clock();
    return this.store.write((tx) => this.audit(tx, action, subjectType, subjectId, now, people));
  }

  // Registrants

  /** The center's registrants, or those whose name, kana or id starts or contains `query`. */
  async listRegistrants(query = "") {
    const rows = await listRegistrants(this.store.db, this.centerId, query);
    await this.recordRead(
      "registrant.list",
      "registrant",
      null,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      displayName: row.displayName,
      kana: row.kana,
      caseworkerId: row.caseworkerId,
      unread: row.unreadCount,
      status: row.status,
      linked: row.lineUserId !== null,
      consented: row.consentedAt !== null,
      createdAt: iso(row.createdAt),
    }));
  }

  async getRegistrant(id: string) {
    const row = await findRegistrant(this.store.db, this.centerId, id);
    if (!row) throw notFound("registrant", id);
    await this.recordRead("registrant.read", "registrant", id);
    return this.registrantDetail(row);
  }

  /** Everything staff see of one registrant; the caller has checked the center and audited. */
  private async registrantDetail(row: RegistrantRow) {
    const since = recentWeeks(this.clock())[0]?.start ?? 0;
    const [account, latest, employers, consents, checkins, reports] = await Promise.all([
      row.lineUserId === null ? null : findAccount(this.store.db, row.lineUserId),
      latestCheckin(this.store.db, row.id),
      employersOf(this.store.db, row.id),
      consentHistory(this.store.db, row.id),
      checkinHistory(this.store.db, row.id, since),
      registrantEmployerReports(this.store.db, row.id),
    ]);
    return {
      id: row.id,
      displayName: row.displayName,
      status: row.status,
      endedAt: isoOrNull(row.endedAt),
      endedReason: row.endedReason,
      linked: row.lineUserId !== null,
      linkedAt: isoOrNull(row.linkedAt),
      // a linked person who blocked the account cannot be reached on LINE at all
      reachable: account?.following === true,
      unfollowedAt: isoOrNull(account?.following === false ? account.unfollowedAt : null),
      consented: row.consentedAt !== null,
      consentedAt: isoOrNull(row.consentedAt),
      createdAt: iso(row.createdAt),
      schedule: {
        weekday: row.checkinWeekday,
        time: formatMinute(row.checkinMinute),
        nextCheckinAt: isoOrNull(row.nextCheckinAt),
      },
      latestCheckin: checkinJson(latest),
      employers,
      consentHistory: consents.map((consent) => ({ ...consent, at: iso(consent.at) })),
      checkins: checkins.map(historyCheckinJson),
      employerReports: reports.map((report) => ({ ...report, createdAt: iso(report.createdAt) })),
      profile: profileOf(row),
      unread: row.unreadCount,
    };
  }

  /**
   * A new link code for an existing registrant (a lost sheet, a new phone): it retires the old
   * code, and redeeming it moves the person to the LINE account that sends it.
   */
  async reissueLinkCode(id: string) {
    const row = await findRegistrant(this.store.db, this.centerId, id);
    if (!row) throw notFound("registrant", id);
    const now = this.clock();
    const code = generateLinkCode();
    const codeHash = await hashLinkCode(code);
    return this.store.write(async (tx) => {
      await this.issueCode(tx, "registrant", id, codeHash, now);
      await this.audit(tx, "registrant.link_code", "registrant", id, now);
      return {
        id,
        displayName: row.displayName,
        linkCode: code,
        linkCodeExpiresAt: iso(now + linkCodeLifetimeMs),
      };
    });
  }

  /** Sends a check-in now; refused (409) while paused, ended, unlinked, unconsenting or blocked. */
  async sendCheckin(id: string): Promise<{ id: string }> {
    const row = await findRegistrant(this.store.db, this.centerId, id);
    if (!row) throw notFound("registrant", id);
    if (row.status === "ended") throw new AppError("conflict", "Support has ended");
    return sendCheckinNow(
      { store: this.auditedStore("registrant.checkin", id), clock: this.clock, log: this.log },
      row.id,
    );
  }

  /**
   * The store, with an audit entry added to each write: another module's change then commits
   * together with its audit entry, or neither does.
   */
  private auditedStore(action: string, registrantId: string): Store {
    const { store } = this;
    return {
      db: store.db,
      close: () => {
        store.close();
      },
      write: <T>(unit: (tx: Tx) => Promise<T>) =>
        store.write(async (tx) => {
          const result = await unit(tx);
          await this.audit(tx, action, "registrant", registrantId, this.clock());
          return result;
        }),
    };
  }

  /** Moves the weekly check-in to another day and time (Japan time) and reschedules the next. */
  changeSchedule(id: string, weekday: number, minute: number) {
    if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
      throw new AppError("bad_request", "weekday must be 0 to 6");
    }
    if (!Number.isInteger(minute) || minute < 0 || minute >= 24 * 60) {
      throw new AppError("bad_request", "time must be a time of day");
    }
    return this.changeRegistrant(id, "registrant.schedule", async (tx, _row, now) => {
      await setCheckinSchedule(tx, id, weekday, minute);
      await refreshNextCheckin(tx, id, now);
    });
  }

  pauseCheckins(id: string) {
    return this.setStatus(id, "paused", "registrant.pause");
  }

  resumeCheckins(id: string) {
    return this.setStatus(id, "active", "registrant.resume");
  }

  private setStatus(id: string, status: RegistrantStatus, action: string) {
    return this.changeRegistrant(id, action, async (tx, row, now) => {
      if (row.status === "ended") throw new AppError("conflict", "Support has ended");
      await setRegistrantStatus(tx, id, status);
      await refreshNextCheckin(tx, id, now);
    });
  }

  /** Loads a registrant of this center in the change's transaction; answers the detail after. */
  private async changeRegistrant(
    id: string,
    action: string,
    change: (tx: Tx, row: RegistrantRow, now: number) => Promise<void>,
  ) {
    const now = this.clock();
    await this.store.write(async (tx) => {
      const row = await findRegistrant(tx, this.centerId, id);
      if (!row) throw notFound("registrant", id);
      await change(tx, row, now);
      await this.audit(tx, action, "registrant", id, now);
    });
    const after = await findRegistrant(this.store.db, this.centerId, id);
    if (!after) throw notFound("registrant", id);
    return this.registrantDetail(after);
  }

  async createRegistrant(displayName: string) {
    const now = this.clock();
    const code = generateLinkCode();
    const codeHash = await hashLinkCode(code);
    return this.store.write(async (tx) => {
      const row = await insertRegistrant(tx, { centerId: this.centerId, displayName, now });
      await this.issueCode(tx, "registrant", row.id, codeHash, now);
      await this.audit(tx, "registrant.create", "registrant", row.id, now);
      return { id: row.id, linkCode: code, linkCodeExpiresAt: iso(now + linkCodeLifetimeMs) };
    });
  }

  private issueCode(
    tx: Tx,
    subject: LinkSubject,
    subjectId: string,
    codeHash: string,
    now: number,
  ) {
    return insertLinkCode(tx, {
      codeHash,
      centerId: this.centerId,
      subjectType: subject,
      subjectId,
      createdBy: this.actor.staffId,
      now,
      expiresAt: now + linkCodeLifetimeMs,
    });
  }

  // Employers

  async listEmployers() {
    return listEmployers(this.store.db, this.centerId);
  }

  /** The employer list with counts only: names of companies, no one's personal data. */
  async listEmployerSummaries() {
    return employerSummaries(this.store.db, this.centerId);
  }

  /** One employer: contacts and their link state, who works there, the pulse, the reports. */
  async getEmployer(id: string) {
    const employer = await findEmployer(this.store.db, this.centerId, id);
    if (!employer) throw notFound("employer", id);
    const [contacts, people, reports] = await Promise.all([
      listContacts(this.store.db, id),
      employedAt(this.store.db, id),
      listEmployerReports(this.store.db, id),
    ]);
    // the page names the people who work there and quotes reports about them
    const shown = new Set(people.map((person) => person.id));
    for (const report of reports) shown.add(report.registrantId);
    await this.recordRead("employer.read", "employer", id, [...shown]);
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
  private async contactOf(db: Queryable, employerId: string, contactId: string) {
    const contact = await findEmployerContact(db, this.centerId, employerId, contactId);
    if (!contact) throw notFound("employer_contact", contactId);
    return contact;
  }

  /** A new code for a contact (a new phone, a lost note): it retires the old one. */
  async reissueContactCode(employerId: string, contactId: string) {
    await this.contactOf(this.store.db, employerId, contactId);
    const now = this.clock();
    const code = generateLinkCode();
    const codeHash = await hashLinkCode(code);
    return this.store.write(async (tx) => {
      await this.issueCode(tx, "employer_contact", contactId, codeHash, now);
      await this.audit(tx, "employer_contact.link_code", "employer_contact", contactId, now);
      return { id: contactId, linkCode: code, linkCodeExpiresAt: iso(now + linkCodeLifetimeMs) };
    });
  }

  /** Unlinks a contact's LINE account: it becomes a guest, and their reports stop at once. */
  async unlinkContact(employerId: string, contactId: string) {
    const now = this.clock();
    return this.store.write(async (tx) => {
      await this.contactOf(tx, employerId, contactId);
      const unlinked = await unlinkContact(tx, contactId);
      if (unlinked) {
        await this.audit(tx, "employer_contact.unlink", "employer_contact", contactId, now);
      }
      return { unlinked };
    });
  }

  /** The monthly pulse: on or off, and the day of the month (1 to 28, so every month has it). */
  async setEmployerPulse(employerId: string, pulse: { enabled: boolean; day: number }) {
    if (!Number.isInteger(pulse.day) || pulse.day < 1 || pulse.day > 28) {
      throw new AppError("bad_request", "day must be 1 to 28");
    }
    const now = this.clock();
    await this.store.write(async (tx) => {
      const employer = await findEmployer(tx, this.centerId, employerId);
      if (!employer) throw notFound("employer", employerId);
      await setPulse(tx, employerId, pulse);
      await this.audit(tx, "employer.pulse", "employer", employerId, now);
    });
    return { id: employerId, pulse: { enabled: pulse.enabled, day: pulse.day } };
  }

  async createEmployer(name: string) {
    const now = this.clock();
    return this.store.write(async (tx) => {
      const { id } = await insertEmployer(tx, this.centerId, name, now);
      await this.audit(tx, "employer.create", "employer", id, now);
      return { id };
    });
  }

  async createEmployerContact(employerId: string, displayName: string) {
    const employer = await findEmployer(this.store.db, this.centerId, employerId);
    if (!employer) throw notFound("employer", employerId);
    const now = this.clock();
    const code = generateLinkCode();
    const codeHash = await hashLinkCode(code);
    return this.store.write(async (tx) => {
      const { id } = await insertEmployerContact(tx, {
        centerId: this.centerId,
        employerId,
        displayName,
        now,
      });
      await this.issueCode(tx, "employer_contact", id, codeHash, now);
      await this.audit(tx, "employer_contact.create", "employer_contact", id, now);
      return { id, linkCode: code, linkCodeExpiresAt: iso(now + linkCodeLifetimeMs) };
    });
  }

  async linkEmployment(registrantId: string, employerId: string) {
    const registrant = await findRegistrant(this.store.db, this.centerId, registrantId);
    if (!registrant) throw notFound("registrant", registrantId);
    const employer = await findEmployer(this.store.db, this.centerId, employerId);
    // an employer of another center is, from here, an employer that does not exist
    if (!employer)
      throw new AppError("bad_request", "employerId is not an employer of this center");
    const now = this.clock();
    return this.store.write(async (tx) => {
      const created = await insertEmployment(tx, registrantId, employerId, now);
      if (created) await this.audit(tx, "employment.create", "registrant", registrantId, now);
      return { registrantId, employerId, created };
    });
  }

  /** The last day of a person's job: after it the employer is told nothing and asked nothing. */
  async endEmployment(registrantId: string, employerId: string, endedOn: string) {
    const registrant = await findRegistrant(this.store.db, this.centerId, registrantId);
    if (!registrant) throw notFound("registrant", registrantId);
    const now = this.clock();
    return this.store.write(async (tx) => {
      if (!(await endEmploymentRow(tx, registrantId, employerId, endedOn))) {
        throw new AppError("not_found", "No such employment");
      }
      await this.audit(tx, "employment.end", "registrant", registrantId, now);
      return { registrantId, employerId, endedOn };
    });
  }

  // Staff

  async listStaff() {
    const rows = await listStaff(this.store.db, this.centerId);
    return rows.map((row) => ({ ...row, active: row.deactivatedAt === null }));
  }

  // The staff member's own LINE account and alert settings (their own data: no audit on read)

  async myAlerts() {
    const row = await findStaffInCenter(this.store.db, this.centerId, this.actor.staffId);
    if (!row) throw notFound("staff", this.actor.staffId);
    return {
      line: {
        linked: row.lineUserId !== null,
        linkedAt: row.lineLinkedAt && iso(row.lineLinkedAt),
      },
      alerts: { urgent: row.alertUrgent, high: row.alertHigh, digest: row.alertDigest },
    };
  }

  /** A one-time code the staff member sends from their own LINE to receive alerts there. */
  async issueMyLineCode() {
    const now = this.clock();
    const code = generateLinkCode();
    const codeHash = await hashLinkCode(code);
    return this.store.write(async (tx) => {
      await this.issueCode(tx, "staff", this.actor.staffId, codeHash, now);
      await this.audit(tx, "staff.line_code", "staff", this.actor.staffId, now);
      return { linkCode: code, linkCodeExpiresAt: iso(now + linkCodeLifetimeMs) };
    });
  }

  async unlinkMyLine() {
    const now = this.clock();
    return this.store.write(async (tx) => {
      const unlinked = await unlinkStaffLine(tx, this.actor.staffId);
      if (unlinked) await this.audit(tx, "staff.line_unlink", "staff", this.actor.staffId, now);
      return { unlinked };
    });
  }

  async setMyAlerts(alerts: { urgent: boolean; high: boolean; digest: boolean }) {
    const now = this.clock();
    await this.store.write(async (tx) => {
      await setAlertSettings(tx, this.actor.staffId, {
        alertUrgent: alerts.urgent,
        alertHigh: alerts.high,
        alertDigest: alerts.digest,
      });
      await this.audit(tx, "staff.alerts", "staff", this.actor.staffId, now);
    });
    return this.myAlerts();
  }

  async createStaff(input: { email: string; displayName: string; role: StaffRole }) {
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    const now = this.clock();
    try {
      return await this.store.write(async (tx) => {
        const { id } = await createStaff(tx, {
          ...input,
          centerId: this.centerId,
          passwordHash,
          now,
        });
        await this.audit(tx, "staff.create", "staff", id, now);
        return { id, password };
      });
    } catch (error) {
      if (error instanceof EmailTakenError) {
        // whether this center's or another's: the answer never says which
        throw new AppError("conflict", "That email cannot be used for a new account");
      }
      throw error;
    }
  }

  // Escalations

  async listEscalations(filter: QueueFilter) {
    const rows = await listQueue(this.store.db, this.centerId, filter);
    await this.recordRead(
      "escalation.list",
      "escalation",
      null,
      rows.map(({ escalation }) => escalation.registrantId),
    );
    return rows.map(({ escalation, registrantName }) => ({
      ...toEscalationJson(escalation),
      registrantName,
    }));
  }

  async getEscalation(id: string) {
    const found = await findEscalation(this.store.db, this.centerId, id);
    if (!found) throw notFound("escalation", id);
    await this.recordRead("escalation.read", "escalation", id, [found.escalation.registrantId]);
    const timeline = await timelineOf(this.store.db, id);
    return {
      ...toEscalationJson(found.escalation),
      registrantName: found.registrantName,
      evidence: timeline
        .filter((event) => event.kind === "signal")
        .map((event) => ({ ...event.detail, at: iso(event.at) })),
      timeline: timeline.map((event) => ({ ...event, at: iso(event.at) })),
    };
  }

  /** Loads an escalation of this center for a change, inside the change's transaction. */
  private async changeEscalation(
    id: string,
    change: (tx: Tx, escalation: EscalationJson, now: number) => Promise<void>,
    action: string,
  ) {
    const now = this.clock();
    await this.store.write(async (tx) => {
      const found = await findEscalation(tx, this.centerId, id);
      if (!found) throw notFound("escalation", id);
      await change(tx, toEscalationJson(found.escalation), now);
      await this.audit(tx, action, "escalation", id, now, [found.escalation.registrantId]);
    });
    const after = await findEscalation(this.store.db, this.centerId, id);
    if (!after) throw notFound("escalation", id);
    return { ...toEscalationJson(after.escalation), registrantName: after.registrantName };
  }

  acknowledge(id: string) {
    return this.changeEscalation(
      id,
      async (tx, escalation, now) => {
        if (escalation.status === "resolved") {
          throw new AppError("conflict", "The escalation is already resolved");
        }
        if (escalation.status === "acknowledged") return;
        await updateEscalation(tx, id, {
          status: "acknowledged",
          acknowledgedAt: now,
          acknowledgedBy: this.actor.staffId,
          updatedAt: now,
        });
        await insertEscalationEvent(tx, id, "acknowledged", now, this.actor.staffId, {});
        // the employer who reported it hears that the center received it (never what it is)
        await tellEmployers(tx, escalation, "acknowledged", now, this.log);
        // the person whose own words raised it hears that a person has read them
        await tellPersonSeen(tx, escalation, {
          now,
          log: this.log,
          pushBudgetPerMonth: this.pushBudgetPerMonth,
        });
      },
      "escalation.acknowledge",
    );
  }

  async assign(id: string, staffId: string) {
    if (!(await findEscalation(this.store.db, this.centerId, id))) {
      throw notFound("escalation", id);
    }
    const assignee = await findStaffInCenter(this.store.db, this.centerId, staffId);
    if (!assignee)
      throw new AppError("bad_request", "staffId is not a staff member of this center");
    return this.changeEscalation(
      id,
      async (tx, escalation, now) => {
        if (escalation.status === "resolved") {
          throw new AppError("conflict", "The escalation is already resolved");
        }
        await updateEscalation(tx, id, { assignedTo: staffId, updatedAt: now });
        await insertEscalationEvent(tx, id, "assigned", now, this.actor.staffId, {
          staffId,
          staffName: assignee.displayName,
        });
      },
      "escalation.assign",
    );
  }

  addNote(id: string, text: string) {
    return this.changeEscalation(
      id,
      async (tx, _escalation, now) => {
        await updateEscalation(tx, id, { updatedAt: now });
        await insertEscalationEvent(tx, id, "note", now, this.actor.staffId, { text });
      },
      "escalation.note",
    );
  }

  resolve(id: string, note: string) {
    return this.changeEscalation(
      id,
      async (tx, escalation, now) => {
        if (escalation.status === "resolved") {
          throw new AppError("conflict", "The escalation is already resolved");
        }
        await updateEscalation(tx, id, {
          status: "resolved",
          resolvedAt: now,
          resolvedBy: this.actor.staffId,
          // resolving stops the clock too: it is the strongest acknowledgement
          ...(escalation.acknowledgedAt === null
            ? { acknowledgedAt: now, acknowledgedBy: this.actor.staffId }
            : {}),
          updatedAt: now,
        });
        await insertEscalationEvent(tx, id, "resolved", now, this.actor.staffId, { note });
        await tellEmployers(tx, escalation, "resolved", now, this.log);
      },
      "escalation.resolve",
    );
  }

  // Audit

  /** A page of the audit trail; the caller records the read (one entry for a page or an export). */
  pageAudit(options: AuditFilter & { before?: number | undefined; limit: number }) {
    return pageAudit(this.store.db, this.centerId, options);
  }

  /** One registrant's name (the caller records what it shows); null when not this center's. */
  async registrantName(id: string): Promise<string | null> {
    return (await findRegistrant(this.store.db, this.centerId, id))?.displayName ?? null;
  }
}

function checkinJson(
  row: { id: string; status: string; sentAt: number; completedAt: number | null } | null,
) {
  return row === null
    ? null
    : {
        id: row.id,
        status: row.status,
        sentAt: iso(row.sentAt),
        completedAt: isoOrNull(row.completedAt),
      };
}

/** "HH:MM", 00:00 to 23:59: a preferred check-in time, Japan time. */
export const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a time that matched timePattern. */
export function minuteOfTime(time: string): number {
  const [hours = "0", minutes = "0"] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}

/** An answer with the words the person tapped, so staff read "🙂 まあまあ", not "3". */

function historyCheckinJson(checkin: HistoryCheckin) {
  return {
    id: checkin.id,
    weekKey: checkin.weekKey,
    status: checkin.status,
    origin: checkin.origin,
    sentAt: iso(checkin.sentAt),
    completedAt: isoOrNull(checkin.completedAt),
    answers: checkin.answers.map((answer) => ({
      question: answer.question,
      value: answer.value,
      label: answerText(answer.question, answer.value),
      score: answer.score,
    })),
  };
}

export type RegistrantDetail = Awaited<ReturnType<CenterScope["getRegistrant"]>>;

export type EscalationJson = ReturnType<typeof toEscalationJson>;

/** The Escalation JSON of CONTRACT.md. */
export function toEscalationJson(row: {
  id: string;
  registrantId: string;
  category: string;
  severity: string;
  status: "open" | "acknowledged" | "resolved";
  source: string;
  summary: string;
  openedAt: number;
  ackDueAt: number;
  acknowledgedAt: number | null;
  assignedTo: string | null;
  resolvedAt: number | null;
  level: number;
}) {
  return {
    id: row.id,
    registrantId: row.registrantId,
    category: row.category,
    severity: row.severity,
    status: row.status,
    source: row.source,
    summary: row.summary,
    openedAt: iso(row.openedAt),
    ackDueAt: iso(row.ackDueAt),
    acknowledgedAt: isoOrNull(row.acknowledgedAt),
    assignedTo: row.assignedTo,
    resolvedAt: isoOrNull(row.resolvedAt),
    /** Times it went past its deadline unacknowledged and was raised to the supervisors. */
    level: row.level,
  };
}

/** Times leave the API as ISO 8601 in UTC: unambiguous for outside programs. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}
