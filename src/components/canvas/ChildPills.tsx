/**
 * The child fields of a typed object output on the canvas ("Group › ID", "Group › Profile ›
 * Name"): a toggle beside the output pill shows them as pills of their own, each a connection
 * handle, so a child is dragged onto an input as the whole output is. The list opens below the
 * pill over the canvas; the card keeps its size (the layout's rows stay the model's).
 */
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { outputHandle } from '../../client/canvas/childHandles.ts';
import { childFieldsOf } from '../../model/childFields.ts';
import type { ScopePath } from '../../model/scope.ts';
import { cardIn, scopeAt } from '../../model/scope.ts';
import { useEditor } from '../flow/editorContext.ts';

interface Props {
  card: string;
  path: ScopePath;
  output: string;
  /** The output's label ("Group"). */
  label: string;
}

/** The toggle and, when open, the child pills of one output (nothing for outputs without). */
export function ChildPills({ card, path, output, label }: Props) {
  const field = useEditor((s) => {
    const scope = scopeAt(s.flow.data, path);
    return scope ? cardIn(scope, card)?.node.model.outputs.data[output] : undefined;
  });
  // Lists offer no child path (Okta extracts none through a list).
  const children = useMemo(
    () => (field && !field.value.collection ? childFieldsOf(field.value.type) : []),
    [field],
  );
  const [open, setOpen] = useState(false);
  const updateInternals = useUpdateNodeInternals();
  // React Flow measures a node's handles once; new pills need measuring to be dragged.
  useEffect(() => {
    updateInternals(card);
  }, [open, children, card, updateInternals]);
  if (children.length === 0) return null;
  return (
    <>
      <button
        type="button"
        className="nodrag cv-kids-toggle"
        aria-expanded={open}
        aria-label={`${open ? 'Hide' : 'Show'} the fields of ${label}`}
        title={`${open ? 'Hide' : 'Show'} the fields of ${label}`}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? (
          <ChevronDown size={12} aria-hidden="true" />
        ) : (
          <ChevronRight size={12} aria-hidden="true" />
        )}
      </button>
      {open && (
        <ul className="cv-kids" aria-label={`Fields of ${label}`}>
          {children.map((c) => {
            const name = `${label} › ${c.label}`;
            return (
              <li key={c.path.join('\u0000')} className="cv-kid" title={name}>
                {name}
                <Handle
                  id={outputHandle(output, c.path)}
                  type="source"
                  position={Position.Right}
                  className="cv-out-handle"
                />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
