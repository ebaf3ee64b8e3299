// Signals into escalations: dedup per (registrant, category), severity only rises, calendar deadlines.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { raiseSignal, type RaisedSignal } from "../../src/escalation/engine";
import { centers, escalationEvents, escalations, signals } from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { mintCenter, mintRegistrant } from "../support/staff";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
let t: TestApp;
let base: Omit<RaisedSignal, "category" | "severity">;

beforeEach(async () => {
  t = await createTestApp();
  const center = await mintCenter(t.db.store);
  const registrant = await mintRegistrant(t.db.store, center.id);
  base = {
    centerId: center.id,
    registrantId: registrant.id,
    source: "checkin",
    evidence: { reason: "体調が「わるい」" },
  };
});

afterEach(async () => {
  await t.close();
});

const raise = (signal: Partial<RaisedSignal>, now: number) =>
  t.db.store.write((tx) =>
    raiseSignal(tx, { category: "health", severity: "normal", ...base, ...signal }, now),
  );

async function all() {
  return t.db.store.db.select().from(escalations);
}

describe("raiseSignal", () => {
  it("opens an escalation with the evidence, a summary and the calendar's deadline", async () => {
    const result = await raise({}, jst("2026-11-24T10:00:00"));
    expect(result).toMatchObject({ opened: true, raised: false, severity: "normal" });
    const [row] = await all();
    expect(row).toMatchObject({
      category: "health",
      severity: "normal",
      status: "open",
      source: "checkin",
      summary: "体調・睡眠・通院：体調が「わるい」",
      ackDueAt: jst("2026-11-25T10:00:00"),
    });
    const [signal] = await t.db.store.db.select().from(signals);
    expect(signal?.escalationId).toBe(row?.id);
  });

  it("makes an urgent one due at once, at night, on a holiday", async () => {
    await raise({ category: "crisis", severity: "urgent" }, jst("2026-11-23T02:00:00"));
    expect((await all())[0]?.ackDueAt).toBe(jst("2026-11-23T02:00:00"));
  });

  it("keeps one escalation per registrant and category, absorbing later signals as evidence", async () => {
    const now = jst("2026-11-24T10:00:00");
    for (let i = 0; i < 20; i++) {
      await raise(
        { category: "crisis", severity: "urgent", evidence: { quote: `message ${i}` } },
        now + i,
      );
    }
    const rows = await all();
    expect(rows).toHaveLength(1);
    const evidence = await t.db.store.db
      .select()
      .from(escalationEvents)
      .where(eq(escalationEvents.kind, "signal"));
    expect(evidence).toHaveLength(20);
  });

  it("raises severity and asks for a fresh acknowledgement, but never lowers it", async () => {
    const now = jst("2026-11-24T10:00:00");
    const first = await raise({ severity: "normal" }, now);
    await t.db.store.write((tx) =>
      tx
        .update(escalations)
        .set({ status: "acknowledged", acknowledgedAt: now })
        .where(eq(escalations.id, first.escalationId)),
    );
    const higher = await raise({ severity: "high" }, now + 60_000);
    expect(higher).toMatchObject({ opened: false, raised: true, severity: "high" });
    expect((await all())[0]).toMatchObject({
      severity: "high",
      status: "open",
      acknowledgedAt: null,
      ackDueAt: now + 60_000 + 2 * 3_600_000,
    });
    const lower = await raise({ severity: "low" }, now + 120_000);
    expect(lower).toMatchObject({ raised: false, severity: "high" });
    expect((await all())[0]?.severity).toBe("high");
  });

  it("opens a new escalation after the old one was resolved", async () => {
    const first = await raise({}, jst("2026-11-24T10:00:00"));
    await t.db.store.write((tx) =>
      tx
        .update(escalations)
        .set({ status: "resolved", resolvedAt: 1 })
        .where(eq(escalations.id, first.escalationId)),
    );
    const second = await raise({}, jst("2026-11-25T10:00:00"));
    expect(second.opened).toBe(true);
    expect(await all()).toHaveLength(2);
  });

  it("keeps categories apart", async () => {
    await raise({ category: "money" }, jst("2026-11-24T10:00:00"));
    await raise({ category: "sns" }, jst("2026-11-24T10:00:00"));
    expect((await all()).map((row) => row.category).sort()).toEqual(["money", "sns"]);
  });

  it("uses the center's own hours", async () => {
    await t.db.store.write((tx) =>
      tx
        .update(centers)
        .set({ opensAt: 10 * 60, closesAt: 12 * 60, openWeekdays: [2] })
        .where(eq(centers.id, base.centerId)),
    );
    await raise({ severity: "high" }, jst("2026-11-24T11:30:00"));
    // 30 minutes on Tuesday, then 90 minutes the next Tuesday
    expect((await all())[0]?.ackDueAt).toBe(jst("2026-12-01T11:30:00"));
  });
});
