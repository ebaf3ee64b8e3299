// Telling an employer contact that the center received their report, or followed it up: the date
// they reported and whom it was about, nothing else. Abuse escalations never produce a word.
import { queueOutbound } from "../outbox/queue";
import { employerWords } from "../words/employer";
import type { Logger } from "../core/log";
import { monthKey } from "../time/calendar";
import type { Tx } from "../store/db";
import { markNoticed, reportsAwaitingNotice, type NoticeKind } from "../store/employer-reports";
import { planSends, type OutMessage } from "../line/message";
import { countPushes } from "../store/push-budget";

export async function tellEmployers(
  tx: Tx,
  escalation: { id: string; category: string },
  notice: NoticeKind,
  now: number,
  log: Logger,
): Promise<number> {
  // suspected abuse may be by the employer: nothing about it, not even "received", goes out
  if (escalation.category === "abuse") return 0;
  const reports = await reportsAwaitingNotice(tx, escalation.id, notice);
  if (reports.length === 0) return 0;
  const byContact = new Map<string, Map<string, number>>();
  for (const report of reports) {
    // a contact unlinked since, or who blocked the bot, is not written to
    if (report.lineUserId === null || report.following !== true) continue;
    const people = byContact.get(report.lineUserId) ?? new Map<string, number>();
    const first = people.get(report.registrantName);
    if (first === undefined || report.createdAt < first) {
      people.set(report.registrantName, report.createdAt);
    }
    byContact.set(report.lineUserId, people);
  }
  let pushes = 0;
  for (const [lineUserId, people] of byContact) {
    const messages: OutMessage[] = [...people].map(([name, reportedAt]) =>
      notice === "acknowledged"
        ? employerWords.noticeAcknowledged(name, reportedAt)
        : employerWords.noticeResolved(name, reportedAt),
    );
    for (const send of planSends(messages, false)) {
      const row = await queueOutbound(
        tx,
        {
          kind: "push",
          recipients: [lineUserId],
          messages: send.messages,
          purpose: "notice",
          about: [...new Set(reports.map((report) => report.registrantId))],
          now,
        },
        log,
      );
      if (row) pushes++;
    }
  }
  const ids = reports.map((report) => report.id);
  await markNoticed(tx, ids, notice, now);
  // a report resolved before anyone acknowledged it: the one notice says both
  if (notice === "resolved") await markNoticed(tx, ids, "acknowledged", now);
  if (pushes > 0) await countPushes(tx, monthKey(now), pushes);
  return pushes;
}
