// An employer contact's conversation for staff, and a staff member's reply to the company: only
// their own words, only after they confirmed that the recipient is the company, through the one
// sender (the employer allow-list still decides), counted, audited. A person's answers or words
// never go this way: staff write this text themselves.
import { AppError } from "../errors";
import { queueOutbound } from "../bot/outbound";
import { employerWords } from "../flows/employer-words";
import { textOfReplies } from "../flows/message-text";
import { monthKey } from "../schedule/calendar";
import { findAccount } from "../store/accounts";
import {
  findByClientKey,
  logStaffMessage,
  pageContactConversation,
} from "../store/conversation-log";
import { findEmployerContact } from "../store/employers";
import type { OutboxRow } from "../store/outbox";
import { countPushes, pushesThisMonth } from "../store/schedule";
import { listStaff } from "../store/staff";
import { conversationPageSize, maxReplyLength, type ConversationItem } from "./conversations";
import type { CenterScope } from "./scope";

async function contactIn(scope: CenterScope, employerId: string, contactId: string) {
  const contact = await findEmployerContact(scope.store.db, scope.centerId, employerId, contactId);
  if (!contact) throw new AppError("not_found", "No such employer contact");
  return contact;
}

export async function readContactConversation(
  scope: CenterScope,
  employerId: string,
  contactId: string,
  before: number | undefined,
): Promise<{ items: ConversationItem[]; nextBefore: number | null; contactName: string }> {
  const contact = await contactIn(scope, employerId, contactId);
  await scope.recordRead("employer_contact.conversation", "employer_contact", contactId);
  if (contact.lineUserId === null) {
    return { items: [], nextBefore: null, contactName: contact.displayName };
  }
  const rows = await pageContactConversation(
    scope.store.db,
    contact.lineUserId,
    before,
    conversationPageSize,
  );
  const staff = rows.some((row) => row.staffId !== null)
    ? await listStaff(scope.store.db, scope.centerId)
    : [];
  const names = new Map(staff.map((member) => [member.id, member.displayName]));
  return {
    contactName: contact.displayName,
    nextBefore: rows.length === conversationPageSize ? (rows[0]?.id ?? null) : null,
    items: rows.map((row) => ({
      id: row.id,
      direction: row.direction,
      kind: row.messageType,
      text: row.text,
      at: new Date(row.createdAt).toISOString(),
      staffId: row.staffId,
      staffName: row.staffId === null ? null : (names.get(row.staffId) ?? null),
    })),
  };
}

export async function sendReplyToContact(
  scope: CenterScope,
  employerId: string,
  contactId: string,
  input: { text: string; clientKey: string; confirmRecipientIsCompany: boolean },
  pushBudgetPerMonth: number | undefined,
): Promise<{ id: number; outbox: OutboxRow[] }> {
  if (!input.confirmRecipientIsCompany) {
    throw new AppError("bad_request", "confirm that the recipient is the company");
  }
  const text = input.text.trim();
  if (text === "") throw new AppError("bad_request", "text is required");
  if (text.length > maxReplyLength - 20) {
    throw new AppError("bad_request", `text must be at most ${maxReplyLength - 20} characters`);
  }
  const contact = await contactIn(scope, employerId, contactId);
  const now = scope.clock();
  const clientKey = `${scope.actor.staffId}:${input.clientKey}`;
  return scope.store.write(async (tx) => {
    const earlier = await findByClientKey(tx, clientKey);
    if (earlier) return { id: earlier.id, outbox: [] };
    if (contact.lineUserId === null) throw new AppError("unreachable", "Not linked on LINE");
    const account = await findAccount(tx, contact.lineUserId);
    if (!account?.following) throw new AppError("unreachable", "Blocked the account on LINE");
    const month = monthKey(now);
    if (
      pushBudgetPerMonth !== undefined &&
      (await pushesThisMonth(tx, month)) + 1 > pushBudgetPerMonth
    ) {
      throw new AppError("push_budget", "This month's message budget is spent");
    }
    const message = employerWords.fromCenterStaff(text);
    const id = await logStaffMessage(tx, {
      lineUserId: contact.lineUserId,
      registrantId: null,
      direction: "out",
      messageType: "staff",
      text: textOfReplies([message]),
      staffId: scope.actor.staffId,
      clientKey,
      now,
    });
    if (id === null) throw new AppError("conflict", "The same reply is being sent");
    const row = await queueOutbound(
      tx,
      {
        kind: "push",
        recipients: [contact.lineUserId],
        messages: [message],
        purpose: "staff_reply",
        now,
        leaseUntil: now + 15_000,
      },
      scope.log,
    );
    if (!row) throw new Error("the employer allow-list refused a staff reply");
    await countPushes(tx, month, 1);
    await scope.audit(tx, "employer_contact.reply", "employer_contact", contactId, now);
    return { id, outbox: [row] };
  });
}
