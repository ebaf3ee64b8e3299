CREATE TABLE `staff_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` text NOT NULL,
	`escalation_id` text,
	`kind` text NOT NULL,
	`dedup_key` text NOT NULL,
	`outbox_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_alerts_key_unique` ON `staff_alerts` (`staff_id`,`dedup_key`);--> statement-breakpoint
ALTER TABLE `escalations` ADD `reescalate_at` integer;--> statement-breakpoint
ALTER TABLE `escalations` ADD `alerted_rank` integer;--> statement-breakpoint
CREATE INDEX `escalations_reescalate_idx` ON `escalations` (`reescalate_at`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `escalations_alert_idx` ON `escalations` (`severity_rank`) WHERE status = 'open' and severity_rank <= 1;--> statement-breakpoint
ALTER TABLE `staff` ADD `line_user_id` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `line_linked_at` integer;--> statement-breakpoint
ALTER TABLE `staff` ADD `alert_urgent` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `alert_high` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `alert_digest` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `staff_line_user_unique` ON `staff` (`line_user_id`);--> statement-breakpoint
-- escalations opened before this migration: their re-escalation clock is their deadline, and they
-- predate LINE alerts (no staff account was linked), so they count as alerted
UPDATE `escalations` SET `reescalate_at` = `ack_due_at` WHERE `status` = 'open';--> statement-breakpoint
UPDATE `escalations` SET `alerted_rank` = `severity_rank`;
