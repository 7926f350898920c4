import { describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { chooseLinuxDesktop } from './desktop.ts';
import { desktopSources } from './desktop-sources.ts';

describe('chooseLinuxDesktop', () => {
  it('prefers the sway IPC over XWayland under sway', () => {
    const choice = chooseLinuxDesktop({
      SWAYSOCK: '/run/sway.sock',
      WAYLAND_DISPLAY: 'wayland-1',
      DISPLAY: ':0',
    });
    expect(choice).toMatchObject({ windows: 'sway', idle: 'wayland' });
    expect(choice.summary).toMatch(/^sway: every window/);
  });

  it('uses the Hyprland sockets under Hyprland', () => {
    const choice = chooseLinuxDesktop({ HYPRLAND_INSTANCE_SIGNATURE: 'abc', WAYLAND_DISPLAY: 'wayland-1' });
    expect(choice).toMatchObject({ windows: 'hyprland', idle: 'wayland' });
  });

  it('says plainly that GNOME and KDE on Wayland show only X11 apps', () => {
    const gnome = chooseLinuxDesktop({
      XDG_CURRENT_DESKTOP: 'ubuntu:GNOME',
      WAYLAND_DISPLAY: 'wayland-0',
      DISPLAY: ':0',
    });
    expect(gnome).toMatchObject({ windows: 'x11', idle: 'wayland' });
    expect(gnome.summary).toMatch(/^GNOME on Wayland: only X11 apps .*Shell extension/);
    const kde = chooseLinuxDesktop({
      XDG_CURRENT_DESKTOP: 'KDE',
      WAYLAND_DISPLAY: 'wayland-0',
      DISPLAY: ':1',
    });
    expect(kde.summary).toMatch(/^KDE Plasma on Wayland: only X11 apps .*KWin/);
  });

  it('turns window tracking off on Wayland without XWayland, and without any display', () => {
    const wayland = chooseLinuxDesktop({ XDG_CURRENT_DESKTOP: 'GNOME', WAYLAND_DISPLAY: 'wayland-0' });
    expect(wayland.windows).toBeNull();
    expect(wayland.summary).toMatch(/Wayland without XWayland DISPLAY: window tracking is off/);
    const none = chooseLinuxDesktop({});
    expect(none).toMatchObject({ windows: null, idle: null });
    expect(none.summary).toMatch(/DISPLAY is not set/);
  });

  it('reads X11 windows and X11 idle on an X11 session', () => {
    expect(chooseLinuxDesktop({ DISPLAY: ':0' })).toMatchObject({ windows: 'x11', idle: 'x11' });
  });
});

describe('desktopSources', () => {
  const log = createLogger('test');

  it('builds the sway source and Wayland idle under sway, and no window source on bare Wayland', async () => {
    const sway = await desktopSources(log, { SWAYSOCK: '/nowhere', WAYLAND_DISPLAY: 'wayland-1' }, 'linux');
    expect(sway.choice).toMatchObject({ windows: 'sway', idle: 'wayland' });
    expect(sway.windows).not.toBeNull();
    expect(sway.idle).not.toBeNull();
    sway.windows?.close?.();
    sway.idle?.close();
    const bare = await desktopSources(
      log,
      { WAYLAND_DISPLAY: 'wayland-0', XDG_CURRENT_DESKTOP: 'GNOME' },
      'linux',
    );
    expect(bare.windows).toBeNull();
    expect(bare.choice.summary).toMatch(/window tracking is off/);
  });

  it('reads windows through get-windows on macOS and Windows', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const sources = await desktopSources(log, {}, platform);
      expect(sources.choice.windows).toBe('get-windows');
      expect(sources.windows).not.toBeNull();
      expect(sources.choice.summary).toMatch(/every window/);
    }
  });
});
