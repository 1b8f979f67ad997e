/**
 * `npm run soak`: four clients run mixed saves, imports, exports and hostile requests against
 * one built server for SOAK_SECONDS (default 600). Afterwards every acknowledged write must be
 * present, `PRAGMA integrity_check` must say ok, and the server's RSS must be back within 50 MB
 * of where it started. Prints the figures; exits 1 if a check fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { bigPack, mutatePack, templatePack, twoFolderPack } from '../tests/hostile.ts';

const SECONDS = Number(process.env['SOAK_SECONDS'] ?? 600);
/**
 * The server runs as README "Limits and security" advises (`npm start` passes the flag): a young generation
 * capped at 4 MB semi-spaces (V8 otherwise keeps it at its peak size after a burst) and at
 * most two malloc arenas (glibc otherwise keeps one per thread that ever allocated).
 * SOAK_PLAIN=1 runs a bare `node` instead, for comparison.
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];
const SERVER_ENV = { MALLOC_ARENA_MAX: '2' };
const PLAIN = process.env['SOAK_PLAIN'] === '1';
const CLIENTS = 4;
const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'flopack-soak-')), 'studio.sqlite');

const rssOf = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) * 1024;
};
const mb = (b: number): string => `${(b / 1048576).toFixed(1)} MB`;

/** The server's own memory figures, as scripts/soak-memory.mjs prints them. */
interface Memory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

async function startServer(): Promise<{
  url: string;
  pid: number;
  memory: () => Memory | null;
  stop: () => void;
}> {
  const child = spawn(
    process.execPath,
    [
      ...(PLAIN ? [] : SERVER_NODE_FLAGS),
      '--import',
      new URL('./soak-memory.mjs', import.meta.url).href,
      'dist-server/src/server/index.js',
    ],
    {
      env: { ...process.env, ...(PLAIN ? {} : SERVER_ENV), PORT: '0', DB_FILE: dbFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let latest: Memory | null = null;
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    let found = false;
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('soak-memory ')) latest = JSON.parse(line.slice(12)) as Memory;
        const m = /running at (http:\/\/[^\s]+?)\/?$/.exec(line.trim());
        if (!found && m?.[1]) {
          found = true;
          resolve(m[1]);
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return { url, pid: child.pid ?? 0, memory: () => latest, stop: () => child.kill('SIGTERM') };
}

/** Why a request got no HTTP answer: the cause's code (ECONNRESET, UND_ERR_SOCKET, …). */
function failureCause(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const cause = err.cause;
  return cause?.code ?? cause?.message ?? err.name ?? err.message ?? String(e);
}

const H = { 'content-type': 'application/json' };
/** Imports and exports may be refused with 503 + Retry-After when too many are under way. */
const BUSY_OR = (ok: number[]): number[] => [...ok, 503];

async function main(): Promise<void> {
  const server = await startServer();
  const { url } = server;
  const port = Number(new URL(url).port);
  const api = async (method: string, p: string, body?: unknown): Promise<Response> =>
    fetch(`${url}${p}`, {
      method,
      headers: H,
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  // Warm up, then take the baseline.
  for (let i = 0; i < 20; i++) await (await api('GET', '/api/workspace')).text();
  await new Promise((r) => setTimeout(r, 1000));
  const heapOf = (): number => server.memory()?.heapUsed ?? 0;
  const startRss = rssOf(server.pid);
  const startHeap = heapOf();
  let peakRss = startRss;
  let peakHeap = startHeap;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssOf(server.pid));
    peakHeap = Math.max(peakHeap, heapOf());
  }, 500);

  const acked = new Map<string, { name: string; revision: number; description: string }>();
  const ackedImports: string[] = [];
  const counts: Record<string, number> = {};
  const count = (k: string): void => void (counts[k] = (counts[k] ?? 0) + 1);
  const unexpected: string[] = [];
  /** Requests that got no HTTP answer at all, by kind and cause. */
  const failures: Record<string, number> = {};
  const expectStatus = async (
    what: string,
    r: Promise<Response>,
    ok: number[],
  ): Promise<Response | null> => {
    try {
      const res = await r;
      if (!ok.includes(res.status))
        unexpected.push(`${what}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      count(`${what} ${res.status}`);
      return res;
    } catch (e) {
      const key = `${what}: ${failureCause(e)}`;
      failures[key] = (failures[key] ?? 0) + 1;
      unexpected.push(key);
      return null;
    }
  };
  const pack = twoFolderPack();
  const selfParent = mutatePack(pack.text, (d) => {
    const a = d.data.groups[pack.a];
    if (a) a.data.path = pack.a;
  });
  const big = bigPack(6, 512 * 1024, 77);
  const end = Date.now() + SECONDS * 1000;

  const client = async (n: number): Promise<void> => {
    const folder = (await (await api('POST', '/api/folders', { name: `Client ${n}` })).json()) as {
      id: string;
    };
    let step = 0;
    while (Date.now() < end) {
      step++;
      const kind = step % 10;
      if (kind <= 3) {
        // Save: create a flow, then change it; remember what was acknowledged.
        const made = await expectStatus(
          'create flow',
          api('POST', '/api/flows', { folderId: folder.id, name: `F${n}-${step}` }),
          [201],
        );
        if (!made || made.status !== 201) continue;
        const flow = (await made.json()) as { id: string; name: string; revision: number };
        const description = `saved by ${n} at ${step}`;
        const saved = await expectStatus(
          'save flow',
          api('PUT', `/api/flows/${flow.id}`, { baseRevision: flow.revision, description }),
          [200],
        );
        if (saved?.status === 200) {
          const s = (await saved.json()) as { revision: number };
          acked.set(flow.id, { name: flow.name, revision: s.revision, description });
        }
      } else if (kind === 4) {
        const r = await expectStatus(
          'import',
          api(
            'POST',
            `/api/import?folder=${folder.id}&name=t.flopack`,
            templatePack(1000 * n + step),
          ),
          BUSY_OR([201]),
        );
        if (r?.status === 201)
          ackedImports.push(...((await r.json()) as { flowIds: string[] }).flowIds);
      } else if (kind === 5 && step % 50 === 5) {
        const r = await expectStatus('big import', api('POST', '/api/import', big), BUSY_OR([201]));
        if (r?.status === 201)
          ackedImports.push(...((await r.json()) as { flowIds: string[] }).flowIds);
      } else if (kind === 6) {
        const r = await expectStatus(
          'export',
          api('GET', step % 30 === 6 ? '/api/export' : `/api/export?folder=${folder.id}`),
          BUSY_OR([200]),
        );
        await r?.arrayBuffer();
      } else if (kind === 7) {
        // Hostile: cross-site form, foreign host, self-parent folder, text/plain.
        await expectStatus(
          'cross-site',
          fetch(`${url}/api/folders`, {
            method: 'POST',
            headers: { ...H, 'sec-fetch-site': 'cross-site' },
            body: '{"name":"x"}',
          }),
          [403],
        );
        await expectStatus(
          'text/plain',
          fetch(`${url}/api/folders`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: '{"name":"x"}',
          }),
          [415],
        );
        await expectStatus('self-parent', api('POST', '/api/import', selfParent), [422]);
      } else if (kind === 8) {
        const chunked = step % 20 === 8;
        count(
          `${chunked ? 'chunked 64 MB' : 'foreign Host'} ${await hostileSocket(port, chunked)}`,
        );
      } else {
        await expectStatus('health', api('GET', '/api/health'), [200]);
        await expectStatus('tree', api('GET', '/api/workspace'), [200]);
      }
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i + 1)));
  const elapsed = (Date.now() - t0) / 1000;
  clearInterval(sampler);

  // Check every acknowledged write through the API, then let memory settle.
  let missing = 0;
  for (const [id, want] of acked) {
    const r = await api('GET', `/api/flows/${id}`);
    const got = r.ok ? ((await r.json()) as { revision: number; description: string }) : null;
    if (
      !got ||
      got.revision < want.revision ||
      (got.revision === want.revision && got.description !== want.description)
    )
      missing++;
  }
  for (const id of ackedImports) if (!(await api('GET', `/api/flows/${id}`)).ok) missing++;
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 1000));
  const endRss = rssOf(server.pid);
  const endHeap = heapOf();
  server.stop();
  await new Promise((r) => setTimeout(r, 1500));
  const db = new Database(dbFile, { readonly: true });
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])[0]
    ?.integrity_check;
  db.close();

  const grew = endRss - startRss;
  console.log(
    `soak: ${CLIENTS} clients for ${elapsed.toFixed(0)} s against ${url} (${PLAIN ? 'bare node' : `node ${SERVER_NODE_FLAGS.join(' ')}, MALLOC_ARENA_MAX=${SERVER_ENV.MALLOC_ARENA_MAX}`})`,
  );
  console.log(`requests: ${JSON.stringify(counts)}`);
  console.log(
    `acknowledged: ${acked.size} saved flows, ${ackedImports.length} imported flows; missing afterwards: ${missing}`,
  );
  console.log(`integrity_check: ${integrity}`);
  console.log(
    `server RSS: start ${mb(startRss)}, peak ${mb(peakRss)}, end ${mb(endRss)} (${grew >= 0 ? '+' : ''}${mb(grew)})`,
  );
  console.log(
    `server heapUsed: start ${mb(startHeap)}, peak ${mb(peakHeap)}, end ${mb(endHeap)}; at the end heapTotal ${mb(server.memory()?.heapTotal ?? 0)}, external ${mb(server.memory()?.external ?? 0)}, arrayBuffers ${mb(server.memory()?.arrayBuffers ?? 0)}`,
  );
  console.log(`requests with no HTTP answer: ${JSON.stringify(failures)}`);
  console.log(
    `unexpected answers: ${unexpected.length}${unexpected.length ? ` — ${unexpected.slice(0, 5).join(' | ')}` : ''}`,
  );
  const ok = missing === 0 && integrity === 'ok' && grew < 50 * 1048576 && unexpected.length === 0;
  console.log(ok ? 'soak: PASS' : 'soak: FAIL');
  process.exit(ok ? 0 : 1);
}

/**
 * A chunked upload far over the cap, or a foreign Host, over a raw socket. Resolves with the
 * answer's status code, or "closed" when the server closed the socket without one.
 */
function hostileSocket(port: number, chunked: boolean): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    let sent = 0;
    let head = '';
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    s.on('data', (d: Buffer) => {
      head += d.toString('latin1');
      if (head.includes('\r\n')) s.destroy();
    });
    s.on('error', () => undefined);
    s.on('close', () => resolve(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 'closed'));
    if (!chunked) {
      s.write('GET /api/export HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n');
      return;
    }
    s.write(
      `POST /api/folders HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const pump = (): void => {
      while (!s.destroyed && sent < 64 * 1024 * 1024) {
        sent += chunk.length;
        s.write(`${chunk.length.toString(16)}\r\n`);
        s.write(chunk);
        if (!s.write('\r\n')) return void s.once('drain', pump);
      }
      if (!s.destroyed) s.end();
    };
    pump();
  });
}

void main();
