/**
 * The popup's view: a pure function of the worker's status and the popup's own small UI state, building DOM
 * from one module per card. Actions are callbacks into popup.ts, which talks to the worker.
 */
import type { PopupStatus } from '../protocol.ts';
import { connectionNotice, footer, statusLine } from './connection-card.ts';
import { h } from './dom.ts';
import { goalsCard } from './goals-card.ts';
import { pairingCard } from './pairing-card.ts';
import { pauseCard } from './pause-card.ts';
import { siteCard } from './site-card.ts';
import { todayCard } from './today-card.ts';
import type { Actions, UiState } from './ui-state.ts';

/** The pill in the header: paused, or how the link to the app stands. */
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
    connectionNotice(status, actions),
    siteCard(status, ui, actions),
    todayCard(status),
    goalsCard(status),
    pauseCard(status, ui, actions),
    footer(status, ui, actions),
  ].filter((n): n is HTMLElement => n !== null);
}
