/**
 * The import page's state and steps: file → columns → preview → done. The
 * file is read in a worker (encoding found or chosen), the check is the
 * server's dry run, and applying sends the versions the preview saw, so a
 * member saved since refuses the whole apply as a conflict naming the rows.
 * Large data is raw state: 20,000 rows are never wrapped in proxies.
 */
import { describeError, type ApiProblem } from './errors';
import { t } from './i18n/locale.svelte';
import {
  delimiterLabel,
  encodingLabel,
  sendImport,
  type ImportReport,
} from './member-import-client';
import {
  sampleNames,
  type ReadFile,
  type ReadOptions,
  type ReadRefusal,
} from './member-import-file';
import {
  conflictRows,
  countByAction,
  expectedVersions,
  previewEntries,
  type PreviewEntry,
} from './member-import-preview';
import { readImportFileInBackground } from './member-import-reader';
import { guessMapping, toImportRows, type ColumnMapping, type ImportRow } from './member-import';

export type ImportStep = 'upload' | 'mapping' | 'preview' | 'done';

export class ImportFlow {
  step = $state<ImportStep>('upload');
  file = $state.raw<File | null>(null);
  readOptions = $state.raw<ReadOptions>({});
  read = $state.raw<ReadFile | null>(null);
  refusal = $state.raw<ReadRefusal | null>(null);
  mapping = $state<ColumnMapping>([]);
  skipDuplicates = $state(true);
  /** Rows matching a member (organisation number, else slug) update it ("upsert"). */
  updateExisting = $state(true);
  rows = $state.raw<ImportRow[]>([]);
  report = $state.raw<ImportReport | null>(null);
  entries = $state.raw<PreviewEntry[]>([]);
  result = $state.raw<ImportReport | null>(null);
  conflict = $state.raw<{ row: number; line: number; name: string }[] | null>(null);
  busy = $state<'read' | 'check' | 'apply' | null>(null);
  problem = $state<ApiProblem | null>(null);
  notice = $state('');

  readonly counts = $derived(countByAction(this.entries));
  readonly samples = $derived.by(() => {
    if (!this.read) return [];
    const column = this.mapping.indexOf('name');
    return sampleNames(this.read.rows, column >= 0 ? column : 0);
  });
  /** What the failed-rows download is made from: the file as read. */
  readonly fileFacts = $derived(
    this.read && this.file
      ? {
          name: this.file.name,
          header: this.read.header,
          rows: this.read.rows,
          delimiter: this.read.delimiter,
        }
      : null,
  );

  constructor(private readonly onStep: () => void) {}

  private go(step: ImportStep) {
    this.step = step;
    this.onStep();
  }

  private clearResults() {
    this.report = null;
    this.entries = [];
    this.result = null;
    this.conflict = null;
    this.problem = null;
  }

  private async load(): Promise<boolean> {
    if (!this.file) return false;
    this.busy = 'read';
    try {
      const answer = await readImportFileInBackground(this.file, this.readOptions);
      if (!answer.ok) {
        this.refusal = answer;
        this.read = null;
        return false;
      }
      this.refusal = null;
      this.read = answer;
      this.mapping = guessMapping(answer.header);
      return true;
    } finally {
      this.busy = null;
    }
  }

  async chooseFile(chosen: File | undefined) {
    this.notice = '';
    this.clearResults();
    if (!chosen) return;
    this.file = chosen;
    this.readOptions = {};
    if (await this.load()) this.go('mapping');
  }

  /** Reads the file again another way; new text may change headers, so the columns come next. */
  async reread(options: ReadOptions) {
    this.readOptions = options;
    this.clearResults();
    this.notice = '';
    if (!(await this.load())) {
      this.step = 'upload';
      return;
    }
    if (this.read)
      this.notice = t('import.reread', {
        encoding: encodingLabel(this.read.encoding),
        delimiter: delimiterLabel(this.read.delimiter),
      });
    if (this.step !== 'mapping') this.go('mapping');
  }

  private get mode() {
    return this.updateExisting ? ('upsert' as const) : ('create' as const);
  }

  async check() {
    const read = this.read;
    if (!read || !this.mapping.includes('name')) return;
    this.rows = toImportRows(read.rows, this.mapping);
    this.busy = 'check';
    this.clearResults();
    try {
      const report = await sendImport({
        rows: this.rows,
        lines: read.lines,
        dryRun: true,
        skipDuplicates: this.skipDuplicates,
        mode: this.mode,
      });
      this.report = report;
      this.entries = previewEntries(report);
      this.go('preview');
    } catch (error) {
      this.problem = describeError(error);
    } finally {
      this.busy = null;
    }
  }

  async apply() {
    const { read, report } = this;
    if (!read || !report) return;
    this.busy = 'apply';
    this.problem = null;
    this.conflict = null;
    try {
      this.result = await sendImport({
        rows: this.rows,
        lines: read.lines,
        dryRun: false,
        skipDuplicates: this.skipDuplicates,
        mode: this.mode,
        expected: expectedVersions(report),
      });
      this.go('done');
    } catch (error) {
      const described = describeError(error);
      const named = described.kind === 'conflict' ? conflictRows(described.current) : null;
      if (named) this.conflict = named;
      else this.problem = described;
    } finally {
      this.busy = null;
    }
  }

  backToMapping() {
    this.go('mapping');
  }

  startOver() {
    this.file = null;
    this.read = null;
    this.refusal = null;
    this.rows = [];
    this.readOptions = {};
    this.notice = '';
    this.clearResults();
    this.go('upload');
  }
}
