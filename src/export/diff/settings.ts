/** Flow settings compared by the diff: name, description, folder, save all data, security, schedule. */
import { eventSecurityLevel, flowKind } from '../../model/flows.ts';
import type { RawFloData } from '../../model/raw.ts';
import type { Flow, Workspace } from '../../model/workspace.ts';
import type { Change, FlowRef, FlowSetting } from './types.ts';
import { scheduleText, short } from './values.ts';

/** Changes of the settings stored in the flow's content (save all data, security, schedule). */
export function dataSettings(a: RawFloData, b: RawFloData, flow: FlowRef): Change[] {
  const out: Change[] = [];
  const put = (setting: FlowSetting, from: string, to: string) => {
    if (from !== to) out.push({ kind: 'flowSetting', flow, setting, from, to });
  };
  put('saveAllData', a.log ? 'on' : 'off', b.log ? 'on' : 'off');
  // Choosing another event sets the level it implies (Delegated Flow: high): the event's
  // change says it already.
  const implied =
    flowKind(a) !== flowKind(b) &&
    (a.security_level ?? null) === eventSecurityLevel(a) &&
    (b.security_level ?? null) === eventSecurityLevel(b);
  if (!implied) put('securityLevel', a.security_level ?? 'none', b.security_level ?? 'none');
  put('schedule', scheduleText(a), scheduleText(b));
  return out;
}

const folderName = (ws: Workspace, f: Flow): string | null =>
  f.folderId === null ? null : (ws.folders[f.folderId]?.name ?? null);

/** Changes of a flow's name, description and folder, then of its content's settings. */
export function flowSettings(
  a: Flow,
  b: Flow,
  oldWs: Workspace,
  newWs: Workspace,
  flow: FlowRef,
): Change[] {
  const out: Change[] = [];
  if (a.name !== b.name) out.push({ kind: 'flowRenamed', flow, from: a.name, to: b.name });
  if (a.description !== b.description)
    out.push({
      kind: 'flowSetting',
      flow,
      setting: 'description',
      from: short(a.description),
      to: short(b.description),
    });
  out.push(...dataSettings(a.data, b.data, flow));
  const fa = folderName(oldWs, a);
  const fb = folderName(newWs, b);
  // A single-flow export names a folder that is not in the file: nothing to compare. A folder
  // keeping its id but not its name was renamed, which moves no flow.
  if (fa !== null && fb !== null && fa !== fb && a.folderId !== b.folderId)
    out.push({ kind: 'flowSetting', flow, setting: 'folder', from: fa, to: fb });
  return out;
}
