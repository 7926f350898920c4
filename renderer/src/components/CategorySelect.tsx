import { useRef, useState } from 'react';
import type { SubjectKind } from '../../../app/shared/report.ts';
import { useActionsContext } from '../hooks/useActions.ts';
import { NO_CATEGORY } from '../lib/productivity.ts';
import { NewCategoryForm } from './NewCategoryForm.tsx';

const NONE = '';
const NEW = '\u0000new';
const RESET = '\u0000reset';

interface Props {
  kind: SubjectKind;
  name: string;
  category: string | null;
}

/**
 * A subject's category, changed in place. "New category…" opens a small form that creates the category and
 * gives it to the subject; "Reset to default" drops the user's choice (the rules or the built-in default decide
 * again). The choice shows at once; the row's other figures follow with the next report. A subject without a
 * category shows the classifier's suggestion under the select, accepted in one click.
 */
export function CategorySelect({ kind, name, category }: Props) {
  const { categories, suggestions, setSubjectCategory, resetSubjectCategory, createCategoryFor } =
    useActionsContext();
  const current = category ?? NONE;
  // The value chosen, shown until the reloaded report carries it (or the change fails).
  const [pending, setPending] = useState<{ value: string; from: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const shown = creating ? NEW : pending && pending.from === current ? pending.value : current;
  const suggestion =
    category === null && !busy ? suggestions.find((s) => s.kind === kind && s.name === name) : undefined;

  const choose = async (value: string) => {
    if (value === NEW) {
      setCreating(true);
      return;
    }
    setBusy(true);
    if (value === RESET) {
      // What the default is shows with the reloaded report.
      await resetSubjectCategory(kind, name);
      setBusy(false);
      return;
    }
    setPending({ value, from: current });
    const ok = await setSubjectCategory(kind, name, value === NONE ? null : value);
    setBusy(false);
    if (!ok) setPending(null);
  };

  const known = categories.some((c) => c.name === category);
  return (
    <div className="category-select">
      <select
        ref={select}
        aria-label={`Category of ${name}`}
        value={shown}
        disabled={busy}
        aria-busy={busy}
        onChange={(e) => void choose(e.target.value)}
      >
        <option value={NONE}>{NO_CATEGORY}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.name}>
            {c.name}
          </option>
        ))}
        {category && !known ? <option value={category}>{category}</option> : null}
        <option value={NEW}>New category…</option>
        {kind !== 'manual' ? <option value={RESET}>Reset to default</option> : null}
      </select>
      {suggestion ? (
        <p className="suggestion-hint">
          <span className="muted">Suggested:</span>
          <span className="suggestion-name" title={suggestion.category}>
            {suggestion.category}
          </span>
          <button
            type="button"
            className="link-button"
            aria-label={`Accept ${suggestion.category} for ${name}`}
            onClick={() => void choose(suggestion.category)}
          >
            Accept
          </button>
        </p>
      ) : null}
      {creating ? (
        <NewCategoryForm
          title={`New category for ${name}`}
          create={(category, productivity) => createCategoryFor(kind, name, category, productivity)}
          onDone={(created) => {
            setCreating(false);
            if (created) setPending({ value: created, from: current });
            select.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
