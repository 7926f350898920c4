import { describe, expect, it } from 'vitest';
import { atTime, endBeforeStart, entryInstants, fieldsOf, formatEntryTimes } from './entries.ts';

// Local times, whatever the runner's zone: the form works on the browser's calendar.
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min);

describe('entryInstants', () => {
  it('is the day at the two times', () => {
    expect(entryInstants({ date: '2026-11-20', start: '18:00', end: '19:00' })).toEqual({
      start: local(2026, 11, 20, 18, 0),
      end: local(2026, 11, 20, 19, 0),
      nextDay: false,
    });
  });

  it('ends on the next day when the end is not after the start', () => {
    expect(entryInstants({ date: '2026-12-31', start: '23:30', end: '00:30' })).toEqual({
      start: local(2026, 12, 31, 23, 30),
      end: local(2027, 1, 1, 0, 30),
      nextDay: true,
    });
    expect(entryInstants({ date: '2026-11-20', start: '09:00', end: '09:00' })?.nextDay).toBe(true);
  });

  it('is null while a field is missing or malformed', () => {
    expect(entryInstants({ date: '2026-11-20', start: '', end: '19:00' })).toBeNull();
    expect(entryInstants({ date: '2026-11-20', start: '18:00', end: '24:00' })).toBeNull();
    expect(entryInstants({ date: '2026-02-30', start: '18:00', end: '19:00' })).toBeNull();
    expect(atTime('', '10:00')).toBeNull();
  });
});

describe('an entry in the form and in the list', () => {
  const entry = {
    id: 1,
    label: 'Gym',
    category: 'Sport',
    productivity: 'neutral' as const,
    start: local(2026, 11, 20, 18, 0).toISOString(),
    end: local(2026, 11, 20, 19, 30).toISOString(),
    note: 'legs',
  };

  it('fills the form with its local day and times', () => {
    expect(fieldsOf(entry)).toEqual({
      label: 'Gym',
      category: 'Sport',
      date: '2026-11-20',
      start: '18:00',
      end: '19:30',
      note: 'legs',
    });
  });

  it('reads as its times, with the days it runs over', () => {
    expect(formatEntryTimes(entry, 'en-GB')).toBe('18:00–19:30');
    expect(formatEntryTimes(entry, 'en-US')).toMatch(/^6:00\sPM–7:30\sPM$/);
    expect(
      formatEntryTimes(
        {
          start: local(2026, 11, 20, 23, 0).toISOString(),
          end: local(2026, 11, 21, 1, 0).toISOString(),
        },
        'de-DE',
      ),
    ).toBe('23:00–01:00 (+1 day)');
  });
});

describe('endBeforeStart', () => {
  it('takes an end after midnight as the next day, but an end well before the start as a mistake', () => {
    const overnight = entryInstants({ date: '2026-11-20', start: '23:30', end: '00:30' });
    const typo = entryInstants({ date: '2026-11-20', start: '18:00', end: '17:00' });
    expect(overnight && endBeforeStart(overnight)).toBe(false);
    expect(typo && endBeforeStart(typo)).toBe(true);
    const sameDay = entryInstants({ date: '2026-11-20', start: '18:00', end: '19:00' });
    expect(sameDay && endBeforeStart(sameDay)).toBe(false);
  });
});
