/**
 * The folder the image files live in (beside the database by default; the
 * server's MEDIA_DIR moves it). Files are named <hash>-<width>.webp, so the
 * same upload always lands on the same names and a name never changes what
 * it holds: the server may let browsers cache them for a year.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mediaPath } from '@cos/domain';

/** <hash>-<width>.webp and nothing else: the only names the folder serves. */
export const MEDIA_FILE_NAME = /^([0-9a-f]{64})-([1-9][0-9]{0,4})\.webp$/;

export class MediaFolder {
  constructor(readonly dir: string) {}

  fileName(hash: string, width: number): string {
    return path.basename(mediaPath(hash, width));
  }

  filePath(hash: string, width: number): string {
    return path.join(this.dir, this.fileName(hash, width));
  }

  has(hash: string, width: number): boolean {
    return existsSync(this.filePath(hash, width));
  }

  /**
   * Writes one file so that a reader never sees half of it: into a temporary
   * name in the same folder, then renamed over (atomic on one file system).
   */
  write(hash: string, width: number, data: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true });
    const target = this.filePath(hash, width);
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      writeFileSync(temporary, data);
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }

  /** A copy of every stored file in `target` (the backup's media folder); returns how many. */
  copyTo(target: string): number {
    mkdirSync(target, { recursive: true });
    if (!existsSync(this.dir)) return 0;
    let copied = 0;
    cpSync(this.dir, target, {
      recursive: true,
      filter: (source) => {
        if (source === this.dir) return true;
        const keep = MEDIA_FILE_NAME.test(path.basename(source));
        if (keep) copied += 1;
        return keep;
      },
    });
    return copied;
  }
}
