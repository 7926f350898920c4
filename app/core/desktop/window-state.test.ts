import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, restoreWindowState, type Bounds } from './window-state.ts';

const laptop: Bounds = { x: 0, y: 0, width: 1920, height: 1050 };
const external: Bounds = { x: 1920, y: 0, width: 2560, height: 1400 };
const centredOnLaptop = { x: 320, y: 95, width: 1280, height: 860 };

describe('restoreWindowState', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(restoreWindowState(undefined, [laptop, external])).toEqual({
      bounds: centredOnLaptop,
      maximized: false,
    });
  });

  it('keeps a window that is fully on a display', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: false };
    expect(restoreWindowState(saved, [laptop, external])).toEqual(saved);
  });

  it('moves a window back to the primary display when its monitor was unplugged', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(restoreWindowState(saved, [laptop])).toEqual({ bounds: centredOnLaptop, maximized: true });
  });

  it('keeps a window partly off-screen while enough of it and its title bar are reachable', () => {
    const saved = { bounds: { x: 1700, y: 500, width: 1200, height: 800 }, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual(saved);
  });

  it('centres a window that is off-screen, or with less than 100 px visible', () => {
    for (const bounds of [
      { x: 5000, y: 5000, width: 1200, height: 800 },
      { x: 1850, y: 100, width: 1200, height: 800 }, // 70 px wide on screen
      { x: 100, y: 980, width: 1200, height: 800 }, // 70 px high on screen
    ]) {
      expect(restoreWindowState({ bounds, maximized: false }, [laptop]).bounds).toEqual(centredOnLaptop);
    }
  });

  it('centres a window whose title bar is above the top of every display', () => {
    const saved = { bounds: { x: 100, y: -400, width: 1200, height: 900 }, maximized: false };
    expect(restoreWindowState(saved, [laptop]).bounds).toEqual(centredOnLaptop);
  });

  it('clamps a window larger than its display into it', () => {
    const saved = { bounds: { x: -50, y: 0, width: 2500, height: 1600 }, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual({ bounds: laptop, maximized: false });
  });

  it('clamps the default size to a small primary display', () => {
    const small: Bounds = { x: 0, y: 25, width: 1024, height: 743 };
    expect(restoreWindowState(undefined, [small])).toEqual({
      bounds: { x: 0, y: 25, width: 1024, height: 743 },
      maximized: false,
    });
  });

  it('centres on a primary display that does not start at the origin', () => {
    const primary: Bounds = { x: -2560, y: -200, width: 2560, height: 1400 };
    const { bounds } = restoreWindowState(undefined, [primary, laptop]);
    expect(bounds).toEqual({ x: -2560 + 640, y: -200 + 270, ...DEFAULT_WINDOW_SIZE });
  });

  it('ignores invalid saved bounds and survives no displays', () => {
    const bad = { bounds: { x: Number.NaN, y: 0, width: 100, height: 100 }, maximized: false };
    expect(restoreWindowState(bad, [laptop]).bounds).toEqual(centredOnLaptop);
    expect(restoreWindowState(undefined, [])).toEqual({
      bounds: { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE },
      maximized: false,
    });
  });
});
