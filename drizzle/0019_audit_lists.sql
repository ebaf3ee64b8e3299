DROP INDEX `checkins_registrant_idx`;--> statement-breakpoint
CREATE INDEX `checkins_registrant_idx` ON `checkins` (`registrant_id`,`sent_at`,`status`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `people_key` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `people_from` integer;--> statement-breakpoint
CREATE INDEX `audit_log_people_from_idx` ON `audit_log` (`people_from`) WHERE people_from is not null;--> statement-breakpoint
CREATE INDEX `report_shares_registrant_idx` ON `report_shares` (`registrant_id`,`month`);