/** Adding flows from outside: importing a flopack, and creating a template's flows. */
import { catalog } from '../../catalog/index.ts';
import { MAX_FLOPACK_BYTES } from '../../export/flopack/read.ts';
import type { FolderId } from '../../model/ids.ts';
import { planImport } from '../../model/importPack.ts';
import type { TemplateOptions } from '../../model/templates.ts';
import { buildTemplate, TEMPLATES } from '../../model/templates.ts';
import type { Workspace } from '../../model/workspace.ts';
import type { ImportDto } from '../dto.ts';
import { problemError } from '../http.ts';
import { readFlopackOffThread } from '../readOffThread.ts';
import type { ServiceContext } from './context.ts';
import { audit, author, loadTree, must, now, tell } from './context.ts';

/** Lets the event loop run other requests between the steps of a long unit of work. */
const yieldToOthers = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Imports a flopack under a folder (or at the top level). */
export async function importFlopack(
  ctx: ServiceContext,
  text: string,
  target: string | null,
  source: string,
  maxBytes = MAX_FLOPACK_BYTES,
): Promise<ImportDto> {
  const read = await readFlopackOffThread(text, maxBytes);
  if (!read.ok) throw problemError(read.problems);
  return addPack(ctx, read.value, target, `Imported from ${source}`);
}

/** Creates a template's flows in a folder. */
export function createFromTemplate(
  ctx: ServiceContext,
  id: string,
  target: string,
  opts: TemplateOptions = {},
): Promise<ImportDto> {
  if (!TEMPLATES.some((t) => t.id === id))
    throw problemError([{ code: 'TEMPLATE_E001', message: `There is no template "${id}".` }], 404);
  const built = buildTemplate(catalog, id, ctx.ids, opts);
  if (!built.ok) throw problemError(built.problems, 400);
  const title = TEMPLATES.find((t) => t.id === id)?.title ?? id;
  return addPack(ctx, built.value, target, `Created from the template “${title}”`);
}

/** Adds a read or built pack's folders and flows (never overwriting), each at version 1. */
function addPack(
  ctx: ServiceContext,
  pack: Workspace,
  target: string | null,
  summary: string,
): Promise<ImportDto> {
  return ctx.store.transaction(async (tx) => {
    // Names and ids are all an import needs of the flows already here, not their content.
    const { ws: tree } = await loadTree(tx);
    const [tables, configs] = await Promise.all([tx.tables(), tx.configs()]);
    const ws: Workspace = {
      ...tree,
      tables: Object.fromEntries(tables.map((t) => [t.id, t])),
      configs: Object.fromEntries(configs.map((c) => [c.id, c])),
    };
    const plan = must(planImport(ws, pack, target as FolderId | null, ctx.ids));
    for (const f of plan.folders) await tx.putFolder(f);
    for (const t of plan.tables) await tx.putTable(t);
    for (const c of plan.configs) await tx.putConfig(c);
    const at = now(ctx);
    for (const f of plan.flows) {
      await yieldToOthers(); // a big import lets the server answer other requests meanwhile
      await tx.putFlow({ ...f, revision: 1, updatedAt: at });
      await tx.addVersion({
        flowId: f.id,
        revision: 1,
        createdAt: at,
        summary,
        author: author(),
        flow: f,
      });
    }
    await audit(
      ctx,
      tx,
      'import',
      target ?? '',
      `${summary}: ${plan.folders.length} folders, ${plan.flows.length} flows`,
    );
    tell(
      ctx,
      tx,
      'import',
      plan.flows.map((f) => f.id),
    );
    return {
      report: plan.report,
      folderIds: plan.folders.map((f) => f.id),
      flowIds: plan.flows.map((f) => f.id),
    };
  });
}
