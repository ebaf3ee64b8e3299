// Link codes cannot be guessed by spreading attempts over many new LINE accounts: a global limit
// on wrong codes, and codes long enough that the limit leaves no real chance.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  formatLinkCode,
  generateLinkCode,
  linkCodeDigits,
  normalizeLinkCode,
} from "../../src/link/codes";
import { globalLinkFailureWindowMs, maxGlobalLinkFailures } from "../../src/store/link";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock } from "../support/clock";
import { newLineUserId } from "../support/events";
import { lineChat, textOf } from "../support/line-chat";
import { loginAs, mintCenter, mintStaff, type ApiClient } from "../support/staff";

let t: TestApp;
let staff: ApiClient;
const clock = createTestClock(Date.parse("2026-11-25T10:00:00+09:00"));

beforeEach(async () => {
  t = await createTestApp({ clock });
  const center = await mintCenter(t.db.store);
  staff = await loginAs(t, await mintStaff(t.db.store, center.id, "caseworker"));
});

afterEach(async () => {
  await t.close();
});

describe("guessing from many LINE accounts", () => {
  it("stops every code after 100 wrong ones in 10 minutes, and lets the right one through after", async () => {
    const created = (await (
      await staff.call("POST", "/api/registrants", { displayName: "山田 花子" })
    ).json()) as { id: string; linkCode: string };
    const chat = lineChat(t, clock);
    for (let i = 0; i < 150; i++) {
      const wrong = String(10_000_000_000_000 + i);
      await chat.say(newLineUserId(), wrong);
    }
    const honest = newLineUserId();
    const refused = textOf(await chat.say(honest, created.linkCode));
    expect(refused).toContain("10ぷん くらい たってから");
    const detail = (await (await staff.call("GET", `/api/registrants/${created.id}`)).json()) as {
      linked: boolean;
    };
    expect(detail.linked).toBe(false);

    // a crisis is never held back by a throttle
    const crisis = textOf(await chat.say(newLineUserId(), "しにたい"));
    expect(crisis).toContain("0120-279-338");

    clock.advance(globalLinkFailureWindowMs + 1_000);
    expect(textOf(await chat.say(honest, created.linkCode))).toContain("つながりました");
  });
});

describe("the codes", () => {
  it("have 14 random digits, shown in groups of four", () => {
    const code = generateLinkCode();
    expect(code).toMatch(new RegExp(`^\\d{${linkCodeDigits}}$`));
    expect(linkCodeDigits).toBe(14);
    expect(formatLinkCode("12345678901234")).toBe("1234 5678 9012 34");
    // the arithmetic of the README: all guesses the global limit lets through in a code's
    // 14 days, against 10,000 live codes, hit one with probability under 1 in 1,000
    const guesses =
      maxGlobalLinkFailures * ((14 * 24 * 60 * 60 * 1000) / globalLinkFailureWindowMs);
    expect(guesses).toBe(201_600);
    expect((guesses * 10_000) / 10 ** linkCodeDigits).toBeLessThan(1 / 1_000);
  });
});

describe("a typed link code", () => {
  it.each([
    ["1234 5678 9012 34", "12345678901234"],
    ["１２３４－５６７８－９０１２－３４", "12345678901234"],
    ["12345678901234。", "12345678901234"],
    ["12345678ー90123４", "12345678901234"],
  ])("reads %s as the code", (typed, code) => {
    expect(normalizeLinkCode(typed)).toBe(code);
  });

  it.each(["こんにちは", "1234", "12345678901234567", "12345678901234 と 5"])(
    "is not a code: %s",
    (typed) => {
      expect(normalizeLinkCode(typed)).toBeNull();
    },
  );
});
