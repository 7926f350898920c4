/**
 * The popup's view: a pure function of the worker's status and the popup's own small UI state, building DOM.
 * Actions are callbacks into popup.ts, which talks to the worker.
 */
import { formatDuration } from '../../../app/shared/format.ts';
import { PRODUCTIVITIES, type Productivity, type ProductivityOrNone } from '../../../app/shared/report.ts';
import { DEFAULT_PORT, INDEFINITE_PAUSE_MS } from '../config.ts';
import { h } from './dom.ts';
import { goalView } from './popup-goals.ts';
import type { PopupStatus } from '../protocol.ts';

export interface UiState {
  busy: boolean;
  /** The result of the last action, shown under the controls. */
  message: { kind: 'error' | 'info'; text: string } | null;
  newCategory: boolean;
  /** The pairing form while paired ("Change pairing"). */
  pairing: boolean;
}

export interface Actions {
  pair(port: string, token: string): void;
  showPairing(show: boolean): void;
  pause(minutes: number): void;
  resume(): void;
  flush(): void;
  setCategory(domain: string, category: string | null): void;
  showNewCategory(show: boolean): void;
  createCategory(domain: string, name: string, productivity: Productivity): void;
}

const NEW_CATEGORY = '\u0000new';
const clock = (ms: number) =>
  new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
const sessions = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`;

export function pillText(status: PopupStatus): { state: string; text: string } {
  if (status.pausedUntilMs !== null && status.pausedUntilMs > status.nowMs)
    return { state: 'paused', text: 'Paused' };
  const labels = {
    connected: 'Connected',
    offline: 'Offline',
    unpaired: 'Not paired',
    unauthorized: 'Token refused',
    error: 'Error',
  } as const;
  return { state: status.link.state, text: labels[status.link.state] };
}

/** "Connected · 0 waiting", "Disconnected — 12 sessions waiting". */
export function statusLine(status: PopupStatus): string {
  const waiting = status.queue.waiting;
  switch (status.link.state) {
    case 'connected':
      return `Connected · ${waiting} waiting`;
    case 'offline':
      return `Disconnected — ${sessions(waiting)} waiting`;
    case 'unauthorized':
      return `Token refused — ${sessions(waiting)} waiting`;
    case 'error':
      return `Not delivered — ${sessions(waiting)} waiting`;
    case 'unpaired':
      return `Not paired — ${sessions(waiting)} waiting`;
  }
}

function notice(status: PopupStatus, actions: Actions): HTMLElement | null {
  if (!status.pairing || status.link.state === 'connected') return null;
  const retry =
    status.queue.retryAtMs !== null && status.queue.waiting > 0
      ? ` Next try at ${clock(status.queue.retryAtMs)}.`
      : '';
  if (status.link.state === 'offline') {
    return h(
      'div',
      { class: 'notice', role: 'status', 'data-testid': 'offline-notice' },
      h('strong', {}, 'Time Audit is not running'),
      h(
        'p',
        {},
        `Nothing answers on port ${status.pairing.port}. ` +
          (status.queue.waiting > 0
            ? `${sessions(status.queue.waiting)} will be sent when it is back.${retry}`
            : 'Sessions are kept here until it is back.'),
      ),
      h('p', { class: 'small' }, 'Start it with ', h('code', {}, 'timeaudit serve'), '.'),
    );
  }
  return h(
    'div',
    { class: 'notice', role: 'status' },
    h(
      'strong',
      {},
      status.link.state === 'unauthorized' ? 'The app refused the token' : 'The app refused the sessions',
    ),
    h('p', {}, status.link.message ?? ''),
    status.link.state === 'unauthorized'
      ? h('div', {}, h('button', { type: 'button', onclick: () => actions.showPairing(true) }, 'Pair again'))
      : null,
  );
}

function pairingCard(status: PopupStatus, ui: UiState, actions: Actions): HTMLElement {
  const port = h('input', {
    id: 'port',
    name: 'port',
    inputmode: 'numeric',
    autocomplete: 'off',
    value: String(status.pairing?.port ?? DEFAULT_PORT),
  });
  const token = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const form = h(
    'form',
    {
      class: 'card pairing',
      onsubmit: (event: Event) => {
        event.preventDefault();
        actions.pair(port.value, token.value);
      },
    },
    h('h2', {}, 'Connect to Time Audit'),
    h(
      'p',
      { class: 'muted' },
      'The app runs on this computer. The extension sends it the sites you visit — domain names only.',
    ),
    h('label', { class: 'field', for: 'port' }, 'Port', port),
    h('label', { class: 'field', for: 'token' }, 'Token', token),
    h(
      'p',
      { class: 'muted small' },
      'Run ',
      h('code', {}, 'timeaudit token'),
      ', or paste the dashboard link that ',
      h('code', {}, 'timeaudit serve'),
      ' prints.',
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'submit', class: 'primary grow', disabled: ui.busy },
        ui.busy ? 'Connecting…' : 'Connect',
      ),
      status.pairing
        ? h('button', { type: 'button', onclick: () => actions.showPairing(false) }, 'Cancel')
        : null,
    ),
  );
  return form;
}

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

function siteCard(status: PopupStatus, ui: UiState, actions: Actions): HTMLElement {
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

function todayCard(status: PopupStatus): HTMLElement | null {
  const today = status.today;
  if (!today) return null;
  const max = Math.max(1, ...today.top.map((d) => d.ms));
  const stale = today.asOfMs !== null && status.nowMs - today.asOfMs > 120_000;
  return h(
    'section',
    { class: 'card', 'aria-label': 'Today' },
    h(
      'div',
      { class: 'row spread' },
      h('span', { class: 'label' }, stale ? `Today · as of ${clock(today.asOfMs ?? 0)}` : 'Today'),
      h('span', { class: 'total num', 'data-testid': 'today-total' }, formatDuration(today.totalMs)),
    ),
    today.top.length === 0
      ? h('p', { class: 'muted small' }, 'No websites yet today.')
      : h(
          'ol',
          { class: 'top5', 'data-testid': 'top-domains' },
          ...today.top.map((d) =>
            h(
              'li',
              { class: `tone-${d.productivity}` },
              h('span', { class: 'swatch', title: d.category ?? 'No category' }),
              h('span', { class: 'name', title: d.name }, d.name),
              h('span', { class: 'bar' }, h('span', { style: `width: ${Math.max(2, (d.ms / max) * 100)}%` })),
              h('span', { class: 'num' }, formatDuration(d.ms)),
            ),
          ),
        ),
  );
}

/** The goals whose day or week is running; nothing at all without goals. */
function goalsCard(status: PopupStatus): HTMLElement | null {
  if (status.goals.length === 0) return null;
  return h(
    'section',
    { class: 'card', 'aria-label': 'Goals' },
    h('span', { class: 'label' }, 'Goals'),
    h(
      'ul',
      { class: 'goals', 'data-testid': 'goals' },
      ...status.goals.map((goal) => {
        const view = goalView(goal);
        return h(
          'li',
          { class: `goal state-${view.state}`, 'data-state': view.state },
          h('span', { class: 'name', title: view.title }, view.title),
          h('span', { class: 'num' }, view.figures),
          h(
            'span',
            {
              class: 'bar',
              role: 'progressbar',
              'aria-label': view.title,
              'aria-valuemin': 0,
              'aria-valuemax': 100,
              'aria-valuenow': Math.round(view.share * 100),
            },
            h('span', { style: `width: ${view.share * 100}%` }),
          ),
          h('span', { class: 'note small' }, view.note),
        );
      }),
    ),
  );
}

function pauseCard(status: PopupStatus, ui: UiState, actions: Actions): HTMLElement {
  const paused = status.pausedUntilMs !== null && status.pausedUntilMs > status.nowMs;
  if (paused) {
    return h(
      'section',
      { class: 'card paused row spread', 'aria-label': 'Pause' },
      h(
        'div',
        {},
        h(
          'strong',
          {},
          (status.pausedUntilMs ?? 0) >= INDEFINITE_PAUSE_MS
            ? 'Paused until you resume'
            : `Paused until ${clock(status.pausedUntilMs ?? 0)}`,
        ),
        h('p', { class: 'muted small' }, 'Nothing is tracked meanwhile.'),
      ),
      h(
        'button',
        { type: 'button', class: 'primary', disabled: ui.busy, onclick: () => actions.resume() },
        'Resume',
      ),
    );
  }
  return h(
    'section',
    { class: 'row', 'aria-label': 'Pause' },
    h(
      'button',
      { type: 'button', class: 'grow', disabled: ui.busy, onclick: () => actions.pause(15) },
      'Pause 15 min',
    ),
    h(
      'button',
      { type: 'button', class: 'grow', disabled: ui.busy, onclick: () => actions.pause(60) },
      'Pause 1 h',
    ),
  );
}

function footer(status: PopupStatus, ui: UiState, actions: Actions): HTMLElement {
  const q = status.queue;
  return h(
    'footer',
    { class: 'footer' },
    ui.message
      ? h(
          'p',
          { class: ui.message.kind === 'error' ? 'error small' : 'muted small', role: 'alert' },
          ui.message.text,
        )
      : null,
    h(
      'div',
      { class: 'row spread' },
      h('span', { class: 'small', 'data-testid': 'status-line' }, statusLine(status)),
      q.waiting > 0 && status.pairing
        ? h('button', { type: 'button', disabled: ui.busy, onclick: () => actions.flush() }, 'Send now')
        : null,
    ),
    q.droppedOldest > 0
      ? h(
          'p',
          { class: 'error small', 'data-testid': 'dropped' },
          `The queue was full: dropped ${q.droppedOldest} oldest ${q.droppedOldest === 1 ? 'session' : 'sessions'}.`,
        )
      : null,
    q.rejected > 0
      ? h(
          'p',
          { class: 'muted small' },
          `${sessions(q.rejected)} refused by the app as invalid (see the log).`,
        )
      : null,
    status.pairing
      ? h(
          'div',
          { class: 'links' },
          status.dashboardUrl
            ? h('a', { href: status.dashboardUrl, target: '_blank', rel: 'noreferrer' }, 'Open dashboard')
            : null,
          h(
            'button',
            { type: 'button', class: 'link-button', onclick: () => actions.showPairing(true) },
            'Change pairing',
          ),
        )
      : null,
  );
}

/** Everything below the header. */
export function renderMain(status: PopupStatus, ui: UiState, actions: Actions): Node[] {
  if (!status.pairing || ui.pairing) {
    return [
      pairingCard(status, ui, actions),
      ui.message ? h('p', { class: `${ui.message.kind} small`, role: 'alert' }, ui.message.text) : null,
      status.queue.waiting > 0
        ? h('p', { class: 'muted small', 'data-testid': 'status-line' }, statusLine(status))
        : null,
    ].filter((n): n is HTMLElement => n !== null);
  }
  return [
    notice(status, actions),
    siteCard(status, ui, actions),
    todayCard(status),
    goalsCard(status),
    pauseCard(status, ui, actions),
    footer(status, ui, actions),
  ].filter((n): n is HTMLElement => n !== null);
}
