-- Public forms (join requests now, update suggestions next) and join requests.
-- None of these tables has change-tracking triggers on purpose: no public page
-- reads them, so a visitor's submission moves no data scope (members,
-- clusters, areas …) and no stored answer or directory index recomputes.
--
-- The key that signs the public forms' tokens (services/public-forms). One row,
-- made here from SQLite's own random source, so every process serving this file
-- signs and checks with the same key and no setting has to carry it.
CREATE TABLE `public_form_keys` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`secret` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `public_form_keys` (`id`, `secret`) VALUES (1, lower(hex(randomblob(32))));
--> statement-breakpoint
-- Submissions per client address (IPv6 by its /64) in the current window; Unix milliseconds.
CREATE TABLE `public_form_limits` (
	`address` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`submissions` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `public_form_limits_window_start` ON `public_form_limits` (`window_start`);
--> statement-breakpoint
-- E-mail confirmations: only the SHA-256 of the token is kept, so the table alone
-- cannot confirm anything. Single use (used_at), and useless after expires_at.
CREATE TABLE `email_confirmations` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL CHECK (`kind` IN ('join', 'suggestion')),
	`subject_id` integer NOT NULL,
	`email` text NOT NULL,
	`language` text NOT NULL CHECK (`language` IN ('sv', 'en')),
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `email_confirmations_subject` ON `email_confirmations` (`kind`, `subject_id`);
--> statement-breakpoint
CREATE INDEX `email_confirmations_email` ON `email_confirmations` (`email`);
--> statement-breakpoint
-- A request from an organisation to join a cluster. Personal data: contact_name,
-- email, message (and what the organisation wrote about itself); erased by the
-- retention job some months after handled_at (services/join-requests/personal-data.ts).
CREATE TABLE `join_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cluster_id` integer NOT NULL REFERENCES `clusters`(`id`) ON DELETE CASCADE,
	`organisation_name` text NOT NULL,
	`organisation_number` text CHECK (`organisation_number` IS NULL OR `organisation_number` GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
	`municipality_code` text REFERENCES `municipalities`(`code`),
	`website` text,
	`area_ids` text DEFAULT '[]' NOT NULL,
	`contact_name` text NOT NULL,
	`email` text NOT NULL,
	`message` text DEFAULT '' NOT NULL CHECK (length(`message`) <= 5000),
	`language` text NOT NULL CHECK (`language` IN ('sv', 'en')),
	`consent_at` text NOT NULL,
	`status` text DEFAULT 'unconfirmed' NOT NULL CHECK (`status` IN ('unconfirmed', 'new', 'read', 'accepted', 'declined')),
	`assigned_to` text REFERENCES `users`(`id`) ON DELETE SET NULL,
	`confirmed_at` text,
	`handled_at` text,
	`handled_by` text REFERENCES `users`(`id`) ON DELETE SET NULL,
	`decline_reason` text,
	`member_id` integer REFERENCES `members`(`id`) ON DELETE SET NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `join_requests_cluster_status` ON `join_requests` (`cluster_id`, `status`, `id`);
--> statement-breakpoint
CREATE INDEX `join_requests_status` ON `join_requests` (`status`, `id`);
--> statement-breakpoint
CREATE INDEX `join_requests_email` ON `join_requests` (`email`);
--> statement-breakpoint
CREATE INDEX `join_requests_handled_at` ON `join_requests` (`handled_at`);
