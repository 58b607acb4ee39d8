/**
 * The life of every edit form, written once: load the record (or start a new
 * one), keep unsaved work across an expired session (the stash), warn before
 * leaving it, save with Ctrl/Cmd+S or the button, delete, and hand a lost race
 * to the conflict view. A form brings only its fields and its own mapping
 * (validators, API calls, names); `createRecordForm` must be called while the
 * form component is being set up, because it registers lifecycle hooks.
 */
import { onMount, untrack } from 'svelte';
import { announce } from './announce.svelte';
import { RecordEditor, type EditorOptions } from './editor.svelte';
import { describeError, type ApiProblem } from './errors';
import { revalidatedErrors, sameErrors, type ShownErrors } from './field-errors';
import { hasErrors, type FieldErrors, type Validated } from './forms';
import { guardUnsaved, saveShortcut } from './guards.svelte';
import type { MessageKey } from './i18n';
import { t } from './i18n/locale.svelte';
import { go } from './paths';

type AppPath = `/${string}`;

/**
 * What a form brings. The record's type is taken from `load` alone (NoInfer
 * elsewhere), so a form need not spell out its type arguments.
 */
export interface RecordFormSpec<Rec, Values, Id, CreateInput, UpdateInput> {
  /** The record being edited; null for a new one. */
  id: Id | null;
  /** The stored record, or null when there is none with this id. */
  load: (id: Id) => Promise<Rec | null>;
  empty: EditorOptions<Rec, Values>['empty'];
  toValues: (record: NoInfer<Rec>) => Values;
  /** The fields the conflict view compares, in form order. */
  paths: readonly string[];
  /**
   * False when the id cannot name a record (the page passes -1 for a URL that
   * is no id): "not found" without asking the server. Default: positive numbers.
   */
  validId?: (id: Id) => boolean;
  /** Keep unsaved work in the tab while the user signs in again (default true). */
  stash?: boolean;
  /** Sets up a new record's values once mounted; what it sets counts as unsaved. */
  prepareNew?: (values: Values) => void;
  create: {
    validate: (values: Values) => Validated<CreateInput>;
    send: (input: CreateInput) => Promise<NoInfer<Rec>>;
    /** Announced when the record was created. */
    created: MessageKey;
    /** Where the new record is edited from now on. */
    path: (saved: NoInfer<Rec>) => AppPath;
  };
  update: {
    validate: (values: Values, record: NoInfer<Rec>) => Validated<UpdateInput>;
    send: (input: UpdateInput, record: NoInfer<Rec>) => Promise<NoInfer<Rec>>;
  };
  /** Leave out for records that cannot be deleted here. */
  remove?: {
    /** The name the confirmation asks about. */
    name: (record: NoInfer<Rec>) => string;
    send: (record: NoInfer<Rec>) => Promise<unknown>;
    /** Where to go once it is gone. */
    listPath: AppPath;
  };
  /** Runs after every write that succeeded (e.g. to refresh names other pages show). */
  afterWrite?: () => void;
}

const positiveNumber = (id: unknown) => typeof id !== 'number' || id > 0;

export class RecordForm<
  Rec extends { version: number },
  Values,
  Id = number,
  CreateInput = unknown,
  UpdateInput = unknown,
> extends RecordEditor<Rec, Values> {
  loading = $state(true);
  /** Why the record could not be shown at all (the form is replaced by this). */
  loadProblem = $state<ApiProblem | null>(null);
  /** Counts refused saves, so the error summary takes focus again each time. */
  attempt = $state(0);

  readonly #spec: RecordFormSpec<Rec, Values, Id, CreateInput, UpdateInput>;

  constructor(spec: RecordFormSpec<Rec, Values, Id, CreateInput, UpdateInput>) {
    super(spec);
    this.#spec = spec;
  }

  /** The errors on show and what they were judged on (see field-errors.ts). */
  #shown: ShownErrors | null = null;

  /** The form's validator on these values: its errors by field, none when valid. */
  #validate(values: Values): FieldErrors {
    const record = this.record;
    const result = record
      ? this.#spec.update.validate(values, record)
      : this.#spec.create.validate(values);
    return result.ok ? {} : result.errors;
  }

  /**
   * Run on every edit (an effect in createRecordForm): while errors show, a
   * field's error clears as soon as the same validator finds the field valid.
   */
  revalidate(): void {
    const errors = this.errors;
    if (!hasErrors(errors)) {
      this.#shown = null;
      return;
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- Svelte types this Snapshot<Values>, which TypeScript needs cast; svelte-eslint-parser's stand-in for $state.snapshot returns Values
    const values = $state.snapshot(this.values) as Values;
    if (this.#shown?.errors !== errors) {
      // New errors (from a save): remember what they were judged on.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain record of one moment, never read reactively
      const localKeys = new Set(Object.keys(untrack(() => this.#validate(values))));
      this.#shown = { errors, values, localKeys };
      return;
    }
    const next = revalidatedErrors(
      this.#shown,
      untrack(() => this.#validate(values)),
      values,
    );
    if (sameErrors(next, errors)) return;
    this.errors = next;
    // Still the same save's errors, judged on the same values.
    this.#shown = { ...this.#shown, errors: this.errors };
  }

  get canRemove(): boolean {
    return this.#spec.remove !== undefined;
  }

  /** Loads the record when the form opens; a failure replaces the form. */
  async open(): Promise<void> {
    const { id, validId = positiveNumber, prepareNew, stash = true } = this.#spec;
    if (id === null) prepareNew?.(this.values);
    else if (!validId(id)) this.loadProblem = { kind: 'not-found', message: '' };
    else {
      try {
        const record = await this.#spec.load(id);
        if (record) this.load(record);
        else this.loadProblem = { kind: 'not-found', message: '' };
      } catch (error) {
        this.loadProblem = describeError(error);
      }
    }
    if (stash && !this.loadProblem && this.restoreStash(this.stashKey)) {
      announce(t('common.draftRestored'), 'info');
    }
    this.loading = false;
  }

  /** After a restore from the history: the stored record replaces the form. */
  async reload(): Promise<void> {
    const id = this.#spec.id;
    if (id === null) return;
    try {
      const record = await this.#spec.load(id);
      if (record) this.load(record);
    } catch (error) {
      this.problem = describeError(error);
    }
  }

  readonly stashKey = `form:${location.pathname}`;

  async save(): Promise<void> {
    if (this.saving || this.conflict || this.loading || this.loadProblem) return;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- Svelte types this Snapshot<Values>, which TypeScript needs cast; svelte-eslint-parser's stand-in for $state.snapshot returns Values
    const values = $state.snapshot(this.values) as Values;
    const record = this.record;
    const { create, update, afterWrite } = this.#spec;
    if (record) {
      const saved = await this.submitValidated(update.validate(values, record), (input) =>
        update.send(input, record),
      );
      if (saved) {
        announce(t('common.saved'));
        afterWrite?.();
      }
    } else {
      const saved = await this.submitValidated(create.validate(values), create.send);
      if (saved) {
        announce(t(create.created));
        afterWrite?.();
        await go(create.path(saved), { replace: true });
      }
    }
    if (hasErrors(this.errors)) this.attempt++;
  }

  /** Deletes the record after asking; a conflict opens the conflict view. */
  async confirmRemove(): Promise<void> {
    const record = this.record;
    const spec = this.#spec.remove;
    if (!record || !spec || !confirm(t('common.confirmDelete', { name: spec.name(record) }))) {
      return;
    }
    if (await this.remove(spec.send)) {
      announce(t('common.deleted'));
      this.#spec.afterWrite?.();
      await go(spec.listPath);
    }
  }
}

/** Call during component set-up: the form's state, its guards and its loading. */
export function createRecordForm<
  Rec extends { version: number },
  Values,
  Id = number,
  CreateInput = unknown,
  UpdateInput = unknown,
>(
  spec: RecordFormSpec<Rec, Values, Id, CreateInput, UpdateInput>,
): RecordForm<Rec, Values, Id, CreateInput, UpdateInput> {
  const form = new RecordForm(spec);
  const stash = spec.stash ?? true;
  guardUnsaved(() => form.dirty, stash ? () => form.stash(form.stashKey) : undefined);
  saveShortcut(() => void form.save());
  // Reads every value deeply, so it re-runs on each edit while errors show.
  $effect(() => form.revalidate());
  onMount(() => void form.open());
  return form;
}
