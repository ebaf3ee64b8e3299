// The monthly pulse: each linked employer contact is asked, once a month on their employer's day
// (the next open day from it, an hour after opening), how each person they work with is doing.
import { queueOutbound } from "../outbox/queue";
import { dateKey, isOpenAt, isOpenDay, type CenterCalendar } from "../time/business-time";
import { centerCalendar } from "../escalation/engine";
import { employerWords } from "../words/employer";
import { planSends } from "../line/message";
import type { Clock } from "../core/clock";
import type { Logger } from "../core/log";
import type { Store } from "../store/db";
import { coveredRegistrants } from "../store/employers";
import { insertPulse, pulseContacts, pulsedThisMonth } from "../store/employer-reports";
import { countPushes, pushesThisMonth } from "../store/push-budget";
import { monthKey, tokyoMidnight, tokyoParts } from "../time/calendar";

export interface PulseDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** Paid messages a month; the pulse waits (and is logged) when it would go over. */
  pushBudgetPerMonth: number | undefined;
}

const dayMs = 24 * 60 * 60 * 1000;

/** When this month's pulse is due: the first open day from `pulseDay`, an hour after opening. */
export function pulseDueAt(calendar: CenterCalendar, pulseDay: number, now: number): number | null {
  const { day } = tokyoParts(now);
  let midnight = tokyoMidnight(now) - (day - pulseDay) * dayMs;
  const month = monthKey(now);
  while (monthKey(midnight) === month) {
    if (isOpenDay(calendar, midnight)) {
      return midnight + Math.min(calendar.opensAt + 60, calendar.closesAt - 1) * 60_000;
    }
    midnight += dayMs;
  }
  return null;
}

export async function sendPulses(deps: PulseDeps): Promise<number> {
  const now = deps.clock();
  const month = monthKey(now);
  const calendars = new Map<string, CenterCalendar>();
  let sent = 0;
  for (const contact of await pulseContacts(deps.store.db)) {
    if (contact.lineUserId === null) continue;
    const calendar =
      calendars.get(contact.centerId) ?? (await centerCalendar(deps.store.db, contact.centerId));
    calendars.set(contact.centerId, calendar);
    const due = pulseDueAt(calendar, contact.pulseDay, now);
    if (due === null || now < due || !isOpenAt(calendar, now)) continue;
    // a contact linked after this month's pulse went out starts with next month's
    if ((contact.linkedAt ?? 0) > due) continue;
    const asked = await pulsedThisMonth(deps.store.db, contact.contactId, month);
    const people = (
      await coveredRegistrants(deps.store.db, contact.employerId, dateKey(now))
    ).filter((person) => !asked.has(person.id));
    if (people.length === 0) continue;
    // one question per person, as many to a push as LINE takes
    const sends = planSends(people, false);
    const pushes = sends.length;
    const budget = deps.pushBudgetPerMonth;
    if (budget !== undefined && (await pushesThisMonth(deps.store.db, month)) + pushes > budget) {
      deps.log.warn("pulse.skipped_budget", { pushes });
      continue;
    }
    const lineUserId = contact.lineUserId;
    sent += await deps.store.write(async (tx) => {
      let queued = 0;
      for (const send of sends) {
        const group = [];
        for (const person of send.messages) {
          // a concurrent run asked already: that person is skipped, never asked twice
          if (
            await insertPulse(tx, {
              contactId: contact.contactId,
              registrantId: person.id,
              month,
              now,
            })
          ) {
            group.push(person);
          }
        }
        if (group.length === 0) continue;
        const row = await queueOutbound(
          tx,
          {
            kind: "push",
            recipients: [lineUserId],
            messages: group.map((person) => employerWords.pulseQuestion(person, month)),
            purpose: "pulse",
            about: group.map((person) => person.id),
            now,
          },
          deps.log,
        );
        if (row) queued++;
      }
      if (queued > 0) await countPushes(tx, month, queued);
      return queued;
    });
  }
  return sent;
}
