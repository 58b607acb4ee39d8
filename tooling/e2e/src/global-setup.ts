/**
 * Once per test run: a directory for the databases platform.ts makes once per
 * demo count and every file copies (E2E_TEMPLATES), removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'cos-e2e-templates-'));
  // Set before the test workers start, so each inherits it.
  process.env.E2E_TEMPLATES = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
