-- Sign-in limits (packages/api services/sign-in-limits.ts). Kept in the
-- database, not in process memory, so a limit holds across restarts and is
-- shared by every worker process serving the same file. Times are Unix
-- milliseconds. No foreign keys on purpose: accounts are keyed by the
-- normalised e-mail that was tried, whether or not such an account exists, so
-- the limits cannot be used to find out which addresses have accounts.
-- Attempts per client address (IPv6 by its /64) in the current window.
CREATE TABLE `sign_in_address_limits` (
	`address` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`attempts` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
-- Failed attempts per account since its last successful sign-in, and until when it is held back.
CREATE TABLE `sign_in_account_limits` (
	`account` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` integer NOT NULL,
	`blocked_until` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
-- Addresses an account signed in from successfully: they are not held back by failures from elsewhere.
CREATE TABLE `sign_in_known_addresses` (
	`account` text NOT NULL,
	`address` text NOT NULL,
	`last_success_at` integer NOT NULL,
	PRIMARY KEY(`account`, `address`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Old rows are pruned by time; these keep that a range delete, not a scan, however many rows an attack left.
CREATE INDEX `sign_in_address_limits_window_start` ON `sign_in_address_limits` (`window_start`);
--> statement-breakpoint
CREATE INDEX `sign_in_account_limits_last_failure` ON `sign_in_account_limits` (`last_failure_at`);
--> statement-breakpoint
CREATE INDEX `sign_in_known_addresses_last_success` ON `sign_in_known_addresses` (`last_success_at`);
