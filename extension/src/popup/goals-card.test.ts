import { describe, expect, it } from 'vitest';
import { goal, M } from '../goal.testing.ts';
import { goalView } from './goals-card.ts';

describe('goalView', () => {
  it('an at-most goal under its limit', () => {
    expect(goalView(goal({}))).toEqual({
      id: 7,
      title: 'Social ≤ 1h a day',
      figures: '42m / 1h',
      note: '18m left',
      share: 0.7,
      state: 'under',
    });
  });

  it('an at-most goal over its limit: a full bar', () => {
    expect(goalView(goal({ done_ms: 72 * M, state: 'over' }))).toMatchObject({
      figures: '1h 12m / 1h',
      note: 'over by 12m',
      share: 1,
    });
  });

  it('an at-most goal exactly at its limit is not over', () => {
    expect(goalView(goal({ done_ms: 60 * M }))).toMatchObject({ note: '0m left', share: 1, state: 'under' });
  });

  it('an at-least goal, short and met, by the week', () => {
    const reading = {
      category: 'Reading',
      direction: 'at_least',
      period: 'week',
      target_ms: 300 * M,
    } as const;
    expect(goalView(goal({ ...reading, done_ms: 130 * M, state: 'short' }))).toMatchObject({
      title: 'Reading ≥ 5h a week',
      figures: '2h 10m / 5h',
      note: '2h 50m to go',
      share: 130 / 300,
    });
    expect(goalView(goal({ ...reading, done_ms: 320 * M, state: 'met' }))).toMatchObject({
      note: 'met',
      share: 1,
    });
    expect(goalView(goal({ ...reading, done_ms: 0, state: 'short' })).share).toBe(0);
  });
});
