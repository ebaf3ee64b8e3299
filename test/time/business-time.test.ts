// Acknowledge-by times on the center calendar, to the minute, around nights, weekends and holidays.
import { describe, expect, it } from "vitest";
import {
  ackDeadline,
  addBusinessMinutes,
  defaultCalendar,
  isOpenAt,
  isOpenDay,
  nextOpening,
  type CenterCalendar,
} from "../../src/time/business-time";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
const at = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 16);

describe("the center calendar", () => {
  it.each([
    ["2026-11-24T10:00", true, "a Tuesday"],
    ["2026-11-23T10:00", false, "勤労感謝の日 (a public holiday)"],
    ["2026-11-21T10:00", false, "a Saturday"],
    ["2026-12-29T10:00", false, "the year-end closure"],
    ["2027-01-04T10:00", true, "the first working day of the year"],
    ["2026-05-06T10:00", false, "a substitute holiday"],
  ])("%s is open: %s (%s)", (iso, open) => {
    expect(isOpenDay(defaultCalendar, jst(`${iso}:00`))).toBe(open);
  });

  it("is open from 9:00 until 17:30 only", () => {
    expect(isOpenAt(defaultCalendar, jst("2026-11-24T08:59:00"))).toBe(false);
    expect(isOpenAt(defaultCalendar, jst("2026-11-24T09:00:00"))).toBe(true);
    expect(isOpenAt(defaultCalendar, jst("2026-11-24T17:29:00"))).toBe(true);
    expect(isOpenAt(defaultCalendar, jst("2026-11-24T17:30:00"))).toBe(false);
  });
});

describe("acknowledge-by", () => {
  it.each([
    ["urgent", "2026-11-21T03:12", "2026-11-21T03:12", "at once, night or weekend"],
    ["high", "2026-11-24T10:00", "2026-11-24T12:00", "2 business hours"],
    ["high", "2026-11-24T17:00", "2026-11-25T10:30", "over the night"],
    ["high", "2026-11-20T20:00", "2026-11-24T11:00", "over a weekend and a holiday Monday"],
    ["normal", "2026-11-24T10:00", "2026-11-25T10:00", "1 business day"],
    ["normal", "2026-12-28T15:00", "2027-01-04T15:00", "across the year-end closure"],
    ["low", "2026-11-24T10:00", "2026-11-27T10:00", "3 business days"],
    ["low", "2026-11-22T02:00", "2026-11-26T17:30", "from a Sunday night: three whole days"],
  ] as const)("%s raised at %s is due %s (%s)", (severity, raised, due, _why) => {
    expect(at(ackDeadline(defaultCalendar, severity, jst(`${raised}:00`)))).toBe(due);
  });

  it("follows a center's own hours and days", () => {
    const saturdayCenter: CenterCalendar = {
      ...defaultCalendar,
      opensAt: 10 * 60,
      closesAt: 16 * 60,
      openWeekdays: [2, 3, 4, 5, 6],
      yearEndClosure: false,
    };
    expect(at(addBusinessMinutes(saturdayCenter, jst("2026-11-21T15:00:00"), 120))).toBe(
      "2026-11-24T11:00",
    );
    expect(at(ackDeadline(saturdayCenter, "normal", jst("2026-12-29T12:00:00")))).toBe(
      "2026-12-30T14:30",
    );
  });

  it("refuses a calendar with no opening hours instead of looping", () => {
    const closed = { ...defaultCalendar, openWeekdays: [] };
    expect(() => ackDeadline(closed, "low", jst("2026-11-24T10:00:00"))).toThrow(
      /no opening hours/,
    );
  });
});

describe("hours per weekday and extra closed days", () => {
  // Tuesday short, Saturday morning open, Sunday and Monday closed; Obon closed
  const calendar: CenterCalendar = {
    ...defaultCalendar,
    weeklyHours: {
      0: null,
      1: null,
      2: [9 * 60, 12 * 60],
      3: [9 * 60, 17 * 60 + 30],
      4: [9 * 60, 17 * 60 + 30],
      5: [9 * 60, 17 * 60 + 30],
      6: [10 * 60, 13 * 60],
    },
    closedDays: ["2026-11-26"],
  };

  it("opens on each weekday's own hours", () => {
    expect(isOpenAt(calendar, jst("2026-11-24T11:59:00"))).toBe(true);
    expect(isOpenAt(calendar, jst("2026-11-24T12:00:00"))).toBe(false);
    expect(isOpenAt(calendar, jst("2026-11-28T10:30:00"))).toBe(true);
    expect(isOpenDay(calendar, jst("2026-11-30T10:00:00"))).toBe(false);
  });

  it("stays closed on an extra closed day", () => {
    expect(isOpenAt(calendar, jst("2026-11-26T10:00:00"))).toBe(false);
    expect(isOpenAt(calendar, jst("2026-11-27T10:00:00"))).toBe(true);
  });

  it("counts business time over short days and skips the closed ones", () => {
    // Tuesday 11:00 + 2 hours: 1 hour on Tuesday, then Wednesday 9:00 + 1 hour
    expect(at(addBusinessMinutes(calendar, jst("2026-11-24T11:00:00"), 120))).toBe(
      "2026-11-25T10:00",
    );
    // Wednesday 17:00 + 1 hour: 30 minutes, Thursday closed, Friday 9:30
    expect(at(addBusinessMinutes(calendar, jst("2026-11-25T17:00:00"), 60))).toBe(
      "2026-11-27T09:30",
    );
  });

  it("says when the center next opens: now while open, else the next opening", () => {
    expect(at(nextOpening(calendar, jst("2026-11-24T10:00:00")) ?? 0)).toBe("2026-11-24T10:00");
    expect(at(nextOpening(calendar, jst("2026-11-28T18:00:00")) ?? 0)).toBe("2026-12-01T09:00");
    const never: CenterCalendar = { ...calendar, weeklyHours: {} };
    expect(nextOpening(never, jst("2026-11-24T10:00:00"))).toBeNull();
  });
});
