CREATE TABLE `duty_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`program` text NOT NULL,
	`effective_from` text NOT NULL,
	`kinds` text NOT NULL,
	`min_per_month` integer NOT NULL,
	`strength` text NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duty_rules_version_unique` ON `duty_rules` (`program`,`key`,`effective_from`);--> statement-breakpoint
INSERT INTO `duty_rules` (`key`, `program`, `effective_from`, `kinds`, `min_per_month`, `strength`, `source`) VALUES ('face_to_face', 'retention', '2018-04', '["face_to_face"]', 1, 'duty', '就労定着支援: 利用者との対面による支援を月1回以上（報酬告示・留意事項通知 障発第1031001号; CASE-RULES.md）');--> statement-breakpoint
INSERT INTO `duty_rules` (`key`, `program`, `effective_from`, `kinds`, `min_per_month`, `strength`, `source`) VALUES ('company', 'retention', '2018-04', '["company_visit","company_contact"]', 1, 'effort', '就労定着支援: 企業への訪問・連絡を月1回以上行うよう努める（努力義務; CASE-RULES.md）');
