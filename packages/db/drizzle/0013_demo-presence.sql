-- Whether generated demo members are in the register, as one row kept by
-- triggers, with a data scope of its own ('demo'). Every public page shows a
-- banner while demo members are published; reading this row instead of the
-- members table keeps the stored pages that read nothing else of members
-- (news, about …) through member writes, as migration 0005 intends.
CREATE TABLE `demo_presence` (
  `id` integer PRIMARY KEY CHECK (`id` = 1),
  `published` integer NOT NULL DEFAULT 0,
  `total` integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO `demo_presence` (`id`, `published`, `total`)
  SELECT 1, coalesce(sum(`status` = 'published'), 0), count(*) FROM `members` WHERE `is_demo` = 1;
--> statement-breakpoint
INSERT INTO `data_scopes` (`name`, `version`) VALUES ('demo', 0);
--> statement-breakpoint
-- The counts move with every demo row, bulk writes included (one small update a row).
CREATE TRIGGER `members_demo_presence_i` AFTER INSERT ON `members` WHEN new.is_demo = 1 BEGIN
  UPDATE demo_presence SET total = total + 1, published = published + (new.status = 'published') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `members_demo_presence_d` AFTER DELETE ON `members` WHEN old.is_demo = 1 BEGIN
  UPDATE demo_presence SET total = total - 1, published = published - (old.status = 'published') WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `members_demo_presence_u` AFTER UPDATE OF status, is_demo ON `members`
  WHEN old.is_demo = 1 OR new.is_demo = 1 BEGIN
  UPDATE demo_presence SET
    total = total - (old.is_demo = 1) + (new.is_demo = 1),
    published = published - (old.is_demo = 1 AND old.status = 'published') + (new.is_demo = 1 AND new.status = 'published')
  WHERE id = 1;
END;
--> statement-breakpoint
-- The scope's counter, as for every scope's tables (0005); a bulk write moves it once when it resumes.
CREATE TRIGGER `demo_presence_scope_i` AFTER INSERT ON `demo_presence` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'demo';
END;
--> statement-breakpoint
CREATE TRIGGER `demo_presence_scope_u` AFTER UPDATE ON `demo_presence` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'demo';
END;
--> statement-breakpoint
CREATE TRIGGER `demo_presence_scope_d` AFTER DELETE ON `demo_presence` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'demo';
END;
--> statement-breakpoint
CREATE TRIGGER `search_sync_resumed_demo_scope` AFTER DELETE ON `search_sync_paused` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'demo';
END;
