/** Rewrites one generated block of BENCHMARKS.md (between <!-- name --> and <!-- /name -->). */
import { readFileSync, writeFileSync } from 'node:fs';

export function withBlock(doc: string, name: string, content: string): string | null {
  const begin = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) return null;
  return `${doc.slice(0, from + begin.length)}\n${content}\n${doc.slice(to)}`;
}

export function replaceBlock(file: string, name: string, content: string): boolean {
  const next = withBlock(readFileSync(file, 'utf8'), name, content);
  if (next === null) return false;
  writeFileSync(file, next);
  return true;
}
