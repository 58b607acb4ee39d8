/** The article columns both the public reads and the writes select, named once. */
export interface ArticleContentRow {
  id: number;
  slug: string;
  titleSv: string;
  titleEn: string;
  summarySv: string;
  summaryEn: string;
  bodySv: string;
  bodyEn: string;
  coverSrc: string | null;
  coverAltSv: string | null;
  coverAltEn: string | null;
  author: string;
}

/** Select list for ArticleContentRow from the table aliased `a`. */
export const ARTICLE_CONTENT_COLUMNS = `a.id, a.slug, a.title_sv AS titleSv, a.title_en AS titleEn,
  a.summary_sv AS summarySv, a.summary_en AS summaryEn, a.body_sv AS bodySv, a.body_en AS bodyEn,
  a.cover_src AS coverSrc, a.cover_alt_sv AS coverAltSv, a.cover_alt_en AS coverAltEn, a.author`;
