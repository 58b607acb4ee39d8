-- Scoped change tracking (packages/db src/change-tracking.ts). Each public
-- read depends on a few scopes (members, clusters, areas, articles, …); a
-- write bumps the counter of the scope its table belongs to, from a trigger,
-- inside the writer's own transaction — so a commit by any process (the CLI,
-- an import, another worker) moves the same counters as ours, and a cache
-- entry stays valid while the counters of the scopes it read are unchanged.
-- Tables no public read depends on, and that are written on every sign-in
-- (sessions, verifications, the sign-in limits), have no trigger: a sign-in
-- invalidates nothing. A future entity adds its scope with
-- INSERT INTO data_scopes and its own triggers in its migration.
CREATE TABLE `data_scopes` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL DEFAULT 0
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `data_scopes` (`name`, `version`) VALUES ('members', 0), ('clusters', 0), ('areas', 0), ('municipalities', 0), ('articles', 0), ('images', 0), ('users', 0), ('audit', 0);
--> statement-breakpoint
-- Which members changed, in commit order, for the incremental indexes (the
-- facet index, cached search rankings): a reader remembers the last seq it
-- applied and reloads only the members logged after it. AUTOINCREMENT: a seq
-- is never reused, so a reader can tell when rows it has not seen were pruned
-- (then it rebuilds in full). member_id NULL means "too many to list" (a bulk
-- write): readers rebuild in full.
CREATE TABLE `member_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer
);
--> statement-breakpoint
-- Bounded: every 1000th entry drops what is more than 20 000 entries old.
CREATE TRIGGER `member_changes_prune` AFTER INSERT ON `member_changes` WHEN new.seq % 1000 = 0 BEGIN
  DELETE FROM member_changes WHERE seq <= new.seq - 20000;
END;
--> statement-breakpoint
-- A bulk write (import, demo data) pauses the per-row triggers of the member
-- scope with the search triggers (0002, search-sync.ts); when it resumes, in
-- the same transaction, the scope moves once and the log says "rebuild".
CREATE TRIGGER `search_sync_resumed_scope` AFTER DELETE ON `search_sync_paused` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'members';
  INSERT INTO member_changes (member_id) VALUES (NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `members_scope_i` AFTER INSERT ON `members` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'members';
  INSERT INTO member_changes (member_id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `members_scope_u` AFTER UPDATE ON `members` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'members';
  INSERT INTO member_changes (member_id) VALUES (new.id);
  INSERT INTO member_changes (member_id) SELECT old.id WHERE old.id <> new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `members_scope_d` AFTER DELETE ON `members` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'members';
  INSERT INTO member_changes (member_id) VALUES (old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `member_areas_scope_i` AFTER INSERT ON `member_areas` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'members';
  INSERT INTO member_changes (member_id) VALUES (new.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER `member_areas_scope_u` AFTER UPDATE ON `member_areas` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'members';
  INSERT INTO member_changes (member_id) VALUES (new.member_id);
  INSERT INTO member_changes (member_id) SELECT old.member_id WHERE old.member_id <> new.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `member_areas_scope_d` AFTER DELETE ON `member_areas` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'members';
  INSERT INTO member_changes (member_id) VALUES (old.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_scope_i` AFTER INSERT ON `memberships` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'members';
  INSERT INTO member_changes (member_id) VALUES (new.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_scope_u` AFTER UPDATE ON `memberships` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'members';
  INSERT INTO member_changes (member_id) VALUES (new.member_id);
  INSERT INTO member_changes (member_id) SELECT old.member_id WHERE old.member_id <> new.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_scope_d` AFTER DELETE ON `memberships` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'members';
  INSERT INTO member_changes (member_id) VALUES (old.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER `clusters_scope_i` AFTER INSERT ON `clusters` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
CREATE TRIGGER `clusters_scope_u` AFTER UPDATE ON `clusters` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
CREATE TRIGGER `clusters_scope_d` AFTER DELETE ON `clusters` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
CREATE TRIGGER `cluster_areas_scope_i` AFTER INSERT ON `cluster_areas` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
CREATE TRIGGER `cluster_areas_scope_u` AFTER UPDATE ON `cluster_areas` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
CREATE TRIGGER `cluster_areas_scope_d` AFTER DELETE ON `cluster_areas` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'clusters';
END;
--> statement-breakpoint
CREATE TRIGGER `areas_scope_i` AFTER INSERT ON `areas` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'areas';
END;
--> statement-breakpoint
CREATE TRIGGER `areas_scope_u` AFTER UPDATE ON `areas` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'areas';
END;
--> statement-breakpoint
CREATE TRIGGER `areas_scope_d` AFTER DELETE ON `areas` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'areas';
END;
--> statement-breakpoint
CREATE TRIGGER `municipalities_scope_i` AFTER INSERT ON `municipalities` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'municipalities';
END;
--> statement-breakpoint
CREATE TRIGGER `municipalities_scope_u` AFTER UPDATE ON `municipalities` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'municipalities';
END;
--> statement-breakpoint
CREATE TRIGGER `municipalities_scope_d` AFTER DELETE ON `municipalities` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'municipalities';
END;
--> statement-breakpoint
CREATE TRIGGER `articles_scope_i` AFTER INSERT ON `articles` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'articles';
END;
--> statement-breakpoint
CREATE TRIGGER `articles_scope_u` AFTER UPDATE ON `articles` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'articles';
END;
--> statement-breakpoint
CREATE TRIGGER `articles_scope_d` AFTER DELETE ON `articles` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'articles';
END;
--> statement-breakpoint
CREATE TRIGGER `article_tags_scope_i` AFTER INSERT ON `article_tags` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'articles';
END;
--> statement-breakpoint
CREATE TRIGGER `article_tags_scope_u` AFTER UPDATE ON `article_tags` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'articles';
END;
--> statement-breakpoint
CREATE TRIGGER `article_tags_scope_d` AFTER DELETE ON `article_tags` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'articles';
END;
--> statement-breakpoint
CREATE TRIGGER `images_scope_i` AFTER INSERT ON `images` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'images';
END;
--> statement-breakpoint
CREATE TRIGGER `images_scope_u` AFTER UPDATE ON `images` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'images';
END;
--> statement-breakpoint
CREATE TRIGGER `images_scope_d` AFTER DELETE ON `images` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'images';
END;
--> statement-breakpoint
CREATE TRIGGER `users_scope_i` AFTER INSERT ON `users` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'users';
END;
--> statement-breakpoint
CREATE TRIGGER `users_scope_u` AFTER UPDATE ON `users` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'users';
END;
--> statement-breakpoint
CREATE TRIGGER `users_scope_d` AFTER DELETE ON `users` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'users';
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_scope_i` AFTER INSERT ON `accounts` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'users';
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_scope_u` AFTER UPDATE ON `accounts` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'users';
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_scope_d` AFTER DELETE ON `accounts` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'users';
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_scope_i` AFTER INSERT ON `audit_log` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'audit';
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_scope_u` AFTER UPDATE ON `audit_log` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'audit';
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_scope_d` AFTER DELETE ON `audit_log` BEGIN
  UPDATE data_scopes SET version = version + 1 WHERE name = 'audit';
END;
