/**
 * Two studio processes over one PostgreSQL, as behind a load balancer: what one writes the
 * other serves, a stale save through the other is refused, and a burst of saves from several
 * clients through both — even with one instance SIGKILLed mid-burst — loses nothing that was
 * acknowledged.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPostgres } from '../../tests/postgres.ts';
import { POSTGRES_SKIP_NOTE, postgresAvailable, startPostgres } from '../../tests/postgres.ts';
import type { FlowDto, FolderDto } from './dto.ts';
import type { VersionHeader } from './storage/store.ts';

interface Instance {
  child: ChildProcess;
  url: string;
}

async function launch(databaseUrl: string, name: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], {
    env: { ...process.env, PORT: '0', DATABASE_URL: databaseUrl, INSTANCE_ID: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}): ${out}`)));
  });
  return { child, url };
}

/** One HTTP call; resolves with the status and JSON body, rejects only when unreachable. */
async function call<T>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, json: (await r.json()) as T };
}

interface Ack {
  flowId: string;
  revision: number;
  description: string;
}

/**
 * Clients saving in a loop, alternating between instances; on 409 they re-read and save again.
 * Returns the acknowledged saves and the number of 409s, once `until()` says stop.
 */
async function burst(
  urls: () => string[],
  flows: FlowDto[],
  clients: number,
  tag: string,
  until: (acked: number) => boolean,
): Promise<{ acks: Ack[]; conflicts: number; unreachable: number }> {
  const acks: Ack[] = [];
  let conflicts = 0;
  let unreachable = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const flow = flows[c % flows.length] as FlowDto;
      let revision = flow.revision;
      for (let n = 0; !until(acks.length); n++) {
        const list = urls();
        const base = list[(c + n) % list.length] as string;
        const description = `${tag} client ${c} save ${n}`;
        let res: { status: number; json: FlowDto };
        try {
          res = await call<FlowDto>(base, 'PUT', `/api/flows/${flow.id}`, {
            baseRevision: revision,
            description,
          });
        } catch {
          unreachable++; // never acknowledged: the instance is gone
          continue;
        }
        if (res.status === 200) {
          revision = res.json.revision;
          acks.push({ flowId: flow.id, revision, description });
        } else if (res.status === 409) {
          conflicts++;
          revision = (res.json as unknown as { revision: number }).revision;
        } else throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.json)}`);
      }
    }),
  );
  return { acks, conflicts, unreachable };
}

/** Checks that every acknowledged save is a version with exactly what was sent. */
async function expectAllKept(base: string, acks: Ack[]): Promise<void> {
  const byFlow = new Map<string, Ack[]>();
  for (const a of acks) byFlow.set(a.flowId, [...(byFlow.get(a.flowId) ?? []), a]);
  for (const [flowId, list] of byFlow) {
    const versions = (await call<VersionHeader[]>(base, 'GET', `/api/flows/${flowId}/versions`))
      .json;
    const kept = new Set(versions.map((v) => v.revision));
    expect(new Set(list.map((a) => a.revision)).size).toBe(list.length);
    for (const a of list) {
      expect(kept.has(a.revision)).toBe(true);
      const v = await call<{ flow: { description: string } }>(
        base,
        'GET',
        `/api/flows/${flowId}/versions/${a.revision}`,
      );
      expect(v.json.flow.description).toBe(a.description);
    }
  }
}

const available = postgresAvailable();
if (!available) console.log(POSTGRES_SKIP_NOTE);

describe.skipIf(!available)('two instances over one PostgreSQL [postgres]', () => {
  let pgServer: TestPostgres;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    pgServer = await startPostgres();
    const url = await pgServer.newDatabase();
    [a, b] = await Promise.all([launch(url, 'instance-a'), launch(url, 'instance-b')]);
  }, 60_000);
  afterAll(async () => {
    a?.child.kill('SIGKILL');
    b?.child.kill('SIGKILL');
    await pgServer?.stop();
  });

  it('serves through one what the other wrote, and refuses a stale save through the other', async () => {
    const folder = (
      await call<FolderDto>(a.url, 'POST', '/api/folders', { name: 'Shared', parentId: null })
    ).json;
    const flow = (
      await call<FlowDto>(a.url, 'POST', '/api/flows', { folderId: folder.id, name: 'High' })
    ).json;
    const seen = await call<FlowDto>(b.url, 'GET', `/api/flows/${flow.id}`);
    expect(seen.json.name).toBe('High');
    const saved = await call<FlowDto>(a.url, 'PUT', `/api/flows/${flow.id}`, {
      baseRevision: 1,
      description: 'from a',
    });
    expect(saved.status).toBe(200);
    const stale = await call<{ code: string; revision: number }>(
      b.url,
      'PUT',
      `/api/flows/${flow.id}`,
      { baseRevision: 1, description: 'from b' },
    );
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: 'FLOW_E409', revision: 2 });
    expect((await call<FlowDto>(b.url, 'GET', `/api/flows/${flow.id}`)).json.description).toBe(
      'from a',
    );
  });

  it('loses no acknowledged save in a burst through both, nor when one is SIGKILLed mid-burst', async () => {
    const folder = (
      await call<FolderDto>(a.url, 'POST', '/api/folders', { name: 'Burst', parentId: null })
    ).json;
    const flows = await Promise.all(
      [1, 2].map(
        async (i) =>
          (
            await call<FlowDto>(b.url, 'POST', '/api/flows', {
              folderId: folder.id,
              name: `Burst ${i}`,
            })
          ).json,
      ),
    );
    const both = (): string[] => [a.url, b.url];
    const first = await burst(both, flows, 6, 'calm', (n) => n >= 120);
    await expectAllKept(b.url, first.acks);
    console.log(
      `two instances: ${first.acks.length} saves acknowledged, ${first.conflicts} refused with 409, 0 lost`,
    );
    expect(first.conflicts).toBeGreaterThan(0);

    // Second burst: instance A is SIGKILLed after 60 acknowledged saves; clients go on via B.
    let alive = both();
    let killedAt = -1;
    const second = await burst(
      () => alive,
      flows,
      6,
      'kill',
      (n) => {
        if (n >= 60 && killedAt < 0) {
          killedAt = n;
          a.child.kill('SIGKILL');
          alive = [b.url];
        }
        return n >= 150;
      },
    );
    await expectAllKept(b.url, second.acks);
    const versions = await Promise.all(
      flows.map(
        async (f) =>
          (await call<VersionHeader[]>(b.url, 'GET', `/api/flows/${f.id}/versions`)).json.length,
      ),
    );
    // Every version is an acknowledged save, or the one save in flight when A died.
    const total = versions.reduce((x, y) => x + y, 0);
    const acked = 2 + first.acks.length + second.acks.length;
    expect(total).toBeGreaterThanOrEqual(acked);
    expect(total - acked).toBeLessThanOrEqual(6);
    console.log(
      `SIGKILL of one instance after ${killedAt} saves: ${second.acks.length} saves acknowledged, ${second.conflicts} refused with 409, ${second.unreachable} unreachable, 0 acknowledged saves lost`,
    );
  }, 120_000);
});
