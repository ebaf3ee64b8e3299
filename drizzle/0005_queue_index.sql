DROP INDEX `escalations_queue_idx`;--> statement-breakpoint
CREATE INDEX `escalations_queue_idx` ON `escalations` (`center_id`,`status`,`severity_rank`,`ack_due_at`,`opened_at`);