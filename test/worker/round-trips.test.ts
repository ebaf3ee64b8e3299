// Database round trips per webhook request inside workerd: at most 2 whatever the body carries.
import { createClient } from "@libsql/client/web";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, describe, expect, it } from "vitest";
import type { CapturedRequest } from "../../src/emulator/mock-line";
import { hashLinkCode } from "../../src/link/codes";
import { signBody } from "../../src/line/signature";
import { consentTextVersion } from "../../src/words/registrant";
import worker from "../../src/worker";
import { followEvent, newLineUserId, textEvent, webhookBody } from "../support/events";
import type * as hrana from "../support/hrana-server";

/** The issue's budget: one read batch and one write batch, however many events a body carries. */
const maxRoundTrips = 2;
// a value import would load the server's native SQLite module into workerd; tsc keeps them equal
const afterAnswerHeader: typeof hrana.afterAnswerHeader = "x-test-after-answer";

// Seeding and reading go to the uncounted URL: only the worker's own requests are tallied.
const db = createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
afterAll(() => {
  db.close();
});

interface Person {
  registrantId: string;
  userId: string;
}

/**
 * A center with `count` registrants linked on LINE and consenting to the current text, and a
 * caseworker on LINE who takes urgent alerts: people whose messages do the whole of the work.
 */
async function linkedRegistrants(count: number) {
  const now = Date.now();
  const centerId = crypto.randomUUID();
  const staffId = crypto.randomUUID();
  const staffUserId = newLineUserId();
  const people: Person[] = Array.from({ length: count }, () => ({
    registrantId: crypto.randomUUID(),
    userId: newLineUserId(),
  }));
  await db.batch(
    [
      {
        sql: "insert into centers (id, name, created_at) values (?, ?, ?)",
        args: [centerId, "往復センター", now],
      },
      {
        sql: `insert into staff (id, center_id, email, display_name, role, password_hash,
                line_user_id, line_linked_at, created_at)
              values (?, ?, ?, '職員', 'caseworker', 'not-for-login', ?, ?, ?)`,
        args: [staffId, centerId, `${staffId}@example.jp`, staffUserId, now, now],
      },
      {
        sql: `insert into line_accounts (line_user_id, role, person_id, first_seen_at, last_seen_at)
              values (?, 'staff', ?, ?, ?)`,
        args: [staffUserId, staffId, now, now],
      },
      ...people.flatMap(({ registrantId, userId }, i) => [
        {
          sql: `insert into registrants (id, center_id, display_name, line_user_id, linked_at,
                  consented_at, consent_version, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)`,
          args: [registrantId, centerId, `登録者${i}`, userId, now, now, consentTextVersion, now],
        },
        {
          sql: `insert into consents (registrant_id, text_version, decision, at)
                values (?, ?, 'given', ?)`,
          args: [registrantId, consentTextVersion, now],
        },
        {
          sql: `insert into line_accounts (line_user_id, role, person_id, first_seen_at, last_seen_at)
                values (?, 'registrant', ?, ?, ?)`,
          args: [userId, registrantId, now, now],
        },
      ]),
    ],
    "write",
  );
  return { people, staffUserId };
}

/** LINE mints a reply token with each event; the mock must know it to accept the reply. */
async function issueReplyToken(userId: string): Promise<string> {
  const response = await fetch(`${env.LINE_API_BASE_URL}/__test/reply-tokens/${userId}`, {
    method: "POST",
  });
  const { replyToken } = (await response.json()) as { replyToken: string };
  return replyToken;
}

async function lineRequests(): Promise<CapturedRequest[]> {
  const response = await fetch(`${env.LINE_API_BASE_URL}/__test/requests`);
  return (await response.json()) as CapturedRequest[];
}

/** What LINE was asked, per person: the endpoints of the requests naming them. */
async function endpointsFor(userIds: string[]): Promise<Map<string, string[]>> {
  const wanted = new Set(userIds);
  const endpoints = new Map<string, string[]>(userIds.map((userId) => [userId, []]));
  for (const request of await lineRequests()) {
    for (const recipient of request.recipients) {
      if (wanted.has(recipient)) endpoints.get(recipient)?.push(request.endpoint);
    }
  }
  return endpoints;
}

/** Each event's outcome in the ledger, in the events' order (undefined when not recorded). */
async function outcomesOf(events: { webhookEventId: string }[]) {
  const result = await db.execute({
    sql: `select webhook_event_id, outcome from processed_events
          where webhook_event_id in (${events.map(() => "?").join(", ")})`,
    args: events.map((event) => event.webhookEventId),
  });
  const outcomes = new Map(result.rows.map((row) => [row.webhook_event_id, row.outcome]));
  return events.map((event) => outcomes.get(event.webhookEventId));
}

/**
 * Posts a signed body to the worker with its own database URL, `<url>/__count/<tag>/`, so the
 * test Hrana server tallies this request's round trips apart from everyone else's. Requests the
 * worker sends after it has answered (the replies' "sent" marks, under waitUntil) carry a header
 * that files them apart: the budget is for the path up to the answer.
 */
async function postCounted(body: string) {
  const tag = crypto.randomUUID();
  const databaseUrl = `${env.DATABASE_URL}/__count/${tag}/`;
  const countedEnv = { ...env, DATABASE_URL: databaseUrl };
  const request = new Request("https://tsunagi.test/webhook", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-line-signature": await signBody(env.LINE_CHANNEL_SECRET, body),
    },
    body,
  });
  const ctx = createExecutionContext();
  let answered = false;
  // the worker hands what it sends after the answer to waitUntil as it answers: from then on the
  // database requests are the sending's (a menu change reads the menu's id at once)
  const waitUntil = ctx.waitUntil.bind(ctx);
  ctx.waitUntil = (promise) => {
    answered = true;
    waitUntil(promise);
  };
  // the worker builds its database client per request, taking the global fetch as it finds it
  const plainFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const outgoing = new Request(input, init);
    if (!answered || !outgoing.url.startsWith(databaseUrl)) return plainFetch(outgoing);
    const headers = new Headers(outgoing.headers);
    headers.set(afterAnswerHeader, "1");
    return plainFetch(new Request(outgoing, { headers }));
  };
  let response: Response;
  try {
    response = await worker.fetch(request, countedEnv, ctx);
    answered = true;
    await waitOnExecutionContext(ctx);
  } finally {
    globalThis.fetch = plainFetch;
  }
  const counts = await fetch(`${env.DATABASE_URL}/__test/round-trips/${tag}`);
  return { response, roundTrips: (await counts.json()) as hrana.RoundTripCounts };
}

/** One line per body, for the README and the issue to cite. */
function report(label: string, { beforeAnswer, afterAnswer, paths }: hrana.RoundTripCounts) {
  console.info(
    `round trips, ${label}: ${beforeAnswer} until the answer, ${afterAnswer} after it ` +
      `(${Object.entries(paths)
        .map(([path, n]) => `${path} ×${n}`)
        .join(", ")})`,
  );
}

describe("database round trips per webhook request", () => {
  it.each([
    ["one text event", 1],
    ["10 text events", 10],
    ["100 text events", 100],
  ] as const)(
    "records a body of %s from linked people in at most 2 round trips",
    async (label, size) => {
      const { people } = await linkedRegistrants(size);
      const events = await Promise.all(
        people.map(async ({ userId }) =>
          textEvent(userId, "こんにちは", { replyToken: await issueReplyToken(userId) }),
        ),
      );
      const userIds = people.map(({ userId }) => userId);

      const { response, roundTrips } = await postCounted(webhookBody(...events));
      report(label, roundTrips);

      expect(response.status).toBe(200);
      expect(await outcomesOf(events)).toEqual(events.map(() => "handled"));
      const endpoints = await endpointsFor(userIds);
      expect(userIds.filter((userId) => endpoints.get(userId)?.join() !== "reply")).toEqual([]);
      expect(roundTrips.beforeAnswer).toBeGreaterThan(0);
      expect(roundTrips.beforeAnswer).toBeLessThanOrEqual(maxRoundTrips);
    },
  );

  it("keeps to 2 round trips when a body carries a crisis message and a follow", async () => {
    const { people, staffUserId } = await linkedRegistrants(3);
    const [inCrisis, following, chatting] = people.map(({ userId }) => userId);
    if (!inCrisis || !following || !chatting) throw new Error("three people were minted");
    const events = [
      textEvent(inCrisis, "しにたい", { replyToken: await issueReplyToken(inCrisis) }),
      followEvent(following, { replyToken: await issueReplyToken(following) }, true),
      textEvent(chatting, "こんにちは", { replyToken: await issueReplyToken(chatting) }),
    ];

    const { response, roundTrips } = await postCounted(webhookBody(...events));
    report("a crisis message, a follow and a text", roundTrips);

    expect(response.status).toBe(200);
    expect(await outcomesOf(events)).toEqual(["handled", "handled", "handled"]);
    const escalations = await db.execute({
      sql: "select count(*) as n from escalations where registrant_id = ?",
      args: [people[0]?.registrantId ?? ""],
    });
    expect(escalations.rows[0]?.n).toBe(1);
    const endpoints = await endpointsFor([inCrisis, following, chatting, staffUserId]);
    expect(Object.fromEntries(endpoints)).toEqual({
      [inCrisis]: ["reply"],
      [following]: ["reply"],
      [chatting]: ["reply"],
      // the urgent alert reaches the caseworker on LINE right after the commit
      [staffUserId]: ["push"],
    });
    expect(roundTrips.beforeAnswer).toBeGreaterThan(0);
    expect(roundTrips.beforeAnswer).toBeLessThanOrEqual(maxRoundTrips);
  });

  it("keeps to 2 round trips when a body carries a link code and a wrong one", async () => {
    const now = Date.now();
    const centerId = crypto.randomUUID();
    const registrantId = crypto.randomUUID();
    const code = "31415926535897";
    await db.batch(
      [
        {
          sql: "insert into centers (id, name, created_at) values (?, ?, ?)",
          args: [centerId, "連携センター", now],
        },
        {
          sql: `insert into registrants (id, center_id, display_name, created_at)
                values (?, ?, '連携 太郎', ?)`,
          args: [registrantId, centerId, now],
        },
        {
          sql: `insert into link_codes (code_hash, center_id, subject_type, subject_id,
                  created_at, expires_at)
                values (?, ?, 'registrant', ?, ?, ?)`,
          args: [await hashLinkCode(code), centerId, registrantId, now, now + 86_400_000],
        },
      ],
      "write",
    );
    const [linking, guessing] = [newLineUserId(), newLineUserId()];
    const events = [
      textEvent(linking, code, { replyToken: await issueReplyToken(linking) }),
      textEvent(guessing, "27182818284590", { replyToken: await issueReplyToken(guessing) }),
    ];

    const { response, roundTrips } = await postCounted(webhookBody(...events));
    report("a link code and a wrong one", roundTrips);

    expect(response.status).toBe(200);
    expect(await outcomesOf(events)).toEqual(["handled", "handled"]);
    const linked = await db.execute({
      sql: `select registrants.line_user_id, line_accounts.role from registrants
            join line_accounts on line_accounts.line_user_id = registrants.line_user_id
            where registrants.id = ?`,
      args: [registrantId],
    });
    expect(linked.rows.map((row) => [row.line_user_id, row.role])).toEqual([
      [linking, "registrant"],
    ]);
    const failures = await db.execute({
      sql: "select count(*) as n from link_failures where line_user_id = ?",
      args: [guessing],
    });
    expect(failures.rows[0]?.n).toBe(1);
    const endpoints = await endpointsFor([linking, guessing]);
    expect(endpoints.get(linking)).toContain("reply");
    expect(endpoints.get(guessing)).toEqual(["reply"]);
    expect(roundTrips.beforeAnswer).toBeGreaterThan(0);
    expect(roundTrips.beforeAnswer).toBeLessThanOrEqual(maxRoundTrips);
  });
});
