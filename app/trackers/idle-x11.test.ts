// Failure paths of the X11 idle source, without an X server. The working path is in x11.integration.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { X11IdleSource } from './idle-x11.ts';

const quietLog = () => ({ debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('X11IdleSource when X is unavailable', () => {
  it('answers null and logs once when DISPLAY is empty', async () => {
    const log = quietLog();
    let clock = 0;
    const source = new X11IdleSource({ log, display: '', now: () => clock });
    for (let i = 0; i < 5; i++) {
      expect(await source.idleState()).toBeNull();
      clock += 120_000; // past any backoff: every call really tries
    }
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]?.[0]).toContain('DISPLAY is not set');
    source.close();
  });

  it('answers null for a display nobody serves, and waits out the backoff before trying again', async () => {
    const log = quietLog();
    let clock = 0;
    // No socket /tmp/.X11-unix/X187, so the client falls back to TCP port 6187, which refuses.
    const source = new X11IdleSource({ log, display: ':187', now: () => clock, retryMinMs: 1_000 });
    expect(await source.idleState()).toBeNull();
    expect(log.warn).toHaveBeenCalledTimes(1);
    const started = performance.now();
    expect(await source.idleState()).toBeNull(); // inside the backoff: no attempt at all
    expect(performance.now() - started).toBeLessThan(5);
    clock += 1_000;
    expect(await source.idleState()).toBeNull();
    expect(log.warn).toHaveBeenCalledTimes(1);
    source.close();
  });

  it('answers null for a DISPLAY it cannot parse', async () => {
    const log = quietLog();
    const source = new X11IdleSource({ log, display: 'not a display' });
    expect(await source.idleState()).toBeNull();
    expect(log.warn).toHaveBeenCalledTimes(1);
    source.close();
    expect(await source.idleState()).toBeNull();
  });
});
