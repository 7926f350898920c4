import { describe, expect, it } from 'vitest';
import { goal } from '../goal.testing.ts';
import { currentGoals } from './goals.ts';

describe('currentGoals', () => {
  it('keeps the goals whose period is still running', () => {
    const today = goal({});
    const yesterday = goal({
      id: 8,
      period_start: '2026-03-10T07:00:00.000Z',
      period_end: '2026-03-11T07:00:00.000Z',
    });
    expect(currentGoals([today, yesterday], Date.parse('2026-03-11T20:00:00Z'))).toEqual([today]);
    expect(currentGoals([today], Date.parse('2026-03-12T07:00:00Z'))).toEqual([]);
  });
});
