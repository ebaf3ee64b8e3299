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
	`created_at` integer NOT NULL,
	FOREIGN KEY (`webhook_event_id`) REFERENCES `processed_events`(`webhook_event_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_messages`("id", "webhook_event_id", "line_user_id", "direction", "message_type", "text", "registrant_id", "created_at") SELECT "id", "webhook_event_id", "line_user_id", 'in', "message_type", "text", (SELECT r."id" FROM `registrants` r WHERE r."line_user_id" = `messages`."line_user_id"), "created_at" FROM `messages`;--> statement-breakpoint
DROP TABLE `messages`;--> statement-breakpoint
ALTER TABLE `__new_messages` RENAME TO `messages`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `messages_user_idx` ON `messages` (`line_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_registrant_idx` ON `messages` (`registrant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_client_key_unique` ON `messages` (`client_key`);--> statement-breakpoint
ALTER TABLE `centers` ADD `weekly_hours` text;--> statement-breakpoint
ALTER TABLE `centers` ADD `closed_days` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `centers` ADD `reply_templates` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `centers` ADD `notify_acknowledged` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `registrants` ADD `unread_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrants` ADD `unread_since` integer;--> statement-breakpoint
ALTER TABLE `registrants` ADD `caseworker_id` text;--> statement-breakpoint
ALTER TABLE `registrants` ADD `kana` text;--> statement-breakpoint
ALTER TABLE `registrants` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `registrants` ADD `email` text;--> statement-breakpoint
ALTER TABLE `registrants` ADD `emergency_contact` text;--> statement-breakpoint
ALTER TABLE `registrants` ADD `clinic` text;--> statement-breakpoint
ALTER TABLE `registrants` ADD `notes` text;--> statement-breakpoint
CREATE INDEX `registrants_unread_idx` ON `registrants` (`center_id`,`unread_since`) WHERE unread_since is not null;--> statement-breakpoint
ALTER TABLE `staff` ADD `deactivated_at` integer;