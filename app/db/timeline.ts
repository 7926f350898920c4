/** A local day's resolved timeline, straight from the raw events: what counted from when to when. */
import type { Timeline, TimelineSegment } from '../shared/report.ts';
import { awayStretches } from '../core/away.ts';
import { resolve } from '../core/resolve.ts';
import { dayFromCivil } from '../core/time.ts';
import { zoneFor } from '../core/zone.ts';
import type { Categories } from './categories.ts';
import type { EventTables } from './events.ts';
import type { Subjects } from './subjects.ts';

export class Timelines {
  private readonly events: EventTables;
  private readonly subjects: Subjects;
  private readonly categories: Categories;

  constructor(events: EventTables, subjects: Subjects, categories: Categories) {
    this.events = events;
    this.subjects = subjects;
    this.categories = categories;
  }

  /** `date` is YYYY-MM-DD on the calendar of `tz`. */
  build(date: string, tz: string): Timeline {
    const zone = zoneFor(tz);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const day = dayFromCivil(y, m, d);
    const fromMs = zone.dayStart(day);
    const toMs = zone.dayStart(day + 1);
    const categories = new Map(this.categories.list().map((c) => [c.id, c]));
    const categoryOf = new Map<
      string,
      { category: string | null; productivity: TimelineSegment['productivity'] }
    >();
    const streams = this.events.overlapping(fromMs, toMs);
    const segments = resolve(streams, fromMs, toMs).map((seg): TimelineSegment => {
      const key = `${seg.kind}\u0000${seg.name}`;
      let found = categoryOf.get(key);
      if (!found) {
        const id = this.subjects.find(seg.kind, seg.name);
        const category = id === undefined ? undefined : categories.get(this.subjects.categoryKey(id));
        found = {
          category: category?.name ?? null,
          productivity: category?.productivity ?? 'uncategorized',
        };
        categoryOf.set(key, found);
      }
      return {
        start: new Date(seg.startMs).toISOString(),
        end: new Date(seg.endMs).toISOString(),
        kind: seg.kind,
        name: seg.name,
        ...found,
      };
    });
    const away = awayStretches(streams.idle, streams.manual, fromMs, toMs).map((a) => ({
      start: new Date(a.startMs).toISOString(),
      end: new Date(a.endMs).toISOString(),
    }));
    return {
      date,
      tz,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      segments,
      away,
    };
  }
}
