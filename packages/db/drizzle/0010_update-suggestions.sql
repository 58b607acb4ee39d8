-- Suggested updates ("Föreslå ändring / Suggest an update"): proposed values
-- for a published member or cluster, from anyone, confirmed by e-mail, then
-- applied (version-checked, through the record's own write service) or
-- rejected by an editor of the member's clusters (members) or an administrator
-- (clusters). No public read depends on this table, so it has no data scope and
-- no triggers: a submission never makes the directory or any page recompute.
-- No foreign key for the target: it is a member or a cluster by `target_type`,
-- and a suggestion about a record deleted since stays readable (and refusable).
CREATE TABLE `update_suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_type` text NOT NULL CHECK (`target_type` IN ('member', 'cluster')),
	`target_id` integer NOT NULL,
	-- The record's version the proposal was made against (to tell "changed since").
	`target_version` integer NOT NULL,
	-- Only the fields the sender changed, as the domain schema left them.
	`proposed` text NOT NULL CHECK (json_valid(`proposed`)),
	`sender_name` text NOT NULL,
	`sender_email` text NOT NULL,
	`language` text NOT NULL CHECK (`language` IN ('sv', 'en')),
	`comment` text NOT NULL DEFAULT '',
	`consent_at` text NOT NULL,
	`status` text NOT NULL DEFAULT 'unconfirmed'
		CHECK (`status` IN ('unconfirmed', 'new', 'applied', 'rejected')),
	`confirmed_at` text,
	`handled_by` text,
	`handled_at` text,
	`reject_reason` text,
	-- The fields an apply wrote (a subset of `proposed`), as a JSON array of names.
	`applied_fields` text CHECK (`applied_fields` IS NULL OR json_valid(`applied_fields`)),
	`created_at` text NOT NULL,
	`version` integer NOT NULL DEFAULT 1
);
--> statement-breakpoint
CREATE INDEX `update_suggestions_target_idx` ON `update_suggestions` (`target_type`, `target_id`, `status`);
--> statement-breakpoint
CREATE INDEX `update_suggestions_status_idx` ON `update_suggestions` (`status`, `id`);
--> statement-breakpoint
CREATE INDEX `update_suggestions_email_idx` ON `update_suggestions` (lower(`sender_email`));
--> statement-breakpoint
CREATE INDEX `update_suggestions_handled_idx` ON `update_suggestions` (`handled_at`) WHERE `handled_at` IS NOT NULL;
--> statement-breakpoint
-- Where a change came from, when not only from its author: "suggestion #12 by Eva" —
-- an apply is attributed to the proposal it took its values from.
ALTER TABLE `audit_log` ADD COLUMN `note` text;
