import { formatDuration } from '../../../app/shared/format.ts';
import type { SubjectKind, SubjectTotal } from '../../../app/shared/report.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { ProductivityChip } from './ProductivityChip.tsx';
import { RankedHead, type HeadSort } from './RankedHead.tsx';
import { ShareBar } from './ShareBar.tsx';

/** The small badge of a subject's kind, in lists that mix kinds. */
export const KIND_BADGES: Record<SubjectKind, string> = { domain: 'site', app: 'app', manual: 'log' };

/** What opening a subject shows. */
const OPEN_LABELS: Record<SubjectKind, string> = {
  app: 'show its window titles',
  domain: 'show its time by day',
  manual: 'show its time by day',
};

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
  /** Sortable headers (a full list); without them the rows are ranked by time. */
  sort?: HeadSort | undefined;
  /** The rank of the first row, on later pages of a list. */
  rankStart?: number;
  /** Names become buttons that open a closer look at the subject (its titles, its days). */
  onOpen?: ((subject: SubjectTotal) => void) | undefined;
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
  sort,
  rankStart = 0,
  onOpen,
}: Props) {
  if (subjects.length === 0) return <p className="empty-line">{empty}</p>;
  const max = Math.max(...subjects.map((s) => s.ms));
  return (
    <table className="ranked">
      <caption className="visually-hidden">{caption}</caption>
      <RankedHead
        name="Name"
        extra={[
          ...(showProductivity ? ['Category', 'Productivity'] : ['Category']),
          ...(onDelete ? [''] : []),
        ]}
        sort={sort}
      />
      <tbody>
        {subjects.map((s, i) => (
          <tr key={`${s.kind}:${s.name}`} data-subject={`${s.kind}:${s.name}`}>
            <td className="rank">{rankStart + i + 1}</td>
            <th scope="row" className="name" title={s.name}>
              {showKind ? (
                <span className={`kind kind-${s.kind}`} aria-hidden="true">
                  {KIND_BADGES[s.kind]}
                </span>
              ) : null}
              {onOpen ? (
                <button
                  type="button"
                  className="open-button name-text"
                  aria-label={`${s.name}: ${OPEN_LABELS[s.kind]}`}
                  onClick={() => onOpen(s)}
                >
                  {s.name}
                </button>
              ) : (
                <span className="name-text">{s.name}</span>
              )}
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
