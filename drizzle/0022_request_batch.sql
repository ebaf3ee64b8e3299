CREATE TABLE `write_conflicts` (
	`what` text NOT NULL,
	CONSTRAINT "write_conflict" CHECK("write_conflicts"."what" is null)
);
--> statement-breakpoint
ALTER TABLE `conversations` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `escalations_unresolved_unique` ON `escalations` (`registrant_id`,`category`) WHERE status in ('open', 'acknowledged');--> statement-breakpoint
CREATE INDEX `line_accounts_role_idx` ON `line_accounts` (`role`,`line_user_id`);