CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`center_id` text NOT NULL,
	`actor_staff_id` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_center_idx` ON `audit_log` (`center_id`,`id`);--> statement-breakpoint
CREATE TABLE `checkins` (
	`id` text PRIMARY KEY NOT NULL,
	`registrant_id` text NOT NULL,
	`status` text NOT NULL,
	`sent_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `checkins_registrant_idx` ON `checkins` (`registrant_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `employer_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`employer_id` text NOT NULL,
	`display_name` text NOT NULL,
	`line_user_id` text,
	`linked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `employer_contacts_employer_idx` ON `employer_contacts` (`employer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `employer_contacts_line_user_unique` ON `employer_contacts` (`line_user_id`);--> statement-breakpoint
CREATE TABLE `employers` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `employers_center_idx` ON `employers` (`center_id`);--> statement-breakpoint
CREATE TABLE `employments` (
	`registrant_id` text NOT NULL,
	`employer_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employments_pair_unique` ON `employments` (`registrant_id`,`employer_id`);--> statement-breakpoint
CREATE INDEX `employments_employer_idx` ON `employments` (`employer_id`);--> statement-breakpoint
CREATE TABLE `escalation_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`escalation_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`actor_staff_id` text,
	`detail` text NOT NULL,
	FOREIGN KEY (`escalation_id`) REFERENCES `escalations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `escalation_events_escalation_idx` ON `escalation_events` (`escalation_id`,`at`);--> statement-breakpoint
CREATE TABLE `escalations` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`registrant_id` text NOT NULL,
	`category` text NOT NULL,
	`severity` text NOT NULL,
	`severity_rank` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`source` text NOT NULL,
	`summary` text NOT NULL,
	`opened_at` integer NOT NULL,
	`ack_due_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`assigned_to` text,
	`resolved_at` integer,
	`resolved_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `escalations_queue_idx` ON `escalations` (`center_id`,`status`,`severity_rank`,`ack_due_at`);--> statement-breakpoint
CREATE INDEX `escalations_registrant_idx` ON `escalations` (`registrant_id`,`category`,`status`);--> statement-breakpoint
CREATE TABLE `link_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `link_codes_subject_idx` ON `link_codes` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_email_idx` ON `login_failures` (`email`,`at`);--> statement-breakpoint
CREATE TABLE `registrants` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`display_name` text NOT NULL,
	`line_user_id` text,
	`linked_at` integer,
	`consented_at` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `registrants_center_idx` ON `registrants` (`center_id`,`display_name`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrants_line_user_unique` ON `registrants` (`line_user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_staff_idx` ON `sessions` (`staff_id`);