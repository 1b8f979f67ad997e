/** A modal dialog on Radix Dialog (focus trap, Escape, inert background, focus return). */
import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useRef, useState } from 'react';

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for sizing. */
  wide?: boolean;
  /** Called once the dialog has closed and given the focus back. */
  onClosed?: () => void;
}

/** Where a dialog's work starts: a marked element, else its first field, else its first action. */
function initialFocus(root: HTMLElement | null): HTMLElement | null {
  return (
    root?.querySelector<HTMLElement>('[data-autofocus]') ??
    root?.querySelector<HTMLElement>(
      '.dialog-body input, .dialog-body select, .dialog-body textarea',
    ) ??
    root?.querySelector<HTMLElement>('.dialog-body button:not(:disabled), .dialog-body a[href]') ??
    null
  );
}

/**
 * A modal dialog with a heading that names it; closing (Escape or ×) calls `onClose`. Absent
 * when closed, and closing gives the focus back to what opened it.
 */
export function Dialog({ open, wide, ...rest }: DialogProps) {
  if (!open) return null;
  return <OpenDialog {...rest} wide={wide === true} />;
}

function OpenDialog({
  title,
  onClose,
  children,
  wide,
  onClosed,
}: Omit<DialogProps, 'open' | 'wide'> & { wide: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  // Closing gives the focus back to what opened the dialog, so the keyboard user is not lost.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  return (
    <RadixDialog.Root
      open
      onOpenChange={(o) => {
        if (!o) onClose();
      }}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          ref={ref}
          className={wide ? 'dialog dialog-wide' : 'dialog'}
          aria-describedby={undefined}
          onOpenAutoFocus={(e) => {
            // Radix would focus the first tabbable (the × button); start where the work is.
            const first = initialFocus(ref.current);
            if (first) {
              e.preventDefault();
              first.focus();
            }
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            // Unless what the dialog did has put the focus somewhere already (a new card).
            const lost =
              document.activeElement === null || document.activeElement === document.body;
            if (lost && opener?.isConnected && !document.querySelector('.dialog')) opener.focus();
            onClosed?.();
          }}
          // A click beside a form must not throw away what was typed: only Escape and × close.
          onInteractOutside={(e) => e.preventDefault()}
        >
          <header className="dialog-head">
            <RadixDialog.Title asChild>
              <h2>{title}</h2>
            </RadixDialog.Title>
            <RadixDialog.Close className="icon" aria-label="Close">
              ×
            </RadixDialog.Close>
          </header>
          <div className="dialog-body">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
