/**
 * After a helper flow's inputs change and it is saved, every flow of the workspace that calls
 * it is updated the same way (renamed fields keep their mappings) and saved, so no caller is
 * left passing an input the helper no longer has.
 */
import { helperSignature } from '../model/helperCalls.ts';
import { inputRenames, signatureChanged, updateCallers } from '../model/helperSync.ts';
import type { RawFloData } from '../model/raw.ts';
import type { FlowDto, TreeDto } from '../contract/api.ts';
import { api } from './api.ts';

/** What the update did: the callers saved, and the ones that could not be. */
export interface CallerUpdate {
  updated: FlowDto[];
  failed: string[];
}

/** Updates and saves the callers of `helperId` after its content went from `before` to `after`. */
export async function updateHelperCallers(
  tree: TreeDto,
  helperId: string,
  before: RawFloData,
  after: RawFloData,
): Promise<CallerUpdate> {
  const result: CallerUpdate = { updated: [], failed: [] };
  if (!signatureChanged(before, after)) return result;
  const sig = helperSignature(helperId, after);
  if (!sig.ok) return result;
  const renames = inputRenames(before, after);
  for (const header of tree.flows) {
    if (header.id === helperId) continue;
    try {
      const flow = await api.flow(header.id);
      const r = updateCallers(flow.content, sig.value, renames);
      if (!r.ok) {
        result.failed.push(flow.name);
        continue;
      }
      if (r.value.cards === 0 || r.value.data === flow.content) continue;
      result.updated.push(
        await api.saveFlow(flow.id, { baseRevision: flow.revision, content: r.value.data }),
      );
    } catch {
      result.failed.push(header.name);
    }
  }
  return result;
}
