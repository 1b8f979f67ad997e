/**
 * A flow's cards in execution order, cards of inline flows nested under their container.
 * Read-only (the version viewer) or, as the editor's Outline, one button per card that
 * selects it.
 */
import type { KeyboardEvent } from 'react';
import { useCallback, useMemo } from 'react';
import { cardLabel } from '../../client/canvas/project.ts';
import { useUi } from '../../client/uiStore.ts';
import type { Selection } from '../../client/editorStore.ts';
import type { LayoutNode } from '../../export/layout/layout.ts';
import { layoutFlow } from '../../export/layout/layout.ts';
import type { RawFloData } from '../../model/raw.ts';
import { samePath } from '../../model/scope.ts';
import { useEditor } from './editorContext.ts';
import { useTables } from '../workspace/useTables.ts';
import '../inspector/outline.css';

interface Item {
  node: LayoutNode;
  arms: Arm[];
}

interface Arm {
  id: string;
  label: string;
  items: Item[];
}

/** Nests the laid-out cards: inline-flow cards under the arm of the card that holds them. */
function outlineOf(data: RawFloData): { items: Item[]; count: number } {
  const layout = layoutFlow(data);
  const items: Item[] = [];
  const byCard = new Map<string, Item>();
  const arms = new Map<string, Arm>();
  for (const node of layout.nodes) {
    if (node.kind === 'arm') {
      const arm: Arm = { id: node.id, label: node.label ?? '', items: [] };
      arms.set(node.id, arm);
      if (node.card) byCard.get(node.card)?.arms.push(arm);
      continue;
    }
    // Cards without a number: the hidden placeholder event of a flow without one.
    if (node.summary === null || node.order === 0) continue;
    const item: Item = { node, arms: [] };
    byCard.set(node.id, item);
    const step = node.path[node.path.length - 1];
    const armId = step && `${step.card}:${step.slot.kind === 'error' ? 'error' : step.slot.field}`;
    const arm = armId ? arms.get(armId) : undefined;
    (arm ? arm.items : items).push(item);
  }
  return { items, count: layout.cardCount };
}

interface Props {
  data: RawFloData;
  label: string;
  /** The selected card, marked `aria-current`. */
  selected?: Selection | null;
  /** Makes each card a button that selects it; without it the list is read-only. */
  onSelect?: (selection: Selection) => void;
}

/** Lists the visible cards with their app, title and set or mapped inputs. */
export function CardList({ data, label, selected = null, onSelect }: Props) {
  const outline = useMemo(() => outlineOf(data), [data]);
  const ctx: ItemContext = { count: outline.count, selected, onSelect };
  return (
    <ol
      className={onSelect ? 'card-list outline' : 'card-list'}
      aria-label={label}
      onKeyDown={onSelect ? moveFocus : undefined}
    >
      {outline.items.map((item) => (
        <OutlineItem key={item.node.id} item={item} ctx={ctx} />
      ))}
    </ol>
  );
}

/** The open flow's outline: selects cards in the editor store. Needs an editor context. */
export function Outline({ label }: { label: string }) {
  const data = useEditor((s) => s.flow.data);
  const selected = useEditor((s) => s.selection);
  const select = useEditor((s) => s.select);
  const showPanel = useUi((s) => s.showPanel);
  // Choosing a card in the outline is for editing it: the Inspector opens beside the canvas.
  const choose = useCallback(
    (sel: Selection) => {
      select(sel);
      showPanel('inspector');
    },
    [select, showPanel],
  );
  return <CardList data={data} label={label} selected={selected} onSelect={choose} />;
}

interface ItemContext {
  count: number;
  selected: Selection | null;
  onSelect: ((selection: Selection) => void) | undefined;
}

function OutlineItem({ item, ctx }: { item: Item; ctx: ItemContext }) {
  const { tableName } = useTables();
  const { node } = item;
  const s = node.summary;
  if (!s) return null;
  const isSelected =
    ctx.selected !== null &&
    ctx.selected.card === node.id &&
    samePath(ctx.selected.path, node.path);
  const head = (
    <>
      <span className="card-app">{s.app}</span>{' '}
      <span className="card-title">{s.note ? s.note.title || 'Note' : s.title}</span>
    </>
  );
  const details = (
    <>
      {s.note && <span className="card-note">{s.note.markdown}</span>}
      {s.inputs.length > 0 && (
        <ul className="card-inputs">
          {s.inputs.slice(0, 6).map((i, k) => (
            <li key={k}>
              <span className="muted">{i.label}:</span>{' '}
              {i.mapped ? `← ${i.text}` : i.table ? (tableName(i.text) ?? i.text) : i.text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  const onSelect = ctx.onSelect;
  return (
    <li className={`card-item role-${s.role}${isSelected ? ' is-selected' : ''}`}>
      {onSelect ? (
        <button
          type="button"
          className="outline-card"
          data-outline-card=""
          aria-label={cardLabel(s, node.order, ctx.count)}
          aria-current={isSelected ? 'true' : undefined}
          ref={isSelected ? scrollIntoView : undefined}
          onClick={() => onSelect({ card: s.id, path: node.path })}
        >
          {head}
        </button>
      ) : (
        head
      )}
      {/* Outside the button, whose name ("Okta – Read User, card 2 of 4") holds what it shows. */}
      {details}
      {item.arms.map((arm) => (
        <div key={arm.id} className="outline-arm">
          <span className="outline-arm-label">{arm.label}</span>
          {arm.items.length > 0 ? (
            <ol className="card-list outline-nested" aria-label={`${arm.label} of ${s.title}`}>
              {arm.items.map((inner) => (
                <OutlineItem key={inner.node.id} item={inner} ctx={ctx} />
              ))}
            </ol>
          ) : (
            <span className="muted outline-empty">No cards</span>
          )}
        </div>
      ))}
    </li>
  );
}

const scrollIntoView = (el: HTMLElement | null): void => {
  el?.scrollIntoView({ block: 'nearest' });
};

/** Up/Down/Home/End move focus between the outline's cards. */
function moveFocus(e: KeyboardEvent<HTMLOListElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key)) return;
  const buttons = Array.from(
    e.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-outline-card]'),
  );
  const at = buttons.findIndex((b) => b === document.activeElement);
  if (at < 0) return;
  e.preventDefault();
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
  buttons[next]?.focus();
}
