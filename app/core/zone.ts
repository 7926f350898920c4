/**
 * An IANA time zone as the reports need it: the UTC offset at an instant, the local day and hour of an
 * instant, and the instant a local day starts. Built on Intl only (no tz database of our own), with a cache
 * per UTC hour because reports ask about the same hours many times.
 *
 * Offsets are assumed to be whole multiples of 15 minutes and to change only on 15-minute boundaries, which
 * holds for every zone in the tz database since 1980 (including +05:45, +08:45, +12:45 and Lord Howe's
 * 30-minute DST). So one 15-minute UTC slot always lies inside one local hour of one local day.
 */
import { invalid } from './errors.ts';
import { DAY_MS, HOUR_MS, SLOT_MS, floorDiv, mod } from './time.ts';

export interface LocalSlot {
  /** Local calendar day number (days since 1970-01-01 on the local calendar). */
  day: number;
  /** Local hour, 0–23. */
  hour: number;
}

const MAX_CACHE = 500_000;

export class Zone {
  readonly name: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly hourCache = new Map<number, number>();

  constructor(name: string) {
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw invalid(`unknown time zone "${name}" (use an IANA name such as Europe/Paris)`, 'tz');
    }
    this.name = name;
  }

  /** Offset in ms to add to a UTC instant to get local wall-clock time. */
  offsetAt(ms: number): number {
    const hour = floorDiv(ms, HOUR_MS);
    const cached = this.hourCache.get(hour);
    if (cached !== undefined) return cached;
    const atStart = this.computeOffset(hour * HOUR_MS);
    const atEnd = this.computeOffset(hour * HOUR_MS + HOUR_MS - 1);
    if (atStart !== atEnd) return this.computeOffset(floorDiv(ms, SLOT_MS) * SLOT_MS);
    if (this.hourCache.size > MAX_CACHE) this.hourCache.clear();
    this.hourCache.set(hour, atStart);
    return atStart;
  }

  /** The local day and hour that contain an instant. */
  local(ms: number): LocalSlot {
    const wall = ms + this.offsetAt(ms);
    return { day: floorDiv(wall, DAY_MS), hour: floorDiv(mod(wall, DAY_MS), HOUR_MS) };
  }

  localDay(ms: number): number {
    return floorDiv(ms + this.offsetAt(ms), DAY_MS);
  }

  /**
   * The first instant of a local day. Where midnight does not exist (DST starting at 00:00, as in Santiago or
   * Havana) the day starts at the transition; where it happens twice, at the first one that belongs to the day.
   */
  dayStart(day: number): number {
    const wall = day * DAY_MS;
    const candidates = [wall - this.offsetAt(wall - 14 * HOUR_MS), wall - this.offsetAt(wall + 14 * HOUR_MS)];
    // The offset near midnight itself decides in the common case; the two neighbours cover transitions.
    candidates.push(wall - this.offsetAt(wall - this.offsetAt(wall)));
    let best = Number.POSITIVE_INFINITY;
    for (const c of candidates) {
      if (this.localDay(c) === day && this.localDay(c - 1) < day && c < best) best = c;
    }
    if (best !== Number.POSITIVE_INFINITY) return best;
    // Midnight skipped: the day begins at the first slot whose local day is `day`.
    let t = floorDiv(wall - 14 * HOUR_MS, SLOT_MS) * SLOT_MS;
    while (this.localDay(t) < day) t += SLOT_MS;
    return t;
  }

  private computeOffset(ms: number): number {
    const parts = this.format.formatToParts(new Date(ms));
    const get = (type: Intl.DateTimeFormatPartTypes): number =>
      Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
    const wall = Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
    );
    return wall - (ms - mod(ms, 1000));
  }
}

const zones = new Map<string, Zone>();

/** Zones are immutable and their caches worth keeping, so each name is built once. */
export function zoneFor(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new Zone(name);
    zones.set(name, zone);
  }
  return zone;
}
