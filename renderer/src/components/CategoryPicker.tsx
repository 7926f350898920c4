import { useRef, useState } from 'react';
import { useActionsContext } from '../hooks/useActions.ts';
import { NewCategoryForm } from './NewCategoryForm.tsx';

const NEW = '\u0000new';

interface Props {
  value: string;
  onChange: (name: string) => void;
  label: string;
  invalid?: boolean | undefined;
  describedBy?: string | undefined;
  id?: string;
  className?: string;
}

/**
 * A required choice of one of the user's categories, for the planning forms (goals, rules, logged time).
 * "New category…" opens the small form that creates one and chooses it (the built-in ones are listed from the first start).
 */
export function CategoryPicker({ value, onChange, label, invalid, describedBy, id, className }: Props) {
  const { categories, createCategory } = useActionsContext();
  const [creating, setCreating] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const known = value === '' || categories.some((c) => c.name === value);
  return (
    <span className={`category-picker${className ? ` ${className}` : ''}`}>
      <select
        ref={select}
        id={id}
        aria-label={label}
        value={creating ? NEW : value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => (e.target.value === NEW ? setCreating(true) : onChange(e.target.value))}
      >
        <option value="" disabled>
          Category…
        </option>
        {categories.map((c) => (
          <option key={c.id} value={c.name}>
            {c.name}
          </option>
        ))}
        {known ? null : <option value={value}>{value}</option>}
        <option value={NEW}>New category…</option>
      </select>
      {creating ? (
        <NewCategoryForm
          title="New category"
          create={createCategory}
          onDone={(created) => {
            setCreating(false);
            if (created) onChange(created);
            select.current?.focus();
          }}
        />
      ) : null}
    </span>
  );
}
