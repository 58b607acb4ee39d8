/**
 * Share images for every page type: which card a page has (from the same
 * public reads the site renders), and its PNG, drawn once per content version
 * and kept on disk (<cacheDir>/<version>.png, written atomically), so a
 * restart, a second worker process or a crawler storm never draws it twice.
 * Concurrent requests for a card not yet on disk share one drawing.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  SHARE_PAGES,
  shareCard,
  shareInputs,
  shareVersion,
  type ShareCard,
  type ShareKind,
  type ShareLocale,
} from '@cos/domain/share';
import { NotFoundError } from '../errors';
import type { ArticleReads } from './article-reads';
import type { MediaFolder } from './media-folder';
import type { PublicReads } from './public-reads';
import { renderShareCard } from './share-render';

export interface ShareImageOptions {
  /** Where drawn cards are kept (the server puts it inside the media folder). */
  cacheDir: string;
  /** The site's area drawings (apps/web's built images/areas), if built. */
  artDir: string | null;
}

export class ShareImages {
  private readonly drawing = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly reads: { publicReads: PublicReads; articleReads: ArticleReads },
    private readonly media: MediaFolder,
    private readonly options: ShareImageOptions,
  ) {}

  /** The card a published page has now; null when there is no such page. */
  card(locale: ShareLocale, kind: ShareKind, slug: string): ShareCard | null {
    try {
      return this.cardOrThrow(locale, kind, slug);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  private cardOrThrow(locale: ShareLocale, kind: ShareKind, slug: string): ShareCard | null {
    const { publicReads, articleReads } = this.reads;
    switch (kind) {
      case 'page': {
        const page = SHARE_PAGES.find((p) => p === slug);
        return page ? shareCard({ kind: 'page', page }, locale) : null;
      }
      case 'cluster': {
        const cluster = publicReads.clusters().find((c) => c.slug === slug);
        return cluster ? shareCard(shareInputs.cluster(cluster, locale), locale) : null;
      }
      case 'member':
        return shareCard(shareInputs.member(publicReads.member(slug)), locale);
      case 'area': {
        const area = publicReads.areas().find((a) => a.slug === slug);
        return area ? shareCard(shareInputs.area(area, locale), locale) : null;
      }
      case 'article':
        return shareCard(shareInputs.article(articleReads.bySlug(slug), locale), locale);
    }
  }

  /** The card's PNG bytes: from disk when drawn before, else drawn now (once) and kept. */
  async png(card: ShareCard): Promise<Buffer> {
    const version = shareVersion(card);
    const file = path.join(this.options.cacheDir, `${version}.png`);
    try {
      return readFileSync(file);
    } catch {
      // Not drawn yet.
    }
    const running = this.drawing.get(version);
    if (running) return running;
    const draw = renderShareCard(card, {
      logoFile: (logo) =>
        this.media.has(logo.hash, logo.width) ? this.media.filePath(logo.hash, logo.width) : null,
      artDir: this.options.artDir,
    })
      .then((bytes) => {
        this.keep(file, bytes);
        return bytes;
      })
      .finally(() => this.drawing.delete(version));
    this.drawing.set(version, draw);
    return draw;
  }

  /** Into a temporary name, then renamed: a reader never sees half a file. */
  private keep(file: string, bytes: Buffer): void {
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    } catch {
      // A full or read-only disk: the image is still answered, just drawn again next time.
      rmSync(temporary, { force: true });
    }
  }
}
