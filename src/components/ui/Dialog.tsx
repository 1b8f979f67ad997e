/** A modal dialog on the native <dialog> element (focus trap, Escape, backdrop for free). */
import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for sizing. */
  wide?: boolean;
}

/** A modal dialog with a heading; closing (Escape or ×) calls `onClose`. Absent when closed. */
export function Dialog({ title, open, onClose, children, wide }: DialogProps) {
  if (!open) return null;
  return (
    <OpenDialog title={title} onClose={onClose} wide={wide === true}>
      {children}
    </OpenDialog>
  );
}

function OpenDialog({
  title,
  onClose,
  children,
  wide,
}: Omit<DialogProps, 'open' | 'wide'> & { wide: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const el = ref.current;
    // Closing gives the focus back to what opened the dialog, so the keyboard user is not lost.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (el && !el.open) el.showModal();
    // showModal focuses the first focusable element (the close button); start where the
    // dialog's work is: a marked element, else its first field, else its first action.
    const first =
      el?.querySelector<HTMLElement>('[data-autofocus]') ??
      el?.querySelector<HTMLElement>(
        '.dialog-body input, .dialog-body select, .dialog-body textarea',
      ) ??
      el?.querySelector<HTMLElement>('.dialog-body button:not(:disabled), .dialog-body a[href]');
    first?.focus();
    return () => {
      el?.close();
      if (opener?.isConnected && !document.querySelector('dialog[open]')) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="icon" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
