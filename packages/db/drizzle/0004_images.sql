-- Uploaded images: the images table, and on clusters, members and
-- articles a reference to one with its alt text. Written by hand as ADD COLUMN
-- (like 0003): drizzle-kit generated rebuilds of all three tables, whose DROP
-- TABLE would drop the member search triggers (0001/0002) and, with foreign
-- keys on, cascade-delete memberships, area links and tags. Each CHECK sits on
-- its new column here and is a table CHECK of the same name in the snapshot;
-- SQLite checks both alike.
CREATE TABLE `images` (
	`hash` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`widths` text NOT NULL,
	`uploaded_by` text,
	`created_at` text NOT NULL,
	CONSTRAINT "images_hash_format" CHECK(length("images"."hash") = 64 and "images"."hash" not glob '*[^0-9a-f]*'),
	CONSTRAINT "images_type_valid" CHECK("images"."type" in ('image/png','image/jpeg','image/webp')),
	CONSTRAINT "images_size_positive" CHECK("images"."width" > 0 and "images"."height" > 0 and "images"."bytes" > 0)
);
--> statement-breakpoint
ALTER TABLE `clusters` ADD `logo_alt_sv` text;--> statement-breakpoint
ALTER TABLE `clusters` ADD `logo_alt_en` text;--> statement-breakpoint
ALTER TABLE `clusters` ADD `logo_image` text REFERENCES `images`(`hash`) ON UPDATE no action ON DELETE restrict CONSTRAINT "clusters_logo_has_alt" CHECK("logo_image" is null or length(trim(coalesce("logo_alt_sv", ''))) > 0);--> statement-breakpoint
ALTER TABLE `members` ADD `logo_alt_sv` text;--> statement-breakpoint
ALTER TABLE `members` ADD `logo_alt_en` text;--> statement-breakpoint
ALTER TABLE `members` ADD `logo_image` text REFERENCES `images`(`hash`) ON UPDATE no action ON DELETE restrict CONSTRAINT "members_logo_has_alt" CHECK("logo_image" is null or length(trim(coalesce("logo_alt_sv", ''))) > 0);--> statement-breakpoint
ALTER TABLE `articles` ADD `cover_image` text REFERENCES `images`(`hash`) ON UPDATE no action ON DELETE restrict CONSTRAINT "articles_cover_image_has_alt" CHECK("cover_image" is null or length(trim(coalesce("cover_alt_sv", ''))) > 0) CONSTRAINT "articles_cover_one_source" CHECK("cover_src" is null or "cover_image" is null);
