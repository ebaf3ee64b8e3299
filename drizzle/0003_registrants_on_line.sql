CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registrant_id` text NOT NULL,
	`text_version` integer NOT NULL,
	`decision` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_registrant_idx` ON `consents` (`registrant_id`,`at`);--> statement-breakpoint
CREATE TABLE `link_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`line_user_id` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `link_failures_user_idx` ON `link_failures` (`line_user_id`,`at`);--> statement-breakpoint
CREATE TABLE `push_usage` (
	`month` text PRIMARY KEY NOT NULL,
	`messages` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`registrant_id` text NOT NULL,
	`category` text NOT NULL,
	`severity` text NOT NULL,
	`source` text NOT NULL,
	`evidence` text NOT NULL,
	`created_at` integer NOT NULL,
	`escalation_id` text,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signals_pending_idx` ON `signals` (`created_at`) WHERE escalation_id is null;--> statement-breakpoint
CREATE INDEX `signals_registrant_idx` ON `signals` (`registrant_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `checkins` ADD `origin` text DEFAULT 'scheduled' NOT NULL;--> statement-breakpoint
ALTER TABLE `checkins` ADD `week_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `checkins` ADD `reminded_at` integer;--> statement-breakpoint
CREATE INDEX `checkins_open_idx` ON `checkins` (`sent_at`) WHERE status in ('sent', 'in_progress');--> statement-breakpoint
ALTER TABLE `registrants` ADD `checkin_weekday` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrants` ADD `checkin_minute` integer DEFAULT 1080 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrants` ADD `next_checkin_at` integer;--> statement-breakpoint
CREATE INDEX `registrants_due_idx` ON `registrants` (`next_checkin_at`) WHERE next_checkin_at is not null;