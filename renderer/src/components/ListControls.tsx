import { useId } from 'react';
import type { Listing } from '../hooks/useListing.ts';
import type { SortState } from '../lib/listing.ts';

/** One way of ordering a list, as the sort menu offers it. */
export interface SortOption<K extends string> {
  label: string;
  sort: SortState<K>;
}

interface Props<R, K extends string> {
  listing: Listing<R, K>;
  /** What the list holds, for the search's label and the count: "apps", "sites", "titles". */
  noun: string;
  sorts: SortOption<K>[];
}

const sortId = (s: SortState<string>) => `${s.key}:${s.direction}`;

/** A list's search and sort menu (the headers sort too, where the table has them). */
export function ListFilter<R, K extends string>({ listing, noun, sorts }: Props<R, K>) {
  const id = useId();
  const current = sortId(listing.sort);
  return (
    <div className="list-filter">
      <label className="list-search">
        <span className="visually-hidden">Search {noun}</span>
        <input
          type="search"
          placeholder={`Search ${noun}`}
          value={listing.query}
          onChange={(e) => listing.setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Escape clears the search before it closes anything around it.
            if (e.key === 'Escape' && listing.query !== '') {
              e.stopPropagation();
              listing.setQuery('');
            }
          }}
        />
      </label>
      <span className="list-sort-field">
        <label className="list-sort" htmlFor={`${id}-sort`}>
          Sort
        </label>
        <select
          id={`${id}-sort`}
          value={current}
          onChange={(e) => {
            const chosen = sorts.find((s) => sortId(s.sort) === e.target.value);
            if (chosen) listing.setSort(chosen.sort);
          }}
        >
          {sorts.some((s) => sortId(s.sort) === current) ? null : (
            <option value={current}>As the headers say</option>
          )}
          {sorts.map((s) => (
            <option key={sortId(s.sort)} value={sortId(s.sort)}>
              {s.label}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}

/** "26–50 of 85 apps", with the previous and next pages; nothing to page through for one page. */
export function Pager<R, K extends string>({ listing, noun }: { listing: Listing<R, K>; noun: string }) {
  const { view, setPage } = listing;
  const count = (
    <span className="pager-count" role="status">
      {view.total === 0
        ? `No ${noun} match`
        : view.pages === 1
          ? `${view.total} ${noun}`
          : `${view.first}–${view.last} of ${view.total} ${noun}`}
    </span>
  );
  if (view.pages === 1) return <div className="pager">{count}</div>;
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <button type="button" disabled={view.page === 0} onClick={() => setPage(view.page - 1)}>
        ‹ Previous
      </button>
      {count}
      <button type="button" disabled={view.page === view.pages - 1} onClick={() => setPage(view.page + 1)}>
        Next ›
      </button>
    </nav>
  );
}
