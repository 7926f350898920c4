import { describe, expect, it } from 'vitest';
import { awayStretches } from './away.ts';

const iv = (startMs: number, endMs: number) => ({ startMs, endMs });

describe('awayStretches', () => {
  it('joins overlapping and touching idle stretches and clips them to the range', () => {
    expect(awayStretches([iv(10, 30), iv(20, 40), iv(40, 50), iv(60, 70), iv(-5, 5)], [], 0, 65)).toEqual([
      iv(0, 5),
      iv(10, 50),
      iv(60, 65),
    ]);
  });

  it('leaves out what was logged by hand', () => {
    expect(awayStretches([iv(0, 100)], [iv(20, 30), iv(25, 40), iv(90, 120)], 0, 100)).toEqual([
      iv(0, 20),
      iv(40, 90),
    ]);
    expect(awayStretches([iv(10, 20)], [iv(0, 50)], 0, 100)).toEqual([]);
  });

  it('answers nothing without idle time', () => {
    expect(awayStretches([], [iv(0, 10)], 0, 100)).toEqual([]);
  });
});
