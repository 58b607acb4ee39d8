/** `pnpm db:seed`: migrate, then load the default data (idempotent). `--demo N` adds N demo members. */
import { parseArgs } from 'node:util';
import { openDatabase } from '../client';
import { generateDemoData } from '../demo/generate';
import { runMigrations } from '../migrate';
import { seedDefaultData } from '../seed';

const { values } = parseArgs({ options: { demo: { type: 'string' }, seed: { type: 'string' } } });
const handle = openDatabase();
runMigrations(handle.db);
const report = seedDefaultData(handle.db);
console.warn(`Default data in ${handle.path}: added ${JSON.stringify(report)}`);
if (values.demo !== undefined) {
  const count = Number(values.demo);
  const started = performance.now();
  const result = generateDemoData(handle.sqlite, {
    count,
    seed: values.seed ? Number(values.seed) : 1,
  });
  console.warn(
    `Demo data: ${result.members} members in ${Math.round(performance.now() - started)} ms`,
  );
}
handle.close();
