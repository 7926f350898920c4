import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration-input.ts';

const M = 60_000;
const H = 60 * M;

describe('parseDuration', () => {
  it('reads hours and minutes as people type them', () => {
    expect(parseDuration('1h 30m')).toBe(90 * M);
    expect(parseDuration('1h30m')).toBe(90 * M);
    expect(parseDuration('1h30')).toBe(90 * M);
    expect(parseDuration(' 2 hours 5 min ')).toBe(2 * H + 5 * M);
    expect(parseDuration('1.5h')).toBe(90 * M);
    expect(parseDuration('1,5 h')).toBe(90 * M);
    expect(parseDuration('90m')).toBe(90 * M);
    expect(parseDuration('1:30')).toBe(90 * M);
    expect(parseDuration('20H')).toBe(20 * H);
  });

  it('takes a bare number for minutes', () => {
    expect(parseDuration('45')).toBe(45 * M);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', 'soon', '1h 2h', '30m 1m', 'h', '1:75', '-1h', '1x', '1h 30m extra']) {
      expect(parseDuration(text), text).toBeNull();
    }
  });

  it('rounds to whole minutes', () => {
    expect(parseDuration('0.01h')).toBe(M);
  });
});
