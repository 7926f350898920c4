import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { PRODUCTIVITIES, type Productivity, type SubjectKind } from '../../../app/shared/report.ts';
import { useActionsContext } from '../hooks/useActions.ts';
import { PRODUCTIVITY_LABELS } from '../lib/productivity.ts';

interface Props {
  kind: SubjectKind;
  subject: string;
  /** Called with the new category's name, or null when cancelled. */
  onDone: (created: string | null) => void;
}

/** A small form under a category select: a new category's name and productivity, created and assigned. */
export function NewCategoryForm({ kind, subject, onDone }: Props) {
  const { createCategoryFor } = useActionsContext();
  const [name, setName] = useState('');
  const [productivity, setProductivity] = useState<Productivity>('productive');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Give the category a name.');
      return;
    }
    setBusy(true);
    const failure = await createCategoryFor(kind, subject, trimmed, productivity);
    setBusy(false);
    if (failure) setError(failure);
    else onDone(trimmed);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onDone(null);
    }
  };

  return (
    <form className="popover new-category" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <p className="popover-title">New category for {subject}</p>
      <input
        type="text"
        aria-label="New category name"
        placeholder="Name"
        maxLength={64}
        value={name}
        autoFocus
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
      />
      <select
        aria-label="Productivity of the new category"
        value={productivity}
        onChange={(e) => setProductivity(e.target.value as Productivity)}
      >
        {PRODUCTIVITIES.map((p) => (
          <option key={p} value={p}>
            {PRODUCTIVITY_LABELS[p]}
          </option>
        ))}
      </select>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="popover-buttons">
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          Create
        </button>
      </div>
    </form>
  );
}
