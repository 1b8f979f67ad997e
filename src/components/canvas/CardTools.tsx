/**
 * Compact controls on a card's header for what a card needs before it can be mapped: a flow
 * event's inputs (name and type), the keys Get Multiple picks, and the helper flow a For Each
 * (or Call Flow…) calls. Each opens a small popover at the card, so a flow is built on the
 * canvas without opening the Inspector; the forms are the Inspector's own.
 */
import * as Popover from '@radix-ui/react-popover';
import { ListPlus, Workflow } from 'lucide-react';
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { isCallable, isDelegated } from '../../model/cardRoles.ts';
import { viewField } from '../../model/cards.ts';
import { flowKind } from '../../model/flows.ts';
import { callsHelper } from '../../model/helperCalls.ts';
import type { CardId, FieldId } from '../../model/ids.ts';
import type { RawFloData } from '../../model/raw.ts';
import type { ScopePath } from '../../model/scope.ts';
import { cardIn, scopeAt } from '../../model/scope.ts';
import { setInputValue } from '../../model/cards.ts';
import { useEditor } from '../flow/editorContext.ts';
import { resolveCard } from '../inspector/cardAt.ts';
import { AddEventInput } from '../inspector/EventInputsEditor.tsx';
import { HelperFlowField } from '../inspector/HelperFlowField.tsx';
import { AddPickedOutput } from '../inspector/PickedOutputs.tsx';
import { firstMessage, useFlowEdit } from '../inspector/useFlowEdit.ts';

/** Which control a card gets on the canvas, if any. */
export type CardTool = 'delegated-inputs' | 'helper-inputs' | 'keys' | 'helper' | null;

/** The control a card gets: flow events declare inputs, pickers add keys, callers pick a helper. */
export function cardToolOf(data: RawFloData, path: ScopePath, card: string): CardTool {
  const scope = scopeAt(data, path);
  const m = scope ? cardIn(scope, card) : undefined;
  if (!m) return null;
  if (path.length === 0 && isDelegated(m)) return 'delegated-inputs';
  if (path.length === 0 && isCallable(m) && flowKind(data) === 'helper') return 'helper-inputs';
  if (callsHelper(m)) return 'helper';
  if (m.node.model.outputs.extensible && m.node.key === 'pick') return 'keys';
  return null;
}

const LABELS: Record<Exclude<CardTool, null>, (title: string) => string> = {
  'delegated-inputs': (t) => `Add input to ${t}`,
  'helper-inputs': (t) => `Add input to ${t}`,
  keys: (t) => `Add key to ${t}`,
  helper: (t) => `Choose the helper flow of ${t}`,
};

interface Props {
  card: string;
  path: ScopePath;
  title: string;
  /** Why the flow cannot be changed (a viewer), or null. */
  readOnly: string | null;
}

/** The header button and popover of a card's control (nothing for other cards). */
export function CardTools({ card, path, title, readOnly }: Props) {
  const tool = useEditor((s) => cardToolOf(s.flow.data, path, card));
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!tool || readOnly) return null;
  const label = LABELS[tool](title);
  return (
    <Popover.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setProblem(null);
      }}
    >
      <Popover.Trigger asChild>
        <button type="button" className="nodrag cv-tool" aria-label={label} title={label}>
          {tool === 'helper' ? (
            <Workflow size={14} aria-hidden="true" />
          ) : (
            <ListPlus size={14} aria-hidden="true" />
          )}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="card-tool-popover"
          side="bottom"
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label={label}
          // Typing in the popover is not a canvas shortcut (A, E, I…).
          onKeyDown={(e) => {
            if (e.key !== 'Escape') e.stopPropagation();
          }}
        >
          <ToolBody tool={tool} card={card} path={path} onProblem={setProblem} />
          {problem && (
            <p role="alert" className="insp-problem">
              {problem}
            </p>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function ToolBody({
  tool,
  card,
  path,
  onProblem,
}: {
  tool: Exclude<CardTool, null>;
  card: string;
  path: ScopePath;
  onProblem: (message: string | null) => void;
}): ReactNode {
  const apply = useFlowEdit();
  if (tool === 'delegated-inputs' || tool === 'helper-inputs')
    return (
      <AddEventInput
        kind={tool === 'helper-inputs' ? 'helper' : 'delegated'}
        apply={apply}
        onProblem={onProblem}
      />
    );
  if (tool === 'keys')
    return <AddPickedOutput card={card as CardId} path={path} onProblem={onProblem} />;
  return <HelperChoice card={card} path={path} onProblem={onProblem} />;
}

/** The Inspector's helper-flow select, labelled for the popover. */
function HelperChoice({
  card,
  path,
  onProblem,
}: {
  card: string;
  path: ScopePath;
  onProblem: (message: string | null) => void;
}) {
  const id = useId();
  const apply = useFlowEdit();
  const data = useEditor((s) => s.flow.data);
  const at = resolveCard(data, path, card as CardId);
  const flo = at
    ? Object.values(at.m.node.model.inputs.data).find(
        (f) => f.key === 'flo' && f.value.type === 'flo',
      )
    : undefined;
  if (!at || !flo) return null;
  return (
    <div className="insp-field">
      <label htmlFor={id} className="insp-label">
        Helper Flow
      </label>
      <HelperFlowField
        id={id}
        field={viewField(flo)}
        at={at}
        onCommit={(v) =>
          onProblem(
            firstMessage(apply((d) => setInputValue(d, at.card, flo.id as FieldId, v, at.path))),
          )
        }
        onProblem={onProblem}
      />
    </div>
  );
}
