/**
 * Starts the real platform for browser tests: a fresh SQLite file with the
 * default data plus a small demo set, an admin and an editor, and the server
 * process itself (apps/server/src/main.ts) on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUser } from '@cos/api';
import { openDatabase, runMigrations } from '@cos/db';
import { generateDemoData } from '@cos/db/demo';
import { seedDefaultData } from '@cos/db/seed';

export const ADMIN = {
  email: 'admin@example.se',
  password: 'admin password 123',
  name: 'Ada Admin',
};
export const EDITOR = {
  email: 'editor@example.se',
  password: 'editor password 123',
  name: 'Edvin Editor',
  cluster: 'opentech',
};

export interface Platform {
  origin: string;
  databasePath: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export async function startPlatform(options: { demo?: number } = {}): Promise<Platform> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cos-e2e-'));
  const databasePath = path.join(dir, 'e2e.db');
  await prepareDatabase(databasePath, options.demo ?? 0);

  const serverDir = path.resolve(import.meta.dirname, '../../../apps/server');
  // Files run in parallel: another file's server may take the port between
  // freePort() closing it and this server binding it. Then this server exits
  // early, and a fresh port is tried.
  let started: { origin: string; child: ChildProcess } | undefined;
  for (let attempt = 1; !started; attempt++) {
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const child = spawnServer(serverDir, port, origin, databasePath);
    if (await becameHealthy(child, origin)) started = { origin, child };
    else if (attempt >= 3) throw new Error(`server exited with ${child.exitCode}`);
  }
  const { origin, child } = started;
  return {
    origin,
    databasePath,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The database every file starts from: migrated, the default data, `demo`
 * demo members, the admin and the editor. Made once per test run and demo
 * count in the directory global-setup.ts names (E2E_TEMPLATES) and copied by
 * each file, so the files do not each generate the same data again; made in
 * place when run without it.
 */
async function prepareDatabase(databasePath: string, demo: number): Promise<void> {
  const templates = process.env.E2E_TEMPLATES;
  if (!templates) return createDatabase(databasePath, demo);
  const template = path.join(templates, `demo-${demo}.db`);
  if (!existsSync(template)) {
    // Files run in parallel: each writes its own file, and the rename is atomic.
    const own = `${template}.${randomUUID()}.tmp`;
    await createDatabase(own, demo);
    renameSync(own, template);
  }
  copyFileSync(template, databasePath);
}

async function createDatabase(databasePath: string, demo: number): Promise<void> {
  const handle = openDatabase({ url: databasePath });
  runMigrations(handle.db);
  seedDefaultData(handle.db);
  if (demo) generateDemoData(handle.sqlite, { count: demo, seed: 42 });
  const cluster = handle.sqlite
    .prepare('SELECT id FROM clusters WHERE slug = ?')
    .get(EDITOR.cluster) as { id: number };
  await createUser(handle, { ...ADMIN, role: 'admin', clusterId: null });
  await createUser(handle, {
    email: EDITOR.email,
    password: EDITOR.password,
    name: EDITOR.name,
    role: 'editor',
    clusterId: cluster.id,
  });
  // Closing the last connection folds the write-ahead log into the file, so the file is whole.
  handle.close();
}

function spawnServer(
  serverDir: string,
  port: number,
  origin: string,
  databasePath: string,
): ChildProcess {
  // The test command (package.json) runs the built bundle turbo has just made:
  // it starts in a fraction of the time tsx takes to compile the sources, once
  // per test file. Run by hand, the sources are used, so no stale build is tested.
  const args =
    process.env.E2E_SERVER === 'dist'
      ? ['dist/main.js']
      : ['--conditions=source', '--import', 'tsx', 'src/main.ts'];
  return spawn(process.execPath, args, {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databasePath,
      PUBLIC_ORIGIN: origin,
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-1234',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** True once /healthz answers; false if the process exited first (e.g. the port was taken). */
async function becameHealthy(child: ChildProcess, origin: string): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy in 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}
