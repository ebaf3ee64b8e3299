// Sends what waits in the outbox: fresh replies right after their commit, everything else by sweep;
// and changes the rich menu a person sees when their role changed.
import type { messagingApi } from "@line/bot-sdk";
import type { LineApi, SendResult } from "../line/api";
import type { Clock } from "../core/clock";
import { describeError, type Logger } from "../core/log";
import type { Store } from "../store/db";
import { raiseUndeliveredCrisis } from "../store/escalations";
import {
  claimDue,
  markFailed,
  markManySent,
  markMenuChangeFailed,
  markRetry,
  markSent,
  type OutboxRow,
} from "../store/outbox";
import { findRichMenuId } from "../store/rich-menus";

export interface DeliveryDeps {
  store: Store;
  line: LineApi;
  clock: Clock;
  log: Logger;
}

/** A row handed to the sweep is held this long; a sender that dies lets it go after that. */
export const sweepLeaseMs = 60_000;
/** Give up (status failed, kept for staff to see) after this many tries. */
export const maxAttempts = 12;

export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

type Origin = "fresh" | "sweep";

/** First-try successes waiting to be marked sent together, per store. */
const firstTrySent = new WeakMap<Store, { ids: number[]; flushed: Promise<void> }>();

/**
 * Marks a first-try success sent, together with the others that finish before the write runs:
 * one statement for a whole burst of replies instead of one each.
 */
function recordFirstTrySent(store: Store, id: number, now: number): Promise<void> {
  const waiting = firstTrySent.get(store);
  if (waiting) {
    waiting.ids.push(id);
    return waiting.flushed;
  }
  const ids = [id];
  // after a turn of the event loop, so that the replies finishing meanwhile join: one statement
  // in one batch, a single round trip to a remote database
  const flushed = new Promise((resolve) => setTimeout(resolve, 0)).then(async () => {
    // from here on, new successes start the next group
    if (firstTrySent.get(store)?.ids === ids) firstTrySent.delete(store);
    await store.commit([markManySent(store.db, ids, now)]);
  });
  firstTrySent.set(store, { ids, flushed });
  return flushed;
}

/**
 * Sends one row and records the outcome. `origin` matters for replies: a reply token that LINE
 * calls invalid on a fresh send was never used, so the message falls back to a push; on a sweep
 * an earlier sender (which may have crashed after LINE took it) could have used it, so it counts
 * as delivered rather than risk sending twice.
 */
async function attempt(
  deps: DeliveryDeps,
  row: OutboxRow,
  origin: Origin,
  replyRefused = false,
): Promise<void> {
  if (row.kind === "richmenu") return changeMenu(deps, row, origin);
  const attempts = origin === "fresh" ? row.attempts + 1 : row.attempts;
  const messages = row.messages as messagingApi.Message[];
  const now = deps.clock();
  const useReply =
    !replyRefused &&
    row.kind === "reply" &&
    row.replyToken !== null &&
    now < (row.replyExpiresAt ?? 0);
  const result = await send(deps.line, row, messages, useReply);
  const done = deps.clock();

  if (result.ok) {
    if (attempts === 1 && result.note === undefined)
      await recordFirstTrySent(deps.store, row.id, done);
    else await deps.store.write((tx) => markSent(tx, row.id, done, attempts, result.note ?? null));
    return;
  }
  if (useReply && result.invalidReplyToken) {
    if (origin === "sweep") {
      await deps.store.write((tx) => markSent(tx, row.id, done, attempts, "reply-token-used"));
      return;
    }
    // The token was ours and unused, yet refused (expired in flight): push the same words.
    await attempt(deps, { ...row, attempts }, "fresh", true);
    return;
  }
  deps.log.warn("outbox.send_failed", {
    outboxId: row.id,
    kind: row.kind,
    error: result.error,
    retryable: result.retryable,
    attempts,
  });
  if (result.retryable && attempts < maxAttempts) {
    await deps.store.write((tx) =>
      markRetry(tx, row.id, done + backoffMs(attempts), result.error, {
        attempts,
        dropReplyToken: replyRefused,
      }),
    );
  } else {
    await deps.store.write(async (tx) => {
      await markFailed(tx, row.id, result.error, attempts);
      // the person never got the crisis contacts: their matter goes back to the top, due now
      const lineUserId = row.recipients[0];
      if (row.purpose === "crisis" && lineUserId !== undefined) {
        await raiseUndeliveredCrisis(tx, lineUserId, result.error, done);
      }
    });
    deps.log.error("outbox.dead_letter", { outboxId: row.id, purpose: row.purpose, attempts });
  }
}

/**
 * Links the person's rich menu to their role's, or unlinks it for a guest (who then sees the
 * channel's default, the guest menu). With no menu installed for the role (`admin richmenu` never
 * ran) there is nothing to do: the row is done, never failed.
 */
async function changeMenu(deps: DeliveryDeps, row: OutboxRow, origin: Origin): Promise<void> {
  const attempts = origin === "fresh" ? row.attempts + 1 : row.attempts;
  const userId = row.recipients[0];
  const role = row.menuRole;
  if (userId === undefined || role === null) {
    await deps.store.write((tx) =>
      markMenuChangeFailed(tx, row.id, "no-recipient", attempts, deps.clock()),
    );
    return;
  }
  const richMenuId = await findRichMenuId(deps.store.db, role);
  if (richMenuId === null) {
    deps.log.info("richmenu.not_installed", { outboxId: row.id, role });
    await deps.store.write((tx) =>
      markSent(tx, row.id, deps.clock(), attempts, "no-menu-installed"),
    );
    return;
  }
  const result =
    role === "guest"
      ? await deps.line.unlinkRichMenu(userId)
      : await deps.line.linkRichMenu(userId, richMenuId);
  const done = deps.clock();
  if (result.ok) {
    await deps.store.write((tx) => markSent(tx, row.id, done, attempts, result.note ?? null));
    return;
  }
  deps.log.warn("richmenu.change_failed", {
    outboxId: row.id,
    role,
    error: result.error,
    retryable: result.retryable,
    attempts,
  });
  await deps.store.write((tx) =>
    result.retryable && attempts < maxAttempts
      ? markRetry(tx, row.id, done + backoffMs(attempts), result.error, { attempts })
      : markMenuChangeFailed(tx, row.id, result.error, attempts, done),
  );
}

function send(
  line: LineApi,
  row: OutboxRow,
  messages: messagingApi.Message[],
  useReply: boolean,
): Promise<SendResult> {
  if (useReply && row.replyToken) return line.reply(row.replyToken, messages);
  if (row.kind === "multicast") return line.multicast(row.recipients, messages, row.retryKey);
  const to = row.recipients[0];
  if (to === undefined)
    return Promise.resolve({ ok: false, retryable: false, error: "no-recipient" });
  return line.push(to, messages, row.retryKey);
}

/**
 * Sends rows that a request just committed and still holds (their lease is the request's): each
 * person's one after another, so that they read them in order, and different people's at once, so
 * that a body of many events is answered together and their "sent" marks share one write.
 */
export async function sendFresh(deps: DeliveryDeps, rows: OutboxRow[]): Promise<void> {
  const byRecipients = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = row.recipients.join(",");
    const own = byRecipients.get(key);
    if (own) own.push(row);
    else byRecipients.set(key, [row]);
  }
  await Promise.all(
    [...byRecipients.values()].map(async (own) => {
      for (const row of own) {
        try {
          await attempt(deps, row, "fresh");
        } catch (error) {
          // The row stays pending; the sweep takes it when the lease runs out.
          deps.log.error("outbox.fresh_send_error", { outboxId: row.id, ...describeError(error) });
        }
      }
    }),
  );
}

/** One sweep: claims due rows and sends them. Returns how many it handled. */
export async function deliverDue(deps: DeliveryDeps, limit = 100): Promise<number> {
  const now = deps.clock();
  const rows = await deps.store.write((tx) => claimDue(tx, now, sweepLeaseMs, limit));
  await Promise.all(
    rows.map((row) =>
      attempt(deps, row, "sweep").catch((error: unknown) => {
        deps.log.error("outbox.sweep_send_error", { outboxId: row.id, ...describeError(error) });
      }),
    ),
  );
  return rows.length;
}
