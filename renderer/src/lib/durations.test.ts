import { describe, expect, it } from 'vitest';
import { durationStep } from './durations.ts';

const M = 60_000;
const H = 60 * M;

describe('durationStep', () => {
  it('picks a round step', () => {
    expect(durationStep(4 * H)).toBe(H);
    expect(durationStep(10 * M)).toBe(5 * M);
  });
});
