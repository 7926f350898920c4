// The real thing on a throwaway headless sway: two foot windows with known app_ids and titles, focus moved by
// swaymsg, read through the sway IPC socket; idle time from the compositor's idle notifications.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WaylandIdleSource } from './idle-wayland.ts';
import { SwayWindowSource } from './sway.ts';
import { missingSwayTools, startSwayDesktop, SWAY_APT, type SwayDesktop } from './sway-desktop.testing.ts';

// sway is a Linux desktop: elsewhere (CI on macOS and Windows) these tests do not apply.
const linux = process.platform === 'linux';
const missing = linux ? missingSwayTools() : ['linux'];

if (linux && missing.length > 0 && process.env.CI) {
  describe('sway integration', () => {
    it('has its tools installed (CI must install them)', () => {
      throw new Error(`missing ${missing.join(', ')}: ${SWAY_APT}`);
    });
  });
} else if (linux && missing.length > 0) {
  process.stderr.write(`sway integration tests skipped: ${missing.join(', ')} not installed (${SWAY_APT})\n`);
}

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await sleep(50);
    value = await read();
  }
  return value;
}

describe.skipIf(missing.length > 0)('sway integration', () => {
  let desktop: SwayDesktop;

  beforeAll(async () => {
    desktop = await startSwayDesktop();
    await desktop.openWindow('ta.editor', 'notes.md - Editor');
    await desktop.openWindow('ta.terminal', 'build - Terminal');
  }, 30_000);
  afterAll(async () => {
    await desktop?.close();
  });

  it('reads the focused window and hears every focus and title change', async () => {
    const source = new SwayWindowSource({ socketPath: desktop.env.SWAYSOCK, log: quiet });
    let changes = 0;
    source.onChange(() => changes++);
    try {
      expect(await source.sample()).toEqual({ app: 'ta.terminal', title: 'build - Terminal' });
      for (const [appId, title] of [
        ['ta.editor', 'notes.md - Editor'],
        ['ta.terminal', 'build - Terminal'],
        ['ta.editor', 'notes.md - Editor'],
      ] as const) {
        const before = changes;
        await desktop.swaymsg(`[app_id=${appId}] focus`);
        const seen = await until(
          () => source.sample(),
          (s) => s?.app === appId,
        );
        expect(seen).toEqual({ app: appId, title });
        expect(changes).toBeGreaterThan(before);
      }
      // An empty workspace has no focused window.
      await desktop.swaymsg('workspace 9');
      expect(
        await until(
          () => source.sample(),
          (s) => s === null,
        ),
      ).toBeNull();
      await desktop.swaymsg('workspace 1');
      expect(
        await until(
          () => source.sample(),
          (s) => s !== null,
        ),
      ).toEqual({
        app: 'ta.editor',
        title: 'notes.md - Editor',
      });
    } finally {
      source.close();
    }
  });

  it('answers null without rejecting while sway is unreachable, and recovers', async () => {
    const source = new SwayWindowSource({ socketPath: `${desktop.env.SWAYSOCK}.gone`, log: quiet });
    await expect(source.sample()).resolves.toBeNull();
    source.close();
    const good = new SwayWindowSource({ socketPath: desktop.env.SWAYSOCK, log: quiet, retryMinMs: 10 });
    try {
      expect(await good.sample()).not.toBeNull();
    } finally {
      good.close();
    }
  });

  it('answers null while its sway is gone, and connects to the next one ($SWAYSOCK read at each attempt)', async () => {
    const saved = process.env.SWAYSOCK;
    const other = await startSwayDesktop();
    const source = new SwayWindowSource({ log: quiet, retryMinMs: 10, retryMaxMs: 50 });
    try {
      await other.openWindow('ta.other', 'other sway');
      process.env.SWAYSOCK = other.env.SWAYSOCK;
      expect(await source.sample()).toEqual({ app: 'ta.other', title: 'other sway' });
      await other.close();
      expect(
        await until(
          () => source.sample(),
          (s) => s === null,
        ),
      ).toBeNull();
      await expect(source.sample()).resolves.toBeNull();
      process.env.SWAYSOCK = desktop.env.SWAYSOCK;
      const back = await until(
        () => source.sample(),
        (s) => s !== null,
      );
      expect(['ta.editor', 'ta.terminal']).toContain(back?.app);
    } finally {
      source.close();
      await other.close();
      if (saved === undefined) delete process.env.SWAYSOCK;
      else process.env.SWAYSOCK = saved;
    }
  }, 30_000);

  it('reports idle time from the compositor and resets it on input', async () => {
    const idle = new WaylandIdleSource({
      socketPath: `${desktop.env.XDG_RUNTIME_DIR}/${desktop.env.WAYLAND_DISPLAY}`,
      notifyAfterMs: 1_000,
      log: quiet,
    });
    try {
      const first = await idle.idleState();
      expect(first).not.toBeNull();
      expect(idle.protocol).toMatch(/^(ext_idle_notifier_v1|org_kde_kwin_idle)$/);
      // No input devices: idle after the notification timeout, growing from there.
      const away = await until(
        () => idle.idleState(),
        (s) => (s?.idleMs ?? 0) >= 1_500,
      );
      expect(away?.idleMs).toBeGreaterThanOrEqual(1_500);
      expect(away?.locked).toBe(false);
      // Moving the pointer is input: idle time drops back to zero.
      await desktop.swaymsg('seat seat0 cursor move 5 5');
      const back = await until(
        () => idle.idleState(),
        (s) => s?.idleMs === 0,
      );
      expect(back).toEqual({ idleMs: 0, locked: false });
    } finally {
      idle.close();
    }
  });
});
