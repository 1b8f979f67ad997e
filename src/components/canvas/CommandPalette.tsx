/**
 * Ctrl/Cmd+K: every action by name, filtered as you type; Enter runs the highlighted one.
 * "Open flow…" turns the list into the workspace's flows.
 */
import { Command } from 'cmdk';
import { useRef, useState } from 'react';
import type { Action, ActionEnv } from '../../client/actions/registry.ts';
import { ACTIONS } from '../../client/actions/registry.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** A flow the palette can open. */
export interface PaletteFlow {
  id: string;
  name: string;
  folder: string | null;
}

/** What the palette lists: the actions, or the flows to open. */
export type PaletteMode = 'actions' | 'flows';

interface Props {
  mode: PaletteMode | null;
  env: ActionEnv;
  flows: readonly PaletteFlow[];
  onMode: (mode: PaletteMode) => void;
  onOpenFlow: (id: string) => void;
  onClose: () => void;
}

/**
 * Every word typed appears in the label (or the keywords, when an item has them), in any
 * order; the list keeps its own order.
 */
const matches = (value: string, search: string, keywords?: string[]): number => {
  const text = (keywords?.length ? keywords : [value]).join(' ').toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => text.includes(w))
    ? 1
    : 0;
};

/** The command palette dialog (closed when `mode` is null). */
export function CommandPalette({ mode, env, flows, onMode, onOpenFlow, onClose }: Props) {
  // The chosen action runs once the palette has closed and handed the focus back, so what
  // the action opens (the card search, a dialog) keeps the focus and returns it to the page.
  const pending = useRef<(() => void) | null>(null);
  const closeThen = (then: () => void) => {
    pending.current = then;
    onClose();
  };
  return (
    <Dialog
      title={mode === 'flows' ? 'Open flow' : 'Commands'}
      open={mode !== null}
      onClose={onClose}
      onClosed={() => {
        const then = pending.current;
        pending.current = null;
        then?.();
      }}
    >
      {mode === 'flows' ? (
        <FlowList key="flows" flows={flows} onPick={(id) => closeThen(() => onOpenFlow(id))} />
      ) : (
        <ActionList
          key="actions"
          env={env}
          onRun={(a) => {
            if (a.id === 'open-flow') onMode('flows');
            else closeThen(() => a.enabled(env) && a.run(env));
          }}
        />
      )}
    </Dialog>
  );
}

function ActionList({ env, onRun }: { env: ActionEnv; onRun: (a: Action) => void }) {
  const [search, setSearch] = useState('');
  return (
    <Command className="commands" label="Search commands" filter={matches} vimBindings={false}>
      <Command.Input
        data-autofocus
        placeholder="Type a command"
        value={search}
        onValueChange={setSearch}
      />
      <Command.List className="command-list" label="Commands">
        <Command.Empty className="muted">No command matches.</Command.Empty>
        {ACTIONS.filter((a) => a.id !== 'commands').map((a) => (
          <Command.Item
            key={a.id}
            value={a.label}
            disabled={!a.enabled(env)}
            onSelect={() => onRun(a)}
          >
            <span>{a.label}</span>
            {a.shortcut && <kbd>{a.shortcut}</kbd>}
          </Command.Item>
        ))}
      </Command.List>
    </Command>
  );
}

function FlowList({
  flows,
  onPick,
}: {
  flows: readonly PaletteFlow[];
  onPick: (id: string) => void;
}) {
  const [search, setSearch] = useState('');
  return (
    <Command className="commands" label="Search flows" filter={matches} vimBindings={false}>
      <Command.Input
        autoFocus
        placeholder="Type a flow name"
        value={search}
        onValueChange={setSearch}
      />
      <Command.List className="command-list" label="Flows">
        <Command.Empty className="muted">No flow matches.</Command.Empty>
        {flows.map((f) => (
          <Command.Item
            key={f.id}
            value={f.id}
            keywords={[f.name, f.folder ?? '']}
            onSelect={() => onPick(f.id)}
          >
            <span>{f.name}</span>
            {f.folder && <span className="muted">{f.folder}</span>}
          </Command.Item>
        ))}
      </Command.List>
    </Command>
  );
}
