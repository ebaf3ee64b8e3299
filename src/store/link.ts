// Redeeming a link code from LINE: throttled, single use, one LINE account per person.
import { and, eq, gt, isNull, sql, type SQLWrapper } from "drizzle-orm";
import { roleStatements, setAccountRole } from "./accounts";
import { writeGuard, type Queryable, type Statement, type Tx } from "./db";
import type { OutboxRow } from "./outbox";
import {
  employerContacts,
  lineAccounts,
  linkCodes,
  linkFailures,
  registrants,
  staff,
} from "./schema";
import type { AccountRole, LinkSubject } from "../vocabulary/kinds";

export type Redemption =
  | { outcome: "linked"; subject: LinkSubject; personId: string }
  | { outcome: "unknown-code" }
  | { outcome: "throttled" }
  | { outcome: "busy" };

/** Wrong codes allowed per LINE user per hour; after that even the right one waits. */
export const maxLinkFailures = 5;
export const linkFailureWindowMs = 60 * 60 * 1000;
/**
 * Wrong codes allowed from everyone together in any 10 minutes: new LINE accounts cost nothing,
 * so the per-user limit alone does not stop guessing. After that every attempt waits.
 */
export const maxGlobalLinkFailures = 100;
export const globalLinkFailureWindowMs = 10 * 60 * 1000;

/** A code that works (unused, not expired), as read with the request that tries it. */
export interface WorkingCode {
  subject: LinkSubject;
  subjectId: string;
  /** The LINE account the person has now, if any, and what the bot knows it as (null: never heard from). */
  previous: { lineUserId: string; role: AccountRole | null } | null;
}

/**
 * What trying link codes needs to know, for each attempt (`attempts`: a JSON array of
 * `{ lineUserId, hash }`): the code when it works, whose it is and the LINE account they have now,
 * and the wrong codes counted in their windows. One definition, read with a webhook request or
 * alone (redeemLinkCode).
 */
export function linkAttemptsQuery(q: Queryable, attempts: SQLWrapper, now: SQLWrapper) {
  const hash = sql`json_extract(attempt.value, '$.hash')`;
  const lineUserId = sql<string>`json_extract(attempt.value, '$.lineUserId')`;
  const previous = sql<string | null>`case ${linkCodes.subjectType}
    when 'registrant' then (select ${registrants.lineUserId} from ${registrants}
      where ${registrants.id} = ${linkCodes.subjectId})
    when 'staff' then (select ${staff.lineUserId} from ${staff}
      where ${staff.id} = ${linkCodes.subjectId})
    when 'employer_contact' then (select ${employerContacts.lineUserId} from ${employerContacts}
      where ${employerContacts.id} = ${linkCodes.subjectId})
    end`;
  return q
    .select({
      lineUserId,
      hash: sql<string>`${hash}`,
      subject: linkCodes.subjectType,
      subjectId: linkCodes.subjectId,
      previous,
      previousRole: sql<AccountRole | null>`(select ${lineAccounts.role} from ${lineAccounts}
        where ${lineAccounts.lineUserId} = ${previous})`,
      mine: sql<number>`(select count(*) from ${linkFailures}
        where ${linkFailures.lineUserId} = ${lineUserId}
          and ${linkFailures.at} >= ${now} - ${linkFailureWindowMs})`,
      everyone: sql<number>`(select count(*) from ${linkFailures}
        where ${linkFailures.at} >= ${now} - ${globalLinkFailureWindowMs})`,
    })
    .from(sql`json_each(${attempts}) as attempt`)
    .leftJoin(linkCodes, workingCode(hash, now));
}

/** The code with this hash, while it works: unused and not expired. */
export function workingCode(hash: SQLWrapper, now: SQLWrapper) {
  return and(eq(linkCodes.codeHash, hash), isNull(linkCodes.usedAt), gt(linkCodes.expiresAt, now));
}

export type LinkAttemptRow = Awaited<ReturnType<typeof linkAttemptsQuery>>[number];

/** An attempt's row as redemptionStatements takes it. */
export function attemptOf(row: LinkAttemptRow): {
  code: WorkingCode | null;
  failures: LinkFailures;
} {
  return {
    code:
      row.subject === null || row.subjectId === null
        ? null
        : {
            subject: row.subject,
            subjectId: row.subjectId,
            previous:
              row.previous === null ? null : { lineUserId: row.previous, role: row.previousRole },
          },
    failures: { mine: row.mine, everyone: row.everyone },
  };
}

/**
 * Tries a link code in a transaction, on its own (tools and tests; the webhook reads the same
 * with its request and writes with its batch).
 */
export async function redeemLinkCode(
  tx: Tx,
  lineUserId: string,
  codeHash: string,
  now: number,
): Promise<Redemption & { menuChanges: OutboxRow[] }> {
  const [row] = await linkAttemptsQuery(
    tx,
    sql`${JSON.stringify([{ lineUserId, hash: codeHash }])}`,
    sql`${now}`,
  );
  if (!row) throw new Error("no link attempt read");
  const account = await tx
    .select({ role: lineAccounts.role })
    .from(lineAccounts)
    .where(eq(lineAccounts.lineUserId, lineUserId));
  const planned = redemptionStatements(tx, {
    lineUserId,
    codeHash,
    ...attemptOf(row),
    role: account[0]?.role ?? null,
    now,
    leaseUntil: null,
  });
  const menuChanges: OutboxRow[] = [];
  for (const [i, statement] of planned.statements.entries()) {
    const result: unknown = await statement;
    const menu = planned.menus.find((one) => one.at === i);
    if (menu) menuChanges.push(menu.row(result));
  }
  return { ...planned.redemption, menuChanges };
}

/** Wrong codes counted in their windows: this LINE user's, and everyone's. */
export interface LinkFailures {
  mine: number;
  everyone: number;
}

/**
 * What trying a link code does, from what was read: throttled or busy (nothing written), a wrong
 * code (a failure recorded), or the person linked to this LINE account. Linking uses the code up
 * (while it is still unused: writeGuard), makes the person's previous account a guest, points
 * the person at this account, and gives it the person's role; each role change carries its menu,
 * held until `leaseUntil` for sending right after the commit. `menus` are the indexes of the
 * statements whose results are the menu rows (see roleStatements).
 */
export function redemptionStatements(
  q: Queryable,
  args: {
    lineUserId: string;
    codeHash: string;
    code: WorkingCode | null;
    failures: LinkFailures;
    /** What this account is known as now (null: the bot is hearing from it the first time). */
    role: AccountRole | null;
    now: number;
    leaseUntil: number | null;
  },
): {
  redemption: Redemption;
  statements: Statement[];
  menus: { at: number; row: (result: unknown) => OutboxRow }[];
} {
  const { lineUserId, code, now } = args;
  const nothing = { statements: [], menus: [] };
  if (args.failures.mine >= maxLinkFailures)
    return { redemption: { outcome: "throttled" }, ...nothing };
  if (args.failures.everyone >= maxGlobalLinkFailures) {
    return { redemption: { outcome: "busy" }, ...nothing };
  }
  // the limits as read still hold when the write lands: attempts from concurrent requests each
  // read the same counts, and the first to land may be the one that reaches a limit
  const withinLimits = q.run(sql`insert into write_conflicts (what) select 'link_failures'
    where (select count(*) from ${linkFailures} where ${linkFailures.lineUserId} = ${lineUserId}
        and ${linkFailures.at} >= ${now - linkFailureWindowMs}) >= ${maxLinkFailures}
      or (select count(*) from ${linkFailures}
        where ${linkFailures.at} >= ${now - globalLinkFailureWindowMs}) >= ${maxGlobalLinkFailures}`);
  if (!code) {
    return {
      redemption: { outcome: "unknown-code" },
      statements: [withinLimits, q.insert(linkFailures).values({ lineUserId, at: now })],
      menus: [],
    };
  }
  const statements: Statement[] = [
    withinLimits,
    q
      .update(linkCodes)
      .set({ usedAt: now })
      .where(and(eq(linkCodes.codeHash, args.codeHash), isNull(linkCodes.usedAt))),
    writeGuard(q, "link_codes"),
  ];
  const menus: { at: number; row: (result: unknown) => OutboxRow }[] = [];
  const setRole = (
    account: string,
    read: AccountRole | null,
    role: AccountRole,
    id: string | null,
  ) => {
    const change = roleStatements(q, account, read, role, id, now, args.leaseUntil);
    if (change.menuAt >= 0) menus.push({ at: statements.length + change.menuAt, row: change.menu });
    statements.push(...change.statements);
  };
  // a new code from staff moves the person to this LINE account; the old one becomes a guest
  const previous = code.previous;
  if (previous && previous.lineUserId !== lineUserId) {
    setRole(previous.lineUserId, previous.role, "guest", null);
  }
  statements.push(pointAt(q, code, lineUserId, now));
  // an account heard from the first time was inserted a guest, earlier in the same writes
  setRole(lineUserId, args.role ?? "guest", code.subject, code.subjectId);
  return {
    redemption: { outcome: "linked", subject: code.subject, personId: code.subjectId },
    statements,
    menus,
  };
}

/** The person's row names this LINE account from now on. */
function pointAt(q: Queryable, code: WorkingCode, lineUserId: string, now: number): Statement {
  switch (code.subject) {
    case "registrant":
      return q
        .update(registrants)
        .set({ lineUserId, linkedAt: now })
        .where(eq(registrants.id, code.subjectId));
    case "staff":
      // staff link their own LINE account to receive alerts
      return q
        .update(staff)
        .set({ lineUserId, lineLinkedAt: now })
        .where(eq(staff.id, code.subjectId));
    case "employer_contact":
      return q
        .update(employerContacts)
        .set({ lineUserId, linkedAt: now })
        .where(eq(employerContacts.id, code.subjectId));
  }
}

/** Staff unlink their LINE account from their profile: alerts stop, the account becomes a guest. */
export async function unlinkStaffLine(tx: Tx, staffId: string, now: number): Promise<boolean> {
  const rows = await tx
    .select({ lineUserId: staff.lineUserId })
    .from(staff)
    .where(eq(staff.id, staffId));
  const old = rows[0]?.lineUserId;
  if (!old) return false;
  await tx.update(staff).set({ lineUserId: null, lineLinkedAt: null }).where(eq(staff.id, staffId));
  await setAccountRole(tx, old, "guest", null, now);
  return true;
}
