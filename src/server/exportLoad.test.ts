import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bigPack, templatePack } from '../../tests/hostile.ts';
import { readFlopack } from '../export/flopack/read.ts';
import { createApp } from './app.ts';
import type { FolderDto, ImportDto, TreeDto } from './dto.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import type { Store, StoreTx } from './storage/store.ts';
import { HEADER_DESCRIPTION_CHARS } from './storage/store.ts';

/** Every flow whose content a unit of work loaded, and whether one loaded them all at once. */
interface Loads {
  flows: string[];
  wholeLoads: number;
}

/** A store that records which flows' content each transaction reads. */
function recording(store: Store, loads: Loads): Store {
  return {
    ...store,
    transaction: (fn) =>
      store.transaction((tx) => {
        const spy: StoreTx = {
          ...tx,
          flow: async (id) => {
            loads.flows.push(id);
            return tx.flow(id);
          },
          flows: async (ids) => {
            if (!ids) loads.wholeLoads++;
            const got = await tx.flows(ids);
            loads.flows.push(...got.map((f) => f.id));
            return got;
          },
        };
        return fn(spy);
      }),
  };
}

let store: Store;
let loads: Loads;
let app: ReturnType<typeof createApp>;
const H = { 'content-type': 'application/json' };

beforeEach(() => {
  store = openSqliteStore(
    path.join(mkdtempSync(path.join(tmpdir(), 'flopack-export-load-')), 's.sqlite'),
  );
  loads = { flows: [], wholeLoads: 0 };
  app = createApp({ store: recording(store, loads) });
});
afterEach(() => store.close());

const post = async <T>(url: string, body: string): Promise<T> => {
  const r = await app.request(url, { method: 'POST', headers: H, body });
  expect(r.status).toBe(201);
  return (await r.json()) as T;
};

describe('exports load only what they write', () => {
  it('exports a folder loading its own flows and the helpers they call, not the rest', async () => {
    const big = await post<ImportDto>('/api/import', bigPack(4, 256 * 1024, 5));
    const home = await post<FolderDto>('/api/folders', JSON.stringify({ name: 'Home' }));
    const made = await post<ImportDto>(`/api/import?folder=${home.id}`, templatePack(7));
    loads.flows = [];
    const r = await app.request(`/api/export?folder=${home.id}`);
    expect(r.status).toBe(200);
    const read = readFlopack(await r.text());
    if (!read.ok) throw new Error(read.problems[0]?.message);
    expect(Object.keys(read.value.flows).sort()).toEqual([...made.flowIds].sort());
    expect(new Set(loads.flows)).toEqual(new Set(made.flowIds));
    expect(loads.flows.filter((id) => big.flowIds.includes(id))).toEqual([]);
    expect(loads.wholeLoads).toBe(0);
  });

  it('streams the whole workspace one flow at a time, every flow once, and it reads back whole', async () => {
    const big = await post<ImportDto>('/api/import', bigPack(5, 300 * 1024, 6));
    const home = await post<FolderDto>('/api/folders', JSON.stringify({ name: 'Home' }));
    const made = await post<ImportDto>(`/api/import?folder=${home.id}`, templatePack(8));
    loads.flows = [];
    const r = await app.request('/api/export');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('workspace.flopack');
    const text = await r.text();
    expect(Number(r.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(loads.wholeLoads).toBe(0);
    const all = [...big.flowIds, ...made.flowIds];
    expect([...loads.flows].sort()).toEqual([...all].sort());
    const read = readFlopack(text, { maxBytes: 200 * 1024 * 1024 });
    if (!read.ok) throw new Error(read.problems[0]?.message);
    expect(Object.keys(read.value.flows).sort()).toEqual([...all].sort());
    const one = read.value.flows[big.flowIds[0] ?? ''];
    expect(one?.description).toHaveLength(300 * 1024);
  });

  it('lists headers with descriptions cut to the typed limit; the flow itself keeps it whole', async () => {
    const big = await post<ImportDto>('/api/import', bigPack(1, 100 * 1024, 9));
    const tree = (await (await app.request('/api/workspace')).json()) as TreeDto;
    const header = tree.flows.find((f) => f.id === big.flowIds[0]);
    expect(header?.description).toHaveLength(HEADER_DESCRIPTION_CHARS);
    const flow = (await (await app.request(`/api/flows/${big.flowIds[0]}`)).json()) as {
      description: string;
    };
    expect(flow.description).toHaveLength(100 * 1024);
  });
});
