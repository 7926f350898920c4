/**
 * Test support (not part of the app): ActivityWatch exports as AW writes them, and what AW itself would report
 * for them, computed here independently of the importer.
 *
 * The generator simulates sessions (one runs past midnight every day): a window watcher polling every second
 * (events separated by the poll's gap; one window now and then split in two by a heartbeat arriving late, the
 * two overlapping by up to a second with the same data, as heartbeat merging leaves them), an AFK watcher
 * (not-afk until the last input, afk from there; a not-afk event sometimes split and overlapping itself, an afk
 * event sometimes starting before the not-afk one ends; no AFK event between the last input and the suspend),
 * a web watcher reporting the active tab whether or not the browser is focused (URLs with www., upper case,
 * ports, chrome://newtab), unicode titles, timestamps in AW's Python (µs, +00:00) and Rust (ms, Z) styles, and an
 * input bucket of another type, one bucket with its "type" after its events.
 */
import { isBrowserApp } from '../../core/browsers.ts';

export interface AwEvent {
  id?: number;
  timestamp: string;
  duration: number;
  data: Record<string, unknown>;
}
export interface AwBucket {
  id: string;
  type: string;
  client: string;
  hostname: string;
  events: AwEvent[];
}
export interface AwExport {
  buckets: Record<string, AwBucket>;
}

const APPS: { app: string; titles: string[] }[] = [
  { app: 'Code', titles: ['main.ts — time-audit', 'Résumé — Zürich.md', '日本語のメモ.txt — notes'] },
  { app: 'Slack', titles: ['#général | Équipe', 'Direct message — Zoë'] },
  { app: 'Alacritty', titles: ['~/src: npm test', 'vim 🚀 launch-plan.md'] },
  { app: 'Google-chrome', titles: ['Google Chrome'] },
  { app: 'Google-chrome', titles: ['Google Chrome'] },
  { app: 'Evince', titles: ['Thèse — chapitre 3.pdf'] },
];
const URLS = [
  'https://github.com/ActivityWatch/aw-server',
  'https://www.YouTube.com/watch?v=x',
  'https://news.ycombinator.com/item?id=1',
  'http://localhost:3000/dashboard',
  'https://docs.python.org:443/3/',
  'https://WWW.wikipedia.org/wiki/Zürich',
  'chrome://newtab/',
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sub-millisecond parts AW's Python watchers write; never .5 ms, so rounding to ms is never a tie. */
const MICROS = [0, 123, 377, 871];

const pyTime = (ms: number, micros: number) =>
  new Date(ms)
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_, f) => `.${f}${String(micros).padStart(3, '0')}+00:00`);
const rustTime = (ms: number) => new Date(ms).toISOString();

export interface GenerateOptions {
  seed: number;
  /** The first day (midnight UTC, epoch ms). */
  startMs: number;
  days: number;
  host?: string;
  /** The longest window event (default 10 minutes; people switch more often than that on a busy day). */
  windowMaxMs?: number;
  /** The longest stay on one tab (default 400 s). */
  tabMaxMs?: number;
}

export function generateAwExport(options: GenerateOptions): AwExport {
  const random = rng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo));
  const host = options.host ?? 'laptop';
  const window: AwEvent[] = [];
  const afk: AwEvent[] = [];
  const web: AwEvent[] = [];
  const input: AwEvent[] = [];
  // Durations are whole milliseconds (AW's float seconds); starts may carry microseconds.
  const py = (
    list: AwEvent[],
    startMs: number,
    endMs: number,
    data: Record<string, unknown>,
    micros = pick(MICROS),
  ) => list.push({ timestamp: pyTime(startMs, micros), duration: (endMs - startMs) / 1000, data });

  for (let day = 0; day < options.days; day++) {
    const midnight = options.startMs + day * 86_400_000;
    const sessions = [
      [9 * 3600_000, 12 * 3600_000],
      [13 * 3600_000, 17 * 3600_000],
      [22 * 3600_000 + 30 * 60_000, 25 * 3600_000 + 15 * 60_000], // past midnight
    ].map(([a, b]) => [midnight + (a as number) + between(0, 900_000), midnight + (b as number)] as const);
    for (const [start, end] of sessions) {
      // Window events over the whole session, away time included (the window stays focused).
      // An event that starts as the previous one ends starts at the same microsecond: a different window
      // never overlaps the one before (AW would count that twice, Time Audit once).
      for (let t = start, micros = 0; t < end;) {
        const { app, titles } = pick(APPS);
        const length = Math.min(between(2_000, options.windowMaxMs ?? 600_000), end - t);
        const title = pick(titles);
        if (random() < 0.15 && length > 4_000) {
          const cut = t + Math.floor(length / 2);
          py(window, t, cut + between(1, 1_000), { app, title }, micros);
          py(window, cut, t + length, { app, title }, micros);
        } else py(window, t, t + length, { app, title }, micros);
        const gap = pick([0, 1_000, 1_000, 1_003]);
        if (gap > 0) micros = pick(MICROS);
        t += length + gap;
      }
      // The active tab, reported whether or not the browser is focused.
      for (let t = start; t < end;) {
        const length = Math.min(between(3_000, options.tabMaxMs ?? 400_000), end - t);
        const data = { url: pick(URLS), title: 'Tab — ünïcödé', audible: false, incognito: false };
        web.push({ timestamp: rustTime(t), duration: length / 1000, data });
        t += length + pick([0, 0, 250, 1_000]);
      }
      // Active stretches and away periods; the last input comes a little before the suspend.
      const lastInput = end - between(5_000, 120_000);
      for (let t = start; t < lastInput;) {
        const active = Math.min(between(300_000, 2_400_000), lastInput - t);
        if (random() < 0.2) {
          const cut = t + Math.floor(active / 2);
          py(afk, t, cut + between(1, 1_500), { status: 'not-afk' });
          py(afk, cut, t + active, { status: 'not-afk' });
        } else py(afk, t, t + active, { status: 'not-afk' });
        t += active;
        if (t >= lastInput) break;
        const away = Math.min(between(240_000, 1_800_000), lastInput - t);
        const early = random() < 0.3 ? between(1, 800) : 0; // afk starting before not-afk ends
        py(afk, t - early, t + away, { status: 'afk' });
        t += away;
      }
      for (let t = start; t < end; t += 60_000)
        input.push({ timestamp: rustTime(t), duration: 60, data: { presses: 12, clicks: 3 } });
    }
  }
  // AW lists the newest events first.
  for (const list of [window, afk, web, input]) list.reverse();
  const bucket = (id: string, type: string, client: string, events: AwEvent[]): AwBucket => ({
    id,
    type,
    client,
    hostname: host,
    events,
  });
  const webBucket = bucket('aw-watcher-web-chrome', 'web.tab.current', 'aw-client-web', web);
  return {
    buckets: {
      [`aw-watcher-window_${host}`]: bucket(
        `aw-watcher-window_${host}`,
        'currentwindow',
        'aw-watcher-window',
        window,
      ),
      [`aw-watcher-afk_${host}`]: bucket(`aw-watcher-afk_${host}`, 'afkstatus', 'aw-watcher-afk', afk),
      // The type after the events: JSON objects have no order, and a reader must not rely on one.
      'aw-watcher-web-chrome': {
        id: webBucket.id,
        events: web,
        client: webBucket.client,
        hostname: host,
        type: webBucket.type,
      } as AwBucket,
      [`aw-watcher-input_${host}`]: bucket(
        `aw-watcher-input_${host}`,
        'os.hid.input',
        'aw-watcher-input',
        input,
      ),
    },
  };
}

// ---- what AW reports: its own arithmetic, on whole intervals ----

type Span = [number, number];

/** AW's instants at the store's resolution: µs read exactly, then rounded to the nearest millisecond. */
function spanOf(e: AwEvent): Span {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(e.timestamp) as RegExpExecArray;
  const startUs = Date.parse(`${m[1]}${m[3]}`) * 1000 + Number((m[2] ?? '').padEnd(6, '0').slice(0, 6));
  const endUs = startUs + Math.round(e.duration * 1e6);
  return [Math.round(startUs / 1000), Math.round(endUs / 1000)];
}

function union(spans: Span[]): Span[] {
  const sorted = [...spans].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function intersect(x: Span[], y: Span[]): Span[] {
  const out: Span[] = [];
  for (const [a, b] of x)
    for (const [c, d] of y) if (Math.max(a, c) < Math.min(b, d)) out.push([Math.max(a, c), Math.min(b, d)]);
  return union(out);
}

const measure = (spans: Span[]) => spans.reduce((n, [a, b]) => n + b - a, 0);

function host(url: string): string | null {
  const m = /^https?:\/\/([^/:?#]+)/i.exec(url);
  return m ? (m[1] as string).toLowerCase().replace(/^www\./, '') : null;
}

export interface AwTotals {
  /** AW's non-AFK time per app (window ∩ not-afk). */
  apps: Map<string, number>;
  /** AW's time per domain (web ∩ browser-focused window ∩ not-afk); URLs without a host name left out. */
  domains: Map<string, number>;
  /** AW's non-AFK total. */
  total: number;
}

/** What AW reports for an export (exact when events of one bucket overlap only with the same data). */
export function awTotals(exported: AwExport): AwTotals {
  const ofType = (type: string) =>
    Object.values(exported.buckets)
      .filter((b) => b.type === type)
      .flatMap((b) => b.events);
  const notAfk = union(
    ofType('afkstatus')
      .filter((e) => e.data.status === 'not-afk')
      .map(spanOf),
  );
  const windows = ofType('currentwindow');
  const apps = new Map<string, number>();
  for (const app of new Set(windows.map((e) => e.data.app as string)))
    apps.set(app, measure(intersect(union(windows.filter((e) => e.data.app === app).map(spanOf)), notAfk)));
  const browserFocus = intersect(
    union(windows.filter((e) => isBrowserApp(e.data.app as string)).map(spanOf)),
    notAfk,
  );
  const web = ofType('web.tab.current');
  const domains = new Map<string, number>();
  for (const domain of new Set(web.map((e) => host(e.data.url as string)))) {
    if (domain === null) continue;
    const spans = union(web.filter((e) => host(e.data.url as string) === domain).map(spanOf));
    domains.set(domain, measure(intersect(spans, browserFocus)));
  }
  return { apps, domains, total: measure(intersect(union(windows.map(spanOf)), notAfk)) };
}

/** The export as bytes, in chunks of `size` (a file read from disk or a request body arriving). */
export async function* chunksOf(text: string | Uint8Array, size = 65_536): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
