-- Source notes people can read (issue 16): the one English shorthand note
-- ("Public sources 2012 (H) …") becomes a note in Swedish and one in English,
-- and each cluster gets a list of its sources (title, year, optional link).
ALTER TABLE `clusters` ADD `source_note_sv` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `source_note_en` text DEFAULT '' NOT NULL;
--> statement-breakpoint
-- An admin's own note was written in English (the only field there was): it
-- is kept, as the English note, so nothing written by hand is lost.
UPDATE `clusters` SET `source_note_en` = `source_note`;
--> statement-breakpoint
-- The default data's notes, rewritten as sentences, where the old note is still
-- exactly the seeded one (an edited note stays as its admin wrote it).
UPDATE `clusters` SET `source_note_sv` = 'Medlemsantalet (cirka 150, 2016) kommer från offentliga källor. Att kontoret ligger i Malmö är troligt men inte belagt.', `source_note_en` = 'The member count (about 150, 2016) comes from public sources. That the office is in Malmö is likely but not confirmed.' WHERE `slug` = 'livsmedelsakademin' AND `source_note` = 'Public sources 2016 (H). About 150 members (2016). City Malmö has medium confidence (M).';
--> statement-breakpoint
UPDATE `clusters` SET `source_note_sv` = 'Medlemsantalet (fler än 400, 2015) kommer från offentliga källor. Besöksadressen Media Evolution City, Stora Varvsgatan 6A i Malmö är belagd; postnummer, telefonnummer och kontaktpersoner finns inte i källorna.', `source_note_en` = 'The member count (more than 400, 2015) comes from public sources. The visiting address, Media Evolution City, Stora Varvsgatan 6A in Malmö, is confirmed; postcode, phone number and contact persons are not in the sources.' WHERE `slug` = 'media-evolution' AND `source_note` = 'Public sources 2015 (H). More than 400 members (2015). Visiting address: Media Evolution City, Stora Varvsgatan 6A, Malmö (H); postcode, phone and contact persons are not in the sources.';
--> statement-breakpoint
UPDATE `clusters` SET `source_note_sv` = 'Medlemsantalet (cirka 130, 2023) kommer från offentliga källor. OpenTech startade som ett initiativ 2007 och blev en självständig medlemsorganisation 2009.', `source_note_en` = 'The member count (about 130, 2023) comes from public sources. OpenTech started as an initiative in 2007 and became an independent member organisation in 2009.' WHERE `slug` = 'opentech' AND `source_note` = 'Public sources 2023 (H). About 130 members (2023). Initiative 2007, organisation 2009.';
--> statement-breakpoint
UPDATE `clusters` SET `source_note_sv` = 'Medlemsantalet (122, 2012) kommer från offentliga källor. Att Packbridge finns i Malmö är en gissning och visas därför inte som fakta.', `source_note_en` = 'The member count (122, 2012) comes from public sources. That Packbridge is based in Malmö is a guess, so it is not shown as a fact.' WHERE `slug` = 'packbridge' AND `source_note` = 'Public sources 2012 (H). 122 members (2012). Location Malmö is a guess (G) and is not shown as a fact.';
--> statement-breakpoint
UPDATE `clusters` SET `source_note_sv` = 'Medlemsantalet (cirka 107, 2016) kommer från offentliga källor. Året då Sustainable Business Hub grundades är inte känt.', `source_note_en` = 'The member count (about 107, 2016) comes from public sources. The year Sustainable Business Hub was founded is not known.' WHERE `slug` = 'sustainable-business-hub' AND `source_note` = 'Public sources 2016 (H). About 107 members (2016). Founding year unknown.';
--> statement-breakpoint
UPDATE `clusters` SET `source_note_sv` = 'Att IUC Syd ingår i Clusters of Skåne är belagt. Kopplingen till ESS, MAX IV och leverantörsutveckling är trolig men mindre säker. Ort, grundandeår och medlemsantal är inte kända.', `source_note_en` = 'That IUC Syd is part of Clusters of Skåne is confirmed. The link to ESS, MAX IV and supplier development is likely but less certain. Its city, founding year and member count are not known.' WHERE `slug` = 'iuc-syd' AND `source_note` = 'Membership of Clusters of Skåne: high confidence (H). Link to ESS/MAX IV and supplier development: medium (M). City, founding year and member count unknown.';
--> statement-breakpoint
UPDATE `clusters` SET `source_note_sv` = 'Gissning: att Medicon Valley Alliance är den sjunde medlemmen i Clusters of Skåne är inte bekräftat av någon källa. Medlemsantalet (fler än 300, 2022) kommer från offentliga källor.', `source_note_en` = 'Guess: that Medicon Valley Alliance is the seventh member of Clusters of Skåne is not confirmed by a source. The member count (more than 300, 2022) comes from public sources.' WHERE `slug` = 'medicon-valley-alliance' AND `source_note` = 'GUESS: that Medicon Valley Alliance is the seventh member of Clusters of Skåne is not confirmed by a source. Other facts: public sources 2022 (H); more than 300 members (2022).';
--> statement-breakpoint
-- The old column goes: nothing reads it, and the public outputs no longer carry it.
ALTER TABLE `clusters` DROP COLUMN `source_note`;
--> statement-breakpoint
-- A child table rather than a JSON column, as cluster_contacts (0007): each
-- column keeps its own check (a title, a plausible year, an http(s) link),
-- `position` keeps the order the admin lists them in, and a row is a row in
-- the audit's before/after like the contact persons.
CREATE TABLE `cluster_sources` (
	`cluster_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title_sv` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`year` integer,
	`url` text,
	PRIMARY KEY(`cluster_id`, `position`),
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cluster_sources_title_not_empty" CHECK(length(trim("cluster_sources"."title_sv")) > 0),
	CONSTRAINT "cluster_sources_position_valid" CHECK("cluster_sources"."position" >= 0),
	CONSTRAINT "cluster_sources_year_valid" CHECK("cluster_sources"."year" is null or ("cluster_sources"."year" between 1900 and 2100 and typeof("cluster_sources"."year") = 'integer')),
	CONSTRAINT "cluster_sources_url_http" CHECK("cluster_sources"."url" is null or "cluster_sources"."url" glob 'http://*' or "cluster_sources"."url" glob 'https://*')
);
--> statement-breakpoint
-- The cluster pages show the sources: a change moves the clusters scope (0005).
CREATE TRIGGER `cluster_sources_scope_i` AFTER INSERT ON `cluster_sources` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
CREATE TRIGGER `cluster_sources_scope_u` AFTER UPDATE ON `cluster_sources` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
CREATE TRIGGER `cluster_sources_scope_d` AFTER DELETE ON `cluster_sources` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
-- The sources of facts.md for databases seeded before this table existed (a
-- fresh one gets them from the seed): "public sources" and the year each
-- figure refers to; facts.md gives no link, so none is stored.
INSERT INTO `cluster_sources` (`cluster_id`, `position`, `title_sv`, `title_en`, `year`) SELECT `id`, 0, 'Offentliga källor', 'Public sources', 2016 FROM `clusters` WHERE `slug` = 'livsmedelsakademin' AND NOT EXISTS (SELECT 1 FROM `cluster_sources` WHERE `cluster_id` = `clusters`.`id`);
--> statement-breakpoint
INSERT INTO `cluster_sources` (`cluster_id`, `position`, `title_sv`, `title_en`, `year`) SELECT `id`, 0, 'Offentliga källor', 'Public sources', 2015 FROM `clusters` WHERE `slug` = 'media-evolution' AND NOT EXISTS (SELECT 1 FROM `cluster_sources` WHERE `cluster_id` = `clusters`.`id`);
--> statement-breakpoint
INSERT INTO `cluster_sources` (`cluster_id`, `position`, `title_sv`, `title_en`, `year`) SELECT `id`, 0, 'Offentliga källor', 'Public sources', 2023 FROM `clusters` WHERE `slug` = 'opentech' AND NOT EXISTS (SELECT 1 FROM `cluster_sources` WHERE `cluster_id` = `clusters`.`id`);
--> statement-breakpoint
INSERT INTO `cluster_sources` (`cluster_id`, `position`, `title_sv`, `title_en`, `year`) SELECT `id`, 0, 'Offentliga källor', 'Public sources', 2012 FROM `clusters` WHERE `slug` = 'packbridge' AND NOT EXISTS (SELECT 1 FROM `cluster_sources` WHERE `cluster_id` = `clusters`.`id`);
--> statement-breakpoint
INSERT INTO `cluster_sources` (`cluster_id`, `position`, `title_sv`, `title_en`, `year`) SELECT `id`, 0, 'Offentliga källor', 'Public sources', 2016 FROM `clusters` WHERE `slug` = 'sustainable-business-hub' AND NOT EXISTS (SELECT 1 FROM `cluster_sources` WHERE `cluster_id` = `clusters`.`id`);
--> statement-breakpoint
INSERT INTO `cluster_sources` (`cluster_id`, `position`, `title_sv`, `title_en`, `year`) SELECT `id`, 0, 'Offentliga källor', 'Public sources', NULL FROM `clusters` WHERE `slug` = 'iuc-syd' AND NOT EXISTS (SELECT 1 FROM `cluster_sources` WHERE `cluster_id` = `clusters`.`id`);
--> statement-breakpoint
INSERT INTO `cluster_sources` (`cluster_id`, `position`, `title_sv`, `title_en`, `year`) SELECT `id`, 0, 'Offentliga källor', 'Public sources', 2022 FROM `clusters` WHERE `slug` = 'medicon-valley-alliance' AND NOT EXISTS (SELECT 1 FROM `cluster_sources` WHERE `cluster_id` = `clusters`.`id`);
--> statement-breakpoint
-- The reported member count (0012) had no check. SQLite cannot add a CHECK to
-- an existing table without rebuilding it (and with it every table that
-- refers to clusters), so two triggers refuse what a CHECK would, with the
-- same message: a count 0–100000, a qualifier from the vocabulary, a year from
-- 1990 to this year, and no qualifier or year without a count.
CREATE TRIGGER `clusters_reported_members_check_i` BEFORE INSERT ON `clusters`
  WHEN NOT (
    (new.reported_members IS NULL AND new.reported_members_qualifier IS NULL AND new.reported_members_year IS NULL)
    OR (new.reported_members IS NOT NULL AND typeof(new.reported_members) = 'integer' AND new.reported_members BETWEEN 0 AND 100000
      AND (new.reported_members_qualifier IS NULL OR new.reported_members_qualifier IN ('about','at_least','exact'))
      AND (new.reported_members_year IS NULL OR (typeof(new.reported_members_year) = 'integer'
        AND new.reported_members_year BETWEEN 1990 AND CAST(strftime('%Y', 'now') AS integer))))
  ) BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: clusters_reported_members_valid');
END;
--> statement-breakpoint
CREATE TRIGGER `clusters_reported_members_check_u` BEFORE UPDATE OF `reported_members`, `reported_members_qualifier`, `reported_members_year` ON `clusters`
  WHEN NOT (
    (new.reported_members IS NULL AND new.reported_members_qualifier IS NULL AND new.reported_members_year IS NULL)
    OR (new.reported_members IS NOT NULL AND typeof(new.reported_members) = 'integer' AND new.reported_members BETWEEN 0 AND 100000
      AND (new.reported_members_qualifier IS NULL OR new.reported_members_qualifier IN ('about','at_least','exact'))
      AND (new.reported_members_year IS NULL OR (typeof(new.reported_members_year) = 'integer'
        AND new.reported_members_year BETWEEN 1990 AND CAST(strftime('%Y', 'now') AS integer))))
  ) BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: clusters_reported_members_valid');
END;
