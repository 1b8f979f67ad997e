/** An accessible on/off switch whose visible text is its name. */

interface SwitchProps {
  on: boolean;
  onText: string;
  offText: string;
  onChange: (on: boolean) => void;
  disabled?: boolean;
  /** Why it is disabled, shown on hover. */
  title?: string | undefined;
}

/** A `role="switch"` button. */
export function Switch({ on, onText, offText, onChange, disabled, title }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className={on ? 'switch switch-on' : 'switch'}
      disabled={disabled}
      title={title}
      onClick={() => onChange(!on)}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {on ? onText : offText}
    </button>
  );
}
