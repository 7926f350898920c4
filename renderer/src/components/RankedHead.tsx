import type { SortState } from '../lib/listing.ts';

/** Header labels that sort their column when clicked, by the sort key of each label. */
export interface HeadSort {
  state: SortState<string>;
  keys: Record<string, string>;
  onSort: (key: string) => void;
}

/** The header row of a ranked table: rank, name, time, share, then the columns a table adds. */
export function RankedHead({
  name,
  extra,
  sort,
}: {
  name: string;
  extra: string[];
  sort?: HeadSort | undefined;
}) {
  const cell = (label: string, className?: string) => {
    const key = sort?.keys[label];
    if (!sort || key === undefined)
      return (
        <th scope="col" className={className} key={label}>
          {label}
        </th>
      );
    const active = sort.state.key === key;
    const direction = sort.state.direction === 'asc' ? 'ascending' : 'descending';
    return (
      <th scope="col" className={className} key={label} aria-sort={active ? direction : undefined}>
        <button type="button" className="sort-button" onClick={() => sort.onSort(key)}>
          {label}
          <span className="sort-arrow" aria-hidden="true">
            {active ? (sort.state.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <thead>
      <tr>
        <th scope="col" className="rank">
          #
        </th>
        {cell(name)}
        {cell('Time', 'num')}
        <th scope="col" className="share-col">
          Share
        </th>
        {extra.map((label) => cell(label))}
      </tr>
    </thead>
  );
}
