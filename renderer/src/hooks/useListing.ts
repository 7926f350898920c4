/** A findable list's state: the search, the sort and the page, and the page of rows they give. */
import { useMemo, useState } from 'react';
import {
  filterRows,
  nextSort,
  pageOf,
  sortRows,
  type Columns,
  type Page,
  type SortDirection,
  type SortState,
} from '../lib/listing.ts';

export const PAGE_SIZE = 25;

export interface Listing<R, K extends string> {
  query: string;
  setQuery: (query: string) => void;
  sort: SortState<K>;
  setSort: (sort: SortState<K>) => void;
  /** A header click: the same column flips, another starts in its natural direction. */
  sortBy: (key: K) => void;
  setPage: (page: number) => void;
  view: Page<R>;
}

export function useListing<R, K extends string>(
  rows: R[],
  columns: Columns<R, K>,
  nameOf: (row: R) => string,
  initial: SortState<K>,
  natural: (key: K) => SortDirection,
): Listing<R, K> {
  const [query, setQueryState] = useState('');
  const [sort, setSortState] = useState(initial);
  const [page, setPage] = useState(0);
  const sorted = useMemo(
    () => sortRows(filterRows(rows, query, nameOf), columns, sort),
    [rows, query, nameOf, columns, sort],
  );
  // A new search or order starts at the first page.
  const setQuery = (next: string) => {
    setQueryState(next);
    setPage(0);
  };
  const setSort = (next: SortState<K>) => {
    setSortState(next);
    setPage(0);
  };
  return {
    query,
    setQuery,
    sort,
    setSort,
    sortBy: (key) => setSort(nextSort(sort, key, natural)),
    setPage,
    view: pageOf(sorted, page, PAGE_SIZE),
  };
}
