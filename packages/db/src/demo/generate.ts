/**
 * Deterministic demo data for development and benchmarks: N members with
 * areas, memberships, municipalities, kinds and sizes, all marked is_demo = 1.
 * It only runs when asked (`pnpm db:seed --demo N`) and replaces earlier demo
 * members, so N is always the number there afterwards. Real records are never touched.
 */
import {
  GENERATED_ORGANISATION_GROUP,
  luhnCheckDigit,
  MUNICIPALITIES,
  slugify,
  swedishSortKey,
  type MemberKind,
  type SizeBand,
  type Status,
} from '@cos/domain';
import type { Sqlite } from '../client';
import { indexMembersAfter, lastMemberId, withSearchSyncPaused } from '../search-sync';
import { createRandom } from './random';
import { AREA_TOPICS, NAME_PREFIXES, NAME_STEMS, NAME_SUFFIXES } from './vocabulary';

export const DEMO_MAX = 200_000;

export interface DemoOptions {
  count: number;
  /** Same seed, same data. */
  seed?: number;
}

/**
 * Relative chances, keyed by the domain's vocabularies: a kind, size band or
 * status added there must be given a weight here, or this does not compile.
 * The picks follow each table's key order, so a seed keeps giving the same data.
 */
const KIND_WEIGHTS: Record<MemberKind, number> = {
  company: 55,
  startup: 15,
  academia: 3,
  'public-sector': 4,
  'non-profit': 6,
  investor: 2,
  other: 5,
};
const SIZE_WEIGHTS: Record<SizeBand | 'none', number> = {
  '1-9': 45,
  '10-49': 30,
  '50-249': 12,
  '250+': 5,
  none: 8,
};
const STATUS_WEIGHTS: Record<Status, number> = { published: 95, draft: 4, archived: 1 };

/** A weight table as the lists rnd.weighted takes, in the table's order. */
function weightLists<K extends string>(table: Record<K, number>): [K[], number[]] {
  const entries = Object.entries(table) as [K, number][];
  return [entries.map(([key]) => key), entries.map(([, weight]) => weight)];
}
const KINDS = weightLists(KIND_WEIGHTS);
const SIZES = weightLists(SIZE_WEIGHTS);
const STATUS_PICKS = weightLists(STATUS_WEIGHTS);
/** The demo's pick for a member known to be outside Skåne (outside_skane = 1). */
const OUTSIDE = 'outside';
/** Bigger towns get more members, as in life; ~3 % have no Skåne municipality (see OUTSIDE). */
const BIG_TOWNS: Record<string, number> = {
  '1280': 25,
  '1281': 18,
  '1283': 12,
  '1290': 5,
  '1292': 4,
  '1293': 3,
};

export function generateDemoData(sqlite: Sqlite, options: DemoOptions): { members: number } {
  const { count, seed = 1 } = options;
  if (!Number.isInteger(count) || count < 0 || count > DEMO_MAX) {
    throw new Error(
      `Demo count must be a whole number from 0 to ${DEMO_MAX}, got ${String(count)}`,
    );
  }
  const areaRows = sqlite.prepare('SELECT id, slug FROM areas ORDER BY sort_order').all() as {
    id: number;
    slug: string;
  }[];
  const clusterRows = sqlite
    .prepare(
      `SELECT c.id, group_concat(ca.area_id) AS areaIds FROM clusters c
       LEFT JOIN cluster_areas ca ON ca.cluster_id = c.id GROUP BY c.id ORDER BY c.id`,
    )
    .all() as { id: number; areaIds: string | null }[];
  if (areaRows.length === 0 || clusterRows.length === 0) {
    throw new Error('Demo data needs the default data first: run `pnpm db:seed`');
  }
  const clustersByArea = new Map<number, number[]>();
  for (const c of clusterRows) {
    for (const a of (c.areaIds ?? '').split(',').filter(Boolean).map(Number)) {
      clustersByArea.set(a, [...(clustersByArea.get(a) ?? []), c.id]);
    }
  }

  const rnd = createRandom(seed);
  // Of those with no Skåne municipality, two in three are known to be outside Skåne and one in
  // three is not known — so the directory shows both answers with demo data too.
  const municipalityCodes = [...MUNICIPALITIES.map((m) => m.code), OUTSIDE, null];
  const municipalityWeights = [...MUNICIPALITIES.map((m) => BIG_TOWNS[m.code] ?? 1.2), 2, 1];
  const municipalityName = new Map<string, string>(MUNICIPALITIES.map((m) => [m.code, m.name]));
  const combos = NAME_PREFIXES.length * NAME_STEMS.length * NAME_SUFFIXES.length;

  const insertMember = sqlite.prepare(
    `INSERT INTO members (slug, name, sort_key, organisation_number, kind, size_band, municipality_code,
       outside_skane, website, description_sv, description_en, status, is_demo, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)`,
  );
  const insertArea = sqlite.prepare('INSERT INTO member_areas (member_id, area_id) VALUES (?, ?)');
  const insertMembership = sqlite.prepare(
    'INSERT INTO memberships (member_id, cluster_id, since) VALUES (?, ?, ?)',
  );
  const usedSlugs = new Set(
    (sqlite.prepare('SELECT slug FROM members WHERE is_demo = 0').all() as { slug: string }[]).map(
      (r) => r.slug,
    ),
  );
  // Real companies registered since the 2000s also have 559… numbers: never reuse one.
  const realOrgnrs = new Set(
    sqlite
      .prepare(
        'SELECT organisation_number FROM members WHERE is_demo = 0 AND organisation_number IS NOT NULL',
      )
      .pluck()
      .all() as string[],
  );

  const run = sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM members WHERE is_demo = 1').run();
    const before = lastMemberId(sqlite);
    withSearchSyncPaused(sqlite, () => insertAll());
    indexMembersAfter(sqlite, before);
  });
  const insertAll = () => {
    for (let i = 0; i < count; i++) {
      // A stride coprime with the number of combinations walks every name once before repeating.
      const p = (i * 7919) % combos;
      const prefix = NAME_PREFIXES[p % NAME_PREFIXES.length] ?? '';
      const stem = NAME_STEMS[Math.floor(p / NAME_PREFIXES.length) % NAME_STEMS.length] ?? '';
      const suffix =
        NAME_SUFFIXES[Math.floor(p / (NAME_PREFIXES.length * NAME_STEMS.length))] ?? '';
      const round = Math.floor(i / combos);
      const name = `${prefix}${stem} ${suffix}${round > 0 ? ` ${round + 1}` : ''}`;
      let slug = slugify(name);
      for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(name)}-${n}`;
      usedSlugs.add(slug);

      // Group 4 is assigned to no organisation (domain GENERATED_ORGANISATION_GROUP):
      // the number passes the checksum but cannot be a real company's.
      const nine = `${GENERATED_ORGANISATION_GROUP}29${String(i).padStart(6, '0')}`;
      const candidate =
        rnd.next() < 0.9 ? `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}` : null;
      const orgnr = candidate !== null && realOrgnrs.has(candidate) ? null : candidate;
      const kind = rnd.weighted(...KINDS);
      const sizePick = rnd.weighted(...SIZES);
      const size = sizePick === 'none' ? null : sizePick;
      const pickedPlace = rnd.weighted(municipalityCodes, municipalityWeights);
      const outside = pickedPlace === OUTSIDE;
      const municipality = outside ? null : pickedPlace;
      const status = rnd.weighted(...STATUS_PICKS);
      const firstArea = rnd.pick(areaRows);
      const memberAreas = rnd.next() < 0.3 ? [firstArea, rnd.pick(areaRows)] : [firstArea];
      const areaIds = [...new Set(memberAreas.map((a) => a.id))];
      const topics = AREA_TOPICS[firstArea.slug] ?? { sv: ['innovation'], en: ['innovation'] };
      const t1 = rnd.int(topics.sv.length);
      const t2 = (t1 + 1 + rnd.int(topics.sv.length - 1)) % topics.sv.length;
      const place = municipality ? municipalityName.get(municipality) : undefined;
      const descriptionSv = `${name} arbetar med ${topics.sv[t1]} och ${topics.sv[t2]}${place ? ` i ${place}` : ''}.`;
      const descriptionEn = `${name} works on ${topics.en[t1]} and ${topics.en[t2]}${place ? ` in ${place}` : ''}.`;
      const created = new Date(
        Date.UTC(2015, 0, 1) + rnd.int(11 * 365) * 86_400_000 + i,
      ).toISOString();

      const { lastInsertRowid } = insertMember.run(
        slug,
        name,
        swedishSortKey(name),
        orgnr,
        kind,
        size,
        municipality,
        outside ? 1 : 0,
        rnd.next() < 0.7 ? `https://${slug}.example` : null,
        descriptionSv,
        descriptionEn,
        status,
        created,
        created,
      );
      const memberId = Number(lastInsertRowid);
      for (const areaId of areaIds) insertArea.run(memberId, areaId);

      const candidates = clustersByArea.get(firstArea.id) ?? clusterRows.map((c) => c.id);
      const clusterIds = new Set([rnd.pick(candidates)]);
      if (rnd.next() < 0.12) clusterIds.add(rnd.pick(clusterRows).id);
      for (const clusterId of clusterIds) {
        const since =
          rnd.next() < 0.8
            ? `${2010 + rnd.int(16)}-${String(1 + rnd.int(12)).padStart(2, '0')}-01`
            : null;
        insertMembership.run(memberId, clusterId, since);
      }
    }
  };
  run();
  sqlite.pragma('optimize');
  return { members: count };
}
