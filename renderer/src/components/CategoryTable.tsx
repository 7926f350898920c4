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
import { RankedHead, type HeadSort } from './RankedHead.tsx';
import { ShareBar } from './ShareBar.tsx';

interface Props {
  rows: CategoryTotal[];
  total: number;
  caption: string;
  /** Sortable headers, the rank of the first row and names that open the category's apps and sites. */
  sort?: HeadSort | undefined;
  rankStart?: number;
  onOpen?: ((row: CategoryTotal) => void) | undefined;
}

/** Ranked categories with their productivity, switched in place. */
export function CategoryTable({ rows, total, caption, sort, rankStart = 0, onOpen }: Props) {
  const { categories } = useActionsContext();
  if (rows.length === 0) return <p className="empty-line">No time in any category in this range.</p>;
  const byName = new Map(categories.map((c) => [c.name, c]));
  const max = Math.max(...rows.map((r) => r.ms));
  return (
    <table className="ranked">
      <caption className="visually-hidden">{caption}</caption>
      <RankedHead name="Category" extra={['Productivity']} sort={sort} />
      <tbody>
        {rows.map((row, i) => {
          const category = row.name === null ? undefined : byName.get(row.name);
          return (
            <tr key={row.name ?? '\u0000none'} {...(row.name !== null ? { 'data-category': row.name } : {})}>
              <td className="rank">{rankStart + i + 1}</td>
              <th scope="row" className="name">
                {onOpen ? (
                  <button
                    type="button"
                    className="open-button name-text"
                    aria-label={`${row.name ?? 'No category'}: show its apps and sites`}
                    onClick={() => onOpen(row)}
                  >
                    {row.name ?? 'No category'}
                  </button>
                ) : (
                  <span className="name-text">{row.name ?? 'No category'}</span>
                )}
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
