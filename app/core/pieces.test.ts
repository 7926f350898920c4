import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS, splitDays, splitRange, type Piece } from './pieces.ts';
import { DAY_MS, dayFromCivil, SLOT_MS } from './time.ts';
import { Zone } from './zone.ts';

const ZONES = ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago'];

/** The instants a piece covers, so that the pieces can be checked to tile the range. */
function bounds(piece: Piece, zone: Zone): [number, number] {
  if (piece.kind === 'raw') return [piece.startMs, piece.endMs];
  if (piece.kind === 'slots') return [piece.from * SLOT_MS, piece.to * SLOT_MS];
  const firstDay = (level: number, bucket: number) =>
    level === LEVELS.day
      ? bucket
      : level === LEVELS.month
        ? dayFromCivil(Math.floor(bucket / 12), (bucket % 12) + 1, 1)
        : dayFromCivil(bucket, 1, 1);
  return [zone.dayStart(firstDay(piece.level, piece.from)), zone.dayStart(firstDay(piece.level, piece.to))];
}

describe('splitRange', () => {
  it('tiles any range exactly, in order, with raw pieces shorter than a slot', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 1, max: 4 * 365 * DAY_MS }),
        (tz, from, length) => {
          const zone = new Zone(tz);
          const pieces = splitRange(from, from + length, zone);
          let at = from;
          for (const piece of pieces) {
            const [start, end] = bounds(piece, zone);
            expect(start).toBe(at);
            expect(end).toBeGreaterThan(start);
            if (piece.kind === 'raw') expect(end - start).toBeLessThan(SLOT_MS);
            at = end;
          }
          expect(at).toBe(from + length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uses whole years and months in the middle of a long range', () => {
    const pieces = splitDays(dayFromCivil(2021, 11, 20), dayFromCivil(2025, 2, 3));
    expect(pieces).toEqual([
      { kind: 'period', level: LEVELS.day, from: dayFromCivil(2021, 11, 20), to: dayFromCivil(2021, 12, 1) },
      { kind: 'period', level: LEVELS.month, from: 2021 * 12 + 11, to: 2022 * 12 },
      { kind: 'period', level: LEVELS.year, from: 2022, to: 2025 },
      { kind: 'period', level: LEVELS.month, from: 2025 * 12, to: 2025 * 12 + 1 },
      { kind: 'period', level: LEVELS.day, from: dayFromCivil(2025, 2, 1), to: dayFromCivil(2025, 2, 3) },
    ]);
  });
});
