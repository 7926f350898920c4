/**
 * Long lists made findable: filtered by a search of names, sorted by a column, and cut into pages. Pure, so
 * that every list of the dashboard (subjects, categories, window titles) behaves the same way.
 */

export type SortDirection = 'asc' | 'desc';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/** What sorting a column needs: the value of a row in that column (text sorts by locale, numbers by size). */
export type Columns<R, K extends string> = Record<K, (row: R) => string | number | null>;

/** Text compared as people expect: case and accents aside, numbers inside names in order ("tab 2" < "tab 10"). */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Lower case, accents dropped: what a search compares. */
export const searchable = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The rows whose name holds every word of the query (any order, case and accents aside); all for a blank one. */
export function filterRows<R>(rows: R[], query: string, nameOf: (row: R) => string): R[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const name = searchable(nameOf(row));
    return words.every((w) => name.includes(w));
  });
}

/**
 * The rows sorted by one column, stably: rows that tie keep their order (the report's ranking). Empty values
 * (null, "") go last whichever the direction, as "No category" should not lead an A–Z list.
 */
export function sortRows<R, K extends string>(rows: R[], columns: Columns<R, K>, sort: SortState<K>): R[] {
  const valueOf = columns[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row) }))
    .sort((a, b) => {
      const emptyA = a.value === null || a.value === '';
      const emptyB = b.value === null || b.value === '';
      if (emptyA || emptyB) return emptyA === emptyB ? a.index - b.index : emptyA ? 1 : -1;
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : collator.compare(String(a.value), String(b.value));
      return order * sign || a.index - b.index;
    })
    .map((x) => x.row);
}

/** A header click: the same column flips its direction; another starts with its natural one. */
export function nextSort<K extends string>(
  current: SortState<K>,
  key: K,
  natural: (key: K) => SortDirection,
): SortState<K> {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: natural(key) };
}

export interface Page<R> {
  rows: R[];
  /** The page shown, from 0 (kept within the pages there are). */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown, 0 and 0 when there are none. */
  first: number;
  last: number;
  total: number;
}

/** Page `page` of `size` rows; a page past the end (after a search narrowed the list) shows the last one. */
export function pageOf<R>(rows: R[], page: number, size: number): Page<R> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const shown = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const start = shown * size;
  const slice = rows.slice(start, start + size);
  return {
    rows: slice,
    page: shown,
    pages,
    first: slice.length > 0 ? start + 1 : 0,
    last: start + slice.length,
    total: rows.length,
  };
}
