-- An article has an address in each language and its tags have names in
-- both (issue #16). English pages used the Swedish slug; they now have their
-- own, and the web answers the old English address with a 301 to the new one.
ALTER TABLE `articles` ADD `slug_en` text;
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_en_unique` ON `articles` (`slug_en`);
--> statement-breakpoint
-- The launch article's English title gives its English slug (facts.md: the
-- platform's own announcement). Only the default data's row, and only where
-- no other article holds that address already.
UPDATE `articles` SET `slug_en` = 'clusters-of-skane-a-new-platform-for-collaboration'
  WHERE `slug` = 'clusters-of-skane-ny-plattform-for-samarbete' AND `slug_en` IS NULL
    AND NOT EXISTS (SELECT 1 FROM `articles` WHERE `slug` = 'clusters-of-skane-a-new-platform-for-collaboration');
--> statement-breakpoint
CREATE TABLE `tags` (
  `tag` text PRIMARY KEY NOT NULL,
  `name_en` text DEFAULT '' NOT NULL,
  CONSTRAINT "tags_tag_not_empty" CHECK(length(trim("tags"."tag")) > 0)
);
--> statement-breakpoint
-- Tag names belong to the news: a change moves the articles' scope (0005).
CREATE TRIGGER `tags_scope_i` AFTER INSERT ON `tags` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'articles';
END;
--> statement-breakpoint
CREATE TRIGGER `tags_scope_u` AFTER UPDATE ON `tags` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'articles';
END;
--> statement-breakpoint
CREATE TRIGGER `tags_scope_d` AFTER DELETE ON `tags` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'articles';
END;
--> statement-breakpoint
INSERT INTO `tags` (`tag`) SELECT DISTINCT `tag` FROM `article_tags` WHERE length(trim(`tag`)) > 0;
--> statement-breakpoint
-- The English names the site showed from a fixed list until now (apps/web
-- tag-labels.ts), so no tag shown in English goes back to Swedish.
UPDATE `tags` SET `name_en` = CASE `tag`
    WHEN 'plattform' THEN 'platform'
    WHEN 'innovationsstrategi' THEN 'innovation strategy'
    WHEN 'kluster' THEN 'clusters'
    WHEN 'medlemmar' THEN 'members'
    WHEN 'evenemang' THEN 'events'
    WHEN 'utlysning' THEN 'call for proposals'
    WHEN 'samarbete' THEN 'collaboration'
    WHEN 'öppna data' THEN 'open data'
    ELSE `name_en` END;
