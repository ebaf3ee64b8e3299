CREATE TABLE `employer_pulses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` text NOT NULL,
	`registrant_id` text NOT NULL,
	`month` text NOT NULL,
	`sent_at` integer NOT NULL,
	`answer` text,
	`answered_at` integer,
	FOREIGN KEY (`contact_id`) REFERENCES `employer_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employer_pulses_unique` ON `employer_pulses` (`contact_id`,`registrant_id`,`month`);--> statement-breakpoint
CREATE TABLE `employer_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`employer_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`registrant_id` text NOT NULL,
	`kind` text NOT NULL,
	`urgency` text NOT NULL,
	`words` text,
	`via` text NOT NULL,
	`escalation_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`acknowledged_notice_at` integer,
	`resolved_notice_at` integer,
	FOREIGN KEY (`employer_id`) REFERENCES `employers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `employer_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `employer_reports_employer_idx` ON `employer_reports` (`employer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `employer_reports_escalation_idx` ON `employer_reports` (`escalation_id`);--> statement-breakpoint
CREATE INDEX `employer_reports_registrant_idx` ON `employer_reports` (`registrant_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `employers` ADD `pulse_enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `employers` ADD `pulse_day` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrants` ADD `consent_version` integer;--> statement-breakpoint
-- consents given before this migration answered text version 1, which did not name the employer link
UPDATE `registrants` SET `consent_version` = 1 WHERE `consented_at` IS NOT NULL;
