-- Mail (packages/api services/mail). Every mail the platform sends is a row
-- here first: without SMTP_URL it stays here (status 'outbox') for admins to
-- read in the admin's Outbox, so nothing is lost on a machine with no mail
-- server; with SMTP_URL it is sent and marked 'sent', or 'failed' with the
-- error and retried a few times by the scheduler. Times are Unix milliseconds.
-- No data scope: no public page reads these tables, so a mail never makes a
-- cached answer stale.
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer NOT NULL,
	`to` text NOT NULL,
	`language` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`sent_at` integer,
	CONSTRAINT "mail_outbox_language_valid" CHECK("mail_outbox"."language" in ('sv','en')),
	CONSTRAINT "mail_outbox_status_valid" CHECK("mail_outbox"."status" in ('outbox','queued','sent','failed'))
);
--> statement-breakpoint
-- The retry pass reads only mail not yet delivered; most rows are sent or kept.
CREATE INDEX `mail_outbox_undelivered` ON `mail_outbox` (`id`) WHERE `status` in ('queued','failed');
--> statement-breakpoint
-- Each person's choice: a mail per event, or one daily summary; and the language mail is written in.
ALTER TABLE `users` ADD `notification_mode` text DEFAULT 'each' NOT NULL CONSTRAINT "users_notification_mode_valid" CHECK(`notification_mode` in ('each','daily'));
--> statement-breakpoint
ALTER TABLE `users` ADD `mail_language` text DEFAULT 'sv' NOT NULL CONSTRAINT "users_mail_language_valid" CHECK(`mail_language` in ('sv','en'));
--> statement-breakpoint
-- Events waiting for a 'daily' person's summary; the digest job mails and deletes them.
CREATE TABLE `pending_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`cluster_id` integer,
	`kind` text NOT NULL,
	`summary_sv` text NOT NULL,
	`summary_en` text NOT NULL,
	`url` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_notifications_user` ON `pending_notifications` (`user_id`, `id`);
