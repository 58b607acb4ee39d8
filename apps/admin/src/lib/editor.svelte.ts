/**
 * The state every edit form shares: the record as loaded (the base), the
 * values being edited, field errors, saving, and the conflict view when the
 * server says someone else saved first. Forms validate and name the API
 * call; this class decides what the answer means for the form.
 */
import {
  defaultChoices,
  differingFields,
  mergeValues,
  sameValue,
  type FieldDifference,
  type Side,
} from './diff';
import { describeError, type ApiProblem, type SavedBy } from './errors';
import type { FieldErrors, Validated } from './forms';

const STASH_PREFIX = 'cos-admin-unsaved:';

export interface Conflict<Rec, Values> {
  theirs: Rec;
  theirsValues: Values;
  differences: FieldDifference[];
  choices: Record<string, Side>;
  /** Who saved the stored version, and when (null when the history names nobody). */
  savedBy: SavedBy | null;
}

export interface EditorOptions<Rec, Values> {
  empty: () => Values;
  toValues: (record: Rec) => Values;
  /** The fields the conflict view compares, in form order. */
  paths: readonly string[];
}

export class RecordEditor<Rec extends { version: number }, Values> {
  record = $state<Rec | null>(null);
  values = $state() as Values;
  errors = $state<FieldErrors>({});
  saving = $state(false);
  problem = $state<ApiProblem | null>(null);
  conflict = $state<Conflict<Rec, Values> | null>(null);

  readonly #options: EditorOptions<Rec, Values>;

  constructor(options: EditorOptions<Rec, Values>) {
    this.#options = options;
    this.values = options.empty();
  }

  get baseValues(): Values {
    return this.record ? this.#options.toValues(this.record) : this.#options.empty();
  }

  get dirty(): boolean {
    return !sameValue($state.snapshot(this.values), this.baseValues);
  }

  get version(): number | null {
    return this.record?.version ?? null;
  }

  load(record: Rec): void {
    this.record = record;
    this.values = this.#options.toValues(record);
    this.errors = {};
    this.problem = null;
    this.conflict = null;
  }

  /** Runs a save; returns the saved record, or null when it was refused (errors or conflict shown). */
  async submit(action: () => Promise<Rec>): Promise<Rec | null> {
    this.saving = true;
    this.problem = null;
    try {
      const saved = await action();
      this.load(saved);
      return saved;
    } catch (error) {
      const problem = describeError(error);
      if (problem.kind === 'fields') this.errors = problem.errors;
      else if (problem.kind === 'conflict') {
        this.startConflict(problem.current as Rec, problem.savedBy ?? null);
      } else this.problem = problem;
      return null;
    } finally {
      this.saving = false;
    }
  }

  /**
   * Saves what the form's validator accepted; what it refused is shown as
   * field errors and never reaches the server. Same answer as submit().
   */
  async submitValidated<Input>(
    validated: Validated<Input>,
    action: (input: Input) => Promise<Rec>,
  ): Promise<Rec | null> {
    if (!validated.ok) {
      this.errors = validated.errors;
      return null;
    }
    this.errors = {};
    return this.submit(() => action(validated.input));
  }

  /**
   * Deletes the record being edited; true when it is gone. A conflict (someone
   * changed it first) opens the conflict view, any other refusal the problem.
   */
  async remove(action: (record: Rec) => Promise<unknown>): Promise<boolean> {
    const record = this.record;
    if (!record) return false;
    try {
      await action(record);
      this.load(record); // nothing unsaved any more
      return true;
    } catch (error) {
      const problem = describeError(error);
      if (problem.kind === 'conflict')
        this.startConflict(problem.current as Rec, problem.savedBy ?? null);
      else this.problem = problem;
      return false;
    }
  }

  startConflict(theirs: Rec, savedBy: SavedBy | null = null): void {
    const theirsValues = this.#options.toValues(theirs);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- Svelte types this Snapshot<Values>, which TypeScript needs cast; svelte-eslint-parser's stand-in for $state.snapshot returns Values
    const mine = $state.snapshot(this.values) as Values;
    const differences = differingFields(this.#options.paths, this.baseValues, mine, theirsValues);
    this.conflict = {
      theirs,
      theirsValues,
      differences,
      choices: defaultChoices(differences),
      savedBy,
    };
  }

  /** Takes the chosen values onto the current record; the next save uses its version. */
  acceptMerge(): void {
    const conflict = this.conflict;
    if (!conflict) return;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- Svelte types this Snapshot<Values>, which TypeScript needs cast; svelte-eslint-parser's stand-in for $state.snapshot returns Values
    const mine = $state.snapshot(this.values) as Values;
    const merged = mergeValues(mine, conflict.theirsValues, conflict.differences, conflict.choices);
    this.record = conflict.theirs;
    this.values = merged;
    this.conflict = null;
  }

  /**
   * Keeps unsaved work in this tab's session storage while the user signs in
   * again (an expired session), so the form comes back as they left it.
   */
  stash(key: string): void {
    try {
      sessionStorage.setItem(
        `${STASH_PREFIX}${key}`,
        JSON.stringify({
          record: $state.snapshot(this.record),
          values: $state.snapshot(this.values),
        }),
      );
    } catch {
      // Storage full or blocked: the leave warning was the fallback.
    }
  }

  /**
   * Puts stashed work back (with the record it was based on, so a save after
   * someone else's change still opens the conflict view). True when it did.
   */
  restoreStash(key: string): boolean {
    try {
      const raw = sessionStorage.getItem(`${STASH_PREFIX}${key}`);
      if (!raw) return false;
      sessionStorage.removeItem(`${STASH_PREFIX}${key}`);
      const { record, values } = JSON.parse(raw) as { record: Rec | null; values: Values };
      this.record = record;
      this.values = values;
      return true;
    } catch {
      return false;
    }
  }

  /** Drops my edits and shows the stored record. */
  discardMine(): void {
    if (this.conflict) this.load(this.conflict.theirs);
  }
}
