// Registrants as staff see and change them: the list, one person's page, their link code, their
// check-in schedule and pause, a check-in sent now. Center boundary and audit through the scope.
import { checkinHistory, consentHistory, recentWeeks, type HistoryCheckin } from "../store/history";
import { sendCheckinNow } from "../checkins/send";
import { AppError, notFound } from "../core/errors";
import { findAccount } from "../store/accounts";
import type { Tx } from "../store/db";
import { registrantEmployerReports } from "../store/employer-reports";
import {
  findRegistrant,
  insertRegistrant,
  latestCheckin,
  listRegistrants as registrantRows,
  refreshNextCheckin,
  setCheckinSchedule,
  setRegistrantStatus,
  type RegistrantRow,
} from "../store/registrants";
import { employersOf } from "../store/employers";
import { formatMinute } from "../time/calendar";
import { iso, isoOrNull } from "../time/format";
import type { RegistrantStatus } from "../vocabulary/kinds";
import { answerText } from "../words/checkin-questions";
import { profileOf } from "./profile";
import type { CenterScope } from "./scope";
import { periodOf } from "./support-period";

/** The center's registrants, or those whose name, kana or id starts or contains `query`. */
export async function listRegistrants(scope: CenterScope, query = "") {
  const rows = await registrantRows(scope.store.db, scope.centerId, query);
  await scope.recordRead(
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

export async function getRegistrant(scope: CenterScope, id: string) {
  const row = await findRegistrant(scope.store.db, scope.centerId, id);
  if (!row) throw notFound("registrant", id);
  await scope.recordRead("registrant.read", "registrant", id);
  return registrantDetail(scope, row);
}

/** Everything staff see of one registrant; the caller has checked the center and audited. */
async function registrantDetail(scope: CenterScope, row: RegistrantRow) {
  const since = recentWeeks(scope.clock())[0]?.start ?? 0;
  const [account, latest, employers, consents, checkins, reports] = await Promise.all([
    row.lineUserId === null ? null : findAccount(scope.store.db, row.lineUserId),
    latestCheckin(scope.store.db, row.id),
    employersOf(scope.store.db, row.id),
    consentHistory(scope.store.db, row.id),
    checkinHistory(scope.store.db, row.id, since),
    registrantEmployerReports(scope.store.db, row.id),
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
    period: periodOf(row, scope.clock()),
    unread: row.unreadCount,
  };
}

/**
 * A new link code for an existing registrant (a lost sheet, a new phone): it retires the old
 * code, and redeeming it moves the person to the LINE account that sends it.
 */
export async function reissueLinkCode(scope: CenterScope, id: string) {
  const row = await findRegistrant(scope.store.db, scope.centerId, id);
  if (!row) throw notFound("registrant", id);
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const issued = await scope.issueCode(tx, "registrant", id, now);
    await scope.audit(tx, "registrant.link_code", "registrant", id, now);
    return { id, displayName: row.displayName, ...issued };
  });
}

/**
 * Sends a check-in now (checkins/send.ts decides whether it may go: refused with a reason while
 * paused, ended, unlinked, unconsenting, blocked or mid-check-in), audited in the same write.
 */
export async function sendCheckin(scope: CenterScope, id: string): Promise<{ id: string }> {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const row = await findRegistrant(tx, scope.centerId, id);
    if (!row) throw notFound("registrant", id);
    const sent = await sendCheckinNow(tx, row.id, now, scope.log);
    await scope.audit(tx, "registrant.checkin", "registrant", id, now);
    return sent;
  });
}

/** Moves the weekly check-in to another day and time (Japan time) and reschedules the next. */
export function changeSchedule(scope: CenterScope, id: string, weekday: number, minute: number) {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new AppError("bad_request", "weekday must be 0 to 6");
  }
  if (!Number.isInteger(minute) || minute < 0 || minute >= 24 * 60) {
    throw new AppError("bad_request", "time must be a time of day");
  }
  return changeRegistrant(scope, id, "registrant.schedule", async (tx, _row, now) => {
    await setCheckinSchedule(tx, id, weekday, minute);
    await refreshNextCheckin(tx, id, now);
  });
}

export function pauseCheckins(scope: CenterScope, id: string) {
  return setStatus(scope, id, "paused", "registrant.pause");
}

export function resumeCheckins(scope: CenterScope, id: string) {
  return setStatus(scope, id, "active", "registrant.resume");
}

function setStatus(scope: CenterScope, id: string, status: RegistrantStatus, action: string) {
  return changeRegistrant(scope, id, action, async (tx, row, now) => {
    if (row.status === "ended") {
      throw new AppError("conflict", "Support has ended", { reason: "support_ended" });
    }
    await setRegistrantStatus(tx, id, status);
    await refreshNextCheckin(tx, id, now);
  });
}

/** Loads a registrant of this center in the change's transaction; answers the detail after. */
async function changeRegistrant(
  scope: CenterScope,
  id: string,
  action: string,
  change: (tx: Tx, row: RegistrantRow, now: number) => Promise<void>,
) {
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    const row = await findRegistrant(tx, scope.centerId, id);
    if (!row) throw notFound("registrant", id);
    await change(tx, row, now);
    await scope.audit(tx, action, "registrant", id, now);
  });
  const after = await findRegistrant(scope.store.db, scope.centerId, id);
  if (!after) throw notFound("registrant", id);
  return registrantDetail(scope, after);
}

export async function createRegistrant(scope: CenterScope, displayName: string) {
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const row = await insertRegistrant(tx, { centerId: scope.centerId, displayName, now });
    const issued = await scope.issueCode(tx, "registrant", row.id, now);
    await scope.audit(tx, "registrant.create", "registrant", row.id, now);
    return { id: row.id, ...issued };
  });
}

/** One registrant's name (the caller records what it shows); null when not this center's. */
export async function registrantName(scope: CenterScope, id: string): Promise<string | null> {
  return (await findRegistrant(scope.store.db, scope.centerId, id))?.displayName ?? null;
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

export type RegistrantDetail = Awaited<ReturnType<typeof getRegistrant>>;
