/**
 * Hyprland cannot run on the test machines (it needs a GPU and a seat), so its two sockets are played by a
 * loopback stand-in that speaks its documented protocol: `.socket.sock` answers one request per connection and
 * closes, `.socket2.sock` streams "event>>data" lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HyprlandWindowSource, activeWindowOf, hyprlandSocketDir } from './hyprland.ts';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

interface FakeHyprland {
  dir: string;
  active: unknown;
  /** Raw bytes for the next j/activewindow answer instead of JSON. */
  rawAnswer: string | null;
  requests: string[];
  emit(text: string): void;
  dropEventClients(): void;
  close(): Promise<void>;
}

async function startFake(dir: string): Promise<FakeHyprland> {
  const eventClients = new Set<net.Socket>();
  const fake: FakeHyprland = {
    dir,
    active: {},
    rawAnswer: null,
    requests: [],
    emit: (text) => eventClients.forEach((c) => c.write(text)),
    dropEventClients: () => eventClients.forEach((c) => c.destroy()),
    close: async () => {
      fake.dropEventClients();
      await Promise.all([requests, events].map((s) => new Promise((r) => s.close(r))));
    },
  };
  const requests = net.createServer((socket) => {
    socket.once('data', (data) => {
      fake.requests.push(data.toString());
      socket.end(fake.rawAnswer ?? JSON.stringify(fake.active));
    });
  });
  const events = net.createServer((socket) => {
    eventClients.add(socket);
    socket.on('close', () => eventClients.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise((r) => requests.listen(path.join(dir, '.socket.sock'), () => r(null)));
  await new Promise((r) => events.listen(path.join(dir, '.socket2.sock'), () => r(null)));
  return fake;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 3_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await sleep(20);
    value = await read();
  }
  return value;
}

// Unix socket paths: Hyprland is Linux-only, and Windows has named pipes instead.
describe.skipIf(process.platform === 'win32')('HyprlandWindowSource', () => {
  let dir: string;
  let fake: FakeHyprland;
  let source: HyprlandWindowSource;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ta-hypr-'));
    fake = await startFake(dir);
    source = new HyprlandWindowSource({ socketDir: dir, log: quiet, retryMinMs: 10 });
  });
  afterEach(async () => {
    source.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the active window, and reads it again after a focus event split across chunks', async () => {
    fake.active = { address: '0x1', class: 'org.gnome.Nautilus', title: 'Home', pid: 10 };
    expect(await source.sample()).toEqual({ app: 'org.gnome.Nautilus', title: 'Home' });
    expect(fake.requests[0]).toBe('j/activewindow');

    let changes = 0;
    source.onChange(() => changes++);
    fake.active = { address: '0x2', class: 'kitty', title: 'vim, notes.md', pid: 11 };
    fake.emit('activewindow>>kit');
    fake.emit('ty,vim, notes.md\nactivewindowv2>>0x2\n');
    expect(
      await until(
        () => source.sample(),
        (s) => s?.app === 'kitty',
      ),
    ).toEqual({
      app: 'kitty',
      title: 'vim, notes.md',
    });
    expect(changes).toBeGreaterThan(0);
  });

  it('answers null for no focused window and for an answer that is not JSON, without rejecting', async () => {
    expect(await source.sample()).toBeNull();
    fake.rawAnswer = 'unknown request';
    fake.emit('workspace>>2\n');
    await sleep(50);
    await expect(source.sample()).resolves.toBeNull();
  });

  it('reconnects when the event socket goes away', async () => {
    fake.active = { address: '0x1', class: 'firefox', title: 'GitHub' };
    expect(await source.sample()).toEqual({ app: 'firefox', title: 'GitHub' });
    fake.dropEventClients();
    fake.active = { address: '0x3', class: 'code', title: 'main.ts' };
    expect(
      await until(
        () => source.sample(),
        (s) => s?.app === 'code',
      ),
    ).toEqual({
      app: 'code',
      title: 'main.ts',
    });
  });

  it('answers null while Hyprland is not there', async () => {
    const missing = new HyprlandWindowSource({ socketDir: path.join(dir, 'nope'), log: quiet });
    await expect(missing.sample()).resolves.toBeNull();
    missing.close();
  });
});

describe('activeWindowOf and hyprlandSocketDir', () => {
  it('names XWayland and Wayland windows by class, falling back to the initial class', () => {
    expect(activeWindowOf({ address: '0x1', class: '', initialClass: 'steam', title: 'Steam' })).toEqual({
      app: 'steam',
      title: 'Steam',
    });
    expect(activeWindowOf({})).toBeNull();
    expect(activeWindowOf([])).toBeNull();
  });

  it('finds the sockets under XDG_RUNTIME_DIR and refuses a signature with a slash', () => {
    expect(hyprlandSocketDir({ HYPRLAND_INSTANCE_SIGNATURE: 'sig', XDG_RUNTIME_DIR: '/run/user/1' })).toBe(
      '/run/user/1/hypr/sig',
    );
    expect(hyprlandSocketDir({ HYPRLAND_INSTANCE_SIGNATURE: '../x', XDG_RUNTIME_DIR: '/r' })).toBeNull();
    expect(hyprlandSocketDir({})).toBeNull();
  });
});
