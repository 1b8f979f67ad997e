/**
 * The card palette: every catalog card, grouped by app and by function category, with search
 * as you type. Drag a card onto the canvas, or choose it with the keyboard (Enter inserts it
 * at the current insertion point).
 */
import type { KeyboardEvent, RefObject } from 'react';
import { memo, useEffect, useMemo, useState } from 'react';
import type { Catalog, CatalogCard } from '../../model/catalog.ts';
import { colorOf } from '../../export/render/palette.ts';
import { cardMatch, cardQuery, compareCards } from '../../model/cardSearch.ts';

type Scored = { card: CatalogCard; score: number };

/** MIME type carrying a catalog card id during a drag. */
export const CARD_DRAG_TYPE = 'application/reactflow';

interface Group {
  name: string;
  kind: 'app' | 'function';
  cards: CatalogCard[];
}

/** Groups the insertable (non-event, non-hidden) cards; apps first, then functions. */
export function paletteGroups(catalog: Catalog, query: string): Group[] {
  const q = cardQuery(query);
  const groups = new Map<string, Group & { best: number; scored: Scored[] }>();
  for (const c of catalog.cards) {
    if (c.hidden || c.isEvent) continue;
    const score = cardMatch(c, q);
    if (score === null) continue;
    const name = c.isFunction ? c.category : c.appLabel;
    const g = groups.get(name) ?? {
      name,
      kind: c.isFunction ? ('function' as const) : ('app' as const),
      cards: [],
      best: score,
      scored: [],
    };
    g.scored.push({ card: c, score });
    g.best = Math.min(g.best, score);
    groups.set(name, g);
  }
  const rank = (g: Group): number => (g.name === 'Okta' ? 0 : g.kind === 'app' ? 1 : 2);
  return [...groups.values()]
    .sort((a, b) => a.best - b.best || rank(a) - rank(b) || a.name.localeCompare(b.name))
    .map(({ name, kind, scored }) => ({
      name,
      kind,
      cards: scored.sort(compareCards).map((s) => s.card),
    }));
}

interface PaletteProps {
  catalog: Catalog;
  /** Where Enter / click inserts, in words ("after “Read User”"). */
  target: string;
  onInsert: (id: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  onEscape: () => void;
}

/** The palette panel. */
export const Palette = memo(function Palette({
  catalog,
  target,
  onInsert,
  searchRef,
  onEscape,
}: PaletteProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const groups = useMemo(() => paletteGroups(catalog, query), [catalog, query]);
  const flat = useMemo(() => groups.flatMap((g) => g.cards), [groups]);
  const current = flat[Math.min(active, flat.length - 1)];
  const currentId = current?.id;
  useEffect(() => {
    // The highlighted card follows the arrow keys into view.
    if (currentId)
      document.getElementById(`palette-${currentId}`)?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, flat.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && current) onInsert(current.id);
    else if (e.key === 'Escape') onEscape();
    else return;
    e.preventDefault();
  };
  return (
    <section className="palette" aria-label="Cards palette">
      <input
        ref={searchRef}
        type="search"
        aria-label="Search cards"
        placeholder="Search cards"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
        aria-controls="palette-results"
        aria-activedescendant={current ? `palette-${current.id}` : undefined}
      />
      <p className="muted palette-target">Inserts {target}</p>
      {/* The list scrolls, so it is a Tab stop too: arrows and Enter work there as well. */}
      <div
        id="palette-results"
        className="palette-groups"
        role="listbox"
        aria-label="Cards"
        tabIndex={0}
        onKeyDown={onKey}
        aria-activedescendant={current ? `palette-${current.id}` : undefined}
      >
        {groups.length === 0 && <p className="muted">No card matches “{query}”.</p>}
        {groups.map((g) => (
          <div key={g.name} role="group" aria-label={g.name} className="palette-group">
            {/* A listbox holds only options and groups: the group's name comes from its label. */}
            <h3 aria-hidden="true">{g.name}</h3>
            {g.cards.map((c) => (
              <div
                key={c.id}
                id={`palette-${c.id}`}
                role="option"
                aria-selected={c === current}
                aria-label={`${g.name} – ${c.title}`}
                title={c.description ?? c.title}
                className={c === current ? 'palette-item active' : 'palette-item'}
                style={{ borderLeftColor: colorOf(c.isFunction ? c.category : c.appLabel).band }}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(CARD_DRAG_TYPE, c.id);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => onInsert(c.id)}
              >
                {c.title}
              </div>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
});
