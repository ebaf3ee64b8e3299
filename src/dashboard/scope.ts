// The center boundary: everything staff read or change goes through a CenterScope, made once per
// request for the logged-in staff member. The modules beside this one (registrants.ts,
// employers.ts, escalations.ts, …) take it as their first argument: they read only rows of
// `scope.centerId` (another center's id answers 404 as if it did not exist), and record every read
// of personal data and every change in the audit log in the same transaction. The rules of the
// domain (what stops an escalation's clock, when a check-in may be sent) live in the domain
// modules they call, not here.
import type { Clock } from "../core/clock";
import type { Logger } from "../core/log";
import type { Human } from "../escalation/lifecycle";
import { issueLinkCode } from "../link/codes";
import { insertAudit } from "../store/audit";
import type { Store, Tx } from "../store/db";
import { iso } from "../time/format";
import type { LinkSubject } from "../vocabulary/kinds";
import type { Actor } from "./auth";

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

  /** The staff member, as the escalation lifecycle sees who acts. */
  get human(): Human {
    return {
      staffId: this.actor.staffId,
      log: this.log,
      pushBudgetPerMonth: this.pushBudgetPerMonth,
    };
  }

  /**
   * A new link code for someone of this center, issued by this staff member in the caller's
   * transaction; the answer staff see once.
   */
  async issueCode(tx: Tx, subjectType: LinkSubject, subjectId: string, now: number) {
    const { linkCode, expiresAt } = await issueLinkCode(tx, {
      centerId: this.centerId,
      subjectType,
      subjectId,
      createdBy: this.actor.staffId,
      now,
    });
    return { linkCode, linkCodeExpiresAt: iso(expiresAt) };
  }

  // Audit
}
