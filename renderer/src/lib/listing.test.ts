import { describe, expect, it } from 'vitest';
import { filterRows, nextSort, pageOf, searchable, sortRows, type Columns } from './listing.ts';

interface Row {
  name: string;
  ms: number;
  category: string | null;
}
const ROWS: Row[] = [
  { name: 'github.com', ms: 5000, category: 'Development' },
  { name: 'Café Notes', ms: 3000, category: null },
  { name: 'tab 10', ms: 3000, category: 'Reading' },
  { name: 'tab 2', ms: 100, category: 'reading' },
  { name: 'YouTube', ms: 9000, category: 'Video' },
];
const COLUMNS: Columns<Row, 'name' | 'ms' | 'category'> = {
  name: (r) => r.name,
  ms: (r) => r.ms,
  category: (r) => r.category,
};
const names = (rows: Row[]) => rows.map((r) => r.name);

describe('filterRows', () => {
  it('keeps the rows whose name holds every word, case and accents aside', () => {
    expect(names(filterRows(ROWS, 'cafe', (r) => r.name))).toEqual(['Café Notes']);
    expect(names(filterRows(ROWS, '  TAB ', (r) => r.name))).toEqual(['tab 10', 'tab 2']);
    expect(names(filterRows(ROWS, 'notes café', (r) => r.name))).toEqual(['Café Notes']);
    expect(names(filterRows(ROWS, 'tab 3', (r) => r.name))).toEqual([]);
  });

  it('keeps everything for a blank query', () => {
    expect(filterRows(ROWS, ' \t', (r) => r.name)).toBe(ROWS);
    expect(searchable('ÉCOLE')).toBe('ecole');
  });
});

describe('sortRows', () => {
  it('sorts numbers by size and keeps ties in their given order', () => {
    expect(names(sortRows(ROWS, COLUMNS, { key: 'ms', direction: 'desc' }))).toEqual([
      'YouTube',
      'github.com',
      'Café Notes',
      'tab 10',
      'tab 2',
    ]);
    expect(names(sortRows(ROWS, COLUMNS, { key: 'ms', direction: 'asc' }))).toEqual([
      'tab 2',
      'Café Notes',
      'tab 10',
      'github.com',
      'YouTube',
    ]);
  });

  it('sorts text by locale, numbers inside names in order, case aside', () => {
    expect(names(sortRows(ROWS, COLUMNS, { key: 'name', direction: 'asc' }))).toEqual([
      'Café Notes',
      'github.com',
      'tab 2',
      'tab 10',
      'YouTube',
    ]);
  });

  it('puts rows without a value last in both directions', () => {
    const asc = sortRows(ROWS, COLUMNS, { key: 'category', direction: 'asc' });
    const desc = sortRows(ROWS, COLUMNS, { key: 'category', direction: 'desc' });
    expect(asc.map((r) => r.category)).toEqual(['Development', 'Reading', 'reading', 'Video', null]);
    expect(desc.map((r) => r.category)).toEqual(['Video', 'Reading', 'reading', 'Development', null]);
    expect(ROWS[0]?.name).toBe('github.com'); // the input is left as it was
  });
});

describe('nextSort', () => {
  const natural = (key: string) => (key === 'name' ? 'asc' : 'desc');
  it('flips the same column and starts another in its natural direction', () => {
    expect(nextSort({ key: 'ms', direction: 'desc' }, 'ms', natural)).toEqual({
      key: 'ms',
      direction: 'asc',
    });
    expect(nextSort({ key: 'ms', direction: 'asc' }, 'name', natural)).toEqual({
      key: 'name',
      direction: 'asc',
    });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'ms', natural)).toEqual({
      key: 'ms',
      direction: 'desc',
    });
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 53 }, (_, i) => i);
  it('cuts pages and says which rows they hold', () => {
    expect(pageOf(rows, 0, 25)).toMatchObject({ page: 0, pages: 3, first: 1, last: 25, total: 53 });
    const last = pageOf(rows, 2, 25);
    expect(last.rows).toEqual([50, 51, 52]);
    expect(last).toMatchObject({ first: 51, last: 53 });
  });

  it('shows the last page for a page past the end, and one empty page for no rows', () => {
    expect(pageOf(rows, 9, 25).page).toBe(2);
    expect(pageOf(rows, -1, 25).page).toBe(0);
    expect(pageOf([], 3, 25)).toEqual({ rows: [], page: 0, pages: 1, first: 0, last: 0, total: 0 });
  });
});
