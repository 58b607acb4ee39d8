-- A link between an organisation and a cluster has a kind (issue #16): only
-- 'member' is a membership. Founders, partners and organisations that co-lead
-- an agenda with a cluster are shown as what they are and never counted as
-- members. Existing links were all entered as memberships, so they stay
-- 'member'; the default data's founder links (their note says so) become
-- 'founder', and Krinova's sourced link is added as what it is.
ALTER TABLE `memberships` ADD `kind` text DEFAULT 'member' NOT NULL
  CHECK (`kind` IN ('member', 'founder', 'partner', 'agenda-co-lead'));
--> statement-breakpoint
-- Non-member links are few: counting them walks only their part of this index.
CREATE INDEX `memberships_kind_cluster_idx` ON `memberships` (`kind`, `cluster_id`, `member_id`);
--> statement-breakpoint
UPDATE `memberships` SET `kind` = 'founder'
  WHERE `note` LIKE 'Founder%' AND `member_id` IN (SELECT `id` FROM `members` WHERE `is_demo` = 0);
--> statement-breakpoint
-- facts.md (H): Krinova co-leads the food agenda Foodhive Skåne with
-- Livsmedelsakademin and Packbridge. Only where the default data's Krinova
-- and both clusters exist, and no link is there yet.
INSERT OR IGNORE INTO `memberships` (`member_id`, `cluster_id`, `since`, `note`, `kind`)
  SELECT m.`id`, c.`id`, NULL, 'Co-leads the food agenda Foodhive Skåne. Source: facts (H).', 'agenda-co-lead'
  FROM `members` m JOIN `clusters` c ON c.`slug` IN ('livsmedelsakademin', 'packbridge')
  WHERE m.`slug` = 'krinova' AND m.`is_demo` = 0;
