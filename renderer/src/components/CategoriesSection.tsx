/**
 * The categories manager: every category with its colour, name and productivity, each changed in place, and a
 * delete that asks where what was in it goes (another category, or none) before deleting at once, with Undo in
 * the message. Built-in categories are listed from the first start, so the planning forms never start empty.
 */
import { useId, useState, type FormEvent } from 'react';
import type { CategoryDeletion } from '../../../app/shared/api/index.ts';
import { PRODUCTIVITIES, type Category, type Productivity } from '../../../app/shared/report.ts';
import { deleteWithUndo, failureOf, type Failure } from '../hooks/usePlanningActions.ts';
import type { Notice, NoticeAction } from '../hooks/useNotices.ts';
import { api } from '../lib/api.ts';
import { PRODUCTIVITY_LABELS } from '../lib/productivity.ts';
import { Section } from './Section.tsx';

interface Props {
  categories: Category[];
  reload: () => Promise<void>;
  notify: (kind: Notice['kind'], text: string, action?: NoticeAction) => void;
  className?: string;
}

/** The colour a category without its own shows in the picker: its productivity's. */
const FALLBACK: Record<Productivity, string> = {
  productive: '#16a34a',
  neutral: '#64748b',
  unproductive: '#dc2626',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Deleted Games: 2 apps and 1 site moved to Fun; 1 rule deleted." */
export function describeDeletion(d: CategoryDeletion): string {
  const where = d.reassigned_to === null ? 'left without a category' : `moved to ${d.reassigned_to}`;
  const subjects = [
    d.apps > 0 ? plural(d.apps, 'app', 'apps') : null,
    d.domains > 0 ? plural(d.domains, 'site', 'sites') : null,
    d.manual_entries > 0 ? plural(d.manual_entries, 'logged entry', 'logged entries') : null,
  ].filter((x) => x !== null);
  const parts = subjects.length > 0 ? [`${subjects.join(', ')} ${where}`] : [];
  for (const [n, one, many, outcome] of [
    [d.rules.count, 'rule', 'rules', d.rules.outcome],
    [d.goals.count, 'goal', 'goals', d.goals.outcome],
  ] as const)
    if (n > 0)
      parts.push(
        `${plural(n, one, many)} ${outcome === 'moved' ? `moved to ${d.reassigned_to}` : 'deleted'}`,
      );
  return `Deleted ${d.category.name}${parts.length > 0 ? `: ${parts.join('; ')}` : ''}.`;
}

export function CategoriesSection({ categories, reload, notify, className }: Props) {
  return (
    <Section
      title="Categories"
      subtitle="Colour, name and productivity; deleting one asks where its apps, sites, rules and goals go"
      className={`categories-section${className ? ` ${className}` : ''}`}
    >
      {categories.length === 0 ? (
        <p className="empty-line">No categories yet.</p>
      ) : (
        <ul className="category-list" aria-label="Categories">
          {categories.map((c) => (
            <CategoryRow key={c.id} category={c} others={categories} reload={reload} notify={notify} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function CategoryRow({
  category,
  others,
  reload,
  notify,
}: { category: Category; others: Category[] } & Pick<Props, 'reload' | 'notify'>) {
  const errorId = useId();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(category.name);
  const [target, setTarget] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const patch = async (
    body: { name?: string; productivity?: Productivity; colour?: string | null },
    done: string,
  ) => {
    setBusy(true);
    try {
      await api.updateCategory({ params: { id: category.id }, body });
    } catch (error) {
      setBusy(false);
      setFailure(failureOf(error));
      return false;
    }
    setBusy(false);
    setFailure(null);
    await reload();
    notify('success', done);
    return true;
  };
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const next = name.trim();
    if (!next) return setFailure({ message: 'A category needs a name.', field: 'name' });
    if (next === category.name) return setMode('view');
    if (await patch({ name: next }, `Renamed ${category.name} to ${next}`)) setMode('view');
  };
  const remove = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const query = target === '' ? {} : { reassign_to: target };
    const ok = await deleteWithUndo(
      () => api.deleteCategory({ params: { id: category.id }, query }),
      describeDeletion,
      `Could not delete ${category.name}`,
      reload,
      notify,
    );
    setBusy(false);
    if (ok) setMode('view');
  };

  return (
    <li className="category-row" data-category-id={category.id}>
      <div className="category-main">
        <input
          type="color"
          className="category-colour"
          aria-label={`Colour of ${category.name}`}
          value={category.colour ?? FALLBACK[category.productivity]}
          title={
            category.colour === null
              ? 'Automatic colour in the charts: pick one to keep it'
              : 'Colour in the charts'
          }
          disabled={busy}
          onChange={(e) => void patch({ colour: e.target.value }, `New colour for ${category.name}`)}
        />
        {mode === 'rename' ? (
          <form
            className="category-rename"
            aria-label={`Rename ${category.name}`}
            onSubmit={(e) => void rename(e)}
            noValidate
          >
            <input
              type="text"
              aria-label="New name"
              value={name}
              maxLength={64}
              autoFocus
              aria-invalid={failure ? true : undefined}
              aria-describedby={failure ? errorId : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setFailure(null);
              }}
            />
            <button type="submit" className="button small primary" disabled={busy}>
              Save
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => {
                setMode('view');
                setName(category.name);
                setFailure(null);
              }}
            >
              Cancel
            </button>
          </form>
        ) : (
          <span className="category-name">{category.name}</span>
        )}
        <select
          aria-label={`Productivity of ${category.name}`}
          value={category.productivity}
          disabled={busy}
          onChange={(e) =>
            void patch(
              { productivity: e.target.value as Productivity },
              `${category.name} is now ${PRODUCTIVITY_LABELS[e.target.value as Productivity].toLowerCase()}`,
            )
          }
        >
          {PRODUCTIVITIES.map((p) => (
            <option key={p} value={p}>
              {PRODUCTIVITY_LABELS[p]}
            </option>
          ))}
        </select>
        {mode === 'view' ? (
          <span className="category-actions">
            <button
              type="button"
              className="button small"
              aria-label={`Rename ${category.name}`}
              onClick={() => setMode('rename')}
            >
              Rename
            </button>
            <button
              type="button"
              className="button small"
              aria-label={`Delete ${category.name}…`}
              onClick={() => setMode('delete')}
            >
              Delete…
            </button>
            {category.colour !== null ? (
              <button
                type="button"
                className="button small ghost"
                aria-label={`Default colour for ${category.name}`}
                onClick={() => void patch({ colour: null }, `${category.name} has its default colour again`)}
              >
                Reset colour
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
      {mode === 'delete' ? (
        <form
          className="category-delete"
          aria-label={`Delete ${category.name}`}
          onSubmit={(e) => void remove(e)}
          noValidate
        >
          <label>
            <span>Move its apps, sites, logged time, rules and goals to</span>
            <select value={target} onChange={(e) => setTarget(e.target.value)} aria-label="Move them to">
              <option value="">No category (its rules and goals are deleted)</option>
              {others
                .filter((o) => o.id !== category.id)
                .map((o) => (
                  <option key={o.id} value={o.name}>
                    {o.name}
                  </option>
                ))}
            </select>
          </label>
          <span className="category-actions">
            <button type="submit" className="button small danger" disabled={busy}>
              Delete {category.name}
            </button>
            <button type="button" className="button small" onClick={() => setMode('view')}>
              Cancel
            </button>
          </span>
        </form>
      ) : null}
      {failure ? (
        <p id={errorId} className="form-error" role="alert">
          {failure.message}
        </p>
      ) : null}
    </li>
  );
}
