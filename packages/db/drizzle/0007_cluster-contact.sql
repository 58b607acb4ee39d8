-- Public contact details and "become a member" for each cluster (domain
-- cluster-contact.ts). Every column is optional: '' (or NULL for the phone
-- and the link) means "not given", and the site says so rather than guessing.
-- Addresses are three columns each, not one text: the postcode is checked
-- (Swedish, stored "211 20") and schema.org wants the parts apart.
ALTER TABLE `clusters` ADD `phone` text;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `postal_street` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `postal_postcode` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `postal_city` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `visiting_street` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `visiting_postcode` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `visiting_city` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `membership_sv` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `membership_en` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `membership_url` text;
--> statement-breakpoint
-- Contact persons as a child table, not a JSON column: their e-mail
-- addresses are personal data, and exporting or erasing what is stored about
-- one address (issue 14, item 5) must find them by address, with an index,
-- rather than by parsing JSON in every cluster row. Each column keeps its own
-- check, and `position` keeps the order the cluster lists them in.
CREATE TABLE `cluster_contacts` (
	`cluster_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`email` text NOT NULL,
	`phone` text,
	PRIMARY KEY(`cluster_id`, `position`),
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cluster_contacts_name_not_empty" CHECK(length(trim("cluster_contacts"."name")) > 0),
	CONSTRAINT "cluster_contacts_position_valid" CHECK("cluster_contacts"."position" >= 0)
);
--> statement-breakpoint
CREATE INDEX `cluster_contacts_email_idx` ON `cluster_contacts` (`email`);
--> statement-breakpoint
-- The cluster pages show the persons: a change to them moves the clusters
-- scope (0005), like a change to the cluster row or its areas.
CREATE TRIGGER `cluster_contacts_scope_i` AFTER INSERT ON `cluster_contacts` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
CREATE TRIGGER `cluster_contacts_scope_u` AFTER UPDATE ON `cluster_contacts` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
CREATE TRIGGER `cluster_contacts_scope_d` AFTER DELETE ON `cluster_contacts` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
