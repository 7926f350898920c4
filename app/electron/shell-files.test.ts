/**
 * What the Electron shell relies on but cannot check itself here (Electron does not run in these tests):
 * constants it must inline, and the icon files the tray loads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trayIcon, type TrayState } from '../core/desktop/tray-menu.ts';
import { PAUSE_CHANGED_CHANNEL } from '../shared/desktop-bridge.ts';

const source = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');

describe('the Electron shell', () => {
  it('uses the same channel in the sandboxed preload (which can import nothing) as the main process', () => {
    expect(source('./preload.cts')).toContain(`const PAUSE_CHANGED = '${PAUSE_CHANGED_CHANNEL}';`);
  });

  it('has a tray icon for every state on every platform', () => {
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
