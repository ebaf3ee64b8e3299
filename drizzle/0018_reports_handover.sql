CREATE TABLE `fee_bands` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program` text NOT NULL,
	`effective_from` text NOT NULL,
	`min_percent` integer NOT NULL,
	`units` integer NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fee_bands_version_unique` ON `fee_bands` (`program`,`effective_from`,`min_percent`);--> statement-breakpoint
CREATE TABLE `handover_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registrant_id` text NOT NULL,
	`kind` text NOT NULL,
	`staff_id` text,
	`at` integer NOT NULL,
	`detail` text NOT NULL,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handover_events_registrant_idx` ON `handover_events` (`registrant_id`,`at`);--> statement-breakpoint
CREATE TABLE `handovers` (
	`registrant_id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`needed` integer DEFAULT true NOT NULL,
	`agency` text DEFAULT '' NOT NULL,
	`consent` text,
	`consent_channel` text,
	`consent_at` integer,
	`packet_given_at` integer,
	`packet_given_to` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_shares` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` text NOT NULL,
	`center_id` text NOT NULL,
	`registrant_id` text NOT NULL,
	`month` text NOT NULL,
	`audience` text NOT NULL,
	`channel` text NOT NULL,
	`employer_id` text DEFAULT '' NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	`staff_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `support_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_shares_unique` ON `report_shares` (`report_id`,`audience`,`employer_id`,`channel`);--> statement-breakpoint
CREATE INDEX `report_shares_center_idx` ON `report_shares` (`center_id`,`month`);--> statement-breakpoint
CREATE TABLE `support_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`center_id` text NOT NULL,
	`registrant_id` text NOT NULL,
	`month` text NOT NULL,
	`version` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`sections` text NOT NULL,
	`person_summary` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	`finalized_by` text,
	`finalized_at` integer,
	FOREIGN KEY (`center_id`) REFERENCES `centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registrant_id`) REFERENCES `registrants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_reports_version_unique` ON `support_reports` (`registrant_id`,`month`,`version`);--> statement-breakpoint
CREATE INDEX `support_reports_center_idx` ON `support_reports` (`center_id`,`month`);--> statement-breakpoint
ALTER TABLE `centers` ADD `handover_policy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `centers` ADD `handover_responsible` text DEFAULT '' NOT NULL;--> statement-breakpoint
INSERT INTO `fee_bands` (`program`, `effective_from`, `min_percent`, `units`, `source`) VALUES ('retention', '2024-04', 95, 3512, '就労定着支援費の基本報酬（2024年度改定、就労定着率による区分）; CASE-RULES.md — 第三者の写しから読んだ値: 告示で確かめてください');--> statement-breakpoint
INSERT INTO `fee_bands` (`program`, `effective_from`, `min_percent`, `units`, `source`) VALUES ('retention', '2024-04', 90, 3348, '就労定着支援費の基本報酬（2024年度改定、就労定着率による区分）; CASE-RULES.md — 第三者の写しから読んだ値: 告示で確かめてください');--> statement-breakpoint
INSERT INTO `fee_bands` (`program`, `effective_from`, `min_percent`, `units`, `source`) VALUES ('retention', '2024-04', 80, 2768, '就労定着支援費の基本報酬（2024年度改定、就労定着率による区分）; CASE-RULES.md — 第三者の写しから読んだ値: 告示で確かめてください');--> statement-breakpoint
INSERT INTO `fee_bands` (`program`, `effective_from`, `min_percent`, `units`, `source`) VALUES ('retention', '2024-04', 70, 2234, '就労定着支援費の基本報酬（2024年度改定、就労定着率による区分）; CASE-RULES.md — 第三者の写しから読んだ値: 告示で確かめてください');--> statement-breakpoint
INSERT INTO `fee_bands` (`program`, `effective_from`, `min_percent`, `units`, `source`) VALUES ('retention', '2024-04', 50, 1690, '就労定着支援費の基本報酬（2024年度改定、就労定着率による区分）; CASE-RULES.md — 第三者の写しから読んだ値: 告示で確かめてください');--> statement-breakpoint
INSERT INTO `fee_bands` (`program`, `effective_from`, `min_percent`, `units`, `source`) VALUES ('retention', '2024-04', 30, 1433, '就労定着支援費の基本報酬（2024年度改定、就労定着率による区分）; CASE-RULES.md — 第三者の写しから読んだ値: 告示で確かめてください');--> statement-breakpoint
INSERT INTO `fee_bands` (`program`, `effective_from`, `min_percent`, `units`, `source`) VALUES ('retention', '2024-04', 0, 1074, '就労定着支援費の基本報酬（2024年度改定、就労定着率による区分）; CASE-RULES.md — 第三者の写しから読んだ値: 告示で確かめてください');--> statement-breakpoint
INSERT INTO `duty_rules` (`key`, `program`, `effective_from`, `kinds`, `min_per_month`, `strength`, `source`) VALUES ('report_shared', 'retention', '2018-04', '[]', 1, 'duty', '就労定着支援: 支援レポートを月1回以上本人と事業主に共有（留意事項通知; 共有がない月は基本報酬を算定できない; CASE-RULES.md）');