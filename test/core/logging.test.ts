// Logs carry ids, counts and codes: never what people wrote, never a secret.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/log";
import { deliverDue } from "../../src/outbox/delivery";
import { createTestApp, testAccessToken, testSecret } from "../support/app";
import { newLineUserId, textEvent, webhookBody } from "../support/events";

describe("logs", () => {
  it("never contain message text, the channel secret or the access token, even on failure", async () => {
    const lines: string[] = [];
    const t = await createTestApp({ log: createLogger((line) => lines.push(line)) });
    try {
      const userId = newLineUserId();
      const secretWords = "だれにも言えない ひみつ";
      await t.postWebhook(
        webhookBody(textEvent(userId, secretWords, { replyToken: t.mock.issueReplyToken(userId) })),
      );
      // a LINE failure and a database failure, both logged
      t.mock.failNext(5, 500);
      await t.postWebhook(webhookBody(textEvent(userId, secretWords)));
      await t.background.drain();
      await deliverDue(t.deps);
      await t.db.store.db.run(
        sql.raw(
          "CREATE TRIGGER boom BEFORE INSERT ON messages BEGIN SELECT RAISE(ABORT, 'boom'); END",
        ),
      );
      expect((await t.postWebhook(webhookBody(textEvent(userId, secretWords)))).status).toBe(500);

      const all = lines.join("\n");
      expect(lines.length).toBeGreaterThan(2);
      expect(all).toContain("request.failed");
      expect(all).toContain("outbox.send_failed");
      for (const forbidden of [secretWords, "ひみつ", testSecret, testAccessToken]) {
        expect(all).not.toContain(forbidden);
      }
      for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    } finally {
      await t.close();
    }
  });
});
