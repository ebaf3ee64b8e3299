CREATE TABLE `audit_people` (
	`audit_id` integer NOT NULL,
	`registrant_id` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_people_unique` ON `audit_people` (`audit_id`,`registrant_id`);--> statement-breakpoint
CREATE INDEX `audit_people_registrant_idx` ON `audit_people` (`registrant_id`,`audit_id`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `client` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `session_tag` text;--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`center_id`,`actor_staff_id`,`id`);--> statement-breakpoint
ALTER TABLE `centers` ADD `retention_days` integer DEFAULT 1095 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrants` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `registrants` ADD `ended_reason` text;--> statement-breakpoint
CREATE INDEX `messages_text_age_idx` ON `messages` (`created_at`) WHERE text is not null;--> statement-breakpoint
CREATE INDEX `messages_webhook_event_idx` ON `messages` (`webhook_event_id`) WHERE webhook_event_id is not null;--> statement-breakpoint
CREATE INDEX `processed_events_received_idx` ON `processed_events` (`received_at`);--> statement-breakpoint
INSERT INTO `audit_people` (`audit_id`, `registrant_id`) SELECT `id`, `subject_id` FROM `audit_log` WHERE `subject_type` = 'registrant' AND `subject_id` IS NOT NULL AND `action` NOT LIKE 'access.%';--> statement-breakpoint
INSERT INTO `audit_people` (`audit_id`, `registrant_id`) SELECT `a`.`id`, `e`.`registrant_id` FROM `audit_log` `a` JOIN `escalations` `e` ON `e`.`id` = `a`.`subject_id` WHERE `a`.`subject_type` = 'escalation';