CREATE TABLE `audit_people` (
	`audit_id` integer NOT NULL,
	`registrant_id` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_people_unique` ON `audit_people` (`audit_id`,`registrant_id`);--> statement-breakpoint
CREATE INDEX `audit_people_registrant_idx` ON `audit_people` (`registrant_id`,`audit_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_event_id` text,
	`line_user_id` text NOT NULL,
	`direction` text DEFAULT 'in' NOT NULL,
	`message_type` text NOT NULL,
	`text` text,
	`registrant_id` text,
	`staff_id` text,
	`ref_id` text,
	`client_key` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_messages`("id", "webhook_event_id", "line_user_id", "direction", "message_type", "text", "registrant_id", "staff_id", "ref_id", "client_key", "created_at") SELECT "id", "webhook_event_id", "line_user_id", "direction", "message_type", "text", "registrant_id", "staff_id", "ref_id", "client_key", "created_at" FROM `messages`;--> statement-breakpoint
DROP TABLE `messages`;--> statement-breakpoint
ALTER TABLE `__new_messages` RENAME TO `messages`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `messages_user_idx` ON `messages` (`line_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_registrant_idx` ON `messages` (`registrant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_client_key_unique` ON `messages` (`client_key`);--> statement-breakpoint
CREATE INDEX `messages_text_age_idx` ON `messages` (`created_at`) WHERE text is not null;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `client` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `session_tag` text;--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`center_id`,`actor_staff_id`,`id`);--> statement-breakpoint
ALTER TABLE `centers` ADD `retention_days` integer DEFAULT 1095 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `about` text;--> statement-breakpoint
ALTER TABLE `registrants` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `registrants` ADD `ended_reason` text;--> statement-breakpoint
CREATE INDEX `answers_message_age_idx` ON `answers` (`answered_at`) WHERE question = 'message' and value <> '';--> statement-breakpoint
INSERT INTO `audit_people` (`audit_id`, `registrant_id`) SELECT `id`, `subject_id` FROM `audit_log` WHERE `subject_type` = 'registrant' AND `subject_id` IS NOT NULL AND `action` NOT LIKE 'access.%';--> statement-breakpoint
INSERT INTO `audit_people` (`audit_id`, `registrant_id`) SELECT `a`.`id`, `e`.`registrant_id` FROM `audit_log` `a` JOIN `escalations` `e` ON `e`.`id` = `a`.`subject_id` WHERE `a`.`subject_type` = 'escalation';