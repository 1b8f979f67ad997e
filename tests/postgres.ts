/**
 * A throwaway PostgreSQL for tests: `TEST_DATABASE_URL` when set, else a fresh cluster started
 * from Debian's binaries on a free loopback port. Without either, PostgreSQL tests are skipped
 * (with one line saying how to run them); CI installs the binaries and requires them to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BIN_ROOT = '/usr/lib/postgresql';

/** The directory of the newest installed PostgreSQL's server binaries, if any. */
function binDir(): string | null {
  if (!existsSync(BIN_ROOT)) return null;
  const versions = readdirSync(BIN_ROOT)
    .filter((v) => existsSync(path.join(BIN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(BIN_ROOT, versions[0], 'bin') : null;
}

/** Whether PostgreSQL tests can run here. */
export const postgresAvailable = (): boolean =>
  Boolean(process.env['TEST_DATABASE_URL']) || binDir() !== null;

/** The line shown when PostgreSQL tests are skipped. */
export const POSTGRES_SKIP_NOTE =
  'PostgreSQL tests skipped: install PostgreSQL (apt-get install postgresql) or set TEST_DATABASE_URL=postgres://user@host:port/db to run them.';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A running PostgreSQL the tests may create databases in. */
export interface TestPostgres {
  /** A connection string for a new, empty database. */
  newDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Runs a server binary, as the `postgres` user when we are root (initdb refuses root). */
function runPg(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const cmd = asRoot ? 'runuser' : bin;
  const full = asRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  const r = spawnSync(cmd, full, { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`${path.basename(bin)} failed (${r.status}): ${r.stderr || r.stdout}`);
}

let counter = 0;

/** Starts (or connects to) a PostgreSQL server for one test file. */
export async function startPostgres(): Promise<TestPostgres> {
  const fixed = process.env['TEST_DATABASE_URL'];
  let adminUrl: string;
  let stop: () => Promise<void>;
  if (fixed) {
    adminUrl = fixed;
    stop = () => Promise.resolve();
  } else {
    const bin = binDir();
    if (!bin) throw new Error(POSTGRES_SKIP_NOTE);
    const dir = mkdtempSync(path.join(tmpdir(), 'flopack-pg-'));
    chmodSync(dir, 0o700);
    if (process.getuid?.() === 0) {
      const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
      const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
      chownSync(dir, Number(ids), Number(gid));
    }
    const port = await freePort();
    runPg(path.join(bin, 'initdb'), ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    runPg(path.join(bin, 'pg_ctl'), [
      '-D',
      dir,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      '-l',
      path.join(dir, 'log'),
      '-w',
      'start',
    ]);
    adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stop = () => {
      runPg(path.join(bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  }
  return {
    async newDatabase() {
      const name = `flopack_test_${process.pid}_${Date.now()}_${++counter}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      return u.toString();
    },
    stop,
  };
}
