// Registrants: always read within one center.
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, or, sql } from "drizzle-orm";
import type { Queryable, Statement, Tx } from "./db";
import { nextWeeklySlot } from "../time/calendar";
import { dropRecipient } from "./outbox";
import { checkins, consents, conversations, lineAccounts, registrants } from "./schema";
import type { ConsentDecision, EndReason } from "../vocabulary/kinds";

export type RegistrantRow = typeof registrants.$inferSelect;

export async function insertRegistrant(
  tx: Tx,
  input: { centerId: string; displayName: string; now: number },
): Promise<RegistrantRow> {
  const rows = await tx
    .insert(registrants)
    .values({
      id: crypto.randomUUID(),
      centerId: input.centerId,
      displayName: input.displayName,
      createdAt: input.now,
    })
    .returning();
  const row = rows[0];
  if (!row) throw new Error("registrant insert returned no row");
  return row;
}

export async function listRegistrants(db: Queryable, centerId: string, query = "") {
  const escaped = query.replace(/[\\%_]/g, (char) => `\\${char}`);
  const contains = `%${escaped}%`;
  return db
    .select()
    .from(registrants)
    .where(
      query === ""
        ? eq(registrants.centerId, centerId)
        : and(
            eq(registrants.centerId, centerId),
            or(
              sql`${registrants.displayName} like ${contains} escape '\\'`,
              sql`${registrants.kana} like ${contains} escape '\\'`,
              sql`${registrants.id} like ${`${escaped}%`} escape '\\'`,
            ),
          ),
    )
    .orderBy(asc(registrants.displayName));
}

export async function findRegistrant(db: Queryable, centerId: string, id: string) {
  const rows = await db
    .select()
    .from(registrants)
    .where(and(eq(registrants.centerId, centerId), eq(registrants.id, id)));
  return rows[0] ?? null;
}

export async function latestCheckin(db: Queryable, registrantId: string) {
  const rows = await db
    .select({
      id: checkins.id,
      status: checkins.status,
      sentAt: checkins.sentAt,
      completedAt: checkins.completedAt,
    })
    .from(checkins)
    .where(eq(checkins.registrantId, registrantId))
    .orderBy(desc(checkins.sentAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function findRegistrantById(db: Queryable, id: string) {
  const rows = await db.select().from(registrants).where(eq(registrants.id, id));
  return rows[0] ?? null;
}

export async function setRegistrantLine(
  tx: Tx,
  id: string,
  lineUserId: string | null,
  now: number,
) {
  await tx
    .update(registrants)
    .set({ lineUserId, linkedAt: lineUserId === null ? null : now })
    .where(eq(registrants.id, id));
}

/** A new status; a pause remembers who set it (staff or the person), anything else forgets it. */
export function setRegistrantStatus(
  q: Queryable,
  id: string,
  status: RegistrantRow["status"],
  by: "staff" | "person" = "staff",
): Statement {
  return q
    .update(registrants)
    .set({ status, pausedBy: status === "paused" ? by : null })
    .where(eq(registrants.id, id));
}

/**
 * Records a consent decision in the history and, unless `historyOnly` (the current text asked of,
 * or declined by, someone whose earlier consent still holds), makes it the registrant's consent.
 */
export async function setConsent(
  tx: Tx,
  id: string,
  decision: ConsentDecision,
  textVersion: number,
  now: number,
  historyOnly = false,
) {
  for (const statement of consentStatements(tx, id, decision, textVersion, now, historyOnly)) {
    await statement;
  }
}

/** setConsent's statements, for a batch. */
export function consentStatements(
  q: Queryable,
  id: string,
  decision: ConsentDecision,
  textVersion: number,
  now: number,
  historyOnly = false,
): Statement[] {
  const history = q.insert(consents).values({ registrantId: id, textVersion, decision, at: now });
  if (historyOnly) return [history];
  return [
    q
      .update(registrants)
      .set({
        consentedAt: decision === "given" ? now : null,
        consentVersion: decision === "given" ? textVersion : null,
      })
      .where(eq(registrants.id, id)),
    history,
  ];
}

/** Whether this consent text was already put to the registrant (asked, given or declined). */
export async function consentTextAsked(
  db: Queryable,
  id: string,
  textVersion: number,
): Promise<boolean> {
  const rows = await db
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.registrantId, id), eq(consents.textVersion, textVersion)))
    .limit(1);
  return rows.length > 0;
}

export function setCheckinSchedule(
  q: Queryable,
  id: string,
  weekday: number,
  minute: number,
): Statement {
  return q
    .update(registrants)
    .set({ checkinWeekday: weekday, checkinMinute: minute })
    .where(eq(registrants.id, id));
}

/**
 * Works out when the next weekly check-in goes out, from the registrant's state: only someone
 * linked, consenting, active and still following on LINE gets one.
 */
export async function refreshNextCheckin(tx: Tx, id: string, now: number): Promise<void> {
  const rows = await tx
    .select({ registrant: registrants, following: lineAccounts.following })
    .from(registrants)
    .leftJoin(lineAccounts, eq(lineAccounts.lineUserId, registrants.lineUserId))
    .where(eq(registrants.id, id));
  const row = rows[0];
  if (!row) return;
  await setNextCheckin(tx, id, nextCheckinAt(row.registrant, row.following === true, now));
}

/** When a registrant's next weekly check-in goes out, or null when none is due. */
export function nextCheckinAt(
  registrant: Pick<
    RegistrantRow,
    "lineUserId" | "consentedAt" | "status" | "checkinWeekday" | "checkinMinute"
  >,
  following: boolean,
  now: number,
): number | null {
  const due =
    registrant.lineUserId !== null &&
    registrant.consentedAt !== null &&
    registrant.status === "active" &&
    following;
  return due ? nextWeeklySlot(now, registrant.checkinWeekday, registrant.checkinMinute) : null;
}

export function setNextCheckin(q: Queryable, id: string, at: number | null): Statement {
  return q.update(registrants).set({ nextCheckinAt: at }).where(eq(registrants.id, id));
}

/** How many active registrants each case worker is the primary worker of. */
export async function caseloadsOf(db: Queryable, centerId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ staffId: registrants.caseworkerId, n: sql<number>`count(*)` })
    .from(registrants)
    .where(
      and(
        eq(registrants.centerId, centerId),
        isNotNull(registrants.caseworkerId),
        ne(registrants.status, "ended"),
      ),
    )
    .groupBy(registrants.caseworkerId);
  return new Map(rows.flatMap((row) => (row.staffId === null ? [] : [[row.staffId, row.n]])));
}

/** The profile staff keep about a registrant (only the fields given change). */
export async function updateRegistrantProfile(
  tx: Tx,
  registrantId: string,
  values: Partial<
    Pick<
      typeof registrants.$inferInsert,
      | "displayName"
      | "kana"
      | "phone"
      | "email"
      | "emergencyContact"
      | "clinic"
      | "notes"
      | "caseworkerId"
      | "program"
      | "hiredOn"
      | "supportStartsOn"
      | "supportEndsOn"
    >
  >,
) {
  await tx.update(registrants).set(values).where(eq(registrants.id, registrantId));
}

/**
 * Registrants of a center still supported (active or paused) whose support period ends between two
 * Tokyo dates: the period alerts look for them.
 */
export async function periodsEnding(db: Queryable, centerId: string, from: string, to: string) {
  return db
    .select({
      id: registrants.id,
      centerId: registrants.centerId,
      displayName: registrants.displayName,
      caseworkerId: registrants.caseworkerId,
      supportEndsOn: registrants.supportEndsOn,
    })
    .from(registrants)
    .where(
      and(
        eq(registrants.centerId, centerId),
        inArray(registrants.status, ["active", "paused"]),
        gte(registrants.supportEndsOn, from),
        lte(registrants.supportEndsOn, to),
      ),
    )
    .orderBy(asc(registrants.supportEndsOn));
}

/**
 * Support ends: no more check-ins (an open one is closed as missed, the chat state dropped so a
 * half-done check-in cannot continue), the reason kept.
 */
export async function endSupport(
  tx: Tx,
  row: { id: string; lineUserId: string | null },
  reason: EndReason,
  now: number,
): Promise<void> {
  await tx
    .update(registrants)
    .set({
      status: "ended",
      endedAt: now,
      endedReason: reason,
      pausedBy: null,
      nextCheckinAt: null,
    })
    .where(eq(registrants.id, row.id));
  await tx
    .update(checkins)
    .set({ status: "missed" })
    .where(
      and(eq(checkins.registrantId, row.id), inArray(checkins.status, ["sent", "in_progress"])),
    );
  if (row.lineUserId !== null) {
    await tx.delete(conversations).where(eq(conversations.lineUserId, row.lineUserId));
    // this week's check-in or reminder, queued but not yet sent, does not go
    await dropRecipient(tx, row.lineUserId, { pending: true, purposes: ["checkin", "reminder"] });
  }
}

/** Support starts again after an end (a mistake, a return): check-ins resume from the next slot. */
export async function reopenSupport(tx: Tx, id: string, now: number): Promise<void> {
  await tx
    .update(registrants)
    .set({ status: "active", endedAt: null, endedReason: null, pausedBy: null })
    .where(eq(registrants.id, id));
  await refreshNextCheckin(tx, id, now);
}

/** Which of these LINE users are registrants of the center. */
export async function registrantsAmong(
  db: Queryable,
  centerId: string,
  lineUserIds: string[],
): Promise<string[]> {
  const ours: string[] = [];
  for (let i = 0; i < lineUserIds.length; i += 500) {
    const rows = await db
      .select({ lineUserId: registrants.lineUserId })
      .from(registrants)
      .where(
        and(
          eq(registrants.centerId, centerId),
          inArray(registrants.lineUserId, lineUserIds.slice(i, i + 500)),
        ),
      );
    for (const row of rows) if (row.lineUserId !== null) ours.push(row.lineUserId);
  }
  return ours;
}
