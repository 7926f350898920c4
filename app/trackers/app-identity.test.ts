// The desktop entries of real folders: read at start, and read again when an app is installed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopApps, desktopEntryDirs } from './app-identity.ts';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-apps-'));
  dirs.push(dir);
  return dir;
};

describe('desktopEntryDirs', () => {
  it("lists the user's folders first, then the system's, Flatpak's and Snap's", () => {
    expect(desktopEntryDirs({ XDG_DATA_DIRS: '/opt/a/share:/usr/share' }, '/home/u')).toEqual([
      '/home/u/.local/share/applications',
      '/home/u/.local/share/flatpak/exports/share/applications',
      '/opt/a/share/applications',
      '/usr/share/applications',
      '/var/lib/flatpak/exports/share/applications',
      '/var/lib/snapd/desktop/applications',
    ]);
    expect(desktopEntryDirs({ XDG_DATA_HOME: '/x' }, '/home/u').slice(0, 4)).toEqual([
      '/x/applications',
      '/x/flatpak/exports/share/applications',
      '/usr/local/share/applications',
      '/usr/share/applications',
    ]);
  });
});

describe('DesktopApps', () => {
  it("reads the folders in order (the user's entry wins), and reads them again when an app is installed", async () => {
    const user = tempDir();
    const system = tempDir();
    mkdirSync(path.join(system, 'kde4'));
    writeFileSync(
      path.join(system, 'org.gnome.Nautilus.desktop'),
      '[Desktop Entry]\nType=Application\nName=Files\n',
    );
    writeFileSync(
      path.join(user, 'org.gnome.Nautilus.desktop'),
      '[Desktop Entry]\nType=Application\nName=My Files\n',
    );
    writeFileSync(
      path.join(system, 'kde4', 'okular.desktop'),
      '[Desktop Entry]\nName=Okular\nExec=okular %U\n',
    );
    writeFileSync(path.join(system, 'broken.desktop'), '\u0000\u0001 not an entry');
    const apps = new DesktopApps({ dirs: [user, system, path.join(user, 'missing')], log: quiet });
    try {
      await apps.ready();
      expect(apps.size).toBe(2);
      expect(apps.identify(['org.gnome.Nautilus'])?.app).toBe('My Files');
      expect(apps.identify(['okular'])?.app).toBe('Okular'); // by its program; its file id is kde4-okular
      expect(apps.identify(['TelegramDesktop'])).toBeNull();

      writeFileSync(
        path.join(system, 'org.telegram.desktop.desktop'),
        '[Desktop Entry]\nType=Application\nName=Telegram\nStartupWMClass=TelegramDesktop\n',
      );
      for (let i = 0; i < 150 && !apps.identify(['TelegramDesktop']); i++) await sleep(20);
      expect(apps.identify(['TelegramDesktop'])).toEqual({ app: 'Telegram', appId: 'TelegramDesktop' });
    } finally {
      apps.close();
    }
  });
});
