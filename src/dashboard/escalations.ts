// Escalations as staff see and handle them: the queue, one escalation with its evidence and
// timeline, and the lifecycle's verbs (escalation/lifecycle.ts decides what each may do) run
// inside the center boundary with their audit entry.
import { notFound } from "../core/errors";
import {
  acknowledge as ack,
  addNote as note,
  assign as give,
  resolve as close,
  type Escalation,
} from "../escalation/lifecycle";
import type { Tx } from "../store/db";
import { findEscalation, listQueue, timelineOf, type QueueFilter } from "../store/escalations";
import { iso, isoOrNull } from "../time/format";
import type { CenterScope } from "./scope";

export async function listEscalations(scope: CenterScope, filter: QueueFilter) {
  const rows = await listQueue(scope.store.db, scope.centerId, filter);
  await scope.recordRead(
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

export async function getEscalation(scope: CenterScope, id: string) {
  const found = await findEscalation(scope.store.db, scope.centerId, id);
  if (!found) throw notFound("escalation", id);
  await scope.recordRead("escalation.read", "escalation", id, [found.escalation.registrantId]);
  const timeline = await timelineOf(scope.store.db, id);
  return {
    ...toEscalationJson(found.escalation),
    registrantName: found.registrantName,
    evidence: timeline
      .filter((event) => event.kind === "signal")
      .map((event) => ({ ...event.detail, at: iso(event.at) })),
    timeline: timeline.map((event) => ({ ...event, at: iso(event.at) })),
  };
}

/** Runs a lifecycle verb on an escalation of this center, audited in the same write. */
async function change(
  scope: CenterScope,
  id: string,
  action: string,
  verb: (tx: Tx, escalation: Escalation, now: number) => Promise<void>,
) {
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    const found = await findEscalation(tx, scope.centerId, id);
    if (!found) throw notFound("escalation", id);
    await verb(tx, found.escalation, now);
    await scope.audit(tx, action, "escalation", id, now, [found.escalation.registrantId]);
  });
  const after = await findEscalation(scope.store.db, scope.centerId, id);
  if (!after) throw notFound("escalation", id);
  return { ...toEscalationJson(after.escalation), registrantName: after.registrantName };
}

export function acknowledge(scope: CenterScope, id: string) {
  return change(scope, id, "escalation.acknowledge", (tx, escalation, now) =>
    ack(tx, escalation, scope.human, now),
  );
}

export function assign(scope: CenterScope, id: string, staffId: string) {
  return change(scope, id, "escalation.assign", (tx, escalation, now) =>
    give(tx, escalation, scope.human, staffId, now),
  );
}

export function addNote(scope: CenterScope, id: string, text: string) {
  return change(scope, id, "escalation.note", (tx, escalation, now) =>
    note(tx, escalation, scope.human, text, now),
  );
}

export function resolve(scope: CenterScope, id: string, text: string) {
  return change(scope, id, "escalation.resolve", (tx, escalation, now) =>
    close(tx, escalation, scope.human, text, now),
  );
}

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
