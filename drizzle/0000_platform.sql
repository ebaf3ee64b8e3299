CREATE TABLE `centers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`line_user_id` text PRIMARY KEY NOT NULL,
	`flow` text NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `line_accounts` (
	`line_user_id` text PRIMARY KEY NOT NULL,
	`role` text DEFAULT 'guest' NOT NULL,
	`person_id` text,
	`following` integer DEFAULT true NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`unfollowed_at` integer
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_event_id` text NOT NULL,
	`line_user_id` text NOT NULL,
	`message_type` text NOT NULL,
	`text` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`webhook_event_id`) REFERENCES `processed_events`(`webhook_event_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_user_idx` ON `messages` (`line_user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`retry_key` text NOT NULL,
	`kind` text NOT NULL,
	`recipients` text NOT NULL,
	`reply_token` text,
	`reply_expires_at` integer,
	`messages` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`source_event_id` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_retry_key_unique` ON `outbox` (`retry_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`next_attempt_at`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `outbox_source_event_idx` ON `outbox` (`source_event_id`);--> statement-breakpoint
CREATE TABLE `processed_events` (
	`webhook_event_id` text PRIMARY KEY NOT NULL,
	`event_type` text NOT NULL,
	`line_user_id` text,
	`outcome` text NOT NULL,
	`reason` text,
	`redelivered` integer DEFAULT false NOT NULL,
	`event_timestamp` integer NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `processed_events_user_idx` ON `processed_events` (`line_user_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_email_unique` ON `staff` (`email`);--> statement-breakpoint
CREATE INDEX `staff_center_idx` ON `staff` (`center_id`);