-- Search that speaks Swedish (and English): beside member_search's words,
-- member_stems holds every word as its Snowball stem (descriptions in their
-- own language, names in both), so "förpackningar" finds "förpackning" and
-- "dairies" finds "dairy"; search_terms is the vocabulary of every word
-- written (three letters or more), where the search finds compounds
-- that contain a typed word and "did you mean" corrections. cos_stems and
-- cos_words are SQL functions every connection opened by openDatabase has
-- (packages/db src/search-words.ts). Terms are never removed: a term no
-- member has any more only costs a lookup that then matches nothing.
CREATE VIRTUAL TABLE `member_stems` USING fts5(
  name, description,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- term: as written, in lower case (what "did you mean" offers); folded: as the indexes fold it.
-- Terms only ever come, so max(id) tells a reader whether the vocabulary changed.
CREATE TABLE `search_terms` (
  `id` integer PRIMARY KEY,
  `term` text NOT NULL UNIQUE,
  `folded` text NOT NULL
);
--> statement-breakpoint
INSERT INTO member_stems (rowid, name, description)
  SELECT id, cos_stems(name, 'sv') || ' ' || cos_stems(name, 'en'),
    cos_stems(description_sv, 'sv') || ' ' || cos_stems(description_en, 'en')
  FROM members;
--> statement-breakpoint
INSERT OR IGNORE INTO search_terms (term, folded)
  SELECT w.word, w.folded FROM members m, cos_words(m.name || ' ' || m.description_sv || ' ' || m.description_en) w;
--> statement-breakpoint
CREATE TRIGGER `members_stems_ai` AFTER INSERT ON `members` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  INSERT INTO member_stems (rowid, name, description) VALUES (
    new.id,
    cos_stems(new.name, 'sv') || ' ' || cos_stems(new.name, 'en'),
    cos_stems(new.description_sv, 'sv') || ' ' || cos_stems(new.description_en, 'en')
  );
  INSERT OR IGNORE INTO search_terms (term, folded)
    SELECT word, folded FROM cos_words(new.name || ' ' || new.description_sv || ' ' || new.description_en);
END;
--> statement-breakpoint
CREATE TRIGGER `members_stems_au` AFTER UPDATE OF name, description_sv, description_en ON `members` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  UPDATE member_stems SET
    name = cos_stems(new.name, 'sv') || ' ' || cos_stems(new.name, 'en'),
    description = cos_stems(new.description_sv, 'sv') || ' ' || cos_stems(new.description_en, 'en')
  WHERE rowid = new.id;
  INSERT OR IGNORE INTO search_terms (term, folded)
    SELECT word, folded FROM cos_words(new.name || ' ' || new.description_sv || ' ' || new.description_en);
END;
--> statement-breakpoint
CREATE TRIGGER `members_stems_ad` AFTER DELETE ON `members` WHEN NOT EXISTS (SELECT 1 FROM search_sync_paused) BEGIN
  DELETE FROM member_stems WHERE rowid = old.id;
END;
