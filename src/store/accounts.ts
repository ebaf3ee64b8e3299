// LINE accounts the bot knows, and what it knows them as.
import { and, eq, isNull, sql } from "drizzle-orm";
import { template, writeGuard, type Queryable, type Statement, type Tx } from "./db";
import { menuChangeStatements, type OutboxRow } from "./outbox";
import { lineAccounts } from "./schema";
import type { AccountRole } from "../vocabulary/kinds";

export type LineAccount = typeof lineAccounts.$inferSelect;

/**
 * Records that a LINE user was heard from, for one who read the account first: a new account is
 * inserted (a concurrent first message makes the write fail and be redone), a known one is touched
 * only while it is still what was read, so a link or unlink in between is not talked past.
 */
export function touchStatements(
  q: Queryable,
  lineUserId: string,
  read: Pick<LineAccount, "role" | "personId"> | null,
  now: number,
): Statement[] {
  if (read === null) return [insertAccount(q, { lineUserId, now })];
  const values = { lineUserId, now, role: read.role, personId: read.personId };
  const touch = read.personId === null ? touchGuest(q, values) : touchPerson(q, values);
  return [touch, writeGuard(q, "line_accounts")];
}

const insertAccount = template<{ lineUserId: string; now: number }>((q) =>
  q.insert(lineAccounts).values({
    lineUserId: sql.placeholder("lineUserId"),
    firstSeenAt: sql.placeholder("now"),
    lastSeenAt: sql.placeholder("now"),
  }),
);

type Touch = { lineUserId: string; now: number } & Pick<LineAccount, "role" | "personId">;

/** The touch of an account still as read: with no person, or with the one read. */
function touchTemplate(withPerson: boolean) {
  return template<Touch>((q) =>
    q
      .update(lineAccounts)
      .set({ lastSeenAt: sql`max(${lineAccounts.lastSeenAt}, ${sql.placeholder("now")})` })
      .where(
        and(
          eq(lineAccounts.lineUserId, sql.placeholder("lineUserId")),
          eq(lineAccounts.role, sql.placeholder("role")),
          withPerson
            ? eq(lineAccounts.personId, sql.placeholder("personId"))
            : isNull(lineAccounts.personId),
        ),
      ),
  );
}

const touchGuest = touchTemplate(false);
const touchPerson = touchTemplate(true);

/**
 * What a LINE account is known as from now on (linked to a person, or a guest again). When the
 * role changes, the person's rich menu follows through the outbox, in this same transaction:
 * the queued change is returned (for sending right after the commit), null when none was needed.
 */
export async function setAccountRole(
  tx: Tx,
  lineUserId: string,
  role: AccountRole,
  personId: string | null,
  now: number,
): Promise<OutboxRow | null> {
  const before = await tx
    .select({ role: lineAccounts.role })
    .from(lineAccounts)
    .where(eq(lineAccounts.lineUserId, lineUserId));
  const change = roleStatements(tx, lineUserId, before[0]?.role ?? null, role, personId, now, null);
  let menu: OutboxRow | null = null;
  for (const [i, statement] of change.statements.entries()) {
    const result: unknown = await statement;
    if (i === change.menuAt) menu = change.menu(result);
  }
  return menu;
}

/**
 * setAccountRole as statements, from the role read (null: an account the bot never heard from,
 * which has no menu to change and no row). The update holds only while the role is still the one
 * read (writeGuard). The menu change, when there is one, is held for the caller until
 * `leaseUntil` when given; `menu` turns the result of the statement at `menuAt` into its row.
 */
export function roleStatements(
  q: Queryable,
  lineUserId: string,
  read: AccountRole | null,
  role: AccountRole,
  personId: string | null,
  now: number,
  leaseUntil: number | null,
): { statements: Statement[]; menuAt: number; menu: (result: unknown) => OutboxRow } {
  const none = { statements: [], menuAt: -1, menu: () => failNoMenu() };
  if (read === null) return none;
  const statements: Statement[] = [
    q
      .update(lineAccounts)
      .set({ role, personId })
      .where(and(eq(lineAccounts.lineUserId, lineUserId), eq(lineAccounts.role, read))),
    writeGuard(q, "line_accounts"),
  ];
  if (read === role) return { ...none, statements };
  const change = menuChangeStatements(q, lineUserId, role, now, leaseUntil);
  statements.push(...change.statements);
  return { statements, menuAt: statements.length - 1, menu: change.row };
}

function failNoMenu(): never {
  throw new Error("no menu change was queued");
}

export function setFollowing(
  q: Queryable,
  lineUserId: string,
  following: boolean,
  now: number,
): Statement {
  return q
    .update(lineAccounts)
    .set({ following, unfollowedAt: following ? null : now })
    .where(eq(lineAccounts.lineUserId, lineUserId));
}

export async function findAccount(db: Queryable, lineUserId: string): Promise<LineAccount | null> {
  const rows = await db.select().from(lineAccounts).where(eq(lineAccounts.lineUserId, lineUserId));
  return rows[0] ?? null;
}

/** Which of these LINE users are employer contacts (the sender's allow-list applies to them). */
export async function employerAccountsAmong(
  db: Queryable,
  lineUserIds: string[],
): Promise<Set<string>> {
  if (lineUserIds.length === 0) return new Set();
  // one JSON parameter rather than one per id: a multicast names 500 people, and SQLite binds
  // and plans one value list far faster than 500 (the weekly fan-out makes 200 of these)
  const rows = await db
    .select({ lineUserId: lineAccounts.lineUserId })
    .from(lineAccounts)
    .where(
      and(
        eq(lineAccounts.role, "employer_contact"),
        sql`${lineAccounts.lineUserId} in (select value from json_each(${JSON.stringify(lineUserIds)}))`,
      ),
    );
  return new Set(rows.map((row) => row.lineUserId));
}
