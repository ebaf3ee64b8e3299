// How a webhook event is understood before anything is written.
import { describe, expect, it } from "vitest";
import { classifyEvent, eventKey, webhookEventSchema } from "../../src/bot/events";
import { newLineUserId } from "../support/events";

const userId = newLineUserId();
const base = { timestamp: 1, mode: "active", source: { type: "user", userId } };

function classify(event: Record<string, unknown>) {
  return classifyEvent(webhookEventSchema.parse({ ...base, ...event }));
}

describe("classifyEvent", () => {
  it.each([
    [
      { type: "message", message: { id: "1", type: "text", text: "やあ" } },
      { type: "text", text: "やあ" },
    ],
    [{ type: "message", message: { id: "1", type: "sticker" } }, { type: "sticker" }],
    [
      { type: "message", message: { id: "1", type: "location" } },
      { type: "media", media: "location" },
    ],
    [
      { type: "follow", follow: { isUnblocked: true } },
      { type: "follow", unblocked: true },
    ],
    [{ type: "follow" }, { type: "follow", unblocked: false }],
    [{ type: "unfollow" }, { type: "unfollow" }],
    [
      { type: "postback", postback: { data: "a=1", params: { date: "2026-11-23", x: 5 } } },
      { type: "postback", data: "a=1", params: { date: "2026-11-23" } },
    ],
  ])("turns %j into the input %j", (event, input) => {
    expect(classify(event)).toEqual({ kind: "handled", lineUserId: userId, input });
  });

  it.each([
    [{ type: "beacon", beacon: { hwid: "d41d8cd98f", type: "enter" } }, "unsupported-type"],
    [{ type: "message", message: { id: "1", type: "hologram" } }, "unsupported-type"],
    [{ type: "message" }, "unsupported-type"],
    [{ type: "message", mode: "standby" }, "standby"],
    [{ type: "message", source: { type: "group", groupId: "G1", userId } }, "not-one-to-one"],
    [{ type: "message", source: { type: "room", roomId: "R1" } }, "not-one-to-one"],
    [{ type: "follow", source: { type: "user", userId: "U4af4980629..." } }, "invalid-user-id"],
    [{ type: "follow", source: { type: "user" } }, "invalid-user-id"],
    [{ type: "follow", source: undefined }, "not-one-to-one"],
  ])("ignores %j because of %s", (event, reason) => {
    expect(classify(event)).toMatchObject({ kind: "ignored", reason });
  });
});

describe("eventKey", () => {
  it("uses webhookEventId when LINE sends one", async () => {
    const event = webhookEventSchema.parse({ ...base, type: "unfollow", webhookEventId: "01ABC" });
    expect(await eventKey(event)).toBe("01ABC");
  });

  it("derives a stable key from a legacy event's own content", async () => {
    const event = webhookEventSchema.parse({ ...base, type: "unfollow" });
    const again = webhookEventSchema.parse({ ...base, type: "unfollow" });
    const other = webhookEventSchema.parse({ ...base, type: "unfollow", timestamp: 2 });
    expect(await eventKey(event)).toBe(await eventKey(again));
    expect(await eventKey(event)).not.toBe(await eventKey(other));
    expect(await eventKey(event)).toMatch(/^legacy-[0-9a-f]{64}$/);
  });
});
