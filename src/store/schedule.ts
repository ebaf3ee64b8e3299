// Queries of the weekly schedule: who is due, open check-ins by age, paid-message usage.
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Queryable, Tx } from "./db";
import { checkins, conversations, lineAccounts, pushUsage, registrants } from "./schema";

export interface DueRegistrant {
  id: string;
  centerId: string;
  lineUserId: string;
  checkinWeekday: number;
  checkinMinute: number;
  following: boolean;
}

/** Registrants whose weekly check-in is due, served by registrants_due_idx. */
export async function dueRegistrants(
  db: Queryable,
  now: number,
  limit: number,
): Promise<DueRegistrant[]> {
  const rows = await db
    .select({
      id: registrants.id,
      centerId: registrants.centerId,
      lineUserId: registrants.lineUserId,
      checkinWeekday: registrants.checkinWeekday,
      checkinMinute: registrants.checkinMinute,
      following: lineAccounts.following,
    })
    .from(registrants)
    .innerJoin(lineAccounts, eq(lineAccounts.lineUserId, registrants.lineUserId))
    .where(and(isNotNull(registrants.nextCheckinAt), lte(registrants.nextCheckinAt, now)))
    .orderBy(asc(registrants.nextCheckinAt))
    .limit(limit);
  return rows.flatMap((row) =>
    row.lineUserId === null ? [] : [{ ...row, lineUserId: row.lineUserId }],
  );
}

/** Of these LINE users, those with a check-in conversation open. */
export async function usersInCheckin(db: Queryable, lineUserIds: string[]): Promise<Set<string>> {
  if (lineUserIds.length === 0) return new Set();
  const rows = await db
    .select({ lineUserId: conversations.lineUserId })
    .from(conversations)
    .where(and(inArray(conversations.lineUserId, lineUserIds), eq(conversations.flow, "checkin")));
  return new Set(rows.map((row) => row.lineUserId));
}

export async function insertCheckins(
  tx: Tx,
  rows: { id: string; registrantId: string; weekKey: string; now: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(checkins).values(
    rows.map((row) => ({
      id: row.id,
      registrantId: row.registrantId,
      origin: "scheduled" as const,
      weekKey: row.weekKey,
      status: "sent" as const,
      sentAt: row.now,
    })),
  );
}

export async function upsertConversations(
  tx: Tx,
  rows: { lineUserId: string; state: { flow: string }; now: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(conversations)
    .values(
      rows.map((row) => ({
        lineUserId: row.lineUserId,
        flow: row.state.flow,
        state: row.state,
        updatedAt: row.now,
      })),
    )
    .onConflictDoUpdate({
      target: conversations.lineUserId,
      set: {
        flow: sql`excluded.flow`,
        state: sql`excluded.state`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

export async function setNextCheckin(tx: Tx, ids: string[], at: number | null): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(registrants).set({ nextCheckinAt: at }).where(inArray(registrants.id, ids));
}

export interface OpenCheckin {
  id: string;
  registrantId: string;
  centerId: string;
  lineUserId: string | null;
  status: "sent" | "in_progress" | "completed" | "missed";
  sentAt: number;
  remindedAt: number | null;
  weekKey: string;
}

/** Unfinished check-ins sent before `before`, oldest first (checkins_open_idx). */
export async function openCheckinsBefore(
  db: Queryable,
  before: number,
  limit: number,
): Promise<OpenCheckin[]> {
  return db
    .select({
      id: checkins.id,
      registrantId: checkins.registrantId,
      centerId: registrants.centerId,
      lineUserId: registrants.lineUserId,
      status: checkins.status,
      sentAt: checkins.sentAt,
      remindedAt: checkins.remindedAt,
      weekKey: checkins.weekKey,
    })
    .from(checkins)
    .innerJoin(registrants, eq(registrants.id, checkins.registrantId))
    .where(and(inArray(checkins.status, ["sent", "in_progress"]), lte(checkins.sentAt, before)))
    .orderBy(asc(checkins.sentAt))
    .limit(limit);
}

export async function unremindedSentBefore(db: Queryable, before: number, limit: number) {
  return db
    .select({
      id: checkins.id,
      lineUserId: registrants.lineUserId,
      weekKey: checkins.weekKey,
      following: lineAccounts.following,
    })
    .from(checkins)
    .innerJoin(registrants, eq(registrants.id, checkins.registrantId))
    .innerJoin(lineAccounts, eq(lineAccounts.lineUserId, registrants.lineUserId))
    .where(
      and(eq(checkins.status, "sent"), isNull(checkins.remindedAt), lte(checkins.sentAt, before)),
    )
    .orderBy(asc(checkins.sentAt))
    .limit(limit);
}

export async function markReminded(tx: Tx, ids: string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(checkins).set({ remindedAt: now }).where(inArray(checkins.id, ids));
}

export async function markMissed(tx: Tx, id: string): Promise<void> {
  await tx.update(checkins).set({ status: "missed" }).where(eq(checkins.id, id));
}

/** Ends the check-in conversation of a missed check-in (the person starts afresh next time). */
export async function clearCheckinConversation(tx: Tx, lineUserId: string, checkinId: string) {
  await tx
    .delete(conversations)
    .where(
      and(
        eq(conversations.lineUserId, lineUserId),
        eq(conversations.flow, "checkin"),
        sql`json_extract(${conversations.state}, '$.checkinId') = ${checkinId}`,
      ),
    );
}

/** The statuses of a registrant's latest check-ins, newest first. */
export async function recentStatuses(db: Queryable, registrantId: string, count: number) {
  const rows = await db
    .select({ status: checkins.status })
    .from(checkins)
    .where(eq(checkins.registrantId, registrantId))
    .orderBy(desc(checkins.sentAt))
    .limit(count);
  return rows.map((row) => row.status);
}

export async function pushesThisMonth(db: Queryable, month: string): Promise<number> {
  const rows = await db.select().from(pushUsage).where(eq(pushUsage.month, month));
  return rows[0]?.messages ?? 0;
}

export async function countPushes(tx: Tx, month: string, messages: number): Promise<void> {
  await tx
    .insert(pushUsage)
    .values({ month, messages })
    .onConflictDoUpdate({
      target: pushUsage.month,
      set: { messages: sql`${pushUsage.messages} + ${messages}` },
    });
}
