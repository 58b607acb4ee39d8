CREATE TABLE `areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_sv` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`summary_sv` text DEFAULT '' NOT NULL,
	`summary_en` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "areas_name_sv_not_empty" CHECK(length(trim("areas"."name_sv")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_slug_unique` ON `areas` (`slug`);--> statement-breakpoint
CREATE INDEX `areas_sort_order_idx` ON `areas` (`sort_order`);--> statement-breakpoint
CREATE TABLE `article_tags` (
	`article_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`article_id`, `tag`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_tags_tag_idx` ON `article_tags` (`tag`,`article_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title_sv` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`summary_sv` text DEFAULT '' NOT NULL,
	`summary_en` text DEFAULT '' NOT NULL,
	`body_sv` text DEFAULT '' NOT NULL,
	`body_en` text DEFAULT '' NOT NULL,
	`cover_src` text,
	`cover_alt_sv` text,
	`cover_alt_en` text,
	`author` text DEFAULT '' NOT NULL,
	`cluster_id` integer,
	`published_at` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "articles_status_valid" CHECK("articles"."status" in ('draft','published','archived')),
	CONSTRAINT "articles_cover_has_alt" CHECK("articles"."cover_src" is null or length(trim(coalesce("articles"."cover_alt_sv", ''))) > 0),
	CONSTRAINT "articles_title_not_empty" CHECK(length(trim("articles"."title_sv")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
CREATE INDEX `articles_status_published_idx` ON `articles` (`status`,`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_cluster_idx` ON `articles` (`cluster_id`,`status`,`published_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`user_email` text,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_log` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accounts_user_idx` ON `accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL,
	`token` text NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_unique` ON `sessions` (`token`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`role` text DEFAULT 'editor' NOT NULL,
	`cluster_id` integer,
	`disabled` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "users_role_valid" CHECK("users"."role" in ('admin','editor')),
	CONSTRAINT "users_role_cluster" CHECK(("users"."role" = 'editor' and "users"."cluster_id" is not null) or ("users"."role" = 'admin' and "users"."cluster_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verifications_identifier_idx` ON `verifications` (`identifier`);--> statement-breakpoint
CREATE TABLE `cluster_areas` (
	`cluster_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	PRIMARY KEY(`cluster_id`, `area_id`),
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cluster_areas_area_idx` ON `cluster_areas` (`area_id`);--> statement-breakpoint
CREATE TABLE `clusters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`sort_key` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`description_sv` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`website` text,
	`email` text,
	`city` text DEFAULT '' NOT NULL,
	`municipality_code` text,
	`founded_year` integer,
	`logo_url` text,
	`confidence` text DEFAULT 'high' NOT NULL,
	`source_note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "clusters_status_valid" CHECK("clusters"."status" in ('draft','published','archived')),
	CONSTRAINT "clusters_confidence_valid" CHECK("clusters"."confidence" in ('high','medium','guess')),
	CONSTRAINT "clusters_name_not_empty" CHECK(length(trim("clusters"."name")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clusters_slug_unique` ON `clusters` (`slug`);--> statement-breakpoint
CREATE INDEX `clusters_status_sort_idx` ON `clusters` (`status`,`sort_key`);--> statement-breakpoint
CREATE TABLE `member_areas` (
	`member_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	PRIMARY KEY(`member_id`, `area_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_areas_area_idx` ON `member_areas` (`area_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`sort_key` text NOT NULL,
	`organisation_number` text,
	`kind` text NOT NULL,
	`size_band` text,
	`municipality_code` text,
	`website` text,
	`description_sv` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "members_status_valid" CHECK("members"."status" in ('draft','published','archived')),
	CONSTRAINT "members_kind_valid" CHECK("members"."kind" in ('company','startup','academia','public-sector','non-profit','investor','other')),
	CONSTRAINT "members_size_valid" CHECK("members"."size_band" is null or "members"."size_band" in ('1-9','10-49','50-249','250+')),
	CONSTRAINT "members_orgnr_format" CHECK("members"."organisation_number" is null or "members"."organisation_number" glob '[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
	CONSTRAINT "members_name_not_empty" CHECK(length(trim("members"."name")) > 1),
	CONSTRAINT "members_slug_format" CHECK("members"."slug" <> '' and "members"."slug" not glob '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_slug_unique` ON `members` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_organisation_number_unique` ON `members` (`organisation_number`);--> statement-breakpoint
CREATE INDEX `members_status_sort_idx` ON `members` (`status`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `members_status_created_idx` ON `members` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `members_status_municipality_idx` ON `members` (`status`,`municipality_code`,`sort_key`);--> statement-breakpoint
CREATE INDEX `members_status_kind_idx` ON `members` (`status`,`kind`,`sort_key`);--> statement-breakpoint
CREATE INDEX `members_status_size_idx` ON `members` (`status`,`size_band`,`sort_key`);--> statement-breakpoint
CREATE INDEX `members_updated_idx` ON `members` (`updated_at`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`member_id` integer NOT NULL,
	`cluster_id` integer NOT NULL,
	`since` text,
	`note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`member_id`, `cluster_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "memberships_since_format" CHECK("memberships"."since" is null or "memberships"."since" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE INDEX `memberships_cluster_idx` ON `memberships` (`cluster_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `municipalities_name_unique` ON `municipalities` (`name`);