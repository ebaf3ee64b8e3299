DROP INDEX `support_contacts_center_idx`;--> statement-breakpoint
CREATE INDEX `support_contacts_center_idx` ON `support_contacts` (`center_id`,`at`,`registrant_id`,`kind`);