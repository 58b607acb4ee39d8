/**
 * The physical limit: node:http + better-sqlite3 running the very same
 * prepared statements the API runs (captured by capture.ts), returning their
 * rows as JSON. No framework, no validation, no caching.
 * Usage: tsx raw-server.ts <database> <plan.json> <port>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import type { QueryPlan } from './capture';

const [file, planFile, port] = process.argv.slice(2);
if (!file || !planFile || !port) throw new Error('usage: raw-server <database> <plan.json> <port>');
const db = new Database(file, { readonly: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -32000');
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as QueryPlan;
const prepared = Object.fromEntries(
  Object.entries(plan).map(([name, steps]) => [
    name,
    steps.map((s) => ({ statement: db.prepare(s.sql), params: s.params, mode: s.mode })),
  ]),
);

createServer((req, res) => {
  const steps = prepared[(req.url ?? '/').slice(1)];
  if (!steps) {
    res.writeHead(404).end();
    return;
  }
  const out = steps.map((s) =>
    s.mode === 'all' ? s.statement.all(...s.params) : s.statement.get(...s.params),
  );
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
}).listen(Number(port), '127.0.0.1');
