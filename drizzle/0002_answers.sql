CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`checkin_id` text NOT NULL,
	`question` text NOT NULL,
	`value` text NOT NULL,
	`score` integer,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`checkin_id`) REFERENCES `checkins`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answers_checkin_question_unique` ON `answers` (`checkin_id`,`question`);