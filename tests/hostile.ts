/** Builders for hostile inputs: flopacks with broken folder trees, names and sizes. */
import { catalog } from '../src/catalog/index.ts';
import { unwrap } from '../src/model/errors.ts';
import { createFolder } from '../src/model/folders.ts';
import { createFlow } from '../src/model/flows.ts';
import { seededIds } from '../src/model/ids.ts';
import { buildTemplate } from '../src/model/templates.ts';
import { emptyWorkspace, putFlow } from '../src/model/workspace.ts';
import { writeFlopack } from '../src/export/flopack/write.ts';

/** A parsed flopack, loosely typed for tests that break it on purpose. */
export interface LoosePack {
  data: {
    flos: Record<string, { name: string; data: { group?: string } }>;
    groups: Record<string, { id: string; data: { name: string; path?: string } }>;
  };
}

/** Two folders (B inside A) with one flow in B, as exported flopack text. */
export function twoFolderPack(seed = 11): { text: string; a: string; b: string; flow: string } {
  const ids = seededIds(seed);
  const a = unwrap(createFolder(emptyWorkspace(), { name: 'A', parentId: null }, ids));
  const b = unwrap(createFolder(a.workspace, { name: 'B', parentId: a.folder.id }, ids));
  const f = unwrap(createFlow(b.workspace, b.folder.id, { name: 'Flow in B' }, ids));
  const text = unwrap(writeFlopack(f.workspace, { kind: 'workspace' }, { now: new Date(0) }));
  return { text, a: a.folder.id, b: b.folder.id, flow: f.flow.id };
}

/** `text` parsed, changed by `fn`, and written back. */
export function mutatePack(text: string, fn: (doc: LoosePack) => void): string {
  const doc = JSON.parse(text) as LoosePack;
  fn(doc);
  return JSON.stringify(doc);
}

/** A template's flows (real card shapes) as a flopack of one folder, for bulk imports. */
export function templatePack(seed = 21): string {
  const ws = unwrap(buildTemplate(catalog, 'quarantine', seededIds(seed)));
  return unwrap(writeFlopack(ws, { kind: 'workspace' }, { now: new Date(0) }));
}

/**
 * A flopack of `flows` flows spread over folders, each with a description of `descriptionBytes`
 * characters (a field Okta exports), for size tests. Ids come from `seed`.
 */
export function bigPack(flows: number, descriptionBytes: number, seed = 31): string {
  const ids = seededIds(seed);
  const folder = unwrap(
    createFolder(emptyWorkspace(), { name: `Bulk ${seed}`, parentId: null }, ids),
  );
  let ws = folder.workspace;
  for (let i = 0; i < flows; i++) {
    const made = unwrap(createFlow(ws, folder.folder.id, { name: `Flow ${i}` }, ids));
    ws = putFlow(made.workspace, { ...made.flow, description: 'd'.repeat(descriptionBytes) });
  }
  return unwrap(writeFlopack(ws, { kind: 'workspace' }, { now: new Date(0) }));
}
