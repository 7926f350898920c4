/**
 * The current site (or the last one, when the popup is a tab of its own): its time today, its category, which
 * the user can change or create on the spot, and its productivity.
 */
import { formatDuration } from '../../../app/shared/format.ts';
import { PRODUCTIVITIES, type Productivity, type ProductivityOrNone } from '../../../app/shared/report.ts';
import type { PopupStatus } from '../protocol.ts';
import { h } from './dom.ts';
import type { Actions, UiState } from './ui-state.ts';

/** The category picker's last option, which opens the new-category form instead of being a category. */
const NEW_CATEGORY = '\u0000new';

function categoryPicker(
  status: PopupStatus,
  ui: UiState,
  actions: Actions,
  domain: string,
  current: string | null,
) {
  const select = h(
    'select',
    {
      id: 'category',
      'aria-label': 'Category',
      disabled: ui.busy || status.link.state !== 'connected',
      onchange: () => {
        if (select.value === NEW_CATEGORY) actions.showNewCategory(true);
        else actions.setCategory(domain, select.value === '' ? null : select.value);
      },
    },
    h('option', { value: '' }, 'No category'),
    ...status.categories
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) =>
        h('option', { value: c.name, selected: c.name === current }, `${c.name} — ${c.productivity}`),
      ),
    h('option', { value: NEW_CATEGORY }, 'New category…'),
  );
  if (current === null) select.value = '';
  return select;
}

function newCategoryForm(ui: UiState, actions: Actions, domain: string): HTMLElement {
  const name = h('input', {
    'aria-label': 'Category name',
    placeholder: 'Name, e.g. Research',
    maxlength: 64,
  });
  const productivity = h(
    'select',
    { 'aria-label': 'Productivity' },
    ...PRODUCTIVITIES.map((p) => h('option', { value: p }, p)),
  );
  queueMicrotask(() => name.focus());
  return h(
    'form',
    {
      class: 'new-category',
      onsubmit: (event: Event) => {
        event.preventDefault();
        actions.createCategory(domain, name.value, productivity.value as Productivity);
      },
    },
    name,
    productivity,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', onclick: () => actions.showNewCategory(false) }, 'Cancel'),
      h('button', { type: 'submit', class: 'primary', disabled: ui.busy }, 'Add'),
    ),
  );
}

const chip = (productivity: ProductivityOrNone) =>
  h('span', { class: `chip tone-${productivity}`, 'data-testid': 'productivity' }, productivity);

export function siteCard(status: PopupStatus, ui: UiState, actions: Actions): HTMLElement {
  const current = status.current;
  if (!current) {
    return h(
      'section',
      { class: 'card site' },
      h('span', { class: 'label' }, 'This site'),
      h('p', { class: 'muted' }, 'Open a website: its time today shows here.'),
    );
  }
  return h(
    'section',
    { class: 'card site', 'aria-label': 'Current site' },
    h(
      'div',
      { class: 'row spread' },
      h('span', { class: 'label' }, current.isLast ? 'Last site' : 'This site'),
      current.tracking ? h('span', { class: 'live small muted' }, 'tracking') : null,
    ),
    h(
      'div',
      { class: 'row' },
      h('span', { class: 'site-name', 'data-testid': 'current-domain', title: current.name }, current.name),
      h('span', { class: 'site-time num', 'data-testid': 'current-time' }, formatDuration(current.ms)),
    ),
    h(
      'div',
      { class: 'row category-row' },
      categoryPicker(status, ui, actions, current.name, current.category),
      chip(current.productivity),
    ),
    ui.newCategory ? newCategoryForm(ui, actions, current.name) : null,
  );
}
