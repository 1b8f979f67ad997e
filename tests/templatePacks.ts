/** The project's own flopacks: the three remediation templates, each exported as a folder. */
import { unwrap } from '../src/model/errors.ts';
import { seededIds } from '../src/model/ids.ts';
import { planImport } from '../src/model/importPack.ts';
import { buildTemplate } from '../src/model/templates.ts';
import { writeFlopack } from '../src/export/flopack/write.ts';
import { catalog, makeWorkspace } from './builders.ts';

/** Template ids, in the order the studio offers them. */
export const TEMPLATE_IDS = ['slack-notify', 'clear-sessions', 'quarantine'] as const;

/** `[name, flopack text]` for each template, built with fixed ids and a fixed date. */
export function templatePacks(): [string, string][] {
  return TEMPLATE_IDS.map((id, i) => {
    const { ws, folderId } = makeWorkspace(i + 1);
    const pack = unwrap(buildTemplate(catalog, id, seededIds(3 + i)));
    const placed = unwrap(planImport(ws, pack, folderId, seededIds(20 + i))).workspace;
    return [
      `template ${id}`,
      unwrap(writeFlopack(placed, { kind: 'workspace' }, { now: new Date(0) })),
    ];
  });
}
