// The pure-X11 window source against a real X server: Xvfb, matchbox (it sets _NET_ACTIVE_WINDOW), xterms with
// known titles and classes, xdotool for focus and titles, and a second raw X connection standing in for a
// window manager that names a window that no longer exists.
import { setTimeout as sleep } from 'node:timers/promises';
import x11 from 'x11';
import type { X11Client } from 'x11';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X11WindowSource } from './window-x11.ts';
import { missingX11Tools, startX11Desktop, X11_APT, type X11Desktop } from './x11-desktop.testing.ts';

const missing = missingX11Tools();
if (missing.length > 0 && !process.env.CI) {
  process.stderr.write(`X11 window source tests skipped: ${missing.join(', ')} not installed (${X11_APT})\n`);
}

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Resolves once `check` holds, polling every 20 ms; fails the test after `ms`. */
async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, ms = 3_000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < until) {
    await sleep(20);
    value = await read();
  }
  return value;
}

describe.skipIf(missing.length > 0 && !process.env.CI)('X11WindowSource', () => {
  let desktop: X11Desktop;
  const ids = { editor: '', shell: '' };

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: ${X11_APT}`);
    desktop = await startX11Desktop();
    ids.editor = await desktop.openWindow('notes.md - Editor', 'TaEditor');
    ids.shell = await desktop.openWindow('~/src - shell', 'TaShell');
    // matchbox activates a new window once it has mapped it, which may come after openWindow returns.
    await sleep(500);
  });
  afterAll(async () => {
    await desktop?.close();
  });

  it('reads the focused window and follows focus and title changes through events', async () => {
    const source = new X11WindowSource({ display: desktop.display, log: quiet, safetyPollMs: 60_000 });
    let changes = 0;
    source.onChange(() => changes++);
    try {
      await desktop.xdotool('windowactivate', '--sync', ids.editor);
      const first = await eventually(
        () => source.sample(),
        (s) => s?.title === 'notes.md - Editor',
      );
      expect(first).toEqual({ app: 'TaEditor', title: 'notes.md - Editor' });

      // With a one-minute safety poll, only the PropertyNotify events can make these changes visible.
      const before = changes;
      await desktop.xdotool('windowactivate', '--sync', ids.shell);
      expect(
        await eventually(
          () => source.sample(),
          (s) => s?.app === 'TaShell',
        ),
      ).toEqual({
        app: 'TaShell',
        title: '~/src - shell',
      });
      expect(changes).toBeGreaterThan(before);

      const beforeTitle = changes;
      await desktop.xdotool('set_window', '--name', 'vim — ünïcode', ids.shell);
      expect(
        await eventually(
          () => source.sample(),
          (s) => s?.title === 'vim — ünïcode',
        ),
      ).toEqual({
        app: 'TaShell',
        title: 'vim — ünïcode',
      });
      expect(changes).toBeGreaterThan(beforeTitle);
    } finally {
      source.close();
    }
  });

  it('answers null, not an error, for an active window that does not exist', async () => {
    const { client: wm, root } = await connect(desktop.display);
    const source = new X11WindowSource({ display: desktop.display, log: quiet });
    try {
      const active = await atom(wm, '_NET_ACTIVE_WINDOW');
      // A window id nobody owns: every property read of it fails with BadWindow.
      wm.ChangeProperty(0, root, active, 33, 32, [0x7ffffff0]);
      expect(
        await eventually(
          () => source.sample(),
          (s) => s === null,
        ),
      ).toBeNull();
      expect(source.problem).toBeNull();
      // The connection survived: the next real window is read again.
      await desktop.xdotool('windowactivate', '--sync', ids.editor);
      expect(
        await eventually(
          () => source.sample(),
          (s) => s?.app === 'TaEditor',
        ),
      ).toMatchObject({
        app: 'TaEditor',
      });
    } finally {
      source.close();
      wm.terminate();
    }
  });

  it('reconnects, after a backoff, when the X server comes back', async () => {
    const other = await startX11Desktop();
    let restarted: X11Desktop | null = null;
    const saved = process.env.DISPLAY;
    process.env.DISPLAY = other.display;
    const source = new X11WindowSource({ log: quiet, retryMinMs: 100, retryMaxMs: 200, timeoutMs: 1_000 });
    try {
      // The only window: matchbox focuses it once mapped.
      await other.openWindow('first server', 'TaFirst');
      expect(
        await eventually(
          () => source.sample(),
          (s) => s?.app === 'TaFirst',
        ),
      ).toMatchObject({
        app: 'TaFirst',
      });
      await other.close();
      expect(
        await eventually(
          () => source.sample(),
          (s) => s === null,
        ),
      ).toBeNull();

      restarted = await startX11Desktop();
      process.env.DISPLAY = restarted.display;
      await restarted.openWindow('second server', 'TaSecond');
      expect(
        await eventually(
          () => source.sample(),
          (s) => s?.app === 'TaSecond',
          5_000,
        ),
      ).toEqual({
        app: 'TaSecond',
        title: 'second server',
      });
    } finally {
      source.close();
      await other.close();
      await restarted?.close();
      if (saved === undefined) delete process.env.DISPLAY;
      else process.env.DISPLAY = saved;
    }
  });
});

function connect(display: string): Promise<{ client: X11Client; root: number }> {
  return new Promise((resolve, reject) => {
    const client = x11.createClient({ display, shm: false }, (err, info) =>
      err ? reject(err) : resolve({ client, root: info.screen[0]!.root }),
    );
    client.on('error', () => {});
  });
}

function atom(client: X11Client, name: string): Promise<number> {
  return new Promise((resolve, reject) =>
    client.InternAtom(false, name, (err, value) => (err ? reject(err) : resolve(value))),
  );
}
