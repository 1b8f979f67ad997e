/** Validation of flow content sent by a client, with the same checks as an import. */
import type { RawFloData } from '../model/raw.ts';
import { checkFlopack } from '../export/flopack/check.ts';
import { guardDocument } from '../export/flopack/guard.ts';
import { ApiError, problemError } from './http.ts';

/** Codes about references outside one flow (helper flows, tables, connections). */
const ELSEWHERE = new Set(['FLOPACK_E018', 'FLOPACK_E019', 'FLOPACK_E020', 'FLOPACK_E021']);

/** Checks that `content` is a well-formed flow body for flow `id`; returns it typed. */
export function checkFlowContent(content: unknown, id: string): RawFloData {
  const guard = guardDocument(content);
  if (guard) throw problemError([guard]);
  if (typeof content !== 'object' || content === null || Array.isArray(content))
    throw new ApiError(422, 'FLOW_E010', 'The flow content must be an object.');
  if ((content as { uuid?: unknown }).uuid !== id)
    throw new ApiError(
      422,
      'FLOW_E011',
      "The flow content belongs to another flow (its uuid differs from the flow's id).",
    );
  const doc = {
    type: 'flopack',
    version: '1.5.0',
    created: new Date(0).toISOString(),
    flags: {},
    data: {
      flos: { [id]: { id, name: 'flow', description: '', data: content } },
      configs: {},
      tables: {},
      groups: {},
    },
  };
  const problems = checkFlopack(doc).filter((p) => !ELSEWHERE.has(p.code));
  if (problems.length) throw problemError(problems);
  return content as RawFloData;
}
