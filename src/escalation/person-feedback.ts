// Telling a registrant that a person at the center has read what their own words raised: once,
// when staff acknowledge it, if the center wants it. Never for abuse (someone at home or at work
// may be reading the phone), never to an employer, and only to a person who can be reached.
import { queueOutbound } from "../outbox/queue";
import { registrantWords } from "../words/registrant";
import type { Logger } from "../core/log";
import { monthKey } from "../time/calendar";
import { findAccount } from "../store/accounts";
import { logMessages } from "../store/conversation-log";
import type { Tx } from "../store/db";
import { findRegistrantById } from "../store/registrants";
import { countPushes, pushesThisMonth } from "../store/push-budget";
import { findCenter } from "../store/staff";
import { hasOpenAbuse } from "../store/escalations";
import { textOfReplies } from "../words/message-text";
import type { OutMessage } from "../line/message";

export async function tellPersonSeen(
  tx: Tx,
  escalation: { registrantId: string; category: string; source: string },
  options: FeedbackOptions,
): Promise<boolean> {
  if (escalation.source !== "message" || escalation.category === "abuse") return false;
  // nor while any suspicion of abuse is open for them: the message itself could give them away
  if (await hasOpenAbuse(tx, escalation.registrantId)) return false;
  const registrant = await findRegistrantById(tx, escalation.registrantId);
  if (!registrant) return false;
  const center = await findCenter(tx, registrant.centerId);
  if (!center?.notifyAcknowledged) return false;
  return pushToPerson(tx, registrant, registrantWords.seenByStaff(), options);
}

/**
 * Tells a person their support has ended: thanks, and that their words still reach the center.
 */
export async function tellSupportEnded(
  tx: Tx,
  registrant: PersonToTell,
  options: FeedbackOptions,
): Promise<boolean> {
  const center = await findCenter(tx, registrant.centerId);
  const messages = registrantWords.supportEndedNotice(
    center ? { phone: center.phone, openNow: true, nextOpenAt: null } : undefined,
  );
  return pushToPerson(tx, registrant, messages, options);
}

interface FeedbackOptions {
  now: number;
  log: Logger;
  pushBudgetPerMonth: number | undefined;
}

interface PersonToTell {
  id: string;
  centerId: string;
  lineUserId: string | null;
  consentedAt: number | null;
}

/**
 * A push to a person who consented and can be reached, within the month's paid-message budget,
 * kept in their conversation.
 */
async function pushToPerson(
  tx: Tx,
  registrant: PersonToTell,
  messages: OutMessage[],
  options: FeedbackOptions,
): Promise<boolean> {
  if (registrant.lineUserId === null || registrant.consentedAt === null) return false;
  const account = await findAccount(tx, registrant.lineUserId);
  if (!account?.following) return false;
  const month = monthKey(options.now);
  const budget = options.pushBudgetPerMonth;
  if (budget !== undefined && (await pushesThisMonth(tx, month)) + 1 > budget) {
    options.log.warn("person_feedback.skipped_budget", {});
    return false;
  }
  const row = await queueOutbound(
    tx,
    {
      kind: "push",
      recipients: [registrant.lineUserId],
      messages,
      purpose: "notice",
      now: options.now,
    },
    options.log,
  );
  if (!row) return false;
  await countPushes(tx, month, 1);
  await logMessages(tx, [
    {
      lineUserId: registrant.lineUserId,
      registrantId: registrant.id,
      direction: "out",
      messageType: "bot",
      text: textOfReplies(messages),
      now: options.now,
    },
  ]);
  return true;
}
