import { useState } from 'react';
import { formatDuration } from '../../../app/shared/format.ts';
import {
  PRODUCTIVITIES,
  type Category,
  type CategoryTotal,
  type Productivity,
} from '../../../app/shared/report.ts';
import { useActionsContext } from '../hooks/useActions.ts';
import { PRODUCTIVITY_LABELS } from '../lib/productivity.ts';
import { ProductivityChip } from './ProductivityChip.tsx';
import { RankedHead } from './RankedHead.tsx';
import { ShareBar } from './ShareBar.tsx';

interface Props {
  rows: CategoryTotal[];
  total: number;
  caption: string;
}

/** Ranked categories with their productivity, switched in place. */
export function CategoryTable({ rows, total, caption }: Props) {
  const { categories } = useActionsContext();
  if (rows.length === 0) return <p className="empty-line">No time in any category in this range.</p>;
  const byName = new Map(categories.map((c) => [c.name, c]));
  const max = rows[0]?.ms ?? 0;
  return (
    <table className="ranked">
      <caption className="visually-hidden">{caption}</caption>
      <RankedHead name="Category" extra={['Productivity']} />
      <tbody>
        {rows.map((row, i) => {
          const category = row.name === null ? undefined : byName.get(row.name);
          return (
            <tr key={row.name ?? '\u0000none'} {...(row.name !== null ? { 'data-category': row.name } : {})}>
              <td className="rank">{i + 1}</td>
              <th scope="row" className="name">
                <span className="name-text">{row.name ?? 'No category'}</span>
              </th>
              <td className="num">{formatDuration(row.ms)}</td>
              <td className="share-col">
                <ShareBar ms={row.ms} total={total} max={max} color={`var(--${row.productivity})`} />
              </td>
              <td>
                {category ? (
                  <ProductivitySelect category={category} />
                ) : (
                  <ProductivityChip productivity={row.productivity} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ProductivitySelect({ category }: { category: Category }) {
  const { setCategoryProductivity } = useActionsContext();
  const [pending, setPending] = useState<{ value: Productivity; from: Productivity } | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = pending && pending.from === category.productivity ? pending.value : category.productivity;
  const choose = async (value: Productivity) => {
    setPending({ value, from: category.productivity });
    setBusy(true);
    const ok = await setCategoryProductivity(category, value);
    setBusy(false);
    if (!ok) setPending(null);
  };
  return (
    <span className={`productivity-select tone-${shown}`}>
      <span className="dot" aria-hidden="true" />
      <select
        aria-label={`Productivity of ${category.name}`}
        value={shown}
        disabled={busy}
        aria-busy={busy}
        onChange={(e) => void choose(e.target.value as Productivity)}
      >
        {PRODUCTIVITIES.map((p) => (
          <option key={p} value={p}>
            {PRODUCTIVITY_LABELS[p]}
          </option>
        ))}
      </select>
    </span>
  );
}
