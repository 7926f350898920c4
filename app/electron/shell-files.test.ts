/**
 * What the Electron shell relies on but cannot check itself here (Electron does not run in these tests): the
 * preload's bridge, run as the sandbox runs it (CommonJS, `require('electron')` and nothing else) against a
 * stand-in for Electron's contextBridge and ipcRenderer; and the icon files the tray loads.
 */
import { existsSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { trayIcon, type TrayState } from '../core/desktop/tray-menu.ts';
import {
  PAUSE_CHANGED_CHANNEL,
  type DesktopBridge,
  type DesktopPauseState,
} from '../shared/desktop-bridge.ts';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/**
 * Runs app/electron/preload.cts, compiled as `build:electron` compiles it, in a context holding only what a
 * sandboxed preload gets: `require` of 'electron' (here a recorder), and `process.argv` and `process.platform`.
 */
function runPreload({ argv = [] as string[], platform = 'linux' } = {}) {
  const file = new URL('./preload.cts', import.meta.url);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: 'preload.cts',
    compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2023 },
  });
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<IpcListener>>();
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        exposed.set(key, api);
      },
    },
    ipcRenderer: {
      on(channel: string, listener: IpcListener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener(channel: string, listener: IpcListener) {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
  const module = { exports: {} };
  vm.runInNewContext(
    outputText,
    {
      module,
      exports: module.exports,
      process: { argv: ['/opt/Time Audit/time-audit', ...argv], platform },
      require(id: string) {
        if (id !== 'electron') throw new Error(`a sandboxed preload cannot require '${id}'`);
        return electron;
      },
    },
    { filename: file.pathname },
  );
  return {
    /** What the dashboard sees as `window[key]`. */
    exposed,
    /** What the main process does with `webContents.send(channel, ...args)`. */
    send(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, ...args);
    },
  };
}

describe('the preload', () => {
  it('gives the dashboard window.timeaudit with the version and platform of the app, and nothing more', () => {
    const { exposed } = runPreload({ argv: ['--timeaudit-version=1.2.3'], platform: 'darwin' });
    expect([...exposed.keys()]).toEqual(['timeaudit']);
    const bridge = exposed.get('timeaudit') as DesktopBridge;
    expect(Object.keys(bridge).sort()).toEqual(['onPauseChanged', 'platform', 'version']);
    expect(bridge).toMatchObject({ version: '1.2.3', platform: 'darwin' });
    expect(typeof bridge.onPauseChanged).toBe('function');
    expect((runPreload().exposed.get('timeaudit') as DesktopBridge).version).toBe('');
  });

  it('passes on the pause changes the main process sends, until unsubscribed', () => {
    const { exposed, send } = runPreload();
    const bridge = exposed.get('timeaudit') as DesktopBridge;
    const seen: DesktopPauseState[] = [];
    const unsubscribe = bridge.onPauseChanged((state) => seen.push(state));
    const other: DesktopPauseState[] = [];
    const unsubscribeOther = bridge.onPauseChanged((state) => other.push(state));

    send(PAUSE_CHANGED_CHANNEL, { paused: true, untilMs: 1_700_000_000_000 });
    send('timeaudit:something-else', { paused: false });
    unsubscribe();
    send(PAUSE_CHANGED_CHANNEL, { paused: false });
    unsubscribeOther();
    send(PAUSE_CHANGED_CHANNEL, { paused: true, untilMs: null });

    expect(seen).toEqual([{ paused: true, untilMs: 1_700_000_000_000 }]);
    expect(other).toEqual([{ paused: true, untilMs: 1_700_000_000_000 }, { paused: false }]);
  });
});

describe('the tray', () => {
  it('has an icon for every state on every platform', () => {
    const states: TrayState[] = ['tracking', 'paused', 'error'];
    for (const stem of states.map(trayIcon)) {
      for (const file of [
        `${stem}.png`,
        `${stem}@2x.png`,
        `${stem}Template.png`,
        `${stem}Template@2x.png`,
        `${stem}.ico`,
      ])
        expect(existsSync(new URL(`../../resources/tray/${file}`, import.meta.url)), file).toBe(true);
    }
  });
});
