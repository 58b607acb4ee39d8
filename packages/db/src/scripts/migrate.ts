/** `pnpm db:migrate`: apply the committed migrations to the database file. */
import { openDatabase } from '../client';
import { runMigrations } from '../migrate';

const handle = openDatabase();
runMigrations(handle.db);
console.warn(`Migrated ${handle.path}`);
handle.close();
