// An employer contact's conversation for staff, and a staff member's reply to the company: only
// their own words, only after they confirmed that the recipient is the company, through the one
// sender (the employer allow-list still decides), counted, audited. A person's answers or words
// never go this way: staff write this text themselves.
import { AppError, notFound } from "../core/errors";
import { employerWords } from "../words/employer";
import { pageContactConversation } from "../store/conversation-log";
import { employedAt, findEmployerContact } from "../store/employers";
import type { OutboxRow } from "../store/outbox";
import { listStaff } from "../store/staff";
import {
  conversationPageSize,
  maxReplyLength,
  pushStaffWords,
  replyText,
  type ConversationItem,
} from "./conversations";
import type { CenterScope } from "./scope";

async function contactIn(scope: CenterScope, employerId: string, contactId: string) {
  const contact = await findEmployerContact(scope.store.db, scope.centerId, employerId, contactId);
  if (!contact) throw notFound("employer_contact", contactId);
  return contact;
}

export async function readContactConversation(
  scope: CenterScope,
  employerId: string,
  contactId: string,
  before: number | undefined,
): Promise<{ items: ConversationItem[]; nextBefore: number | null; contactName: string }> {
  const contact = await contactIn(scope, employerId, contactId);
  // what a company says may be about anyone who works there: each of them was shown
  const people = await employedAt(scope.store.db, employerId);
  await scope.recordRead(
    "employer_contact.conversation",
    "employer_contact",
    contactId,
    people.map((person) => person.id),
  );
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
  // room for the heading the company sees before the words
  const text = replyText(input.text, maxReplyLength - 20);
  const contact = await contactIn(scope, employerId, contactId);
  const now = scope.clock();
  return scope.store.write(async (tx) => {
    const sent = await pushStaffWords(tx, scope, {
      lineUserId: contact.lineUserId,
      registrantId: null,
      message: employerWords.fromCenterStaff(text),
      clientKey: input.clientKey,
      pushBudgetPerMonth,
      now,
    });
    if (!sent.repeated) {
      await scope.audit(tx, "employer_contact.reply", "employer_contact", contactId, now);
    }
    return sent;
  });
}
