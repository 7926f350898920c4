import { useId, useState, type KeyboardEvent } from 'react';
import { PRODUCTIVITIES, type Productivity } from '../../../app/shared/report.ts';
import { PRODUCTIVITY_LABELS } from '../lib/productivity.ts';

interface Props {
  /** "New category for github.com", "New category". */
  title: string;
  /** Creates the category (and gives it to whatever asked); resolves to an error message, or null. */
  create: (name: string, productivity: Productivity) => Promise<string | null>;
  /** Called with the new category's name, or null when cancelled. */
  onDone: (created: string | null) => void;
}

/**
 * A small form under a category select: a new category's name and productivity, created (and assigned). It is
 * a group rather than a <form>, since the planning forms hold it: Enter creates, Escape cancels, and neither
 * reaches the form around it.
 */
export function NewCategoryForm({ title, create, onDone }: Props) {
  const titleId = useId();
  const [name, setName] = useState('');
  const [productivity, setProductivity] = useState<Productivity>('productive');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Give the category a name.');
      return;
    }
    setBusy(true);
    const failure = await create(trimmed, productivity);
    setBusy(false);
    if (failure) setError(failure);
    else onDone(trimmed);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onDone(null);
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      event.stopPropagation();
      if (!busy) void submit();
    }
  };

  return (
    <div role="group" aria-labelledby={titleId} className="popover new-category" onKeyDown={onKeyDown}>
      <p id={titleId} className="popover-title">
        {title}
      </p>
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
        <button type="button" className="button primary" disabled={busy} onClick={() => void submit()}>
          Create
        </button>
      </div>
    </div>
  );
}
