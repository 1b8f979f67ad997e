/** An ID with a button that copies it. */
import { Check, Copy } from 'lucide-react';
import { useState } from 'react';

/** Shows `id` in code type and copies it on request; says "Copied" once done. */
export function CopyId({ id }: { id: string }) {
  const [said, setSaid] = useState<'copied' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard
      .writeText(id)
      .then(() => setSaid('copied'))
      .catch(() => setSaid('failed'));
  };
  return (
    <span className="sim-id">
      <code>{id}</code>{' '}
      <button
        type="button"
        className="icon"
        aria-label={`Copy ID ${id}`}
        title={said === 'failed' ? 'Copying failed — select the ID instead' : 'Copy the ID'}
        onClick={copy}
        onBlur={() => setSaid(null)}
      >
        {said === 'copied' ? (
          <Check size={12} aria-hidden="true" />
        ) : (
          <Copy size={12} aria-hidden="true" />
        )}
      </button>
      {said && (
        <span className="muted" role="note">
          {said === 'copied' ? 'Copied' : 'Copy failed'}
        </span>
      )}
    </span>
  );
}
