/** A popup menu at a screen position: arrow keys move, Enter chooses, Escape or a click outside closes. */
import { useEffect, useRef } from 'react';

/** One entry of a menu. */
export interface MenuItem {
  id: string;
  label: string;
  /** Shown at the right, e.g. a shortcut. */
  hint?: string | null;
  disabled?: boolean;
  onSelect: () => void;
}

interface MenuProps {
  label: string;
  items: readonly MenuItem[];
  x: number;
  y: number;
  onClose: () => void;
  /** Shown when there is no item. */
  empty?: string;
}

/** The menu. */
export function Menu({ label, items, x, y, onClose, empty }: MenuProps) {
  const ref = useRef<HTMLUListElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    ref.current
      ?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')
      ?.focus();
    const outside = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) close.current();
    };
    window.addEventListener('mousedown', outside);
    return () => window.removeEventListener('mousedown', outside);
  }, []);
  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    close.current();
    item.onSelect();
  };
  return (
    <ul
      ref={ref}
      role="menu"
      aria-label={label}
      className="context-menu"
      style={{ left: x, top: y }}
      onKeyDown={(e) => {
        const entries = [
          ...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
        ];
        const i = entries.indexOf(document.activeElement as HTMLElement);
        if (e.key === 'Escape') close.current();
        else if (e.key === 'ArrowDown') entries[(i + 1) % entries.length]?.focus();
        else if (e.key === 'ArrowUp') entries[(i - 1 + entries.length) % entries.length]?.focus();
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {items.length === 0 && empty && <li className="muted">{empty}</li>}
      {items.map((item) => (
        <li
          key={item.id}
          role="menuitem"
          tabIndex={-1}
          aria-disabled={item.disabled === true}
          onClick={() => choose(item)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return;
            e.preventDefault();
            choose(item);
          }}
        >
          <span>{item.label}</span>
          {item.hint && <kbd>{item.hint}</kbd>}
        </li>
      ))}
    </ul>
  );
}
