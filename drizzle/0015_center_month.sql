CREATE TABLE `support_contact_versions` (
	`contact_id` text NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`parties` text NOT NULL,
	`at` integer NOT NULL,
	`minutes` integer NOT NULL,
	`note` text NOT NULL,
	`escalation_id` text,
	`replaced_by` text NOT NULL,
	`replaced_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `support_contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_contact_versions_unique` ON `support_contact_versions` (`contact_id`,`version`);--> statement-breakpoint
CREATE TABLE `support_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`registrant_id` text NOT NULL,
	`kind` text NOT NULL,
	`parties` text NOT NULL,
	`at` integer NOT NULL,
	`minutes` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`escalation_id` text,
	`author_staff_id` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`escalation_id`) REFERENCES `escalations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `support_contacts_registrant_idx` ON `support_contacts` (`registrant_id`,`at`);--> statement-breakpoint
CREATE INDEX `support_contacts_center_idx` ON `support_contacts` (`center_id`,`at`);--> statement-breakpoint
ALTER TABLE `registrants` ADD `program` text;--> statement-breakpoint
ALTER TABLE `registrants` ADD `hired_on` text;--> statement-breakpoint
ALTER TABLE `registrants` ADD `support_starts_on` text;--> statement-breakpoint
ALTER TABLE `registrants` ADD `support_ends_on` text;