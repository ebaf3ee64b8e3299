// Calendar dates and the support period's arithmetic: real dates only, months counted as the Civil
// Code counts them, the 定着支援 defaults and limit, the days left and which alert is due.
import { describe, expect, it } from "vitest";
import { addMonths, daysBetween, isDateKey } from "../../src/time/dates";
import {
  daysLeft,
  latestRetentionEnd,
  periodAlertDue,
  resolvePeriod,
  type SupportPeriod,
} from "../../src/time/support-period";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
const none: SupportPeriod = {
  program: null,
  hiredOn: null,
  supportStartsOn: null,
  supportEndsOn: null,
};

describe("dates", () => {
  it.each(["2024-02-29", "2027-12-31", "1990-01-01"])("takes %s as a date", (value) => {
    expect(isDateKey(value)).toBe(true);
  });

  it.each(["2027-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-1-01", "27-01-01", ""])(
    "refuses %j",
    (value) => {
      expect(isDateKey(value)).toBe(false);
    },
  );

  it("adds months, rolling to the 1st when the month has no such day", () => {
    expect(addMonths("2024-04-01", 6)).toBe("2024-10-01");
    expect(addMonths("2024-08-31", 6)).toBe("2025-03-01");
    expect(addMonths("2024-12-15", 1)).toBe("2025-01-15");
    expect(addMonths("2027-03-31", -6)).toBe("2026-10-01");
    expect(addMonths("2027-01-15", -3)).toBe("2026-10-15");
    expect(daysBetween("2026-11-25", "2027-09-30")).toBe(309);
  });

  it("ends 3 years of 定着支援 the day before the same date, and on 2/28 from a leap day", () => {
    expect(latestRetentionEnd("2024-10-01")).toBe("2027-09-30");
    expect(latestRetentionEnd("2024-02-29")).toBe("2027-02-28");
  });
});

describe("resolving a change", () => {
  it("fills the defaults of 定着支援 only", () => {
    expect(resolvePeriod(none, { program: "retention", hiredOn: "2024-04-01" })).toEqual({
      ok: true,
      period: {
        program: "retention",
        hiredOn: "2024-04-01",
        supportStartsOn: "2024-10-01",
        supportEndsOn: "2027-09-30",
      },
    });
    expect(resolvePeriod(none, { program: "center", hiredOn: "2024-04-01" })).toMatchObject({
      ok: true,
      period: { supportStartsOn: null, supportEndsOn: null },
    });
  });

  it("refuses an end before the start, and past 3 years for 定着支援 only", () => {
    const stored = { ...none, supportStartsOn: "2024-10-01" };
    expect(resolvePeriod(stored, { supportEndsOn: "2024-09-30" })).toEqual({
      ok: false,
      problem: "period_end_before_start",
    });
    expect(
      resolvePeriod(stored, { program: "retention", supportEndsOn: "2027-10-01" }),
    ).toMatchObject({ ok: false, problem: "period_too_long", latestEnd: "2027-09-30" });
    expect(resolvePeriod(stored, { program: "center", supportEndsOn: "2040-01-01" }).ok).toBe(true);
  });
});

describe("the days left and the alert due", () => {
  it("counts Tokyo days", () => {
    expect(daysLeft(null, jst("2027-01-01T10:00:00"))).toBeNull();
    expect(daysLeft("2027-01-02", jst("2027-01-01T23:59:00"))).toBe(1);
    expect(daysLeft("2027-01-02", jst("2027-01-02T00:00:00"))).toBe(0);
  });

  it("is the 6-month alert from 6 months before, the 3-month one from 3, none after the end", () => {
    const end = "2027-05-25";
    expect(periodAlertDue(end, jst("2026-11-24T23:59:00"))).toBeNull();
    expect(periodAlertDue(end, jst("2026-11-25T00:00:00"))?.key).toBe("6m");
    expect(periodAlertDue(end, jst("2027-02-24T12:00:00"))?.key).toBe("6m");
    expect(periodAlertDue(end, jst("2027-02-25T00:00:00"))?.key).toBe("3m");
    expect(periodAlertDue(end, jst("2027-05-25T23:59:00"))?.key).toBe("3m");
    expect(periodAlertDue(end, jst("2027-05-26T00:00:00"))).toBeNull();
  });
});
