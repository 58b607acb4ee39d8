-- What each cluster's own sources report about its membership, kept apart
-- from the members registered here: the register lacks most of them, and a
-- cluster must never read as having 0 members for that. `reported_members_qualifier`
-- says how the source put it: about (~150), at_least (400+) or exact (122).
ALTER TABLE `clusters` ADD `reported_members` integer;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `reported_members_qualifier` text;
--> statement-breakpoint
ALTER TABLE `clusters` ADD `reported_members_year` integer;
--> statement-breakpoint
-- The figures of facts.md for databases seeded before this column existed (a fresh one gets them from the seed).
UPDATE `clusters` SET `reported_members` = 150, `reported_members_qualifier` = 'about', `reported_members_year` = 2016 WHERE `slug` = 'livsmedelsakademin' AND `reported_members` IS NULL;
--> statement-breakpoint
UPDATE `clusters` SET `reported_members` = 400, `reported_members_qualifier` = 'at_least', `reported_members_year` = 2015 WHERE `slug` = 'media-evolution' AND `reported_members` IS NULL;
--> statement-breakpoint
UPDATE `clusters` SET `reported_members` = 130, `reported_members_qualifier` = 'about', `reported_members_year` = 2023 WHERE `slug` = 'opentech' AND `reported_members` IS NULL;
--> statement-breakpoint
UPDATE `clusters` SET `reported_members` = 122, `reported_members_qualifier` = 'exact', `reported_members_year` = 2012 WHERE `slug` = 'packbridge' AND `reported_members` IS NULL;
--> statement-breakpoint
UPDATE `clusters` SET `reported_members` = 107, `reported_members_qualifier` = 'about', `reported_members_year` = 2016 WHERE `slug` = 'sustainable-business-hub' AND `reported_members` IS NULL;
--> statement-breakpoint
UPDATE `clusters` SET `reported_members` = 300, `reported_members_qualifier` = 'at_least', `reported_members_year` = 2022 WHERE `slug` = 'medicon-valley-alliance' AND `reported_members` IS NULL;
