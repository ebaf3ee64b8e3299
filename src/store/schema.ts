// The drizzle schema: every table the app reads or writes. Times are integer ms since epoch (UTC).
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** A support center: the tenancy boundary for staff, registrants and employers. */
export const centers = sqliteTable("centers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const staffRoles = ["caseworker", "supervisor"] as const;
export type StaffRole = (typeof staffRoles)[number];

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
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // login looks staff up by email, across centers
    uniqueIndex("staff_email_unique").on(t.email),
    index("staff_center_idx").on(t.centerId),
  ],
);

export const accountRoles = ["guest", "registrant", "employer_contact", "staff"] as const;
export type AccountRole = (typeof accountRoles)[number];

/** Every LINE user the bot has heard from, and what we know them as. */
export const lineAccounts = sqliteTable("line_accounts", {
  lineUserId: text("line_user_id").primaryKey(),
  role: text("role", { enum: accountRoles }).notNull().default("guest"),
  /** The registrant, employer contact or staff id once linked; null for a guest. */
  personId: text("person_id"),
  following: integer("following", { mode: "boolean" }).notNull().default(true),
  firstSeenAt: integer("first_seen_at").notNull(),
  lastSeenAt: integer("last_seen_at").notNull(),
  unfollowedAt: integer("unfollowed_at"),
});

/** One row per LINE user with a conversation in progress; state is versioned JSON. */
export const conversations = sqliteTable("conversations", {
  lineUserId: text("line_user_id").primaryKey(),
  flow: text("flow").notNull(),
  state: text("state", { mode: "json" }).$type<unknown>().notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const eventOutcomes = ["handled", "ignored"] as const;
export type EventOutcome = (typeof eventOutcomes)[number];

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

/** What people sent the bot. Text is personal data: it is stored, never logged. */
export const messages = sqliteTable(
  "messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    webhookEventId: text("webhook_event_id")
      .notNull()
      .references(() => processedEvents.webhookEventId),
    lineUserId: text("line_user_id").notNull(),
    messageType: text("message_type").notNull(),
    text: text("text"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // one person's messages in order (evidence, history)
    index("messages_user_idx").on(t.lineUserId, t.createdAt),
  ],
);

export const outboxKinds = ["reply", "push", "multicast"] as const;
export type OutboxKind = (typeof outboxKinds)[number];
export const outboxStatuses = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

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
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [
    uniqueIndex("outbox_retry_key_unique").on(t.retryKey),
    // the delivery sweep: pending rows whose time has come, oldest first
    index("outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    // replies queued for one event, sent right after its commit
    index("outbox_source_event_idx").on(t.sourceEventId),
  ],
);
