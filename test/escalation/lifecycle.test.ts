// The escalation lifecycle on its own, without the dashboard: only a human stops the clock, and
// each refusal says which it was.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors";
import { silentLogger } from "../../src/core/log";
import {
  acknowledge,
  addNote,
  assign,
  resolve,
  type Escalation,
  type Human,
} from "../../src/escalation/lifecycle";
import { escalationEvents, escalations } from "../../src/store/schema";
import { createTestStore, type TestStore } from "../support/db";
import { mintCenter, mintEscalation, mintRegistrant, mintStaff } from "../support/staff";

let db: TestStore;
let human: Human;
let other: { id: string };
let escalation: Escalation;
const at = Date.UTC(2026, 10, 20, 10, 0, 0);

beforeEach(async () => {
  db = await createTestStore();
  const center = await mintCenter(db.store);
  const person = await mintRegistrant(db.store, center.id);
  const worker = await mintStaff(db.store, center.id, "caseworker");
  other = await mintStaff(db.store, (await mintCenter(db.store, "よそ")).id, "caseworker");
  human = { staffId: worker.id, log: silentLogger };
  escalation = await mintEscalation(db.store, { centerId: center.id, registrantId: person.id });
});

afterEach(() => {
  db.cleanup();
});

async function current() {
  const [row] = await db.store.db
    .select()
    .from(escalations)
    .where(eq(escalations.id, escalation.id));
  if (!row) throw new Error("escalation vanished");
  return row;
}

async function refusal(verb: () => Promise<unknown>) {
  try {
    await verb();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, reason: error.reason };
    throw error;
  }
  throw new Error("the verb was not refused");
}

describe("the escalation lifecycle", () => {
  it("does not stop the clock on an assignment or a note", async () => {
    await db.store.write(async (tx) => {
      await assign(tx, escalation, human, human.staffId, at);
      await addNote(tx, escalation, human, "電話した", at + 1);
    });
    const row = await current();
    expect(row).toMatchObject({ status: "open", acknowledgedAt: null, assignedTo: human.staffId });
  });

  it("stops the clock when a person acknowledges, once, keeping the first time", async () => {
    await db.store.write((tx) => acknowledge(tx, escalation, human, at));
    const acknowledged = await current();
    await db.store.write((tx) => acknowledge(tx, acknowledged, human, at + 60_000));
    expect(await current()).toMatchObject({
      status: "acknowledged",
      acknowledgedAt: at,
      acknowledgedBy: human.staffId,
    });
    const events = await db.store.db
      .select()
      .from(escalationEvents)
      .where(eq(escalationEvents.escalationId, escalation.id));
    expect(events.filter((event) => event.kind === "acknowledged")).toHaveLength(1);
  });

  it("stops the clock on resolving an unacknowledged escalation, and refuses anything after", async () => {
    await db.store.write((tx) => resolve(tx, escalation, human, "面談した", at));
    const resolved = await current();
    expect(resolved).toMatchObject({ status: "resolved", resolvedAt: at, acknowledgedAt: at });
    for (const verb of [
      () => db.store.write((tx) => acknowledge(tx, resolved, human, at + 1)),
      () => db.store.write((tx) => resolve(tx, resolved, human, "again", at + 1)),
      () => db.store.write((tx) => assign(tx, resolved, human, human.staffId, at + 1)),
    ]) {
      expect(await refusal(verb)).toEqual({ code: "conflict", reason: "already_resolved" });
    }
    // a note on what happened afterwards is still welcome
    await db.store.write((tx) => addNote(tx, resolved, human, "後日 連絡あり", at + 2));
  });

  it("gives an escalation only to a colleague of the same center, changing nothing otherwise", async () => {
    expect(
      await refusal(() => db.store.write((tx) => assign(tx, escalation, human, other.id, at))),
    ).toEqual({ code: "bad_request", reason: "not_a_colleague" });
    expect((await current()).assignedTo).toBeNull();
  });
});
