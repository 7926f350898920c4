import { formatDuration } from '../../../app/shared/format.ts';
import type { TitleTotal } from '../../../app/shared/drill.ts';
import type { Report } from '../../../app/shared/report.ts';
import { useListing } from '../hooks/useListing.ts';
import { useLoaded } from '../hooks/useLoaded.ts';
import { api } from '../lib/api.ts';
import type { Columns, SortDirection } from '../lib/listing.ts';
import { ListFilter, Pager, type SortOption } from './ListControls.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { RankedHead } from './RankedHead.tsx';
import { ShareBar } from './ShareBar.tsx';

type Key = 'title' | 'ms';
const COLUMNS: Columns<TitleTotal, Key> = { title: (t) => t.title, ms: (t) => t.ms };
const titleOf = (t: TitleTotal) => t.title;
const natural = (key: string): SortDirection => (key === 'ms' ? 'desc' : 'asc');
const BY_TIME = { key: 'ms', direction: 'desc' } as const;
const SORTS: SortOption<Key>[] = [
  { label: 'Longest first', sort: BY_TIME },
  { label: 'Shortest first', sort: { key: 'ms', direction: 'asc' } },
  { label: 'Title, A–Z', sort: { key: 'title', direction: 'asc' } },
  { label: 'Title, Z–A', sort: { key: 'title', direction: 'desc' } },
];
const HEAD_KEYS = { Title: 'title', Time: 'ms' };
const NO_TITLES: TitleTotal[] = [];

/** An app's window titles over the report's range, as stored, each with the app's time under it. */
export function TitlesView({ app, report, rangeText }: { app: string; report: Report; rangeText: string }) {
  const { loaded, retry } = useLoaded(`${app}\u0000${report.from}\u0000${report.to}`, () =>
    api.reportTitles({ query: { app, from: report.from, to: report.to } }),
  );
  const titles = loaded.state === 'done' ? loaded.value.titles : NO_TITLES;
  const listing = useListing<TitleTotal, Key>(titles, COLUMNS, titleOf, BY_TIME, natural);
  if (loaded.state === 'loading')
    return (
      <p className="loading-line" role="status">
        Loading the window titles of {app}…
      </p>
    );
  if (loaded.state === 'failed')
    return <LoadFailure what={`the window titles of ${app}`} error={loaded.error} onRetry={retry} />;
  const total = loaded.value.total_ms;
  if (titles.length === 0)
    return (
      <p className="empty-line">
        No window titles of {app} in this range: its time may have gone to sites in the browser, or its titles
        were not recorded.
      </p>
    );
  const max = Math.max(...listing.view.rows.map((t) => t.ms));
  return (
    <div className="full-list">
      <p className="drill-summary">
        {formatDuration(total)} under {titles.length} {titles.length === 1 ? 'title' : 'titles'}, as recorded
        (hidden parts stay hidden).
      </p>
      <ListFilter listing={listing} noun="titles" sorts={SORTS} />
      {listing.view.total > 0 ? (
        <table className="ranked titles-table">
          <caption className="visually-hidden">{`Window titles of ${app}, ${rangeText}`}</caption>
          <RankedHead
            name="Title"
            extra={[]}
            sort={{ state: listing.sort, keys: HEAD_KEYS, onSort: (k) => listing.sortBy(k as Key) }}
          />
          <tbody>
            {listing.view.rows.map((t, i) => (
              <tr key={t.title} data-title={t.title}>
                <td className="rank">{listing.view.first + i}</td>
                <th scope="row" className="name title-name">
                  <span className="name-text">{t.title === '' ? '(no title)' : t.title}</span>
                </th>
                <td className="num">{formatDuration(t.ms)}</td>
                <td className="share-col">
                  <ShareBar ms={t.ms} total={total} max={max} color="var(--accent)" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager listing={listing} noun="titles" />
    </div>
  );
}
