-- "Outside Skåne" as an explicit answer, distinct from "not known" (a member
-- with no municipality and outside_skane = 0). Written by hand as ADD COLUMN:
-- drizzle-kit generated a rebuild of `members`, whose DROP TABLE would drop
-- the search triggers (0001/0002) and, with foreign keys on, cascade-delete
-- every membership and area link. The snapshot holds the same constraint as a
-- table CHECK (members_place_one_answer); SQLite checks it on existing rows.
ALTER TABLE `members` ADD `outside_skane` integer DEFAULT false NOT NULL CONSTRAINT "members_place_one_answer" CHECK("outside_skane" in (0, 1) and not ("outside_skane" = 1 and "municipality_code" is not null));
