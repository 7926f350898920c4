import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Result } from 'get-windows';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GetWindowsSource, diagnoseLinux } from './active-window.ts';

function linuxWindow(owner: { name: string; path?: string }, title: string | null): Result {
  return {
    platform: 'linux',
    title: title as string,
    id: 1,
    owner: { processId: 42, path: '', ...owner },
    bounds: { x: 0, y: 0, width: 10, height: 10 },
    memoryUsage: 0,
  };
}

const quietLog = () => ({ debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('GetWindowsSource', () => {
  it('reads the app from owner.name, else from the executable, and a missing title as empty', async () => {
    const answers = [
      linuxWindow({ name: 'XTerm' }, 'bash'),
      linuxWindow({ name: '', path: '/usr/lib/firefox/firefox-bin' }, null),
      linuxWindow({ name: '  ' }, 'x'.repeat(3_000)),
    ];
    const source = new GetWindowsSource({ log: quietLog(), activeWindow: async () => answers.shift() });
    expect(await source.sample()).toEqual({ app: 'XTerm', title: 'bash' });
    expect(await source.sample()).toEqual({ app: 'firefox-bin', title: '' });
    expect(await source.sample()).toEqual({ app: 'unknown', title: 'x'.repeat(2_048) });
  });

  it('turns control characters in a title or an app name into spaces', async () => {
    const answers = [
      linuxWindow({ name: 'Term\u0000inal' }, 'ssh host\u001b]0;set by the remote\u0007\n'),
      linuxWindow({ name: '\u0001\u0002', path: '/usr/bin/x\tterm' }, 'a\u007f\u0085b'),
    ];
    const source = new GetWindowsSource({ log: quietLog(), activeWindow: async () => answers.shift() });
    expect(await source.sample()).toEqual({ app: 'Term inal', title: 'ssh host ]0;set by the remote ' });
    expect(await source.sample()).toEqual({ app: 'x term', title: 'a b' });
  });

  it('answers null without logging when nothing is focused', async () => {
    const log = quietLog();
    const source = new GetWindowsSource({ log, activeWindow: async () => undefined, diagnose: () => null });
    expect(await source.sample()).toBeNull();
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('logs each kind of error once, and again only after a success', async () => {
    const log = quietLog();
    const script: Array<Error | Result> = [
      new Error('X Error of failed request: BadWindow 0x40000c'),
      new Error('X Error of failed request: BadWindow 0x20000c'),
      Object.assign(new Error('spawn xprop ENOENT'), { code: 'ENOENT' }),
      linuxWindow({ name: 'XTerm' }, 'ok'),
      new Error('X Error of failed request: BadWindow 0x40000c'),
    ];
    const source = new GetWindowsSource({
      log,
      activeWindow: async () => {
        const next = script.shift();
        if (next instanceof Error) throw next;
        return next;
      },
    });
    for (let i = 0; i < 5; i++) await source.sample();
    expect(log.warn.mock.calls.map((call) => call[1])).toEqual([
      { kind: 'Error: X Error of failed request: BadWindow #' },
      { kind: 'ENOENT' },
      { kind: 'Error: X Error of failed request: BadWindow #' },
    ]);
    expect(log.info).toHaveBeenCalledTimes(1); // "working again"
  });

  it('reports a lasting cause of empty answers once', async () => {
    const log = quietLog();
    const source = new GetWindowsSource({
      log,
      activeWindow: async () => undefined,
      diagnose: () => ({ kind: 'no-display', message: 'DISPLAY is not set' }),
    });
    expect(await source.sample()).toBeNull();
    expect(await source.sample()).toBeNull();
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]?.[0]).toContain('DISPLAY is not set');
  });

  it('gives up on a hung read and does not start another while it hangs', async () => {
    const log = quietLog();
    let calls = 0;
    let finish: (r: Result) => void = () => {};
    const source = new GetWindowsSource({
      log,
      timeoutMs: 20,
      activeWindow: () => {
        calls++;
        if (calls > 1) return Promise.resolve(linuxWindow({ name: 'XTerm' }, 'fresh'));
        return new Promise<Result>((resolve) => (finish = resolve));
      },
    });
    expect(await source.sample()).toBeNull();
    expect(await source.sample()).toBeNull();
    expect(calls).toBe(1);
    expect(log.warn).toHaveBeenCalledTimes(1);
    finish(linuxWindow({ name: 'XTerm' }, 'late'));
    await new Promise((resolve) => setImmediate(resolve));
    // Once the hung read is over, the next sample asks again rather than using the stale answer.
    expect(await source.sample()).toEqual({ app: 'XTerm', title: 'fresh' });
    expect(calls).toBe(2);
  });
});

describe('diagnoseLinux', () => {
  const bin = mkdtempSync(path.join(tmpdir(), 'timeaudit-bin-'));
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  it('names a missing DISPLAY, then missing tools, then nothing', () => {
    expect(diagnoseLinux({ PATH: bin })?.kind).toBe('no-display');
    expect(diagnoseLinux({ DISPLAY: ':0', PATH: bin })?.kind).toBe('xprop-missing');
    for (const tool of ['xprop', 'xwininfo']) {
      writeFileSync(path.join(bin, tool), '#!/bin/sh\n');
      chmodSync(path.join(bin, tool), 0o755);
    }
    expect(diagnoseLinux({ DISPLAY: ':0', PATH: bin })).toBeNull();
  });
});
