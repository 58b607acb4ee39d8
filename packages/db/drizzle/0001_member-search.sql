-- Full-text search over members: name, both descriptions, and the names of
-- their areas and clusters. unicode61 with remove_diacritics folds å/ä/ö/é to
-- a/a/o/e in both the index and the query, so "malmo" finds "Malmö"; the
-- prefix indexes make "pack*" cheap. rowid = members.id. Triggers keep it in
-- step with every insert, update and delete, including area/cluster renames.
CREATE VIRTUAL TABLE `member_search` USING fts5(
  name, description, areas, clusters,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER `members_search_ai` AFTER INSERT ON `members` BEGIN
  INSERT INTO member_search(rowid, name, description, areas, clusters) VALUES (
    new.id,
    new.name,
    new.description_sv || ' ' || new.description_en,
    coalesce((SELECT group_concat(a.name_sv || ' ' || a.name_en, ' ') FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = new.id), ''),
    coalesce((SELECT group_concat(c.name || ' ' || c.short_name, ' ') FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE ms.member_id = new.id), '')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `members_search_au` AFTER UPDATE OF name, description_sv, description_en ON `members` BEGIN
  UPDATE member_search SET name = new.name, description = new.description_sv || ' ' || new.description_en WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `members_search_ad` AFTER DELETE ON `members` BEGIN
  DELETE FROM member_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `member_areas_search_ai` AFTER INSERT ON `member_areas` BEGIN
  UPDATE member_search SET areas = coalesce((SELECT group_concat(a.name_sv || ' ' || a.name_en, ' ') FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = new.member_id), '') WHERE rowid = new.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `member_areas_search_ad` AFTER DELETE ON `member_areas` BEGIN
  UPDATE member_search SET areas = coalesce((SELECT group_concat(a.name_sv || ' ' || a.name_en, ' ') FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = old.member_id), '') WHERE rowid = old.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_search_ai` AFTER INSERT ON `memberships` BEGIN
  UPDATE member_search SET clusters = coalesce((SELECT group_concat(c.name || ' ' || c.short_name, ' ') FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE ms.member_id = new.member_id), '') WHERE rowid = new.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_search_ad` AFTER DELETE ON `memberships` BEGIN
  UPDATE member_search SET clusters = coalesce((SELECT group_concat(c.name || ' ' || c.short_name, ' ') FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE ms.member_id = old.member_id), '') WHERE rowid = old.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `areas_search_au` AFTER UPDATE OF name_sv, name_en ON `areas` BEGIN
  UPDATE member_search SET areas = coalesce((SELECT group_concat(a.name_sv || ' ' || a.name_en, ' ') FROM member_areas ma JOIN areas a ON a.id = ma.area_id WHERE ma.member_id = member_search.rowid), '')
  WHERE rowid IN (SELECT member_id FROM member_areas WHERE area_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `clusters_search_au` AFTER UPDATE OF name, short_name ON `clusters` BEGIN
  UPDATE member_search SET clusters = coalesce((SELECT group_concat(c.name || ' ' || c.short_name, ' ') FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id WHERE ms.member_id = member_search.rowid), '')
  WHERE rowid IN (SELECT member_id FROM memberships WHERE cluster_id = new.id);
END;
