ALTER TABLE `outbox` ADD `purpose` text DEFAULT 'message' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `handled_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `handled_by` text;--> statement-breakpoint
CREATE INDEX `outbox_failed_idx` ON `outbox` (`created_at`) WHERE status = 'failed';