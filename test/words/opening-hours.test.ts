// The center's opening hours in plain words, as the kind close and the message answer give them.
import { describe, expect, it } from "vitest";
import { defaultCalendar, type CenterCalendar } from "../../src/time/business-time";
import { hoursInWords } from "../../src/words/registrant";

const hours = (more: Partial<CenterCalendar>) => hoursInWords({ ...defaultCalendar, ...more });

describe("hoursInWords", () => {
  it("puts days with the same hours together, in hiragana", () => {
    expect(hours({})).toBe("げつ〜きん 9:00〜17:30");
    expect(hours({ openWeekdays: [1, 2], opensAt: 8 * 60 + 45, closesAt: 17 * 60 })).toBe(
      "げつ・か 8:45〜17:00",
    );
  });

  it("keeps days apart when something in between differs or is closed", () => {
    expect(hours({ openWeekdays: [1, 3] })).toBe("げつ 9:00〜17:30、すい 9:00〜17:30");
    expect(
      hours({
        weeklyHours: {
          1: [540, 1050],
          2: [540, 1050],
          3: [540, 1050],
          4: [540, 1050],
          5: [540, 1050],
          6: [540, 720],
          0: null,
        },
      }),
    ).toBe("げつ〜きん 9:00〜17:30、ど 9:00〜12:00");
    // Sunday comes last in the week people read
    expect(hours({ openWeekdays: [0, 6] })).toBe("ど・にち 9:00〜17:30");
  });

  it("says nothing when the center never opens", () => {
    expect(hours({ openWeekdays: [] })).toBeUndefined();
    expect(hours({ weeklyHours: { 1: null } })).toBeUndefined();
  });
});
