import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock } from './clock.ts';
import { testContext } from './context.testing.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

describe('the worker clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is the system's time until a test moves it forward", async () => {
    const { store } = testContext(T0);
    const clock = createClock(store);
    await clock.ready;
    expect(clock.now()).toBe(T0);
    vi.advanceTimersByTime(1_000);
    expect(clock.now()).toBe(T0 + 1_000);
    expect(await clock.advance(5_000)).toBe(T0 + 6_000);
    expect(await clock.advance(0)).toBe(T0 + 6_000);
    expect(clock.now()).toBe(T0 + 6_000);
  });

  it('goes on from the same time in a worker started again, never back', async () => {
    const { store } = testContext(T0);
    await createClock(store).advance(30_000);
    const restarted = createClock(store);
    await restarted.ready;
    expect(restarted.now()).toBe(T0 + 30_000);
  });

  it('runs a timer when the clock passes its time, or after the real delay, once', async () => {
    const { store } = testContext(T0);
    const clock = createClock(store);
    await clock.ready;
    const fired: string[] = [];
    clock.after(5_000, () => fired.push('first'));
    clock.after(5_000, () => fired.push('second'));
    await clock.advance(3_000);
    expect(fired).toEqual([]);
    await clock.advance(2_000);
    expect(fired).toEqual(['first', 'second']);
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual(['first', 'second']);

    clock.after(1_000, () => fired.push('real'));
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual(['first', 'second', 'real']);
  });

  it('forgets a cancelled timer', async () => {
    const { store } = testContext(T0);
    const clock = createClock(store);
    const fired: string[] = [];
    const cancel = clock.after(5_000, () => fired.push('cancelled'));
    cancel();
    await clock.advance(10_000);
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual([]);
  });

  it('moves only forward, and not by hours', async () => {
    const { store } = testContext(T0);
    const clock = createClock(store);
    await expect(clock.advance(-1)).rejects.toThrow(/forward/);
    await expect(clock.advance(2 * 3600_000)).rejects.toThrow(/forward/);
    await clock.ready;
    expect(clock.now()).toBe(T0);
  });
});
