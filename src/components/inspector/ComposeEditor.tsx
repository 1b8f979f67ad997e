/**
 * Compose's text as Okta's console edits it: the text with each field as a named pill (never a
 * raw `{{{key}}}`), fields inserted at the cursor (blank, from an earlier output, or by dropping
 * a dragged output), pills removed by their × or Backspace/Delete, and the field list below.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { SourceGroup } from '../../model/cardForm.ts';
import { sourceText } from '../../model/cardForm.ts';
import { viewField } from '../../model/cards.ts';
import type { ComposeSource } from '../../model/compose.ts';
import {
  composeFields,
  composeLabels,
  composeSegments,
  composeTemplate,
  fieldToken,
  insertComposeField,
  removeComposeField,
  setComposeText,
} from '../../model/compose.ts';
import { ok } from '../../model/errors.ts';
import type { FieldId } from '../../model/ids.ts';
import { mappingInto } from '../../model/mapping.ts';
import { scopeAt } from '../../model/scope.ts';
import { wireProblem } from '../../model/wireTypes.ts';
import { OUTPUT_DRAG_TYPE, readDraggedOutput } from '../../client/canvas/outputDrag.ts';
import type { CardAt } from './cardAt.ts';
import { pathKey } from './cardAt.ts';
import {
  caretOffset,
  domTemplate,
  offsetAt,
  placeCaret,
  REMOVE_KEY,
  renderSegments,
} from './composeDom.ts';
import { MapControl } from './MapControl.tsx';
import './compose.css';
import { firstMessage, useFlowEdit } from './useFlowEdit.ts';

interface Props {
  at: CardAt;
  sources: SourceGroup[];
}

const sourceKey = (s: ComposeSource): string => JSON.stringify(s);

/** What a Compose field takes: one piece of text. */
const TEXT_FIELD = { label: 'A field', type: 'string', collection: false } as const;

/** The Compose text editor and its fields. */
export function ComposeEditor({ at, sources }: Props) {
  const apply = useFlowEdit();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [redraw, setRedraw] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const drawn = useRef<string | null>(null);
  const caret = useRef<number | null>(null);
  const pending = useRef<number | null>(null);

  const template = composeTemplate(at.m);
  const sourceOf = (input: string): string | undefined => {
    const mapping = mappingInto(at.scope, at.card, input);
    return mapping ? sourceText(at.data, at.path, mapping) : undefined;
  };
  const labels = composeLabels(at.m, sourceOf);
  const segments = composeSegments(template, at.m);
  const nameOf = (input: FieldId | null): string =>
    (input !== null && labels.get(input)) || 'missing field';
  const signature = `${redraw}\u0000${template}\u0000${segments
    .map((s) => (s.kind === 'field' ? nameOf(s.input) : ''))
    .join('\u0000')}`;

  // The text is drawn by hand, not by React: redrawing while typing would lose the caret, so
  // it is redrawn only when the text or a pill's name changed from what is shown.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || drawn.current === signature) return;
    const focused = el.ownerDocument.activeElement === el;
    const keep = pending.current ?? (focused ? caretOffset(el) : null);
    renderSegments(el, segments, (s) => nameOf(s.input));
    drawn.current = signature;
    pending.current = null;
    if (keep !== null && focused) placeCaret(el, keep);
  });

  const report = (problems: ReturnType<typeof apply>): boolean => {
    setProblem(firstMessage(problems));
    if (problems !== null) setRedraw((n) => n + 1);
    return problems === null;
  };
  const remember = () => {
    const el = box.current;
    const at = el ? caretOffset(el) : null;
    if (at !== null) caret.current = at;
  };

  const insert = (source: ComposeSource | null, offset = caret.current ?? template.length) => {
    let token = 0;
    const done = report(
      apply((d) => {
        const r = insertComposeField(d, at.card, offset, source, at.path);
        if (!r.ok) return r;
        const m = scopeAt(r.value.data, at.path)?.methods.find((x) => x.uuid === at.card);
        token = fieldToken(m?.node.model.inputs.data[r.value.input]?.key ?? '').length;
        return ok(r.value.data);
      }),
    );
    if (done) caret.current = offset + token;
  };

  const remove = (input: FieldId, start: number | null) => {
    const done = report(apply((d) => removeComposeField(d, at.card, input, at.path)));
    if (done && start !== null) {
      pending.current = start;
      caret.current = start;
    }
  };

  /** The field pill right before (Backspace) or after (Delete) the caret, with its start. */
  const adjacent = (back: boolean): { input: FieldId; start: number } | null => {
    const el = box.current;
    const sel = el?.ownerDocument.getSelection();
    if (!el || !sel || !sel.isCollapsed) return null;
    const pos = caretOffset(el);
    if (pos === null) return null;
    let offset = 0;
    for (const s of segments) {
      const len = s.kind === 'text' ? s.text.length : fieldToken(s.key).length;
      if (s.kind === 'field' && s.input !== null && (back ? offset + len : offset) === pos)
        return { input: s.input, start: offset };
      offset += len;
    }
    return null;
  };

  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const fields = composeFields(at.m);
  const blankField = (input: FieldId) => {
    const raw = at.m.node.model.inputs.data[input];
    return raw ? { ...viewField(raw), label: nameOf(input) } : null;
  };

  return (
    <div className="insp-field insp-input compose-editor">
      <div className="insp-label-row">
        <span id={`${id}-label`} className="insp-label">
          Text
        </span>
        <span className="insp-spacer" />
        <span className="insp-type">Text with fields</span>
      </div>
      <div
        ref={box}
        id={id}
        className="compose-text"
        role="textbox"
        aria-multiline="true"
        aria-label="Text"
        aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
        aria-invalid={problem !== null}
        contentEditable="plaintext-only"
        suppressContentEditableWarning
        tabIndex={0}
        spellCheck={false}
        onInput={(e) => {
          const text = domTemplate(e.currentTarget);
          remember();
          drawn.current = `${redraw}\u0000${text}\u0000${composeSegments(text, at.m)
            .map((s) => (s.kind === 'field' ? nameOf(s.input) : ''))
            .join('\u0000')}`;
          report(apply((d) => setComposeText(d, at.card, text, at.path), `compose:${at.card}`));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Backspace' || e.key === 'Delete') {
            const hit = adjacent(e.key === 'Backspace');
            if (hit) {
              e.preventDefault();
              remove(hit.input, hit.start);
            }
          }
        }}
        onKeyUp={remember}
        onMouseUp={remember}
        onFocus={remember}
        onBlur={remember}
        onMouseDown={(e) => {
          // A pill's × removes it; keep the caret where it was.
          if ((e.target as HTMLElement).closest(`[${REMOVE_KEY}]`)) e.preventDefault();
        }}
        onClick={(e) => {
          const key = (e.target as HTMLElement)
            .closest(`[${REMOVE_KEY}]`)
            ?.getAttribute(REMOVE_KEY);
          const seg = key ? segments.find((s) => s.kind === 'field' && s.key === key) : undefined;
          if (seg?.kind === 'field' && seg.input !== null) remove(seg.input, null);
        }}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes(OUTPUT_DRAG_TYPE)) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'link';
          }
        }}
        onDrop={(e) => {
          const dragged = readDraggedOutput(e.dataTransfer);
          if (!dragged) return;
          e.preventDefault();
          if (pathKey(dragged.path) !== pathKey(at.path)) {
            setProblem('Drop an output of a card in the same part of the flow.');
            return;
          }
          const el = e.currentTarget;
          const point = el.ownerDocument.caretRangeFromPoint?.(e.clientX, e.clientY);
          const offset =
            point && el.contains(point.startContainer)
              ? offsetAt(el, point.startContainer, point.startOffset)
              : template.length;
          insert({ card: dragged.card, output: dragged.output }, offset);
        }}
      />
      <ComposeInsert sources={sources} onInsert={(s) => insert(s)} />
      <p id={hintId} className="insp-hint">
        Fields are inserted where the cursor was; Backspace or Delete next to a field removes it.
      </p>
      {problem && (
        <p id={problemId} role="alert" className="insp-problem">
          {problem}
        </p>
      )}
      {fields.length > 0 && (
        <ul className="compose-fields" aria-label="Fields">
          {fields.map((f) => {
            const view = blankField(f.input);
            const mapping = mappingInto(at.scope, at.card, f.input);
            if (!view) return null;
            return (
              <li key={f.input} className={mapping ? 'insp-input is-mapped' : 'insp-input'}>
                <div className="insp-label-row">
                  <span className="insp-label">{view.label}</span>
                  <span className="insp-spacer" />
                  {!f.inText && <span className="insp-type">Not in the text</span>}
                  <button
                    type="button"
                    aria-label={`Remove field ${view.label}`}
                    onClick={() => remove(f.input, null)}
                  >
                    Remove
                  </button>
                </div>
                {mapping && (
                  <p className="insp-mapped">
                    <span className="insp-source">← {sourceText(at.data, at.path, mapping)}</span>
                  </p>
                )}
                <MapControl
                  at={at}
                  field={view}
                  sources={sources}
                  mapping={mapping}
                  onProblem={setProblem}
                />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** "Insert field" (blank) and "Insert field from…" (an earlier output), at the cursor. */
function ComposeInsert({
  sources,
  onInsert,
}: {
  sources: SourceGroup[];
  onInsert: (source: ComposeSource | null) => void;
}) {
  return (
    <div className="compose-insert">
      <button type="button" onClick={() => onInsert(null)}>
        Insert field
      </button>
      <select
        className="insp-map"
        aria-label="Insert field from"
        value=""
        disabled={sources.length === 0}
        onChange={(e) => {
          if (e.target.value === '') return;
          onInsert(JSON.parse(e.target.value) as ComposeSource);
        }}
      >
        <option value="">
          {sources.length === 0 ? 'No earlier card has outputs' : 'Insert field from…'}
        </option>
        {sources.map((g) => (
          <optgroup key={`${g.outside ? 'out:' : ''}${g.card}`} label={g.heading}>
            {g.outputs.map((o) => {
              const source: ComposeSource = {
                card: o.card,
                output: o.output,
                ...(o.path ? { path: o.path } : {}),
                ...(g.outside ? { outside: true } : {}),
              };
              const refusal = wireProblem(o.wire, TEXT_FIELD);
              return (
                <option
                  key={sourceKey(source)}
                  value={sourceKey(source)}
                  disabled={refusal !== null}
                >
                  {o.label}
                </option>
              );
            })}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
