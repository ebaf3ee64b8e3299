// Japan time arithmetic: week keys and weekly slots, to the minute.
import { describe, expect, it } from "vitest";
import { formatMinute, nextWeeklySlot, tokyoParts, weekKey } from "../../src/time/calendar";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);

describe("Tokyo calendar", () => {
  it("reads Tokyo's date and weekday across the UTC day line", () => {
    // 2026-11-20 23:30 UTC is Saturday 08:30 in Tokyo
    expect(tokyoParts(Date.UTC(2026, 10, 20, 23, 30))).toEqual({
      year: 2026,
      month: 11,
      day: 21,
      weekday: 6,
      minute: 8 * 60 + 30,
    });
  });

  it.each([
    ["2026-11-23T10:00:00", "2026-W48"],
    ["2026-11-22T23:59:00", "2026-W47"],
    ["2026-01-01T00:00:00", "2026-W01"],
    ["2027-01-01T12:00:00", "2026-W53"],
    ["2024-12-30T09:00:00", "2025-W01"],
  ])("puts %s (Tokyo) in ISO week %s", (iso, key) => {
    expect(weekKey(jst(iso))).toBe(key);
  });

  it.each([
    // Friday 18:00 slots
    ["2026-11-20T17:59:00", 5, 1080, "2026-11-20T18:00:00"],
    ["2026-11-20T18:00:00", 5, 1080, "2026-11-27T18:00:00"],
    ["2026-11-21T09:00:00", 5, 1080, "2026-11-27T18:00:00"],
    // Monday 07:30 from a Sunday night
    ["2026-11-22T23:00:00", 1, 450, "2026-11-23T07:30:00"],
    // Sunday 00:00 from Saturday
    ["2026-11-21T12:00:00", 0, 0, "2026-11-22T00:00:00"],
  ])("after %s the next weekday %i at minute %i is %s", (from, weekday, minute, expected) => {
    expect(nextWeeklySlot(jst(from), weekday, minute)).toBe(jst(expected));
  });

  it("formats minutes as a clock time", () => {
    expect(formatMinute(1080)).toBe("18:00");
    expect(formatMinute(7 * 60 + 5)).toBe("07:05");
  });
});
