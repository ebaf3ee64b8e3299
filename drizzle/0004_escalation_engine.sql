ALTER TABLE `centers` ADD `opens_at` integer DEFAULT 540 NOT NULL;--> statement-breakpoint
ALTER TABLE `centers` ADD `closes_at` integer DEFAULT 1050 NOT NULL;--> statement-breakpoint
ALTER TABLE `centers` ADD `open_weekdays` text DEFAULT '[1,2,3,4,5]' NOT NULL;--> statement-breakpoint
ALTER TABLE `centers` ADD `year_end_closure` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `centers` ADD `ack_business_hours` text DEFAULT '{"high":2,"normal":8.5,"low":25.5}' NOT NULL;--> statement-breakpoint
ALTER TABLE `centers` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `escalations` ADD `level` integer DEFAULT 0 NOT NULL;