import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

interface CommitFieldProps {
  label: string;
  /** The committed value, as text. Shown whenever the user is not editing. */
  value: string;
  /**
   * Called on blur or Enter with the edited text (only when it was edited). Returns an error
   * message to show (and keep the draft), or `undefined` when accepted. `unmounting` is true for
   * a draft left pending when the field goes away: the caller should then commit only if what it
   * edits is still the same object (not, say, a node of a plan opened meanwhile).
   */
  onCommit: (text: string, unmounting: boolean) => string | undefined;
  placeholder?: string;
  inputMode?: 'text' | 'decimal' | 'numeric';
  spellCheck?: boolean;
}

/**
 * A labelled text input that keeps a local draft and commits it once, on blur or Enter (Escape
 * reverts). A draft still pending when the field goes away (another node selected) is committed.
 */
export function CommitField({ label, value, onCommit, placeholder, inputMode, spellCheck }: CommitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const pending = useRef({ draft, onCommit });
  pending.current = { draft, onCommit };

  useEffect(
    () => () => {
      const { draft: last, onCommit: commitLast } = pending.current;
      if (last !== null) commitLast(last, true);
    },
    [],
  );

  const commit = () => {
    if (draft === null) return;
    const problem = onCommit(draft, false);
    setError(problem);
    if (!problem) setDraft(null);
  };
  const revert = () => {
    setDraft(null);
    setError(undefined);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      event.stopPropagation();
      revert();
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={draft ?? value}
        placeholder={placeholder}
        inputMode={inputMode}
        spellCheck={spellCheck}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
