/**
 * The connection and the queue: a notice while the app cannot be reached or refused the token, and the footer
 * with the status line ("Connected · 0 waiting"), "Send now", what was dropped or refused, and the links.
 */
import type { PopupStatus } from '../protocol.ts';
import { h } from './dom.ts';
import type { Actions, UiState } from './ui-state.ts';
import { sessions, timeOfDay } from './words.ts';

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

/** Why nothing reaches the app, and what to do; nothing while connected. */
export function connectionNotice(status: PopupStatus, actions: Actions): HTMLElement | null {
  if (!status.pairing || status.link.state === 'connected') return null;
  const retry =
    status.queue.retryAtMs !== null && status.queue.waiting > 0
      ? ` Next try at ${timeOfDay(status.queue.retryAtMs)}.`
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

/** The status line, "Send now" while sessions wait, the queue's losses, and the dashboard and pairing links. */
export function footer(status: PopupStatus, ui: UiState, actions: Actions): HTMLElement {
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
