// A registrant's conversation for staff: reading it (audited), the inbox of unread people, and a
// staff member's reply on LINE through the outbox — once per idempotency key, within the budget.
import { AppError, notFound } from "../core/errors";
import { answerText } from "../words/checkin-questions";
import { plain } from "../words/buttons";
import { queueOutbound } from "../outbox/queue";
import { monthKey } from "../time/calendar";
import { findAccount } from "../store/accounts";
import {
  findByClientKey,
  listInbox,
  logStaffMessage,
  markRead,
  pageConversation,
} from "../store/conversation-log";
import { answersOf } from "../store/history";
import type { OutboxRow } from "../store/outbox";
import { findRegistrant } from "../store/registrants";
import { countPushes, pushesThisMonth } from "../store/push-budget";
import { findCenter, listStaff } from "../store/staff";
import { questionKeys, type QuestionKey } from "../vocabulary/kinds";
import { severities } from "../vocabulary/categories";
import type { CenterScope } from "./scope";
import type { Tx } from "../store/db";
import type { OutMessage } from "../line/message";
import { textOfReplies } from "../words/message-text";

/** LINE takes at most 5,000 characters in one text message. */
export const maxReplyLength = 5_000;
export const conversationPageSize = 50;

/** What staff call each check-in question in a card. */
export const questionNames: Record<QuestionKey, string> = {
  condition: "体調",
  sleep: "睡眠",
  mood: "気分",
  medication: "服薬",
  attendance: "出勤",
  worries: "心配ごと",
  message: "ひとこと",
};

export interface ConversationItem {
  id: number;
  direction: "in" | "out";
  /** text, sticker, image… for what came in; `checkin` for a card; `bot` or `staff` going out. */
  kind: string;
  text: string | null;
  at: string;
  staffId: string | null;
  staffName: string | null;
  /** Words removed by the retention job, the message older than the center's period. */
  expired?: boolean;
  /** A check-in card: each answered question with its label. */
  answers?: { question: string; answer: string }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

async function registrantIn(scope: CenterScope, registrantId: string) {
  const row = await findRegistrant(scope.store.db, scope.centerId, registrantId);
  if (!row) throw notFound("registrant", registrantId);
  return row;
}

/** One page of a registrant's conversation, oldest first; `before` pages back by id. */
export async function readConversation(
  scope: CenterScope,
  registrantId: string,
  before: number | undefined,
  limit = conversationPageSize,
): Promise<{ items: ConversationItem[]; nextBefore: number | null }> {
  await registrantIn(scope, registrantId);
  await scope.recordRead("conversation.read", "registrant", registrantId);
  const [rows, center] = await Promise.all([
    pageConversation(scope.store.db, registrantId, before, limit),
    findCenter(scope.store.db, scope.centerId),
  ]);
  const keptSince = scope.clock() - (center?.retentionDays ?? 1095) * 86_400_000;
  const checkinIds = rows.flatMap((row) =>
    row.messageType === "checkin" && row.refId ? [row.refId] : [],
  );
  const [answerRows, staff] = await Promise.all([
    checkinIds.length === 0 ? [] : answersOf(scope.store.db, checkinIds),
    rows.some((row) => row.staffId !== null) ? listStaff(scope.store.db, scope.centerId) : [],
  ]);
  const staffNames = new Map(staff.map((member) => [member.id, member.displayName]));
  const items = rows.map((row): ConversationItem => {
    const item: ConversationItem = {
      id: row.id,
      direction: row.direction,
      kind: row.messageType,
      text: row.text,
      at: iso(row.createdAt),
      staffId: row.staffId,
      staffName: row.staffId === null ? null : (staffNames.get(row.staffId) ?? null),
      expired: row.text === null && row.createdAt < keptSince,
    };
    if (row.messageType !== "checkin") return item;
    item.answers = answerRows
      .filter((answer) => answer.checkinId === row.refId)
      .sort((a, b) => questionKeys.indexOf(a.question) - questionKeys.indexOf(b.question))
      .map((answer) => ({
        question: questionNames[answer.question],
        answer: answerText(answer.question, answer.value),
      }));
    return item;
  });
  return { items, nextBefore: rows.length === limit ? (rows[0]?.id ?? null) : null };
}

export async function markConversationRead(scope: CenterScope, registrantId: string) {
  await registrantIn(scope, registrantId);
  const now = scope.clock();
  await scope.store.write(async (tx) => {
    await markRead(tx, registrantId);
    await scope.audit(tx, "conversation.mark_read", "registrant", registrantId, now);
  });
  return { ok: true };
}

export async function readInbox(scope: CenterScope) {
  const people = await listInbox(scope.store.db, scope.centerId, 500);
  await scope.recordRead(
    "inbox.read",
    "registrant",
    null,
    people.map((person) => person.registrantId),
  );
  return people.map((person) => ({
    registrantId: person.registrantId,
    displayName: person.displayName,
    unread: person.unread,
    oldestUnreadAt: person.oldestUnreadAt === null ? null : iso(person.oldestUnreadAt),
    topSeverity: person.topRank === null ? null : (severities[person.topRank] ?? null),
  }));
}

/** Staff-written words checked before anything is written: trimmed, not empty, within LINE's size. */
export function replyText(text: string, max = maxReplyLength): string {
  const trimmed = text.trim();
  if (trimmed === "") throw new AppError("bad_request", "text is required");
  if (trimmed.length > max) {
    throw new AppError("bad_request", `text must be at most ${max} characters`);
  }
  return trimmed;
}

/**
 * One staff-written push in the caller's write: once per idempotency key (the first message's id
 * when the key was used), to someone linked and following, within the month's budget; logged in
 * the conversation under the staff member's name and queued through the one sender. Null when
 * the key was used already.
 */
export async function pushStaffWords(
  tx: Tx,
  scope: CenterScope,
  args: {
    lineUserId: string | null;
    registrantId: string | null;
    message: OutMessage;
    clientKey: string;
    pushBudgetPerMonth: number | undefined;
    now: number;
  },
): Promise<{ id: number; outbox: OutboxRow[]; repeated: boolean }> {
  const clientKey = `${scope.actor.staffId}:${args.clientKey}`;
  const earlier = await findByClientKey(tx, clientKey);
  if (earlier) {
    if (earlier.registrantId !== args.registrantId || earlier.lineUserId !== args.lineUserId) {
      throw new AppError("bad_request", "idempotency key was used for another person");
    }
    return { id: earlier.id, outbox: [], repeated: true };
  }
  const { lineUserId, now } = args;
  if (lineUserId === null)
    throw new AppError("unreachable", "Not linked on LINE", { reason: "not_linked" });
  const account = await findAccount(tx, lineUserId);
  if (!account?.following)
    throw new AppError("unreachable", "Blocked the account on LINE", { reason: "unreachable" });
  const month = monthKey(now);
  const budget = args.pushBudgetPerMonth;
  if (budget !== undefined && (await pushesThisMonth(tx, month)) + 1 > budget) {
    throw new AppError("push_budget", "This month's message budget is spent", {
      reason: "push_budget",
    });
  }
  const id = await logStaffMessage(tx, {
    lineUserId,
    registrantId: args.registrantId,
    direction: "out",
    messageType: "staff",
    text: textOfReplies([args.message]),
    staffId: scope.actor.staffId,
    clientKey,
    now,
  });
  if (id === null)
    throw new AppError("conflict", "The same reply is being sent", { reason: "reply_in_flight" });
  const row = await queueOutbound(
    tx,
    {
      kind: "push",
      recipients: [lineUserId],
      messages: [args.message],
      purpose: "staff_reply",
      now,
      leaseUntil: now + 15_000,
    },
    scope.log,
  );
  // only the employer allow-list can refuse it, and it approves these words by construction
  if (!row) throw new Error("the one sender refused a staff reply");
  await countPushes(tx, month, 1);
  return { id, outbox: [row], repeated: false };
}

/**
 * A staff member's words to a registrant on LINE: one push through the outbox, counted against
 * the month's budget, shown in the conversation under their name; the person is then read. The
 * same idempotency key twice sends once and answers with the first message's id.
 */
export async function sendStaffReply(
  scope: CenterScope,
  registrantId: string,
  input: { text: string; clientKey: string },
  pushBudgetPerMonth: number | undefined,
): Promise<{ id: number; outbox: OutboxRow[] }> {
  const text = replyText(input.text);
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const registrant = await findRegistrant(tx, scope.centerId, registrantId);
    if (!registrant) throw notFound("registrant", registrantId);
    const sent = await pushStaffWords(tx, scope, {
      lineUserId: registrant.lineUserId,
      registrantId,
      message: plain(text),
      clientKey: input.clientKey,
      pushBudgetPerMonth,
      now,
    });
    if (sent.repeated) return sent;
    await markRead(tx, registrantId);
    await scope.audit(tx, "conversation.reply", "registrant", registrantId, now);
    return sent;
  });
}
