/** Ctrl/Cmd+K: every action by name, filtered as you type; Enter runs the highlighted one. */
import type { KeyboardEvent } from 'react';
import { useEffect, useMemo, useState } from 'react';
import type { ActionEnv } from '../../client/actions/registry.ts';
import { ACTIONS } from '../../client/actions/registry.ts';
import { Dialog } from '../ui/Dialog.tsx';

interface Props {
  open: boolean;
  env: ActionEnv;
  onClose: () => void;
}

/** The command palette dialog. */
export function CommandPalette({ open, env, onClose }: Props) {
  return (
    <Dialog title="Commands" open={open} onClose={onClose}>
      <Commands env={env} onClose={onClose} />
    </Dialog>
  );
}

function Commands({ env, onClose }: Omit<Props, 'open'>) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const list = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return ACTIONS.filter(
      (a) => a.id !== 'commands' && words.every((w) => a.label.toLowerCase().includes(w)),
    );
  }, [query]);
  const current = list[Math.min(active, list.length - 1)];
  const currentId = current?.id;
  useEffect(() => {
    if (currentId)
      document.getElementById(`cmd-${currentId}`)?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);
  const run = (id: string) => {
    const a = ACTIONS.find((x) => x.id === id);
    onClose();
    if (a?.enabled(env)) a.run(env);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, list.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && current) run(current.id);
    else return;
    e.preventDefault();
  };
  return (
    <div className="commands">
      <input
        autoFocus
        aria-label="Search commands"
        placeholder="Type a command"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
        aria-activedescendant={current ? `cmd-${current.id}` : undefined}
        aria-controls="command-list"
      />
      {/* The list scrolls, so it is a Tab stop too: arrows and Enter work there as well. */}
      <ul
        id="command-list"
        role="listbox"
        aria-label="Commands"
        className="command-list"
        tabIndex={0}
        onKeyDown={onKey}
        aria-activedescendant={current ? `cmd-${current.id}` : undefined}
      >
        {list.map((a) => {
          const enabled = a.enabled(env);
          return (
            <li
              key={a.id}
              id={`cmd-${a.id}`}
              role="option"
              aria-selected={a === current}
              aria-disabled={!enabled}
              className={a === current ? 'active' : undefined}
              onClick={() => enabled && run(a.id)}
            >
              <span>{a.label}</span>
              {a.shortcut && <kbd>{a.shortcut}</kbd>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
