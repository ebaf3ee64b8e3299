// What a webhook request's events need to know, read at once: which events the ledger already
// has, and for each person who wrote, their account, conversation, registrant row and center.
// One batch (one round trip to Turso) for the whole request, however many events it carries.
import type { InArgs } from "@libsql/client";
import { and, desc, eq, fillPlaceholders, isNotNull, sql, type SQLWrapper } from "drizzle-orm";
import { dateKey } from "../time/business-time";
import { coverageQuery } from "./employers";
import * as z from "zod";
import { missedAfterMs, pendingCheckinSince } from "./checkins";
import { claimedAmong } from "./events";
import {
  attemptOf,
  linkAttemptsQuery,
  workingCode,
  type LinkFailures,
  type WorkingCode,
} from "./link";
import type { Db, Queryable } from "./db";
import type { LineAccount } from "./accounts";
import type { PendingCheckin, SavedConversation } from "./conversations";
import type { RegistrantRow } from "./registrants";
import {
  answers,
  centers,
  checkins,
  consents,
  conversations,
  employerContacts,
  escalations,
  handoverEvents,
  handovers,
  lineAccounts,
  linkCodes,
  registrants,
  staff,
} from "./schema";
import {
  accountRoles,
  checkinStatuses,
  escalationStatuses,
  questionKeys,
  handoverConsents,
  type HandoverConsent,
  type LinkSubject,
} from "../vocabulary/kinds";
import type { UnresolvedEscalation } from "./escalations";
import type { AlertTarget } from "./staff-alert-ledger";
import type { TrendCheckin } from "./trends";

export type CenterRow = typeof centers.$inferSelect;

/** One person who wrote, as the request found them. Fields change as the request's events run. */
export interface Person {
  account: Pick<LineAccount, "role" | "personId" | "following"> | null;
  conversation: (SavedConversation & { version: number }) | null;
  pendingCheckin: PendingCheckin | null;
  /** Their registrant row, when the account is a registrant's. */
  registrant: RegistrantRow | null;
  /**
   * When the account is an employer contact's (still linked): who they are, and the people they
   * may name (coverageQuery, as of the request's day).
   */
  employer: {
    contactId: string;
    employerId: string;
    centerId: string;
    registrants: { id: string; displayName: string }[];
  } | null;
  /**
   * For an employer contact, the people they may name with what filing a report about one needs:
   * their center and unresolved escalations (by category). Empty for anyone else.
   */
  covered: Map<string, Covered>;
  /** The registrant's or the employer contact's center. */
  center: CenterRow | null;
  /** Whether the consent text `consentText` was put to them already. */
  renewalAsked: boolean;
  /** The handover question pending for them (null: no handover recorded). */
  handover: { consent: HandoverConsent | null; requestId: number | null } | null;
  /** A registrant's unresolved escalations, by category. */
  unresolved: Map<string, UnresolvedEscalation>;
  /** Their center's staff who take alerts on LINE. */
  staff: AlertTarget[];
  /**
   * Their check-ins of the last weeks with answers, for the trend rules when a check-in ends: read
   * for someone in a check-in (null for anyone else).
   */
  checkins: TrendCheckin[] | null;
}

/** A registrant an employer contact may name, as a report about them needs them. */
export interface Covered {
  id: string;
  displayName: string;
  centerId: string;
  unresolved: Map<string, UnresolvedEscalation>;
}

export interface Inbound {
  /** Event keys the ledger already had. */
  claimed: Set<string>;
  people: Map<string, Person>;
  /**
   * Link codes tried (by LINE user, then code hash): whether the code works, whose it is, the
   * failures counted, and the person as they will be once linked (null when the code does not
   * work).
   */
  attempts: Map<string, Map<string, LinkAttempt>>;
}

export interface LinkAttempt {
  code: WorkingCode | null;
  failures: LinkFailures;
  linked: Person | null;
}

const pendingSchema = z.tuple([z.string(), z.string()]).nullable();
const unresolvedSchema = z.array(
  z.object({
    id: z.string(),
    category: z.string(),
    severity: z.string(),
    severityRank: z.number(),
    status: z.enum(escalationStatuses),
    ackDueAt: z.number(),
    alertedRank: z.number().nullable(),
  }),
);
const coveredSchema = z.array(
  z.object({
    id: z.string(),
    displayName: z.string(),
    centerId: z.string(),
    unresolved: unresolvedSchema,
  }),
);
const flag = z.union([z.boolean(), z.number()]).transform(Boolean);
const answerSchema = z.tuple([z.string(), z.number().nullable()]);
const checkinsSchema = z
  .array(
    z.object({
      id: z.string(),
      status: z.enum(checkinStatuses),
      weekKey: z.string(),
      sentAt: z.number(),
      answers: z.partialRecord(z.enum(questionKeys), answerSchema),
    }),
  )
  .transform((rows) =>
    rows.map((row): TrendCheckin => ({
      ...row,
      answers: Object.fromEntries(
        Object.entries(row.answers).map(([question, [value, score]]) => [
          question,
          { value, score },
        ]),
      ),
    })),
  );
const staffSchema = z.array(
  z.object({
    id: z.string(),
    displayName: z.string(),
    role: z.string(),
    lineUserId: z.string(),
    alertUrgent: flag,
    alertHigh: flag,
    alertDigest: flag,
    accountRole: z.enum(accountRoles),
  }),
);
const handoverSchema = z.tuple([z.enum(handoverConsents).nullable(), z.number().nullable()]);

/** The values a request's reads are run with (the queries hold placeholders for them). */
function valuesOf(request: InboundRequest) {
  return {
    keys: JSON.stringify(request.keys),
    people: JSON.stringify(request.lineUserIds),
    attempts: JSON.stringify(request.attempts),
    since: request.now - missedAfterMs,
    today: dateKey(request.now),
    now: request.now,
    consentText: request.consentText,
    trendWeeks: request.trendWeeks,
  };
}

export interface InboundRequest {
  keys: string[];
  lineUserIds: string[];
  /** Texts that may be link codes, by who sent them and the code's hash. */
  attempts: { lineUserId: string; hash: string }[];
  consentText: number;
  /** How many weeks of check-ins the trend rules read. */
  trendWeeks: number;
  now: number;
}

/** The reads, built once per database: building them costs more than running them. */
const built = new WeakMap<Db, ReturnType<typeof prepareReads>>();

function prepareReads(q: Queryable) {
  const now = sql.placeholder("now");
  return {
    claimed: claimedAmong(q, sql.placeholder("keys")).prepare(),
    people: peopleQuery(q, "as-is").prepare(),
    // only when texts may be link codes
    attempts: linkAttemptsQuery(q, sql.placeholder("attempts"), now).prepare(),
    linked: peopleQuery(q, "as-linked").prepare(),
  };
}

type Prepared = ReturnType<typeof prepareReads>;
type RowsOf<K extends keyof Prepared> = Awaited<ReturnType<Prepared[K]["all"]>>;

/**
 * Reads what a request's events need. On the database, in one batch (one round trip); on a
 * transaction (which has no batch), one after the other.
 */
export async function readInbound(q: Queryable, request: InboundRequest): Promise<Inbound> {
  const values = valuesOf(request);
  const tries = request.attempts.length > 0;
  let rows: { [K in keyof Prepared]: RowsOf<K> };
  if (isDb(q)) {
    let reads = built.get(q);
    if (!reads) {
      reads = prepareReads(q);
      built.set(q, reads);
    }
    const run = [reads.claimed, reads.people, ...(tries ? [reads.attempts, reads.linked] : [])];
    const results = await q.$client.batch(
      run.map((prepared) => {
        const query = prepared.getQuery();
        return { sql: query.sql, args: fillPlaceholders(query.params, values) as InArgs };
      }),
      "read",
    );
    const mapped = <K extends keyof Prepared>(key: K, i: number): RowsOf<K> =>
      (results[i] ? reads[key].mapResult(results[i], true) : []) as RowsOf<K>;
    rows = {
      claimed: mapped("claimed", 0),
      people: mapped("people", 1),
      attempts: mapped("attempts", 2),
      linked: mapped("linked", 3),
    };
  } else {
    const reads = prepareReads(q);
    rows = {
      claimed: await reads.claimed.all(values),
      people: await reads.people.all(values),
      attempts: tries ? await reads.attempts.all(values) : [],
      linked: tries ? await reads.linked.all(values) : [],
    };
  }
  const people = new Map(rows.people.map((row) => [row.lineUserId, personOf(row)]));
  const linked = new Map(rows.linked.map((row) => [`${row.lineUserId} ${row.hash}`, row]));
  const attempts = new Map<string, Map<string, LinkAttempt>>();
  for (const row of rows.attempts) {
    const as = linked.get(`${row.lineUserId} ${row.hash}`);
    let mine = attempts.get(row.lineUserId);
    if (!mine) {
      mine = new Map();
      attempts.set(row.lineUserId, mine);
    }
    mine.set(row.hash, { ...attemptOf(row), linked: as ? personOf(as) : null });
  }
  return { claimed: new Set(rows.claimed.map((row) => row.key)), people, attempts };
}

/** A person as read: their rows, and what the JSON columns hold, checked. */
function personOf(row: RowsOf<"people">[number]): Person {
  const following = row.account?.following ?? true;
  const account =
    row.linkedAs !== null && row.linkedId !== null
      ? { role: row.linkedAs, personId: row.linkedId, following }
      : row.account && { ...row.account, following };
  const covered = coveredSchema.parse(JSON.parse(row.covered ?? "[]"));
  const handover = row.handover === null ? null : handoverSchema.parse(JSON.parse(row.handover));
  const pending = pendingSchema.parse(row.pending === null ? null : JSON.parse(row.pending));
  return {
    account,
    conversation: row.conversation && {
      flow: row.conversation.flow,
      state: row.conversation.state,
      version: row.conversation.version,
    },
    pendingCheckin: pending && { checkinId: pending[0], weekKey: pending[1] },
    registrant: row.registrant,
    employer: row.contact && {
      contactId: row.contact.id,
      employerId: row.contact.employerId,
      centerId: row.contact.centerId,
      registrants: covered.map(({ id, displayName }) => ({ id, displayName })),
    },
    covered: new Map(
      covered.map(({ unresolved, ...rest }) => [
        rest.id,
        { ...rest, unresolved: unresolvedByCategory(unresolved) },
      ]),
    ),
    center: row.center,
    renewalAsked: row.renewalAsked === 1,
    handover: handover && { consent: handover[0], requestId: handover[1] },
    unresolved: unresolvedByCategory(unresolvedSchema.parse(JSON.parse(row.unresolved))),
    staff: staffSchema.parse(JSON.parse(row.staff)),
    checkins: row.checkins === null ? null : checkinsSchema.parse(JSON.parse(row.checkins)),
  };
}

function unresolvedByCategory(rows: z.infer<typeof unresolvedSchema>) {
  return new Map(rows.map(({ category, ...rest }) => [category, rest]));
}

function isDb(q: Queryable): q is Db {
  return "batch" in q;
}

/** A person nobody has heard from yet. */
export function newPerson(): Person {
  return {
    account: null,
    conversation: null,
    pendingCheckin: null,
    registrant: null,
    employer: null,
    covered: new Map(),
    center: null,
    renewalAsked: false,
    handover: null,
    unresolved: new Map(),
    staff: [],
    checkins: null,
  };
}

/** A registrant's unresolved escalations, as a JSON array. */
function unresolvedJson(registrantId: SQLWrapper) {
  return sql<string>`(select json_group_array(json_object('id', ${escalations.id},
      'category', ${escalations.category}, 'severity', ${escalations.severity},
      'severityRank', ${escalations.severityRank}, 'status', ${escalations.status},
      'ackDueAt', ${escalations.ackDueAt}, 'alertedRank', ${escalations.alertedRank}))
    from ${escalations} where ${escalations.registrantId} = ${registrantId}
      and ${escalations.status} in ('open', 'acknowledged'))`;
}

/**
 * The people who wrote, as they are ("as-is", from `people`: a JSON array of LINE user ids), or
 * as they will be once a link code they sent links them ("as-linked", from `attempts`: only the
 * codes that work, each giving the code's person in place of the account's).
 */
function peopleQuery(q: Queryable, mode: "as-is" | "as-linked") {
  const now = sql.placeholder("now");
  const linking = mode === "as-linked";
  const person = linking
    ? sql<string>`json_extract(person.value, '$.lineUserId')`
    : sql<string>`person.value`;
  const code = (column: SQLWrapper) =>
    sql`(select ${column} from ${linkCodes}
      where ${workingCode(sql`json_extract(person.value, '$.hash')`, now)})`;
  // whose rows are read: the code's person when linking, else the account's
  const role = linking ? code(linkCodes.subjectType) : sql`${lineAccounts.role}`;
  const personId = linking ? code(linkCodes.subjectId) : sql`${lineAccounts.personId}`;
  // the scheduled check-in sent and not begun, as the person's conversation begins with it
  const pending = q
    .select({ found: sql`json_array(${checkins.id}, ${checkins.weekKey})` })
    .from(checkins)
    .where(pendingCheckinSince(sql`${registrants.id}`, person, sql.placeholder("since")))
    .orderBy(desc(checkins.sentAt))
    .limit(1);
  const lastAsked = q
    .select({ id: handoverEvents.id })
    .from(handoverEvents)
    .where(
      and(
        eq(handoverEvents.registrantId, registrants.id),
        eq(handoverEvents.kind, "consent_asked"),
      ),
    )
    .orderBy(desc(handoverEvents.at), desc(handoverEvents.id))
    .limit(1);
  // as recentWeeksForTrends reads them: the check-ins of the last weeks, each with its answers
  const sentBy = sql`${checkins.registrantId} = ${registrants.id} and ${checkins.sentAt} <= ${now}`;
  const recent = sql`(select json_group_array(json_object('id', ${checkins.id},
      'status', ${checkins.status}, 'weekKey', ${checkins.weekKey}, 'sentAt', ${checkins.sentAt},
      'answers', json((select json_group_object(${answers.question},
          json_array(${answers.value}, ${answers.score}))
        from ${answers} where ${answers.checkinId} = ${checkins.id}))))
    from ${checkins} where ${sentBy} and ${checkins.weekKey} in (
      select ${checkins.weekKey} from ${checkins} where ${sentBy}
      group by ${checkins.weekKey} order by max(${checkins.sentAt}) desc
      limit ${sql.placeholder("trendWeeks")}))`;
  return q
    .select({
      lineUserId: person,
      hash: linking ? sql<string>`json_extract(person.value, '$.hash')` : sql<string>`null`,
      linkedAs: sql<LinkSubject | null>`${linking ? role : sql`null`}`,
      linkedId: sql<string | null>`${linking ? personId : sql`null`}`,
      account: {
        role: lineAccounts.role,
        personId: lineAccounts.personId,
        following: lineAccounts.following,
      },
      conversation: {
        flow: conversations.flow,
        state: conversations.state,
        version: conversations.version,
      },
      registrant: registrants,
      contact: {
        id: employerContacts.id,
        employerId: employerContacts.employerId,
        centerId: employerContacts.centerId,
      },
      // whom the contact may name: the one definition, over the contact's employer
      covered: sql<string | null>`case when ${employerContacts.id} is not null then
        (select json_group_array(json_object('id', covered.id, 'displayName', covered.display_name,
            'centerId', covered.center_id, 'unresolved', json(${unresolvedJson(sql`covered.id`)})))
          from (${coverageQuery(q, employerContacts.employerId, sql.placeholder("today"))}) as covered)
        end`,
      center: centers,
      pending: sql<string | null>`(${pending})`,
      renewalAsked: sql<number>`exists (select 1 from ${consents}
        where ${consents.registrantId} = ${registrants.id}
          and ${consents.textVersion} = ${sql.placeholder("consentText")})`,
      handover: sql<string | null>`(select json_array(${handovers.consent}, (${lastAsked}))
        from ${handovers} where ${handovers.registrantId} = ${registrants.id})`,
      unresolved: unresolvedJson(registrants.id),
      // as linkedStaff reads them (a second line_accounts, named apart from the person's)
      staff: sql<string>`(select json_group_array(json_object('id', ${staff.id},
          'displayName', ${staff.displayName}, 'role', ${staff.role},
          'lineUserId', ${staff.lineUserId}, 'alertUrgent', ${staff.alertUrgent},
          'alertHigh', ${staff.alertHigh}, 'alertDigest', ${staff.alertDigest},
          'accountRole', staff_account.role))
        from ${staff} join ${lineAccounts} as staff_account
          on staff_account.line_user_id = ${staff.lineUserId}
        where ${staff.centerId} = coalesce(${registrants.centerId}, ${employerContacts.centerId})
          and ${staff.deactivatedAt} is null
          and staff_account.following = 1)`,
      checkins: sql<string | null>`case when ${conversations.flow} = 'checkin'
        or (${pending}) is not null then ${recent} end`,
    })
    .from(sql`json_each(${sql.placeholder(linking ? "attempts" : "people")}) as person`)
    .leftJoin(lineAccounts, eq(lineAccounts.lineUserId, person))
    .leftJoin(conversations, eq(conversations.lineUserId, person))
    .leftJoin(registrants, and(eq(role, "registrant"), eq(registrants.id, personId)))
    .leftJoin(
      employerContacts,
      and(
        eq(role, "employer_contact"),
        eq(employerContacts.id, personId),
        // a contact staff unlinked is no longer one (until a code links them again)
        linking ? undefined : isNotNull(employerContacts.lineUserId),
      ),
    )
    .leftJoin(
      centers,
      eq(centers.id, sql`coalesce(${registrants.centerId}, ${employerContacts.centerId})`),
    )
    .where(linking ? isNotNull(role) : undefined);
}
