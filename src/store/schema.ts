// The drizzle schema: every table the app reads or writes. Times are integer ms since epoch (UTC).
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  staffRoles,
  accountRoles,
  eventOutcomes,
  messageDirections,
  outboxKinds,
  outboxStatuses,
  outboxPurposes,
  registrantStatuses,
  endReasons,
  linkSubjects,
  checkinStatuses,
  checkinOrigins,
  escalationStatuses,
  escalationEventKinds,
  questionKeys,
  consentDecisions,
  staffAlertKinds,
  employerReportKinds,
  employerReportUrgencies,
  pulseAnswers,
  contactKinds,
  supportPrograms,
  reportStatuses,
  reportAudiences,
  shareChannels,
  handoverEventKinds,
  handoverConsents,
  type ContactKind,
  type ReportSectionKey,
  type ContactParty,
} from "../vocabulary/kinds";

/** A support center: the tenancy boundary for staff, registrants and employers. */
export const centers = sqliteTable("centers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** Opening hours in minutes after midnight, Japan time, on the open weekdays (0 Sunday …). */
  opensAt: integer("opens_at")
    .notNull()
    .default(9 * 60),
  closesAt: integer("closes_at")
    .notNull()
    .default(17 * 60 + 30),
  openWeekdays: text("open_weekdays", { mode: "json" })
    .$type<number[]>()
    .notNull()
    .default(sql`'[1,2,3,4,5]'`),
  yearEndClosure: integer("year_end_closure", { mode: "boolean" }).notNull().default(true),
  /** Business hours before acknowledgement by severity: {"high":2,"normal":8.5,"low":25.5}. */
  ackBusinessHours: text("ack_business_hours", { mode: "json" })
    .$type<{ high: number; normal: number; low: number }>()
    .notNull()
    .default(sql`'{"high":2,"normal":8.5,"low":25.5}'`),
  /** The center's own phone, offered in crisis replies during opening hours. */
  phone: text("phone"),
  /**
   * Hours per weekday ("0" Sunday … "6"), [opens, closes] in minutes, null when closed; when set it
   * overrides opensAt/closesAt/openWeekdays (which keep the most common day for older readers).
   */
  weeklyHours: text("weekly_hours", { mode: "json" }).$type<WeeklyHours>(),
  /** Extra closed days, Tokyo dates "2026-08-13". */
  closedDays: text("closed_days", { mode: "json" })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  /** Short answers staff pick from when replying on LINE. */
  replyTemplates: text("reply_templates", { mode: "json" })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  /** Whether a person is told when staff acknowledge what their own words raised. */
  notifyAcknowledged: integer("notify_acknowledged", { mode: "boolean" }).notNull().default(true),
  /**
   * Days a person's message text (and the words quoted as evidence on resolved escalations) is
   * kept, and how long a person's data is kept after their support ended.
   */
  retentionDays: integer("retention_days").notNull().default(1095),
  /** Active registrants one worker may carry: 就労定着支援員 40 : 1 (CASE-RULES.md). */
  caseloadLimit: integer("caseload_limit").notNull().default(40),
  /**
   * The written policy on passing on what the next agency needs (引き継ぎ, 2024 Q&A 問59) and the
   * person responsible for it.
   */
  handoverPolicy: text("handover_policy").notNull().default(""),
  handoverResponsible: text("handover_responsible").notNull().default(""),
  createdAt: integer("created_at").notNull(),
});

export type WeeklyHours = Record<string, [number, number] | null>;

export const staff = sqliteTable(
  "staff",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: staffRoles }).notNull(),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`: parameters travel with the hash. */
    passwordHash: text("password_hash").notNull(),
    /** The staff member's own LINE account, for alerts (linked with a code from their profile). */
    lineUserId: text("line_user_id"),
    lineLinkedAt: integer("line_linked_at"),
    /** Alert settings: urgent at once (any time), high during opening hours, a daily digest. */
    alertUrgent: integer("alert_urgent", { mode: "boolean" }).notNull().default(true),
    alertHigh: integer("alert_high", { mode: "boolean" }).notNull().default(true),
    alertDigest: integer("alert_digest", { mode: "boolean" }).notNull().default(true),
    /** Set when a supervisor deactivated the account: no login, no alerts, history kept. */
    deactivatedAt: integer("deactivated_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // login looks staff up by email, across centers
    uniqueIndex("staff_email_unique").on(t.email),
    index("staff_center_idx").on(t.centerId),
    // who is this LINE user? (one LINE account links to one staff member)
    uniqueIndex("staff_line_user_unique").on(t.lineUserId),
  ],
);

/** Every LINE user the bot has heard from, and what we know them as. */
export const lineAccounts = sqliteTable(
  "line_accounts",
  {
    lineUserId: text("line_user_id").primaryKey(),
    role: text("role", { enum: accountRoles }).notNull().default("guest"),
    /** The registrant, employer contact or staff id once linked; null for a guest. */
    personId: text("person_id"),
    following: integer("following", { mode: "boolean" }).notNull().default(true),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    unfollowedAt: integer("unfollowed_at"),
  },
  (t) => [
    // the employer allow-list: which of a multicast's 500 recipients are employer contacts,
    // answered from the index alone
    index("line_accounts_role_idx").on(t.role, t.lineUserId),
  ],
);

/** One row per LINE user with a conversation in progress; state is versioned JSON. */
export const conversations = sqliteTable("conversations", {
  lineUserId: text("line_user_id").primaryKey(),
  flow: text("flow").notNull(),
  state: text("state", { mode: "json" }).$type<unknown>().notNull(),
  updatedAt: integer("updated_at").notNull(),
  /** Goes up with every save: a webhook that read an older version does not overwrite this one. */
  version: integer("version").notNull().default(0),
});

/**
 * Never holds a row: a batch inserts into it to abort itself when a row it read has changed
 * since (see writeGuard), and the check refuses the insert, which rolls the batch back.
 */
export const writeConflicts = sqliteTable(
  "write_conflicts",
  { what: text("what").notNull() },
  (t) => [check("write_conflict", sql`${t.what} is null`)],
);

/** The exactly-once ledger: a webhook event takes effect only with its row here. */
export const processedEvents = sqliteTable(
  "processed_events",
  {
    webhookEventId: text("webhook_event_id").primaryKey(),
    eventType: text("event_type").notNull(),
    lineUserId: text("line_user_id"),
    outcome: text("outcome", { enum: eventOutcomes }).notNull(),
    /** Why an event was ignored (standby, group, unknown type, invalid source); null when handled. */
    reason: text("reason"),
    redelivered: integer("redelivered", { mode: "boolean" }).notNull().default(false),
    eventTimestamp: integer("event_timestamp").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [
    // a person's recent events, newest first (staff timeline, debugging a conversation)
    index("processed_events_user_idx").on(t.lineUserId, t.receivedAt),
  ],
);

/**
 * A person's conversation: what they sent (from a webhook event), what the bot and staff sent
 * them, and cards for their check-ins. Text is personal data: it is stored, never logged.
 */
export const messages = sqliteTable(
  "messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The event an inbound message came in; null for outbound messages and cards. */
    /**
     * The event an inbound message came in. Not a foreign key: event ids are forgotten after a
     * week (retention) while messages stay for years, and a key would make every such delete
     * look through the messages.
     */
    webhookEventId: text("webhook_event_id"),
    lineUserId: text("line_user_id").notNull(),
    direction: text("direction", { enum: messageDirections }).notNull().default("in"),
    /** in: LINE's message type (text, sticker, image…) or `checkin`; out: `bot` or `staff`. */
    messageType: text("message_type").notNull(),
    text: text("text"),
    /** Whose conversation it belongs to (null for guests and employer contacts). */
    registrantId: text("registrant_id"),
    /** The staff member who wrote an outbound `staff` message. */
    staffId: text("staff_id"),
    /** What a card shows (the check-in id). */
    refId: text("ref_id"),
    /** The reply form's idempotency key: a double submit finds the first message. */
    clientKey: text("client_key"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // one person's messages in order (evidence, history)
    index("messages_user_idx").on(t.lineUserId, t.createdAt),
    // a registrant's conversation, paged by id
    index("messages_registrant_idx").on(t.registrantId, t.id),
    uniqueIndex("messages_client_key_unique").on(t.clientKey),
    // the retention job: text past its center's period (rows leave the index once pruned)
    index("messages_text_age_idx")
      .on(t.createdAt)
      .where(sql`text is not null`),
  ],
);

/**
 * Every outbound message, written in the same transaction as its cause, kept until LINE
 * accepted it. `retryKey` goes out as X-Line-Retry-Key so a resend after a crash never doubles.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    retryKey: text("retry_key").notNull(),
    kind: text("kind", { enum: outboxKinds }).notNull(),
    /** Recipient LINE user ids (one for reply and push, up to 500 for multicast). */
    recipients: text("recipients", { mode: "json" }).$type<string[]>().notNull(),
    replyToken: text("reply_token"),
    /** After this a reply token is dead and the message falls back to a push. */
    replyExpiresAt: integer("reply_expires_at"),
    messages: text("messages", { mode: "json" }).$type<unknown[]>().notNull(),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    /** Set while a sender holds the row, so two senders never send it at once. */
    leaseUntil: integer("lease_until"),
    lastError: text("last_error"),
    sourceEventId: text("source_event_id"),
    /** What it is, for the staff who must act when it cannot be sent. */
    purpose: text("purpose", { enum: outboxPurposes }).notNull().default("message"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
    /** A failed message a supervisor has dealt with (called the person, sent again…). */
    handledAt: integer("handled_at"),
    handledBy: text("handled_by"),
    /** The registrants the messages name (alerts, digests, pulses, notices): erasure drops them. */
    about: text("about", { mode: "json" }).$type<string[]>(),
    /** A `richmenu` row: the role whose menu the recipient is to see (guest: LINE's default). */
    menuRole: text("menu_role", { enum: accountRoles }),
  },
  (t) => [
    uniqueIndex("outbox_retry_key_unique").on(t.retryKey),
    // the delivery sweep: pending rows whose time has come, oldest first
    index("outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    // replies queued for one event, sent right after its commit
    index("outbox_source_event_idx").on(t.sourceEventId),
    // what could not be sent, newest first (the supervisors' page)
    index("outbox_failed_idx")
      .on(t.createdAt)
      .where(sql`status = 'failed'`),
  ],
);

/** A staff login. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    /** Absolute end, whatever the activity. */
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [
    // logging a staff member out everywhere (password change)
    index("sessions_staff_idx").on(t.staffId),
  ],
);

/** Failed logins per email (existing or not), for throttling without revealing which exist. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    /** The client address the attempt came from ("unknown" when the platform does not say). */
    client: text("client"),
    at: integer("at").notNull(),
  },
  (t) => [
    // counting one email's failures in the window
    index("login_failures_email_idx").on(t.email, t.at),
    // one client's failures, and everyone's (the ceiling on hash checks; pruning)
    index("login_failures_client_idx").on(t.client, t.at),
    index("login_failures_at_idx").on(t.at),
  ],
);

export const registrants = sqliteTable(
  "registrants",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    displayName: text("display_name").notNull(),
    /** Set when the person sent their link code from LINE. */
    lineUserId: text("line_user_id"),
    linkedAt: integer("linked_at"),
    /** Consent to the check-ins (APPI): set when given, cleared when withdrawn. */
    consentedAt: integer("consented_at"),
    /** The consent text version given; from version 2 it covers the employer link. */
    consentVersion: integer("consent_version"),
    status: text("status", { enum: registrantStatuses }).notNull().default("active"),
    /** Who paused the check-ins: a pause staff set is lifted only by staff. */
    pausedBy: text("paused_by", { enum: ["staff", "person"] }),
    /** When support ended (status `ended`) and why; the data is kept for the retention period. */
    endedAt: integer("ended_at"),
    endedReason: text("ended_reason", { enum: endReasons }),
    /** Preferred check-in day (0 Sunday … 6 Saturday, Japan time) and minute of that day. */
    checkinWeekday: integer("checkin_weekday").notNull().default(5),
    checkinMinute: integer("checkin_minute")
      .notNull()
      .default(18 * 60),
    /** When the scheduler sends the next weekly check-in; null while none is due (not linked…). */
    nextCheckinAt: integer("next_checkin_at"),
    /** Messages for a person no escalation absorbed, since staff last read or answered. */
    unreadCount: integer("unread_count").notNull().default(0),
    unreadSince: integer("unread_since"),
    /** The primary case worker. */
    caseworkerId: text("caseworker_id"),
    /** The profile staff keep: reading aid, how to reach them and whom to call. */
    kana: text("kana"),
    phone: text("phone"),
    email: text("email"),
    emergencyContact: text("emergency_contact", { mode: "json" }).$type<EmergencyContact>(),
    clinic: text("clinic"),
    notes: text("notes"),
    /** The support period: the program, the hiring date, its start and end (Tokyo dates). */
    program: text("program", { enum: supportPrograms }),
    hiredOn: text("hired_on"),
    supportStartsOn: text("support_starts_on"),
    supportEndsOn: text("support_ends_on"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // a center's registrant list, by name
    index("registrants_center_idx").on(t.centerId, t.displayName),
    // the scheduler: whose weekly check-in is due
    index("registrants_due_idx")
      .on(t.nextCheckinAt)
      .where(sql`next_checkin_at is not null`),
    // who is this LINE user? (one LINE account links to one person)
    uniqueIndex("registrants_line_user_unique").on(t.lineUserId),
    // the inbox: a center's people with unread messages, oldest first
    index("registrants_unread_idx")
      .on(t.centerId, t.unreadSince)
      .where(sql`unread_since is not null`),
  ],
);

export interface EmergencyContact {
  name: string;
  relation: string;
  phone: string;
}

export const employers = sqliteTable(
  "employers",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    name: text("name").notNull(),
    /** The monthly pulse: on or off, and the day of the month it goes out (the next open day). */
    pulseEnabled: integer("pulse_enabled", { mode: "boolean" }).notNull().default(true),
    pulseDay: integer("pulse_day").notNull().default(1),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // a center's employers
    index("employers_center_idx").on(t.centerId),
  ],
);

export const employerContacts = sqliteTable(
  "employer_contacts",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    employerId: text("employer_id")
      .notNull()
      .references(() => employers.id),
    displayName: text("display_name").notNull(),
    lineUserId: text("line_user_id"),
    linkedAt: integer("linked_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // an employer's contacts
    index("employer_contacts_employer_idx").on(t.employerId),
    uniqueIndex("employer_contacts_line_user_unique").on(t.lineUserId),
  ],
);

/** Who works where: the link an employer contact's reports and the registrant's consent cover. */
export const employments = sqliteTable(
  "employments",
  {
    registrantId: text("registrant_id")
      .notNull()
      .references(() => registrants.id),
    employerId: text("employer_id")
      .notNull()
      .references(() => employers.id),
    /** The last day of the job (Tokyo date, "2026-12-31"); after it the employer hears nothing. */
    endedOn: text("ended_on"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("employments_pair_unique").on(t.registrantId, t.employerId),
    // an employer's registrants (employer reports)
    index("employments_employer_idx").on(t.employerId),
  ],
);

/** One-time link codes. Only a hash is stored; the code is shown once to staff. */
export const linkCodes = sqliteTable(
  "link_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    subjectType: text("subject_type", { enum: linkSubjects }).notNull(),
    subjectId: text("subject_id").notNull(),
    createdBy: text("created_by"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [
    // a new code for a person retires their older ones
    index("link_codes_subject_idx").on(t.subjectType, t.subjectId),
  ],
);

export const checkins = sqliteTable(
  "checkins",
  {
    id: text("id").primaryKey(),
    registrantId: text("registrant_id")
      .notNull()
      .references(() => registrants.id),
    status: text("status", { enum: checkinStatuses }).notNull(),
    origin: text("origin", { enum: checkinOrigins }).notNull().default("scheduled"),
    /** The Japan-time ISO week it belongs to ("2026-W47"), also carried in its buttons. */
    weekKey: text("week_key").notNull().default(""),
    sentAt: integer("sent_at").notNull(),
    remindedAt: integer("reminded_at"),
    completedAt: integer("completed_at"),
  },
  (t) => [
    // a registrant's latest check-in, and their history newest first; with the status, a month's
    // count by status (the statistics) is read from the index alone
    index("checkins_registrant_idx").on(t.registrantId, t.sentAt, t.status),
    // the reminder and missed sweeps: unfinished check-ins by age
    index("checkins_open_idx")
      .on(t.sentAt)
      .where(sql`status in ('sent', 'in_progress')`),
  ],
);

export const escalations = sqliteTable(
  "escalations",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    registrantId: text("registrant_id")
      .notNull()
      .references(() => registrants.id),
    category: text("category").notNull(),
    severity: text("severity").notNull(),
    /** 0 urgent … 3 low: the queue sorts on this, so it is a number. */
    severityRank: integer("severity_rank").notNull(),
    status: text("status", { enum: escalationStatuses }).notNull().default("open"),
    source: text("source").notNull(),
    summary: text("summary").notNull(),
    openedAt: integer("opened_at").notNull(),
    ackDueAt: integer("ack_due_at").notNull(),
    acknowledgedAt: integer("acknowledged_at"),
    acknowledgedBy: text("acknowledged_by"),
    assignedTo: text("assigned_to"),
    resolvedAt: integer("resolved_at"),
    resolvedBy: text("resolved_by"),
    /** 0 with the case workers; each missed deadline raises it (1: the supervisors). */
    level: integer("level").notNull().default(0),
    /** When an unacknowledged escalation is raised to the next level; null once acknowledged. */
    reescalateAt: integer("reescalate_at"),
    /** The severity rank staff were last alerted at on LINE (null: not yet). */
    alertedRank: integer("alerted_rank"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    // the re-escalation sweep: open escalations past their deadline
    index("escalations_reescalate_idx")
      .on(t.reescalateAt)
      .where(sql`status = 'open'`),
    // the alert sweep: open urgent and high escalations staff have not been alerted to yet
    index("escalations_alert_idx")
      .on(t.severityRank)
      .where(sql`status = 'open' and severity_rank <= 1`),
    // the queue: a center's unresolved escalations, most urgent first, then by deadline
    // (opened_at last: the subquery in listQueue then sorts and limits on the index alone)
    index("escalations_queue_idx").on(t.centerId, t.status, t.severityRank, t.ackDueAt, t.openedAt),
    // a registrant's escalations (detail page; dedup per registrant and category)
    index("escalations_registrant_idx").on(t.registrantId, t.category, t.status),
    // one unresolved escalation per person and category, even when two requests open one at once
    uniqueIndex("escalations_unresolved_unique")
      .on(t.registrantId, t.category)
      .where(sql`status in ('open', 'acknowledged')`),
  ],
);

/** The timeline of an escalation; `signal` rows carry the evidence shown to staff. */
export const escalationEvents = sqliteTable(
  "escalation_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    escalationId: text("escalation_id")
      .notNull()
      .references(() => escalations.id),
    kind: text("kind", { enum: escalationEventKinds }).notNull(),
    at: integer("at").notNull(),
    actorStaffId: text("actor_staff_id"),
    /** Note text, the evidence quoted, the assignee: by kind. */
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    // one escalation's timeline in order
    index("escalation_events_escalation_idx").on(t.escalationId, t.at),
  ],
);

/** Who saw or changed what (APPI: records of who looked at sensitive data). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id").notNull(),
    actorStaffId: text("actor_staff_id").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    at: integer("at").notNull(),
    /** The client address the request came from; null for the scheduler and the CLI. */
    client: text("client"),
    /** A hash of the session the request came in (never the cookie, never its stored hash). */
    sessionTag: text("session_tag"),
    /** A digest of the people a list read showed (sorted ids), to know the same list again. */
    peopleKey: text("people_key"),
    /**
     * The earlier entry of the same staff member whose people this read showed again (the same
     * list within a day): its audit_people rows name them, so they are not written twice.
     */
    peopleFrom: integer("people_from"),
  },
  (t) => [
    // a center's audit trail, newest first, paged by id
    index("audit_log_center_idx").on(t.centerId, t.id),
    // one staff member's entries (the audit page's actor filter; the same list read again)
    index("audit_log_actor_idx").on(t.centerId, t.actorStaffId, t.id),
    // the reads that showed the people of an earlier entry again (who saw this person)
    index("audit_log_people_from_idx")
      .on(t.peopleFrom)
      .where(sql`people_from is not null`),
  ],
);

/** Every registrant an audited read or change showed or touched: "who saw this person's data". */
export const auditPeople = sqliteTable(
  "audit_people",
  {
    auditId: integer("audit_id")
      .notNull()
      .references(() => auditLog.id),
    registrantId: text("registrant_id").notNull(),
  },
  (t) => [
    uniqueIndex("audit_people_unique").on(t.auditId, t.registrantId),
    // a person's readers, newest first (disclosure; the audit page's person filter)
    index("audit_people_registrant_idx").on(t.registrantId, t.auditId),
  ],
);

/** One answer per question per check-in; scales also keep their score for trends. */
export const answers = sqliteTable(
  "answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    checkinId: text("checkin_id")
      .notNull()
      .references(() => checkins.id),
    question: text("question", { enum: questionKeys }).notNull(),
    /** The answer's key ("3", "forgot_sometimes", a JSON list of worries) or the typed words. */
    value: text("value").notNull(),
    /** 1 (bad) … 4 (good) for the scale questions; null otherwise. */
    score: integer("score"),
    answeredAt: integer("answered_at").notNull(),
  },
  (t) => [
    // a check-in's answers; one per question (a changed answer replaces the old one)
    uniqueIndex("answers_checkin_question_unique").on(t.checkinId, t.question),
    // the retention job: typed words past their period (rows leave the index once emptied)
    index("answers_message_age_idx")
      .on(t.answeredAt)
      .where(sql`question = 'message' and value <> ''`),
  ],
);

/** Every consent decision with the version of the text it answered (APPI: keep the record). */
export const consents = sqliteTable(
  "consents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    registrantId: text("registrant_id")
      .notNull()
      .references(() => registrants.id),
    textVersion: integer("text_version").notNull(),
    decision: text("decision", { enum: consentDecisions }).notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    // a registrant's consent history
    index("consents_registrant_idx").on(t.registrantId, t.at),
  ],
);

/** Wrong link codes per LINE user, for refusing guesses (5 an hour). */
export const linkFailures = sqliteTable(
  "link_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lineUserId: text("line_user_id").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    // one user's recent failures
    index("link_failures_user_idx").on(t.lineUserId, t.at),
    // everyone's recent failures (the global limit)
    index("link_failures_at_idx").on(t.at),
  ],
);

/**
 * Something a human may need to look at, from a check-in, a message, an employer, silence or a
 * trend. The escalation engine turns signals into escalations and points them at it.
 */
export const signals = sqliteTable(
  "signals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    centerId: text("center_id").notNull(),
    registrantId: text("registrant_id")
      .notNull()
      .references(() => registrants.id),
    category: text("category").notNull(),
    severity: text("severity").notNull(),
    source: text("source").notNull(),
    evidence: text("evidence", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer("created_at").notNull(),
    escalationId: text("escalation_id"),
  },
  (t) => [
    // signals not yet turned into escalations
    index("signals_pending_idx")
      .on(t.createdAt)
      .where(sql`escalation_id is null`),
    // a registrant's signals (trends, evidence)
    index("signals_registrant_idx").on(t.registrantId, t.createdAt),
  ],
);

/** Paid messages sent per month (push and multicast recipients), against the budget. */
export const pushUsage = sqliteTable("push_usage", {
  month: text("month").primaryKey(),
  messages: integer("messages").notNull().default(0),
});

/**
 * What each staff member was alerted to on LINE. The key makes every alert happen once, however
 * many sweeps run at the same time ("<escalation>:<rank>", "overdue:<escalation>:<level>",
 * "digest:<date>", "period:<registrant>:<6m|3m>:<end date>": erasure finds a person's by it).
 */
export const staffAlerts = sqliteTable(
  "staff_alerts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id),
    escalationId: text("escalation_id"),
    kind: text("kind", { enum: staffAlertKinds }).notNull(),
    dedupKey: text("dedup_key").notNull(),
    /** Null for a digest day with nothing to tell. */
    outboxId: integer("outbox_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("staff_alerts_key_unique").on(t.staffId, t.dedupKey)],
);

/**
 * A concern an employer contact reported about a registrant. It became a signal (source employer);
 * the escalation it joined decides when the contact hears back, without any content.
 */
export const employerReports = sqliteTable(
  "employer_reports",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id").notNull(),
    employerId: text("employer_id")
      .notNull()
      .references(() => employers.id),
    contactId: text("contact_id")
      .notNull()
      .references(() => employerContacts.id),
    registrantId: text("registrant_id")
      .notNull()
      .references(() => registrants.id),
    kind: text("kind", { enum: employerReportKinds }).notNull(),
    urgency: text("urgency", { enum: employerReportUrgencies }).notNull(),
    /** The contact's own words, if any: shown to staff only. */
    words: text("words"),
    /** buttons, free text, or the monthly pulse */
    via: text("via").notNull(),
    escalationId: text("escalation_id").notNull(),
    createdAt: integer("created_at").notNull(),
    /** When the contact was told the center received it, and that it followed up. */
    acknowledgedNoticeAt: integer("acknowledged_notice_at"),
    resolvedNoticeAt: integer("resolved_notice_at"),
  },
  (t) => [
    // an employer's reports over time (staff employer page)
    index("employer_reports_employer_idx").on(t.employerId, t.createdAt),
    // the reports behind an escalation (feedback when staff act on it)
    index("employer_reports_escalation_idx").on(t.escalationId),
    // a registrant's timeline
    index("employer_reports_registrant_idx").on(t.registrantId, t.createdAt),
  ],
);

/** The monthly pulse: one question per (contact, registrant, month), and its answer. */
export const employerPulses = sqliteTable(
  "employer_pulses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contactId: text("contact_id")
      .notNull()
      .references(() => employerContacts.id),
    registrantId: text("registrant_id")
      .notNull()
      .references(() => registrants.id),
    /** Japan-time month, "2026-11". */
    month: text("month").notNull(),
    sentAt: integer("sent_at").notNull(),
    answer: text("answer", { enum: pulseAnswers }),
    answeredAt: integer("answered_at"),
  },
  (t) => [uniqueIndex("employer_pulses_unique").on(t.contactId, t.registrantId, t.month)],
);

/**
 * A contact or visit staff recorded (支援記録): what kind, with whom, when, how long, a short
 * note, and the escalation it answered, if any. The author may correct it in place for a day;
 * after that each change keeps the previous version in support_contact_versions.
 */
export const supportContacts = sqliteTable(
  "support_contacts",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    registrantId: text("registrant_id")
      .notNull()
      .references(() => registrants.id),
    kind: text("kind", { enum: contactKinds }).notNull(),
    parties: text("parties", { mode: "json" }).$type<ContactParty[]>().notNull(),
    at: integer("at").notNull(),
    minutes: integer("minutes").notNull(),
    note: text("note").notNull().default(""),
    escalationId: text("escalation_id").references(() => escalations.id),
    authorStaffId: text("author_staff_id").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    // one person's contacts by time, and a month's of a center (the monthly duties)
    index("support_contacts_registrant_idx").on(t.registrantId, t.at),
    // with the person and the kind, a month's counts are read from the index alone
    index("support_contacts_center_idx").on(t.centerId, t.at, t.registrantId, t.kind),
  ],
);

/** The earlier versions of a contact changed after its first day: who changed it, and when. */
export const supportContactVersions = sqliteTable(
  "support_contact_versions",
  {
    contactId: text("contact_id")
      .notNull()
      .references(() => supportContacts.id),
    version: integer("version").notNull(),
    kind: text("kind", { enum: contactKinds }).notNull(),
    parties: text("parties", { mode: "json" }).$type<ContactParty[]>().notNull(),
    at: integer("at").notNull(),
    minutes: integer("minutes").notNull(),
    note: text("note").notNull(),
    escalationId: text("escalation_id"),
    /** Who replaced this version, and when. */
    replacedBy: text("replaced_by").notNull(),
    replacedAt: integer("replaced_at").notNull(),
  },
  (t) => [uniqueIndex("support_contact_versions_unique").on(t.contactId, t.version)],
);

/**
 * The monthly duty rules, versioned: a rule change is a new row with the month it takes effect
 * from, and the source it was read in (../shared/CASE-RULES.md). `kinds` are the contact kinds
 * that count toward it; `strength` duty (missing it is overdue) or effort (a warning).
 */
export const dutyRules = sqliteTable(
  "duty_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    program: text("program", { enum: supportPrograms }).notNull(),
    /** The first month it applies to ("2024-04"). */
    effectiveFrom: text("effective_from").notNull(),
    kinds: text("kinds", { mode: "json" }).$type<ContactKind[]>().notNull(),
    minPerMonth: integer("min_per_month").notNull(),
    strength: text("strength", { enum: ["duty", "effort"] }).notNull(),
    source: text("source").notNull(),
  },
  (t) => [uniqueIndex("duty_rules_version_unique").on(t.program, t.key, t.effectiveFrom)],
);

/** A section of a stored report: the text staff wrote or kept, and whether the employer gets it. */
export interface StoredReportSection {
  key: ReportSectionKey;
  text: string;
  /** The records the text was drafted from (kept when staff edit it). */
  sources: { kind: string; id: string; label: string }[];
  /** A final version keeps the drafted sentences with their records, as they were. */
  sentences?: { text: string; sources: { kind: string; id: string; label: string }[] }[];
  forEmployer: boolean;
  /** Staff changed the drafted text: a rebuilt draft keeps theirs. */
  edited: boolean;
}

/** The short version in やさしい日本語 a person receives on LINE. */
export interface PersonSummary {
  wentWell: string;
  nextMonth: string;
}

/**
 * The monthly support report (支援レポート): one row per version. A draft keeps only what staff
 * changed (the rest is drafted again from the records on every read); a final version keeps every
 * section and is locked — a correction is a new version, the old one stays.
 */
export const supportReports = sqliteTable(
  "support_reports",
  {
    id: text("id").primaryKey(),
    centerId: text("center_id")
      .notNull()
      .references(() => centers.id),
    registrantId: text("registrant_id")
      .notNull()
      .references(() => registrants.id),
    /** The Japan-time month it reports on ("2026-11"). */
    month: text("month").notNull(),
    version: integer("version").notNull(),
    status: text("status", { enum: reportStatuses }).notNull().default("draft"),
    sections: text("sections", { mode: "json" }).$type<StoredReportSection[]>().notNull(),
    personSummary: text("person_summary", { mode: "json" }).$type<PersonSummary>(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: integer("updated_at").notNull(),
    finalizedBy: text("finalized_by"),
    finalizedAt: integer("finalized_at"),
  },
  (t) => [
    uniqueIndex("support_reports_version_unique").on(t.registrantId, t.month, t.version),
    // a center's reports of a month (the monthly duties, statistics)
    index("support_reports_center_idx").on(t.centerId, t.month),
  ],
);

/** Every time a report was shared: who shared which version, when, with whom, how. */
export const reportShares = sqliteTable(
  "report_shares",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: text("report_id")
      .notNull()
      .references(() => supportReports.id),
    centerId: text("center_id").notNull(),
    registrantId: text("registrant_id").notNull(),
    month: text("month").notNull(),
    audience: text("audience", { enum: reportAudiences }).notNull(),
    channel: text("channel", { enum: shareChannels }).notNull(),
    /** The employer it went to; "" for the person (a unique key cannot hold null). */
    employerId: text("employer_id").notNull().default(""),
    /** How many LINE accounts it was queued for (0 on paper). */
    recipients: integer("recipients").notNull().default(0),
    staffId: text("staff_id").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    // a version is shared once per audience, employer and channel: a double submit finds the first
    uniqueIndex("report_shares_unique").on(t.reportId, t.audience, t.employerId, t.channel),
    // a center's shares of a month (the monthly duties, statistics)
    index("report_shares_center_idx").on(t.centerId, t.month),
    // a person's shares of a month (the report page)
    index("report_shares_registrant_idx").on(t.registrantId, t.month),
  ],
);

/**
 * A person's handover (引き継ぎ) to the agency that supports them after the period: whether they
 * need it, the receiving agency, their consent and when the packet was given. The history is in
 * handover_events.
 */
export const handovers = sqliteTable("handovers", {
  registrantId: text("registrant_id")
    .primaryKey()
    .references(() => registrants.id),
  centerId: text("center_id")
    .notNull()
    .references(() => centers.id),
  needed: integer("needed", { mode: "boolean" }).notNull().default(true),
  agency: text("agency").notNull().default(""),
  consent: text("consent", { enum: handoverConsents }),
  consentChannel: text("consent_channel", { enum: shareChannels }),
  consentAt: integer("consent_at"),
  packetGivenAt: integer("packet_given_at"),
  packetGivenTo: text("packet_given_to"),
  updatedAt: integer("updated_at").notNull(),
});

/** The record of a handover: each step, when and by whom (the 2024 rule asks to keep it). */
export const handoverEvents = sqliteTable(
  "handover_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    registrantId: text("registrant_id")
      .notNull()
      .references(() => registrants.id),
    kind: text("kind", { enum: handoverEventKinds }).notNull(),
    /** The staff member, or null when the person answered on LINE. */
    staffId: text("staff_id"),
    at: integer("at").notNull(),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("handover_events_registrant_idx").on(t.registrantId, t.at)],
);

/**
 * The fee bands of 就労定着支援 by 定着率, versioned: a band from `minPercent` (inclusive) up to
 * the next band's, in units a month, from the fiscal year it took effect ("2024-04"), with its
 * source. Configuration, not code (CASE-RULES.md).
 */
export const feeBands = sqliteTable(
  "fee_bands",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    program: text("program", { enum: supportPrograms }).notNull(),
    effectiveFrom: text("effective_from").notNull(),
    minPercent: integer("min_percent").notNull(),
    units: integer("units").notNull(),
    source: text("source").notNull(),
  },
  (t) => [uniqueIndex("fee_bands_version_unique").on(t.program, t.effectiveFrom, t.minPercent)],
);

/**
 * The rich menu each role sees, as `npm run admin -- richmenu` last installed it on LINE: the
 * outbox links a person's menu by their role (the guest menu is the channel's default).
 */
export const richMenus = sqliteTable("rich_menus", {
  role: text("role", { enum: accountRoles }).primaryKey(),
  richMenuId: text("rich_menu_id").notNull(),
  installedAt: integer("installed_at").notNull(),
});
