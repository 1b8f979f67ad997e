import { useId } from 'react';

/** A one-line text field whose error (if any) is announced and tied to the input. */
export function NameField({
  label,
  value,
  error,
  onChange,
  autoFocus = true,
}: {
  label: string;
  value: string;
  error: string | null;
  /** Called with the new text; the caller clears its error here. */
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  const errorId = useId();
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input
          autoFocus={autoFocus}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
