/**
 * The card palette where you add: a popover at the "+" of a gap, at the end of the flow
 * ("Add app action", "Add function") or at the selected card (the A key). Choose a card to
 * insert it there, or drag it from the popover onto any gap of the canvas.
 */
import * as Popover from '@radix-ui/react-popover';
import { useRef, useState } from 'react';
import type { Catalog } from '../../model/catalog.ts';
import type { InsertAt } from '../../model/positions.ts';
import type { PaletteKind } from './Palette.tsx';
import { Palette } from './Palette.tsx';

/** Where the popover opens and what it inserts. */
export interface AddSpot {
  /** Anchor point, relative to the editor's canvas area. */
  x: number;
  y: number;
  at: InsertAt;
  /** Where the card goes, in words ("after “Read User”"). */
  target: string;
  kind: PaletteKind;
}

interface Props {
  spot: AddSpot | null;
  catalog: Catalog;
  onInsert: (id: string, at: InsertAt) => void;
  onClose: () => void;
}

const TITLES: Record<PaletteKind, string> = {
  all: 'Add a card',
  app: 'Add app action',
  function: 'Add function',
};

/** The popover (closed when `spot` is null). */
export function AddCardPopover({ spot, catalog, onInsert, onClose }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  return (
    <Popover.Root
      open={spot !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Popover.Anchor asChild>
        <div
          className="add-anchor"
          style={{ left: spot?.x ?? 0, top: spot?.y ?? 0 }}
          aria-hidden="true"
        />
      </Popover.Anchor>
      <Popover.Portal>
        <Popover.Content
          className={dragging ? 'add-popover dragging' : 'add-popover'}
          side="right"
          align="start"
          sideOffset={8}
          collisionPadding={8}
          aria-label={spot ? TITLES[spot.kind] : 'Add a card'}
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            searchRef.current?.focus();
          }}
          onCloseAutoFocus={(e) => e.preventDefault()}
          onInteractOutside={(e) => {
            // A card dragged out of the popover is dropped outside it: keep it open until then.
            if (dragging) e.preventDefault();
          }}
        >
          {spot && (
            <>
              <h3 className="add-popover-title">{TITLES[spot.kind]}</h3>
              <Palette
                key={`${spot.kind}:${spot.target}`}
                catalog={catalog}
                kind={spot.kind}
                target={spot.target}
                searchRef={searchRef}
                onInsert={(id) => onInsert(id, spot.at)}
                onEscape={onClose}
                onDragging={(d) => {
                  setDragging(d);
                  if (!d) onClose();
                }}
              />
            </>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
