/**
 * The popup's controller: asks the worker for its status every two seconds (and when the page becomes
 * visible), renders it, and sends the user's actions. All state worth keeping is in the worker's storage.
 */
import { createLogger } from '../log.ts';
import { parsePairingInput } from './pairing-input.ts';
import type { Actions, UiState } from './ui-state.ts';
import { pillText, renderMain } from './view.ts';
import { call, type PopupStatus } from '../protocol.ts';

const log = createLogger('popup');
const POLL_MS = 2_000;
const INFO_MS = 5_000;

const main = document.getElementById('main') as HTMLElement;
const pill = document.getElementById('pill') as HTMLElement;

let status: PopupStatus | null = null;
let shown = '';
const ui: UiState = { busy: false, message: null, newCategory: false, pairing: false };

/** Whether the user is typing or choosing: a redraw would take the focus away. */
function interacting(): boolean {
  const active = document.activeElement;
  return (
    active instanceof HTMLElement && main.contains(active) && ['INPUT', 'SELECT'].includes(active.tagName)
  );
}

function render(force = false): void {
  if (!status) return;
  const { nowMs: _now, ...rest } = status;
  const key = JSON.stringify([rest, ui]);
  if (!force && (key === shown || interacting())) return;
  shown = key;
  const p = pillText(status);
  pill.dataset.state = p.state;
  pill.textContent = p.text;
  main.replaceChildren(...renderMain(status, ui, actions));
}

async function refresh(force = false, fresh = false): Promise<void> {
  try {
    status = await call('status', { fresh });
    render(force);
  } catch (error) {
    log.warn('no status from the worker', { error: String(error) });
  }
}

/** Runs an action with the controls disabled, then shows its outcome and the fresh status. */
async function act(work: () => Promise<string | null>): Promise<void> {
  ui.busy = true;
  ui.message = null;
  render(true);
  try {
    const info = await work();
    if (info) {
      const message = { kind: 'info' as const, text: info };
      ui.message = message;
      // A confirmation fades after a while; an error stays until the next action.
      setTimeout(() => {
        if (ui.message !== message) return;
        ui.message = null;
        render(true);
      }, INFO_MS);
    }
  } catch (error) {
    ui.message = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
  } finally {
    ui.busy = false;
  }
  await refresh(true);
}

const actions: Actions = {
  pair: (port, token) =>
    void act(async () => {
      const input = parsePairingInput(port, token);
      if (!input.ok) throw new Error(input.error);
      await call('pair', { port: input.port, token: input.token });
      ui.pairing = false;
      return null;
    }),
  showPairing(show) {
    ui.pairing = show;
    ui.message = null;
    render(true);
  },
  pause: (minutes) => void act(async () => (await call('pause', { minutes }), null)),
  resume: () => void act(async () => (await call('resume', {}), null)),
  flush: () =>
    void act(async () => {
      const r = await call('flush', {});
      if (r.error) throw new Error(r.error);
      return r.sent > 0 ? `Sent ${r.sent} (${r.accepted} new, ${r.duplicates} already there).` : null;
    }),
  setCategory: (domain, category) =>
    void act(async () => (await call('setCategory', { domain, category }), null)),
  showNewCategory(show) {
    ui.newCategory = show;
    render(true);
  },
  createCategory: (domain, name, productivity) =>
    void act(async () => {
      if (!name.trim()) throw new Error('The category needs a name.');
      const category = await call('createCategory', { name, productivity });
      await call('setCategory', { domain, category: category.name });
      ui.newCategory = false;
      return null;
    }),
};

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refresh(false, true);
});
setInterval(() => {
  if (document.visibilityState === 'visible' && !ui.busy) void refresh();
}, POLL_MS);
void refresh(true, true);
