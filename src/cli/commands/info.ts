/** `flopack info FILE`: what a flopack holds. */
import { formatProblem } from '../../model/errors.ts';
import { FLOW_KIND_LABELS, flowKind } from '../../model/flows.ts';
import { cardsInOrder } from '../../model/insert.ts';
import { MAX_FOLDER_DEPTH } from '../../model/folders.ts';
import { visibleName } from '../../model/names.ts';
import { forEachScope } from '../../model/scope.ts';
import type { Workspace } from '../../model/workspace.ts';
import { childFolders } from '../../model/workspace.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import { refsOf } from '../../export/flopack/refs.ts';
import type { Command } from '../command.ts';
import { parseArgs, readInput, UsageError } from '../io.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A name from the file on one line, every invisible or line-breaking character written out. */
const shown = (name: string): string => visibleName(name, 400);

/** The lines `flopack info` prints for a workspace. */
export function describeWorkspace(ws: Workspace): string[] {
  const lines: string[] = [];
  const o = ws.origin;
  const flows = Object.values(ws.flows);
  lines.push(
    [
      o ? `version ${o.version}, exported ${o.created}` : 'new workspace',
      plural(Object.keys(ws.folders).length, 'folder'),
      plural(flows.length, 'flow'),
      plural(Object.keys(ws.tables).length, 'table'),
      plural(Object.keys(ws.configs).length, 'connection'),
    ].join(', '),
  );
  lines.push('Folders:');
  const tree = (parent: string | null, depth: number): void => {
    if (depth > MAX_FOLDER_DEPTH) return; // bounded even if a caller skipped the tree check
    for (const f of childFolders(ws, parent as never)) {
      lines.push(`${'  '.repeat(depth + 1)}${shown(f.name)}`);
      tree(f.id, depth + 1);
    }
  };
  const orphans = Object.values(ws.folders).filter(
    (f) => f.parentId !== null && !ws.folders[f.parentId],
  );
  tree(null, 0);
  for (const f of orphans) lines.push(`  ${shown(f.name)}`);
  if (Object.keys(ws.folders).length === 0) lines.push('  (none: a single-flow export)');
  lines.push('Flows:');
  for (const flow of flows) {
    let inner = 0;
    forEachScope(flow.data, (s, path) => {
      if (path.length > 0) inner += cardsInOrder(s).length;
    });
    const top = cardsInOrder(flow.data).length;
    const folder = flow.folderId ? ws.folders[flow.folderId]?.name : undefined;
    lines.push(
      `  ${shown(flow.name)} [${FLOW_KIND_LABELS[flowKind(flow.data)]}] ${plural(top, 'card')}` +
        (inner ? ` (+${inner} in inline flows)` : '') +
        (folder ? ` in "${shown(folder)}"` : ''),
    );
    for (const ref of refsOf(flow.data).flows) {
      const helper = ws.flows[ref];
      lines.push(`    calls → ${helper ? shown(helper.name) : `${shown(ref)} (not in this file)`}`);
    }
  }
  return lines;
}

export const info: Command = {
  name: 'info',
  summary: 'list the folders, flows (with their kind), card counts and helper-flow links',
  usage: 'flopack info FILE',
  help: `Prints the folder tree, each flow with its kind (delegated, helper, scheduled, API
endpoint, app event, no event), its card count, and the helper flows it calls.
Exit status: 0 ok, 1 not a valid flopack, 2 unreadable file or bad arguments.`,
  run(argv, io) {
    const { files } = parseArgs(argv, {});
    if (files.length !== 1) throw new UsageError('give exactly one FILE');
    const file = files[0] ?? '';
    const read = readFlopack(readInput(io, file));
    if (!read.ok) {
      io.out(
        `${file}: error ${formatProblem(read.problems[0] ?? { code: '?', message: 'unreadable' })}`,
      );
      return 1;
    }
    io.out(file);
    for (const line of describeWorkspace(read.value)) io.out(line);
    return 0;
  },
};
