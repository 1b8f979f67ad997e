/** Right-click menu of a card: the registry's card actions. */
import type { ActionEnv } from '../../client/actions/registry.ts';
import { actionById } from '../../client/actions/registry.ts';
import type { MenuItem } from '../ui/Menu.tsx';
import { Menu } from '../ui/Menu.tsx';

const ITEMS = ['add-card', 'add-note', 'duplicate', 'copy', 'cut', 'paste', 'delete'];

/** The card menu at screen position (x, y). */
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
  const items: MenuItem[] = ITEMS.flatMap((id) => {
    const a = actionById(id);
    return a
      ? [
          {
            id,
            label: a.label,
            hint: a.shortcut,
            disabled: !a.enabled(env),
            onSelect: () => a.run(env),
          },
        ]
      : [];
  });
  return <Menu label="Card actions" items={items} x={x} y={y} onClose={onClose} />;
}
