-- Bulk writes (CSV import, demo data) pause the per-row search triggers by
-- putting a row in search_sync_paused inside their transaction, then rebuild
-- the search rows of what they wrote in one statement (see packages/db
-- src/search-sync.ts). Ordinary writes are unaffected: the table is empty.
CREATE TABLE `search_sync_paused` (`id` integer PRIMARY KEY CHECK (`id` = 1));
--> statement-breakpoint
DROP TRIGGER `members_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `members_search_ai` AFTER INSERT ON `members` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  INSERT INTO member_search(rowid, name, description, areas, clusters) VALUES (
    new.id,
    new.name,
    new.description_sv || ' ' || new.description_en,
    coalesce((SELECT group_concat(a.name_sv || ' ' || a.name_en, ' ') FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = new.id), ''),
    coalesce((SELECT group_concat(c.name || ' ' || c.short_name, ' ') FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE ms.member_id = new.id), '')
  );
END;
--> statement-breakpoint
DROP TRIGGER `members_search_au`;
--> statement-breakpoint
CREATE TRIGGER `members_search_au` AFTER UPDATE OF name, description_sv, description_en ON `members` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE member_search SET name = new.name, description = new.description_sv || ' ' || new.description_en WHERE rowid = new.id;
END;
--> statement-breakpoint
DROP TRIGGER `members_search_ad`;
--> statement-breakpoint
CREATE TRIGGER `members_search_ad` AFTER DELETE ON `members` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  DELETE FROM member_search WHERE rowid = old.id;
END;
--> statement-breakpoint
DROP TRIGGER `member_areas_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `member_areas_search_ai` AFTER INSERT ON `member_areas` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE member_search SET areas = coalesce((SELECT group_concat(a.name_sv || ' ' || a.name_en, ' ') FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = new.member_id), '') WHERE rowid = new.member_id;
END;
--> statement-breakpoint
DROP TRIGGER `member_areas_search_ad`;
--> statement-breakpoint
CREATE TRIGGER `member_areas_search_ad` AFTER DELETE ON `member_areas` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE member_search SET areas = coalesce((SELECT group_concat(a.name_sv || ' ' || a.name_en, ' ') FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = old.member_id), '') WHERE rowid = old.member_id;
END;
--> statement-breakpoint
DROP TRIGGER `memberships_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `memberships_search_ai` AFTER INSERT ON `memberships` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE member_search SET clusters = coalesce((SELECT group_concat(c.name || ' ' || c.short_name, ' ') FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE ms.member_id = new.member_id), '') WHERE rowid = new.member_id;
END;
--> statement-breakpoint
DROP TRIGGER `memberships_search_ad`;
--> statement-breakpoint
CREATE TRIGGER `memberships_search_ad` AFTER DELETE ON `memberships` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE member_search SET clusters = coalesce((SELECT group_concat(c.name || ' ' || c.short_name, ' ') FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE ms.member_id = old.member_id), '') WHERE rowid = old.member_id;
END;
--> statement-breakpoint
DROP TRIGGER `areas_search_au`;
--> statement-breakpoint
CREATE TRIGGER `areas_search_au` AFTER UPDATE OF name_sv, name_en ON `areas` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE member_search SET areas = coalesce((SELECT group_concat(a.name_sv || ' ' || a.name_en, ' ') FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = member_search.rowid), '')
  WHERE rowid IN (SELECT member_id FROM member_areas WHERE area_id = new.id);
END;
--> statement-breakpoint
DROP TRIGGER `clusters_search_au`;
--> statement-breakpoint
CREATE TRIGGER `clusters_search_au` AFTER UPDATE OF name, short_name ON `clusters` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE member_search SET clusters = coalesce((SELECT group_concat(c.name || ' ' || c.short_name, ' ') FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE ms.member_id = member_search.rowid), '')
  WHERE rowid IN (SELECT member_id FROM memberships WHERE cluster_id = new.id);
END;
