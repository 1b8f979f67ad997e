/** Right-click menu of a card: the registry's card actions. */
import { useEffect, useRef } from 'react';
import type { ActionEnv } from '../../client/actions/registry.ts';
import { actionById } from '../../client/actions/registry.ts';

const ITEMS = ['add-card', 'add-note', 'duplicate', 'copy', 'cut', 'paste', 'delete'];

/** A menu at screen position (x, y). */
export function ContextMenu({
  x,
  y,
  env,
  onClose,
}: {
  x: number;
  y: number;
  env: ActionEnv;
  onClose: () => void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current
      ?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')
      ?.focus();
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as globalThis.Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);
  return (
    <ul
      ref={ref}
      role="menu"
      aria-label="Card actions"
      className="context-menu"
      style={{ left: x, top: y }}
      onKeyDown={(e) => {
        const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
        const i = items.indexOf(document.activeElement as HTMLElement);
        if (e.key === 'Escape') onClose();
        else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
        else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {ITEMS.map((id) => {
        const a = actionById(id);
        if (!a) return null;
        const enabled = a.enabled(env);
        return (
          <li
            key={id}
            role="menuitem"
            tabIndex={-1}
            aria-disabled={!enabled}
            onClick={() => {
              if (!enabled) return;
              onClose();
              a.run(env);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              if (!enabled) return;
              onClose();
              a.run(env);
            }}
          >
            <span>{a.label}</span>
            {a.shortcut && <kbd>{a.shortcut}</kbd>}
          </li>
        );
      })}
    </ul>
  );
}
