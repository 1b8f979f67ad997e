/**
 * "Compare": the open flow's draft against one of its saved versions, or against the same
 * flow in an uploaded flopack — the marked picture on a canvas and the worded change list.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { queries } from '../../client/api.ts';
import type { EditorStore } from '../../client/editorStore.ts';
import { compareFlow } from '../../export/diff/compare.ts';
import type { Side } from '../../export/diff/context.ts';
import { BARE_SIDE } from '../../export/diff/context.ts';
import type { Names } from '../../export/render/names.ts';
import { namesOf } from '../../export/render/names.ts';
import { useTree } from '../workspace/useTree.ts';
import { useTables } from '../workspace/useTables.ts';
import { readFlopack } from '../../export/flopack/read.ts';
import type { RawFloData } from '../../model/raw.ts';
import { sameName } from '../../model/names.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { CompareCanvas } from './CompareCanvas.tsx';
import './compare.css';

/** What the draft is compared with. */
type Base =
  | { kind: 'version'; revision: number }
  | { kind: 'file'; name: string; data: RawFloData; names: Names }
  | null;

/** A side of the comparison whose helper flows and tables read by name (ids stay the keys). */
const sideWith = (names: Names): Side => ({ ...BARE_SIDE, names });

/** The compare dialog. */
export function CompareDialog({
  store,
  open,
  onClose,
  initialRevision,
}: {
  store: EditorStore;
  open: boolean;
  onClose: () => void;
  initialRevision?: number;
}) {
  return (
    <Dialog title="Compare" open={open} onClose={onClose} wide>
      <CompareBody store={store} {...(initialRevision === undefined ? {} : { initialRevision })} />
    </Dialog>
  );
}

function CompareBody({ store, initialRevision }: { store: EditorStore; initialRevision?: number }) {
  const flow = store.getState().flow;
  const versions = useQuery(queries.versions(flow.id));
  const [base, setBase] = useState<Base>(
    initialRevision !== undefined ? { kind: 'version', revision: initialRevision } : null,
  );
  const [fileError, setFileError] = useState<string | null>(null);
  const version = useQuery({
    ...queries.version(flow.id, base?.kind === 'version' ? base.revision : 0),
    enabled: base?.kind === 'version',
  });
  const oldData =
    base?.kind === 'file'
      ? base.data
      : base?.kind === 'version'
        ? (version.data?.flow.content ?? null)
        : null;
  const tree = useTree();
  const { tableName } = useTables();
  const here = useMemo(
    (): Names => ({
      flow: (id) => tree.tree.flows.find((f) => f.id === id)?.name ?? null,
      table: tableName,
    }),
    [tree.tree.flows, tableName],
  );
  const fileNames = base?.kind === 'file' ? base.names : null;
  const comparison = useMemo(() => {
    if (!oldData) return null;
    const old: Names = fileNames
      ? {
          flow: (id) => fileNames.flow(id) ?? here.flow(id),
          table: (id) => fileNames.table(id) ?? here.table(id),
        }
      : here;
    return compareFlow(oldData, flow.data, {
      flowName: flow.name,
      old: sideWith(old),
      new: sideWith(here),
    });
  }, [oldData, flow.data, flow.name, here, fileNames]);

  const onFile = async (file: File) => {
    setFileError(null);
    const read = readFlopack(await file.text());
    if (!read.ok) return setFileError(read.problems[0]?.message ?? 'The file is not a flopack.');
    const flows = Object.values(read.value.flows);
    const match =
      read.value.flows[flow.id] ??
      flows.find((f) => sameName(f.name, flow.name)) ??
      (flows.length === 1 ? flows[0] : undefined);
    if (!match)
      return setFileError(
        `“${file.name}” has no flow with this flow's id or name (“${flow.name}”).`,
      );
    setBase({ kind: 'file', name: file.name, data: match.data, names: namesOf(read.value) });
  };

  return (
    <div className="compare">
      <div className="compare-pick">
        <label className="field">
          <span>Compare the current draft with</span>
          <select
            value={base?.kind === 'version' ? String(base.revision) : ''}
            onChange={(e) =>
              setBase(e.target.value ? { kind: 'version', revision: Number(e.target.value) } : null)
            }
          >
            <option value="">Choose a saved version…</option>
            {versions.data?.map((v) => (
              <option key={v.revision} value={v.revision}>
                Version {v.revision} — {v.summary}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>…or a flopack file</span>
          <input
            type="file"
            accept=".flopack,.folder,.flow,.json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void onFile(f);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {fileError && (
        <p className="error" role="alert">
          {fileError}
        </p>
      )}
      {base?.kind === 'file' && <p className="muted">Comparing with “{base.name}”.</p>}
      {comparison && (
        <div className="compare-result">
          <CompareCanvas drawing={comparison.drawing} />
          <section className="compare-changes" aria-label="Changes">
            <h3>Changes</h3>
            {comparison.lines.length === 0 ? (
              <p>No changes</p>
            ) : (
              <ol>
                {comparison.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ol>
            )}
            <p className="muted legend">
              <span className="mark-badge mark-badge-added">Added</span>{' '}
              <span className="mark-badge mark-badge-changed">Changed</span>{' '}
              <span className="mark-badge mark-badge-removed">Removed</span>
            </p>
          </section>
        </div>
      )}
    </div>
  );
}
