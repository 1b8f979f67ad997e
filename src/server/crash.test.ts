import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDto, FolderDto } from './dto.ts';
import type { VersionHeader } from './storage/store.ts';

const PORT = 4391;
const base = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | null = null;

async function start(dbFile: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], {
    env: { ...process.env, PORT: String(PORT), DB_FILE: dbFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

const json = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
  const r = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
};

afterEach(() => {
  server?.kill('SIGKILL');
  server = null;
});

describe('a server killed during a burst of saves', () => {
  it('keeps every acknowledged save, and the database opens cleanly', async () => {
    const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'flopack-crash-')), 'studio.sqlite');
    server = await start(dbFile);
    const folder = await json<FolderDto>('POST', '/api/folders', { name: 'Burst', parentId: null });
    const flows = await Promise.all(
      [1, 2, 3].map((i) =>
        json<FlowDto>('POST', '/api/flows', { folderId: folder.id, name: `Flow ${i}` }),
      ),
    );
    const acked = new Map<string, { revision: number; description: string }[]>();
    let stop = false;
    const burst = flows.map(async (flow) => {
      let revision = flow.revision;
      for (let n = 1; !stop; n++) {
        const description = `save ${n} of ${flow.name}`;
        try {
          const saved = await json<FlowDto>('PUT', `/api/flows/${flow.id}`, {
            baseRevision: revision,
            description,
          });
          revision = saved.revision;
          acked.set(flow.id, [...(acked.get(flow.id) ?? []), { revision, description }]);
        } catch {
          return; // the server is gone: this save was never acknowledged
        }
      }
    });
    const total = (): number => [...acked.values()].reduce((n, list) => n + list.length, 0);
    while (total() < 60) await new Promise((r) => setTimeout(r, 5));
    server.kill('SIGKILL');
    await Promise.all(burst);
    stop = true;

    const db = new Database(dbFile);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    server = await start(dbFile);
    for (const flow of flows) {
      const list = acked.get(flow.id) ?? [];
      expect(list.length).toBeGreaterThan(0);
      const last = list[list.length - 1];
      const now = await json<FlowDto>('GET', `/api/flows/${flow.id}`);
      expect(now.revision).toBeGreaterThanOrEqual(last?.revision ?? 0);
      const versions = await json<VersionHeader[]>('GET', `/api/flows/${flow.id}/versions`);
      const kept = new Set(versions.map((v) => v.revision));
      for (const save of list) {
        expect(kept.has(save.revision)).toBe(true);
        const v = await json<{ flow: { description: string } }>(
          'GET',
          `/api/flows/${flow.id}/versions/${save.revision}`,
        );
        expect(v.flow.description).toBe(save.description);
      }
    }
    // The restarted server still takes saves.
    const after = await json<FlowDto>('GET', `/api/flows/${flows[0]?.id}`);
    await json('PUT', `/api/flows/${after.id}`, {
      baseRevision: after.revision,
      name: 'Still works',
    });
  }, 60_000);
});
