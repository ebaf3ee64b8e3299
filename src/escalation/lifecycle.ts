// What a person at the center does to an escalation — acknowledge, assign, note, resolve — and the
// rule that binds it: only a human stops an escalation's clock. An escalation opens from a signal
// (engine.ts) with a deadline on the center's calendar; acknowledging or resolving it here is the
// only thing that stops that clock (the overdue sweep only raises it to the supervisors, it never
// stops anything). Each verb runs in the caller's transaction, which records the audit entry with
// it, and refuses with a reason a page or a program can read.
import { AppError } from "../core/errors";
import type { Logger } from "../core/log";
import type { Tx } from "../store/db";
import { insertEscalationEvent, updateEscalation, type EscalationRow } from "../store/escalations";
import { findStaffInCenter } from "../store/staff";
import { tellEmployers } from "./employer-feedback";
import { tellPersonSeen } from "./person-feedback";

/** The escalation as a verb needs it, read inside the same transaction. */
export type Escalation = Pick<
  EscalationRow,
  "id" | "centerId" | "registrantId" | "category" | "source" | "status" | "acknowledgedAt"
>;

/** Who acts, and what telling people about it needs. */
export interface Human {
  staffId: string;
  log: Logger;
  /** Paid messages a month, for the notice a person may get when their words are read. */
  pushBudgetPerMonth?: number | undefined;
}

function refuseResolved(escalation: Escalation) {
  if (escalation.status === "resolved") {
    throw new AppError("conflict", "The escalation is already resolved", {
      reason: "already_resolved",
    });
  }
}

/**
 * A person has seen it: the clock stops. The employer who reported it hears that the center
 * received it (never what it is); the person whose own words raised it hears that someone read
 * them. Acknowledging twice changes nothing.
 */
export async function acknowledge(tx: Tx, escalation: Escalation, by: Human, now: number) {
  refuseResolved(escalation);
  if (escalation.status === "acknowledged") return;
  await updateEscalation(tx, escalation.id, {
    status: "acknowledged",
    acknowledgedAt: now,
    acknowledgedBy: by.staffId,
    updatedAt: now,
  });
  await insertEscalationEvent(tx, escalation.id, "acknowledged", now, by.staffId, {});
  await tellEmployers(tx, escalation, "acknowledged", now, by.log);
  await tellPersonSeen(tx, escalation, {
    now,
    log: by.log,
    pushBudgetPerMonth: by.pushBudgetPerMonth,
  });
}

/** Gives it to a staff member of the same center; it does not stop the clock. */
export async function assign(
  tx: Tx,
  escalation: Escalation,
  by: Human,
  staffId: string,
  now: number,
) {
  const assignee = await findStaffInCenter(tx, escalation.centerId, staffId);
  if (!assignee) {
    throw new AppError("bad_request", "staffId is not a staff member of this center", {
      reason: "not_a_colleague",
    });
  }
  refuseResolved(escalation);
  await updateEscalation(tx, escalation.id, { assignedTo: staffId, updatedAt: now });
  await insertEscalationEvent(tx, escalation.id, "assigned", now, by.staffId, {
    staffId,
    staffName: assignee.displayName,
  });
}

/** A note on the timeline; allowed on a resolved escalation too (what happened afterwards). */
export async function addNote(
  tx: Tx,
  escalation: Escalation,
  by: Human,
  text: string,
  now: number,
) {
  await updateEscalation(tx, escalation.id, { updatedAt: now });
  await insertEscalationEvent(tx, escalation.id, "note", now, by.staffId, { text });
}

/**
 * Closes it with what was done. Resolving stops the clock too — it is the strongest
 * acknowledgement — and the employer who reported it hears that it was followed up.
 */
export async function resolve(
  tx: Tx,
  escalation: Escalation,
  by: Human,
  note: string,
  now: number,
) {
  refuseResolved(escalation);
  await updateEscalation(tx, escalation.id, {
    status: "resolved",
    resolvedAt: now,
    resolvedBy: by.staffId,
    ...(escalation.acknowledgedAt === null
      ? { acknowledgedAt: now, acknowledgedBy: by.staffId }
      : {}),
    updatedAt: now,
  });
  await insertEscalationEvent(tx, escalation.id, "resolved", now, by.staffId, { note });
  await tellEmployers(tx, escalation, "resolved", now, by.log);
}
