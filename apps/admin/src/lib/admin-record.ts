/**
 * The load, create, update and delete settings of a record edited through
 * one of the `*.admin` routers (area, cluster, article, member). Those four
 * routers take the same inputs under the same names (the id; the id and the
 * version the form saw), so a form names its router, validators and paths
 * and spreads the result into `createRecordForm`, instead of spelling out
 * the same calls again.
 */
import type { Validated } from './forms';
import type { MessageKey } from './i18n';
import type { RecordFormSpec } from './record-form.svelte';

type AppPath = `/${string}`;
type Stored = { id: number; version: number };

/** The procedures an admin router has; the tRPC client's procedures fit these. */
export interface AdminRouter<Rec, CreateInput, UpdateInput, Created> {
  get: { query: (input: { id: number }) => Promise<Rec> };
  create: { mutate: (input: CreateInput) => Promise<Created> };
  update: { mutate: (input: UpdateInput) => Promise<Rec> };
  delete: { mutate: (input: Stored) => Promise<unknown> };
}

export interface AdminRecordOptions<Rec, Values, CreateInput, UpdateInput, Created> {
  validateCreate: (values: Values) => Validated<CreateInput>;
  validateUpdate: (values: Values, id: number, version: number) => Validated<UpdateInput>;
  /** Announced when the record was created. */
  created: MessageKey;
  /** The list page; a record is edited at `${listPath}/${id}`. */
  listPath: AppPath;
  /** The name the delete confirmation asks about. */
  name: (record: NoInfer<Rec>) => string;
  /** The record in what `create` answers; needed only where that is more than the record. */
  fromCreated?: (created: NoInfer<Created>) => NoInfer<Rec>;
}

export function adminRecord<Rec extends Stored, Values, CreateInput, UpdateInput, Created>(
  router: AdminRouter<Rec, CreateInput, UpdateInput, Created>,
  options: AdminRecordOptions<Rec, Values, CreateInput, UpdateInput, Created>,
): Pick<
  RecordFormSpec<Rec, Values, number, CreateInput, UpdateInput>,
  'load' | 'create' | 'update' | 'remove'
> {
  const { validateCreate, validateUpdate, created, listPath, name } = options;
  // Without fromCreated the router answers a create with the record itself.
  const fromCreated = options.fromCreated ?? ((answer: Created) => answer as unknown as Rec);
  return {
    load: (id) => router.get.query({ id }),
    create: {
      validate: validateCreate,
      send: async (input) => fromCreated(await router.create.mutate(input)),
      created,
      path: (saved) => `${listPath}/${saved.id}`,
    },
    update: {
      validate: (values, record) => validateUpdate(values, record.id, record.version),
      send: (input) => router.update.mutate(input),
    },
    remove: {
      name,
      send: (record) => router.delete.mutate({ id: record.id, version: record.version }),
      listPath,
    },
  };
}
