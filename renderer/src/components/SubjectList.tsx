import type { CategoryTotal, SubjectTotal } from '../../../app/shared/report.ts';
import { useListing } from '../hooks/useListing.ts';
import type { Columns, SortDirection } from '../lib/listing.ts';
import { CategoryTable } from './CategoryTable.tsx';
import { ListFilter, Pager, type SortOption } from './ListControls.tsx';
import { SubjectTable } from './SubjectTable.tsx';

type SubjectKey = 'name' | 'ms' | 'category';
const SUBJECT_COLUMNS: Columns<SubjectTotal, SubjectKey> = {
  name: (s) => s.name,
  ms: (s) => s.ms,
  category: (s) => s.category,
};
const subjectName = (s: SubjectTotal) => s.name;
/** Names and categories start A–Z, time longest first. */
const natural = (key: string): SortDirection => (key === 'ms' ? 'desc' : 'asc');
const BY_TIME = { key: 'ms', direction: 'desc' } as const;

const SUBJECT_SORTS: SortOption<SubjectKey>[] = [
  { label: 'Longest first', sort: BY_TIME },
  { label: 'Shortest first', sort: { key: 'ms', direction: 'asc' } },
  { label: 'Name, A–Z', sort: { key: 'name', direction: 'asc' } },
  { label: 'Name, Z–A', sort: { key: 'name', direction: 'desc' } },
  { label: 'Category, A–Z', sort: { key: 'category', direction: 'asc' } },
];
const SUBJECT_HEAD_KEYS = { Name: 'name', Time: 'ms', Category: 'category' };

interface SubjectListProps {
  subjects: SubjectTotal[];
  total: number;
  caption: string;
  noun: string;
  empty: string;
  showKind?: boolean;
  onDelete?: ((subject: SubjectTotal) => void) | undefined;
  onOpen: (subject: SubjectTotal) => void;
}

/** Every subject of a kind (or of a category): searched, sorted by any column and paged. */
export function SubjectList({
  subjects,
  total,
  caption,
  noun,
  empty,
  showKind,
  onDelete,
  onOpen,
}: SubjectListProps) {
  const listing = useListing<SubjectTotal, SubjectKey>(
    subjects,
    SUBJECT_COLUMNS,
    subjectName,
    BY_TIME,
    natural,
  );
  if (subjects.length === 0) return <p className="empty-line">{empty}</p>;
  return (
    <div className="full-list">
      <ListFilter listing={listing} noun={noun} sorts={SUBJECT_SORTS} />
      {listing.view.total > 0 ? (
        <SubjectTable
          subjects={listing.view.rows}
          total={total}
          caption={caption}
          empty={empty}
          showKind={showKind ?? false}
          onDelete={onDelete}
          sort={{
            state: listing.sort,
            keys: SUBJECT_HEAD_KEYS,
            onSort: (k) => listing.sortBy(k as SubjectKey),
          }}
          rankStart={listing.view.first - 1}
          onOpen={onOpen}
        />
      ) : null}
      <Pager listing={listing} noun={noun} />
    </div>
  );
}

type CategoryKey = 'name' | 'ms' | 'productivity';
const CATEGORY_COLUMNS: Columns<CategoryTotal, CategoryKey> = {
  name: (c) => c.name,
  ms: (c) => c.ms,
  productivity: (c) => c.productivity,
};
const categoryName = (c: CategoryTotal) => c.name ?? 'No category';
const CATEGORY_SORTS: SortOption<CategoryKey>[] = [
  { label: 'Longest first', sort: BY_TIME },
  { label: 'Shortest first', sort: { key: 'ms', direction: 'asc' } },
  { label: 'Name, A–Z', sort: { key: 'name', direction: 'asc' } },
  { label: 'Name, Z–A', sort: { key: 'name', direction: 'desc' } },
];
const CATEGORY_HEAD_KEYS = { Category: 'name', Time: 'ms', Productivity: 'productivity' };

interface CategoryListProps {
  rows: CategoryTotal[];
  total: number;
  caption: string;
  onOpen: (row: CategoryTotal) => void;
}

/** Every category of the range, searched, sorted and paged; a name opens its apps and sites. */
export function CategoryList({ rows, total, caption, onOpen }: CategoryListProps) {
  const listing = useListing<CategoryTotal, CategoryKey>(
    rows,
    CATEGORY_COLUMNS,
    categoryName,
    BY_TIME,
    natural,
  );
  if (rows.length === 0) return <p className="empty-line">No time in any category in this range.</p>;
  return (
    <div className="full-list">
      <ListFilter listing={listing} noun="categories" sorts={CATEGORY_SORTS} />
      {listing.view.total > 0 ? (
        <CategoryTable
          rows={listing.view.rows}
          total={total}
          caption={caption}
          sort={{
            state: listing.sort,
            keys: CATEGORY_HEAD_KEYS,
            onSort: (k) => listing.sortBy(k as CategoryKey),
          }}
          rankStart={listing.view.first - 1}
          onOpen={onOpen}
        />
      ) : null}
      <Pager listing={listing} noun="categories" />
    </div>
  );
}
