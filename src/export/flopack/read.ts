/**
 * Reads a flopack (text or parsed JSON) into a Workspace, or returns coded problems.
 * Nothing is half-imported: either every check passes or no workspace is produced.
 * The workspace keeps the parsed objects themselves, so writing it back is lossless.
 */
import type { Problem, Result } from '../../model/errors.ts';
import type { FlowId, FolderId } from '../../model/ids.ts';
import type {
  JsonObject,
  RawConfig,
  RawFlo,
  RawFlopack,
  RawGroup,
  RawTable,
} from '../../model/raw.ts';
import type { Flow, Folder, PackOrigin, Workspace } from '../../model/workspace.ts';
import { checkFlopack } from './check.ts';
import { E } from './codes.ts';
import { guardDocument } from './guard.ts';

/** Largest file accepted by default: 25 MB (the largest real export is 1.8 MB). */
export const MAX_FLOPACK_BYTES = 25 * 1024 * 1024;

/** Options of `readFlopack`. */
export interface ReadOptions {
  /** Size limit in characters of text input. */
  maxBytes?: number;
}

const KNOWN_TOP = new Set(['type', 'version', 'created', 'flags', 'data', 'checksum']);
const KNOWN_DATA = new Set(['flos', 'configs', 'tables', 'groups']);

const failure = (problems: Problem[]): Result<Workspace> => ({ ok: false, problems });

/** Parses flopack text, reporting where the JSON breaks. */
export function parseFlopackText(text: string, maxBytes = MAX_FLOPACK_BYTES): Result<unknown> {
  if (text.length > maxBytes)
    return {
      ok: false,
      problems: [
        {
          code: E.tooLarge,
          message: `The file is ${(text.length / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB — real flopacks are far smaller.`,
        },
      ],
    };
  if (text.trim() === '')
    return {
      ok: false,
      problems: [
        {
          code: E.notJson,
          message: 'The file is empty — choose a flopack exported from Okta Workflows.',
        },
      ],
    };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      problems: [
        {
          code: E.notJson,
          message: `The file is not valid JSON (${detail}) — it may be truncated; export it again.`,
        },
      ],
    };
  }
}

/** Reads flopack text (a string) or an already parsed document (anything else). */
export function readFlopack(input: unknown, opts: ReadOptions = {}): Result<Workspace> {
  let doc: unknown = input;
  let trailingNewline = false;
  if (typeof input === 'string') {
    const parsed = parseFlopackText(input, opts.maxBytes);
    if (!parsed.ok) return parsed;
    doc = parsed.value;
    trailingNewline = input.endsWith('\n');
  }
  const guard = guardDocument(doc);
  if (guard) return failure([guard]);
  const problems = checkFlopack(doc);
  if (problems.length) return failure(problems);
  return { ok: true, value: toWorkspace(doc as RawFlopack, trailingNewline) };
}

function toWorkspace(doc: RawFlopack, trailingNewline: boolean): Workspace {
  const data = doc.data;
  const repairs: Problem[] = [];
  for (const section of ['configs', 'tables', 'groups'] as const) {
    if (data[section] === undefined)
      repairs.push({
        code: E.missingSection,
        message: `The file had no data.${section}; it was read as empty.`,
      });
  }
  const groups: Record<string, RawGroup> = data.groups ?? {};
  const folders: Record<string, Folder> = {};
  for (const [id, g] of Object.entries(groups)) {
    const path = typeof g.data.path === 'string' ? g.data.path : '';
    const parent = path === '' ? null : (path.split('.').pop() ?? null);
    folders[id] = {
      id: id as FolderId,
      name: g.data.name,
      description: typeof g.data.description === 'string' ? g.data.description : '',
      parentId: parent as FolderId | null,
      raw: g,
    };
  }
  const flows: Record<string, Flow> = {};
  for (const [id, flo] of Object.entries(data.flos)) flows[id] = toFlow(flo);
  const tables: Record<string, RawTable> = data.tables ?? {};
  const configs: Record<string, RawConfig> = data.configs ?? {};
  const topRest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!KNOWN_TOP.has(k)) topRest[k] = v;
  const dataRest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!KNOWN_DATA.has(k)) dataRest[k] = v;
  const origin: PackOrigin = {
    version: doc.version,
    created: doc.created,
    flags: doc.flags,
    checksum: typeof doc.checksum === 'string' ? doc.checksum : null,
    topKeys: Object.keys(doc),
    topRest,
    dataKeys: Object.keys(data),
    dataRest,
    trailingNewline,
    pristine: { folders, flows, tables, configs },
    repairs,
  };
  return { folders, flows, tables, configs, origin };
}

function toFlow(flo: RawFlo): Flow {
  let rest: JsonObject | null = null;
  for (const [k, v] of Object.entries(flo)) {
    if (k === 'id' || k === 'name' || k === 'description' || k === 'data') continue;
    (rest ??= {})[k] = v as JsonObject[string];
  }
  return {
    id: flo.id as FlowId,
    name: flo.name,
    description: typeof flo.description === 'string' ? flo.description : '',
    folderId: (typeof flo.data.group === 'string' ? flo.data.group : null) as FolderId | null,
    active: false,
    data: flo.data,
    rest,
  };
}
