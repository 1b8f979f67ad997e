/**
 * A button that may be unavailable for a reason. Unlike a `disabled` button it stays in the
 * tab order (`aria-disabled`), so keyboard and screen-reader users reach it and hear why: the
 * reason is its description (`aria-describedby`) and shows as a tooltip on hover and on focus.
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useId } from 'react';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'title'> {
  /** Why the button cannot be used now; null when it can. */
  reason: string | null;
  /** Unavailable without a reason worth telling (e.g. while busy). */
  busy?: boolean;
  children: ReactNode;
}

/** The button, with its reason reachable by mouse, keyboard and screen reader. */
export function ReasonButton({ reason, busy, onClick, className, children, ...rest }: Props) {
  const id = useId();
  const blocked = reason !== null || busy === true;
  return (
    <span className="reason-wrap">
      <button
        type="button"
        {...rest}
        className={className}
        aria-disabled={blocked || undefined}
        aria-describedby={reason ? id : undefined}
        onClick={(e) => {
          if (blocked) {
            e.preventDefault();
            return;
          }
          onClick?.(e);
        }}
      >
        {children}
      </button>
      {reason && (
        <span id={id} role="tooltip" className="reason-tip">
          {reason}
        </span>
      )}
    </span>
  );
}
