/**
 * App identity end to end: `timeaudit serve` under Xvfb, desktop entries written to a temporary XDG data folder,
 * xterm windows whose WM_CLASS is that of a Linux app (jetbrains-idea, Gnome-terminal, libreoffice-writer,
 * org.gnome.Nautilus, TelegramDesktop) and one of an app of our own (a custom desktop entry whose
 * StartupWMClass matches). The report names each by its desktop entry's Name, with its built-in category.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startDaemon } from './daemon.testing.ts';
import {
  missingX11Tools,
  startX11Desktop,
  X11_APT,
  type X11Desktop,
} from '../trackers/x11-desktop.testing.ts';

const missing = missingX11Tools();

/** Desktop entries as the packages ship them (trimmed to the keys that matter here). */
const ENTRIES: Record<string, string> = {
  // JetBrains Toolbox writes this one.
  'jetbrains-idea.desktop':
    'Version=1.0\nType=Application\nName=IntelliJ IDEA Ultimate\nIcon=idea\nExec="/opt/idea/bin/idea.sh" %f\nStartupWMClass=jetbrains-idea\n',
  'org.gnome.Terminal.desktop': 'Name=Terminal\nExec=gnome-terminal --window\nType=Application\n',
  'libreoffice-writer.desktop':
    'Version=1.0\nName=LibreOffice Writer\nExec=libreoffice --writer %U\nType=Application\nStartupWMClass=libreoffice-writer\n',
  'org.gnome.Nautilus.desktop':
    'Name=Files\nExec=nautilus --new-window %U\nType=Application\nDBusActivatable=true\n',
  'org.telegram.desktop.desktop':
    'Name=Telegram\nExec=telegram-desktop -- %u\nType=Application\nStartupWMClass=TelegramDesktop\n',
  'ta-notes.desktop':
    'Type=Application\nName=Field Notes\nExec=/opt/notes/run\nStartupWMClass=TaFieldNotes\n',
};

/** WM_CLASS class → what the report should say. */
const EXPECTED: Array<{ cls: string; name: string; category: string | null }> = [
  { cls: 'jetbrains-idea', name: 'IntelliJ IDEA Ultimate', category: 'Development' },
  { cls: 'Gnome-terminal', name: 'Terminal', category: 'Development' },
  { cls: 'libreoffice-writer', name: 'LibreOffice Writer', category: 'Office & Planning' },
  { cls: 'org.gnome.Nautilus', name: 'Files', category: 'Utilities' },
  { cls: 'TelegramDesktop', name: 'Telegram', category: 'Communication' },
  { cls: 'TaFieldNotes', name: 'Field Notes', category: null },
];

describe.skipIf(missing.length > 0 && !process.env.CI)('timeaudit serve: app identity on X11', () => {
  let desktop: X11Desktop;
  let dir: string;
  const ids: string[] = [];

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: ${X11_APT}`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'ta-app-identity-'));
    const apps = path.join(dir, 'share', 'applications');
    mkdirSync(apps, { recursive: true });
    for (const [file, body] of Object.entries(ENTRIES)) {
      writeFileSync(path.join(apps, file), `[Desktop Entry]\n${body}`);
    }
    desktop = await startX11Desktop();
    for (const { cls } of EXPECTED) ids.push(await desktop.openWindow(`window of ${cls}`, cls));
    await sleep(300);
  });
  afterAll(async () => {
    await desktop?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'reports each window under its desktop entry name, with its built-in category',
    { timeout: 60_000 },
    async () => {
      const env = {
        ...process.env,
        DISPLAY: desktop.display,
        XDG_DATA_DIRS: path.join(dir, 'share'),
        XDG_DATA_HOME: path.join(dir, 'home-share'),
      };
      const dataDir = path.join(dir, 'data');
      const startedMs = Date.now();
      const daemon = await startDaemon(['--port', '0', '--poll-ms', '200', '--data-dir', dataDir], env);
      try {
        await daemon.waitForLog(/tracking the active window/);
        await sleep(500); // the desktop entries are read in the background
        for (const id of ids) {
          await desktop.xdotool('windowactivate', '--sync', id);
          await sleep(1_000);
        }
      } finally {
        expect(await daemon.stop()).toBe(0);
      }
      const report = JSON.parse(
        runCli([
          'report',
          '--data-dir',
          dataDir,
          '--from',
          new Date(startedMs - 60_000).toISOString(),
          '--to',
          new Date(Date.now() + 60_000).toISOString(),
          '--json',
        ]).stdout,
      ) as { subjects: Array<{ name: string; ms: number; category: string | null }> };
      const byName = new Map(report.subjects.map((s) => [s.name, s]));
      for (const { name, category } of EXPECTED) {
        const subject = byName.get(name);
        expect(subject, `${name} in ${[...byName.keys()].join(', ')}`).toBeDefined();
        expect(subject!.ms).toBeGreaterThan(500);
        expect(subject!.category, name).toBe(category);
      }
    },
  );
});
