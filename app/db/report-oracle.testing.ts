/**
 * Test support (not part of the app): the report semantics of docs/api.md ("What a report counts") computed by
 * brute force from raw events, knowing nothing of rollups, pieces or the Zone class. It walks every elementary
 * interval of the events, picks the winner by brute force, and finds the local hour with its own Intl
 * formatter. Browsers it knows by name: Google Chrome and firefox (use no other browser in its data).
 */
import type { Report } from '../shared/report.ts';
import { DEFAULT_CATEGORY_DB } from './default-categories.ts';

const SLOT = 15 * 60_000;

/** Report figures as the oracle computes them: time per `kind:name`, per `hour:productivity`, `weekday:productivity`. */
export interface Figures {
  total: number;
  subjects: Map<string, number>;
  hours: Map<string, number>;
  weekdayTotals: Map<string, number>;
}

export interface Expected extends Figures {
  /** Time per local date (YYYY-MM-DD) and productivity. */
  dates: Map<string, Record<string, number>>;
}

export interface Ev {
  startMs: number;
  endMs: number;
}
export interface TitleRule {
  match: 'contains' | 'regex';
  pattern: string;
  category: string;
}
export interface OracleData {
  window: Array<Ev & { app: string; title: string }>;
  browser: Array<Ev & { domain: string }>;
  idle: Ev[];
  manual: Array<Ev & { label: string }>;
}

/** The subject name of window time under the title rules: the first rule that matches names it. */
function windowSubject(app: string, title: string, titleRules: TitleRule[]): string {
  const rule = titleRules.find((r) =>
    r.match === 'contains'
      ? title.toLowerCase().includes(r.pattern.toLowerCase())
      : new RegExp(r.pattern, 'i').test(title),
  );
  return rule ? `${app} — ${rule.pattern}` : app;
}

/**
 * What a report over [fromMs, toMs) in `tz` must show. Within a source, an event later in its array was stored
 * later (it wins a tie of starts).
 */
export function oracle(
  data: OracleData,
  fromMs: number,
  toMs: number,
  tz: string,
  categoryOf: (kind: string, name: string) => string | null,
  titleRules: TitleRule[],
  categories: ReadonlyArray<{ name: string; productivity: string }> = [],
): Expected {
  const productivity = (kind: string, name: string): string => {
    const c = categoryOf(kind, name);
    return (
      [...categories, ...DEFAULT_CATEGORY_DB.categories].find((x) => x.name === c)?.productivity ??
      'uncategorized'
    );
  };
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const points = new Set([fromMs, toMs]);
  for (const e of [...data.window, ...data.browser, ...data.idle, ...data.manual]) {
    for (const p of [e.startMs, e.endMs]) if (p > fromMs && p < toMs) points.add(p);
  }
  const bounds = [...points].sort((a, b) => a - b);
  const browsers = new Set(['google chrome', 'firefox']);
  const subjects = new Map<string, number>();
  const hours = new Map<string, number>();
  const weekdayTotals = new Map<string, number>();
  const dates = new Map<string, Record<string, number>>();
  let total = 0;
  // Later start wins, ties go to the later stored (= later in the array, since batches keep order).
  const pick = <T extends Ev>(list: T[], at: number): T | undefined => {
    let best: T | undefined;
    list.forEach((e) => {
      if (e.startMs <= at && e.endMs > at && (!best || e.startMs >= best.startMs)) best = e;
    });
    return best;
  };
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    // A manual entry wins over everything tracked, idle included (entries never overlap each other).
    const m = data.manual.find((e) => e.startMs <= a && e.endMs > a);
    if (!m && data.idle.some((e) => e.startMs <= a && e.endMs > a)) continue;
    const w = pick(data.window, a);
    const br = pick(data.browser, a);
    let subject: [string, string] | null = null;
    if (m) subject = ['manual', m.label];
    else if (w && !(br && browsers.has(w.app.toLowerCase())))
      subject = ['app', windowSubject(w.app, w.title, titleRules)];
    else if (br) subject = ['domain', br.domain];
    if (!subject) continue;
    const p = productivity(...subject);
    for (let s = a; s < b; s = Math.min(b, (Math.floor(s / SLOT) + 1) * SLOT)) {
      const e = Math.min(b, (Math.floor(s / SLOT) + 1) * SLOT);
      const parts = fmt.formatToParts(new Date(s));
      const hour = Number(parts.find((x) => x.type === 'hour')!.value);
      const weekday = weekdays.indexOf(parts.find((x) => x.type === 'weekday')!.value) + 1;
      const ms = e - s;
      total += ms;
      subjects.set(subject.join(':'), (subjects.get(subject.join(':')) ?? 0) + ms);
      hours.set(`${hour}:${p}`, (hours.get(`${hour}:${p}`) ?? 0) + ms);
      weekdayTotals.set(`${weekday}:${p}`, (weekdayTotals.get(`${weekday}:${p}`) ?? 0) + ms);
      addToDate(dates, localDate(tz, s), p, ms);
    }
  }
  return { total, subjects, hours, weekdayTotals, dates };
}

/** The local calendar date of an instant, YYYY-MM-DD, straight from Intl. */
export function localDate(tz: string, ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((x) => x.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addToDate(
  dates: Map<string, Record<string, number>>,
  date: string,
  p: string,
  ms: number,
): void {
  const row = dates.get(date) ?? { productive: 0, neutral: 0, unproductive: 0, uncategorized: 0 };
  row[p] = (row[p] ?? 0) + ms;
  dates.set(date, row);
}

const PRODUCTIVITIES = ['productive', 'neutral', 'unproductive', 'uncategorized'] as const;

/** The figures of a report that the oracle computes too. */
export function figuresOf(report: Report): Figures {
  const hours = new Map<string, number>();
  for (const h of report.by_hour) for (const p of PRODUCTIVITIES) if (h[p]) hours.set(`${h.hour}:${p}`, h[p]);
  const weekdayTotals = new Map<string, number>();
  for (const h of report.by_weekday)
    for (const p of PRODUCTIVITIES) if (h[p]) weekdayTotals.set(`${h.weekday}:${p}`, h[p]);
  return {
    total: report.total_ms,
    subjects: new Map(report.subjects.map((x) => [`${x.kind}:${x.name}`, x.ms])),
    hours,
    weekdayTotals,
  };
}
