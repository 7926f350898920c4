/** Pause for 15 minutes or an hour; while paused, until when, and Resume. */
import { INDEFINITE_PAUSE_MS } from '../config.ts';
import type { PopupStatus } from '../protocol.ts';
import { h } from './dom.ts';
import type { Actions, UiState } from './ui-state.ts';
import { timeOfDay } from './words.ts';

export function pauseCard(status: PopupStatus, ui: UiState, actions: Actions): HTMLElement {
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
            : `Paused until ${timeOfDay(status.pausedUntilMs ?? 0)}`,
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
