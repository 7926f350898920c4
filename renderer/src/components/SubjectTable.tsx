import { formatDuration } from '../../../app/shared/format.ts';
import type { SubjectKind, SubjectTotal } from '../../../app/shared/report.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { ProductivityChip } from './ProductivityChip.tsx';
import { RankedHead } from './RankedHead.tsx';
import { ShareBar } from './ShareBar.tsx';

/** The small badge of a subject's kind, in lists that mix kinds. */
export const KIND_BADGES: Record<SubjectKind, string> = { domain: 'site', app: 'app', manual: 'log' };

interface Props {
  subjects: SubjectTotal[];
  /** The range's tracked time, the denominator of every share. */
  total: number;
  caption: string;
  /** The productivity column; the shrinkage list leaves it out (it is all unproductive). */
  showProductivity?: boolean;
  /** A small "site" / "app" badge, for lists that mix both. */
  showKind?: boolean;
  empty: string;
  /** A "Delete…" link on each row (apps and sites), which asks before anything goes. */
  onDelete?: ((subject: SubjectTotal) => void) | undefined;
}

/** Ranked subjects (domains, apps or logged activities): time, share, and their category, changed in place. */
export function SubjectTable({
  subjects,
  total,
  caption,
  showProductivity = true,
  showKind = false,
  empty,
  onDelete,
}: Props) {
  if (subjects.length === 0) return <p className="empty-line">{empty}</p>;
  const max = subjects[0]?.ms ?? 0;
  return (
    <table className="ranked">
      <caption className="visually-hidden">{caption}</caption>
      <RankedHead
        name="Name"
        extra={[
          ...(showProductivity ? ['Category', 'Productivity'] : ['Category']),
          ...(onDelete ? [''] : []),
        ]}
      />
      <tbody>
        {subjects.map((s, i) => (
          <tr key={`${s.kind}:${s.name}`} data-subject={`${s.kind}:${s.name}`}>
            <td className="rank">{i + 1}</td>
            <th scope="row" className="name" title={s.name}>
              {showKind ? (
                <span className={`kind kind-${s.kind}`} aria-hidden="true">
                  {KIND_BADGES[s.kind]}
                </span>
              ) : null}
              <span className="name-text">{s.name}</span>
            </th>
            <td className="num">{formatDuration(s.ms)}</td>
            <td className="share-col">
              <ShareBar ms={s.ms} total={total} max={max} color={`var(--${s.productivity})`} />
            </td>
            <td className="category-col">
              <CategorySelect kind={s.kind} name={s.name} category={s.category} />
            </td>
            {showProductivity ? (
              <td>
                <ProductivityChip productivity={s.productivity} />
              </td>
            ) : null}
            {onDelete ? (
              <td className="delete-col">
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Delete the recorded time of ${s.name}…`}
                  onClick={() => onDelete(s)}
                >
                  Delete…
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
