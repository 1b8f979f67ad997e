/**
 * Exports: a flow, folder or the whole workspace as flopack text or a temporary file, what a
 * review rule would hold back, and the import plan of the very file an export would give.
 */
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_FLOPACK_BYTES } from '../../export/flopack/read.ts';
import { refsOf } from '../../export/flopack/refs.ts';
import type { ExportTarget } from '../../export/flopack/write.ts';
import { workspaceFlopackChunks, writeFlopack } from '../../export/flopack/write.ts';
import type { ImportPlanReport } from '../../export/plan/plan.ts';
import { importPlan } from '../../export/plan/plan.ts';
import type { FlowId } from '../../model/ids.ts';
import type { ApprovalBlock } from '../../model/review.ts';
import type { Workspace } from '../../model/workspace.ts';
import { subtree, withoutCycles } from '../../model/workspace.ts';
import { problemError } from '../http.ts';
import { readFlopackOffThread } from '../readOffThread.ts';
import { assertApproved, exportBlocks } from '../reviewService.ts';
import type { StoreTx, StoredFlow } from '../storage/store.ts';
import type { ServiceContext } from './context.ts';

/** A finished export: text, or a temporary file the caller streams and then removes. */
export type Exported =
  { filename: string; text: string } | { filename: string; file: string; bytes: number };

/**
 * Exports a flow or a folder as flopack text, loading only the flows it holds (and the
 * helpers they call); the whole workspace goes to a temporary file one flow at a time, so
 * an export never holds the workspace's content in memory.
 */
export function exportFlopack(
  ctx: ServiceContext,
  target: ExportTarget,
  checkApproval = true,
): Promise<Exported> {
  return ctx.store.transaction(async (tx) => {
    const gate = checkApproval && ctx.enforceReview;
    if (target.kind === 'workspace') {
      if (gate) await assertApproved(tx, await tx.flowHeaders());
      return exportWorkspaceFile(ctx, tx);
    }
    const ws = await loadForExport(tx, target);
    if (gate) await assertApproved(tx, Object.values(ws.flows) as StoredFlow[]);
    const text = writeFlopack(ws, target, { now: ctx.clock() });
    if (!text.ok) throw problemError(text.problems, 404);
    const name =
      target.kind === 'flow'
        ? `${ws.flows[target.id]?.name ?? 'flow'}.flow`
        : `${ws.folders[target.id]?.name ?? 'folder'}.folder`;
    return { text: text.value, filename: name };
  });
}

/** The flows a folder review rule would hold back from this export (none in local mode). */
export function exportApproval(
  ctx: ServiceContext,
  target: ExportTarget,
): Promise<{ blocked: ApprovalBlock[] }> {
  return ctx.store.transaction(async (tx) => {
    if (!ctx.enforceReview) return { blocked: [] };
    const flows =
      target.kind === 'workspace'
        ? await tx.flowHeaders()
        : (Object.values((await loadForExport(tx, target)).flows) as StoredFlow[]);
    return { blocked: await exportBlocks(tx, flows) };
  });
}

/**
 * The import plan of an export (`flopack plan` of the very file the export would download):
 * the export is written, read back and planned, so the list is that of the file itself.
 * A plan releases nothing, so it is shown even while a review rule holds the export back.
 */
export async function exportPlan(
  ctx: ServiceContext,
  target: ExportTarget,
): Promise<ImportPlanReport> {
  const exported = await exportFlopack(ctx, target, false);
  let text: string;
  if ('text' in exported) text = exported.text;
  else
    try {
      text = await readFile(exported.file, 'utf8');
    } finally {
      await rm(path.dirname(exported.file), { recursive: true, force: true });
    }
  const read = await readFlopackOffThread(
    text,
    Math.max(Buffer.byteLength(text), MAX_FLOPACK_BYTES),
  );
  if (!read.ok) throw problemError(read.problems, 500);
  return importPlan(read.value);
}

async function exportWorkspaceFile(ctx: ServiceContext, tx: StoreTx): Promise<Exported> {
  const [folders, headers, tables, configs] = [
    withoutCycles(await tx.folders()),
    await tx.flowHeaders(),
    await tx.tables(),
    await tx.configs(),
  ];
  const dir = await mkdtemp(path.join(tmpdir(), 'flopack-export-'));
  const file = path.join(dir, 'workspace.flopack');
  const out = await open(file, 'wx', 0o600);
  let bytes = 0;
  try {
    for await (const piece of workspaceFlopackChunks(
      {
        folders,
        flowIds: headers.map((h) => h.id),
        flow: (id) => tx.flow(id),
        tables,
        configs,
      },
      { now: ctx.clock() },
    )) {
      const buf = Buffer.from(piece, 'utf8');
      await out.write(buf);
      bytes += buf.byteLength;
    }
  } catch (e) {
    await out.close();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  await out.close();
  return { file, bytes, filename: 'workspace.flopack' };
}

/**
 * The part of the workspace a flow or folder export needs: every folder, table and
 * connection, and only the flows in the selection plus the helpers they call (transitively;
 * each flow is loaded once, so reference cycles end).
 */
async function loadForExport(
  tx: StoreTx,
  target: Exclude<ExportTarget, { kind: 'workspace' }>,
): Promise<Workspace> {
  const folders = withoutCycles(await tx.folders());
  const headers = await tx.flowHeaders();
  const [tables, configs] = [await tx.tables(), await tx.configs()];
  const known = new Set<string>(headers.map((h) => h.id));
  const ws: Workspace = {
    folders: Object.fromEntries(folders.map((f) => [f.id, f])),
    flows: {},
    tables: Object.fromEntries(tables.map((t) => [t.id, t])),
    configs: Object.fromEntries(configs.map((c) => [c.id, c])),
    origin: null,
  };
  let want: FlowId[];
  if (target.kind === 'flow') want = known.has(target.id) ? [target.id] : [];
  else {
    const folder = ws.folders[target.id];
    const chosen = !folder ? [] : target.subfolders === false ? [folder] : subtree(ws, folder.id);
    const ids = new Set<string>(chosen.map((f) => f.id));
    want = headers.filter((h) => h.folderId !== null && ids.has(h.folderId)).map((h) => h.id);
  }
  const loaded = new Map<string, StoredFlow>();
  while (want.length > 0) {
    const got = await tx.flows(want);
    for (const f of got) loaded.set(f.id, f);
    const next = new Set<FlowId>();
    for (const f of got)
      for (const ref of refsOf(f.data).flows)
        if (known.has(ref) && !loaded.has(ref)) next.add(ref as FlowId);
    want = [...next];
  }
  // The workspace's own order, as a full load would give.
  for (const h of headers) {
    const f = loaded.get(h.id);
    if (f) ws.flows[f.id] = f;
  }
  return ws;
}
