CREATE TABLE `rich_menus` (
	`role` text PRIMARY KEY NOT NULL,
	`rich_menu_id` text NOT NULL,
	`installed_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `menu_role` text;