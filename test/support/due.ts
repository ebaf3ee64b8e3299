// Registrants whose weekly check-in is due, written directly (the fan-out's tests start from them).
import type { Store } from "../../src/store/db";
import { lineAccounts, registrants } from "../../src/store/schema";
import { newLineUserId } from "./events";
import { mintCenter } from "./staff";

/** `n` registrants due at `dueAt`, linked, consenting and following, at a weekday and minute. */
export async function mintDueRegistrants(
  store: Store,
  n: number,
  dueAt: number,
  slot: { weekday?: number; minute?: number } = {},
) {
  const center = await mintCenter(store);
  const people = Array.from({ length: n }, () => ({
    id: crypto.randomUUID(),
    line: newLineUserId(),
  }));
  await store.write(async (tx) => {
    await tx.insert(registrants).values(
      people.map((person) => ({
        id: person.id,
        centerId: center.id,
        displayName: "x",
        lineUserId: person.line,
        consentedAt: 1,
        checkinWeekday: slot.weekday ?? 5,
        checkinMinute: slot.minute ?? 18 * 60,
        nextCheckinAt: dueAt,
        createdAt: 0,
      })),
    );
    await tx.insert(lineAccounts).values(
      people.map((person) => ({
        lineUserId: person.line,
        role: "registrant" as const,
        personId: person.id,
        firstSeenAt: 0,
        lastSeenAt: 0,
      })),
    );
  });
  return people;
}
