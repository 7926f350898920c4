/** The pairing form: the app's port and its token (or the dashboard link that holds both). */
import { DEFAULT_PORT } from '../config.ts';
import type { PopupStatus } from '../protocol.ts';
import { h } from './dom.ts';
import type { Actions, UiState } from './ui-state.ts';

export function pairingCard(status: PopupStatus, ui: UiState, actions: Actions): HTMLElement {
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
