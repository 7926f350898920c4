import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeDuration, badgeFor, rgba, type BadgeInput } from './badge.ts';

const base: BadgeInput = {
  link: 'connected',
  paused: false,
  domain: 'github.com',
  todayMs: 42 * 60_000,
  productivity: 'productive',
  category: 'Work',
  waiting: 0,
};

describe('badge', () => {
  it.each([
    [0, '<1m'],
    [59_999, '<1m'],
    [60_000, '1m'],
    [42 * 60_000 + 59_000, '42m'],
    [3 * 3600_000 + 12 * 60_000, '3h'],
    [12 * 3600_000, '12h'],
  ])('%i ms reads %s', (ms, text) => {
    expect(badgeDuration(ms)).toBe(text);
  });

  it("shows today's time on the domain in its productivity's colour", () => {
    expect(badgeFor(base)).toMatchObject({ text: '42m', color: BADGE_COLORS.productive });
    expect(badgeFor({ ...base, productivity: 'unproductive' }).color).toBe(BADGE_COLORS.unproductive);
    expect(badgeFor({ ...base, productivity: 'neutral' }).color).toBe(BADGE_COLORS.neutral);
    expect(badgeFor({ ...base, productivity: 'uncategorized' }).color).toBe(BADGE_COLORS.uncategorized);
    expect(badgeFor(base).title).toBe('Time Audit — github.com: 42m today (Work)');
  });

  it('marks a pause, then a lost connection, before any time', () => {
    expect(badgeFor({ ...base, paused: true, link: 'offline' })).toMatchObject({
      text: 'II',
      color: BADGE_COLORS.paused,
    });
    for (const link of ['offline', 'unauthorized', 'unpaired', 'error'] as const) {
      expect(badgeFor({ ...base, link, waiting: 3 })).toMatchObject({
        text: '!',
        color: BADGE_COLORS.disconnected,
      });
    }
    expect(badgeFor({ ...base, link: 'offline', waiting: 3 }).title).toMatch(/not running · 3 waiting/);
  });

  it('is empty on pages that are not tracked', () => {
    expect(badgeFor({ ...base, domain: null }).text).toBe('');
  });

  it('converts colours to what chrome.action answers', () => {
    expect(rgba('#1f9d55')).toEqual([31, 157, 85, 255]);
  });
});
