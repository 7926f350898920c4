/**
 * Everything the dashboard shows for one range, loaded together so that every view changes at once:
 * the report, the previous period's report (for the score), the categories and one day's timeline
 * (four requests; the categories are asked for again only after a change), and the planning data (goals,
 * suggestions, manual entries, rules; see lib/planning.ts), each of which may fail without the rest failing.
 * `reload()` loads it all again after a change (a subject's category, a category's productivity) and
 * resolves once the new data is on screen; the last loaded data stays there meanwhile.
 *
 * The timeline's day defaults to the range's last day with data: it walks back from the last day (today at
 * the latest), skipping weekdays on which the report has no time at all, so it rarely needs a second request.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Category, Report, Timeline } from '../../../app/shared/report.ts';
import { api } from '../lib/api.ts';
import { loadPlanning, type PlanningData } from '../lib/planning.ts';
import {
  addDays,
  dayOf,
  rangeInstants,
  shiftRange,
  weekdayOf,
  type Day,
  type DayRange,
} from '../lib/ranges.ts';

export interface DashboardData {
  range: DayRange;
  report: Report;
  previous: Report;
  categories: Category[];
  timeline: Timeline;
  planning: PlanningData;
}

/** Subjects a report lists at most: enough for every top-15 table and the shrinkage list. */
const SUBJECT_LIMIT = 500;
/** Timeline requests spent at most looking for the last day with data. */
const MAX_DAY_PROBES = 8;

function reportQuery(range: DayRange, tz: string, limit: number) {
  const { from, to } = rangeInstants(range);
  return { from: from.toISOString(), to: to.toISOString(), tz, limit };
}

/** Days worth looking at for the default timeline, latest first. */
export function timelineCandidates(range: DayRange, report: Report, today: Day): Day[] {
  const last = range.end < today ? range.end : today;
  const days: Day[] = [];
  for (let day = last; day >= range.start && days.length < MAX_DAY_PROBES; day = addDays(day, -1)) {
    const weekday = weekdayOf(day);
    if ((report.by_weekday.find((w) => w.weekday === weekday)?.total_ms ?? 0) > 0) days.push(day);
  }
  return days.length > 0 ? days : [last < range.start ? range.start : last];
}

async function defaultTimeline(range: DayRange, report: Report, tz: string): Promise<Timeline> {
  let first: Timeline | null = null;
  for (const date of timelineCandidates(range, report, dayOf(new Date()))) {
    const timeline = await api.timeline({ query: { date, tz } });
    if (timeline.segments.length > 0) return timeline;
    first ??= timeline;
  }
  return first as Timeline;
}

interface State {
  key: string;
  data: DashboardData | null;
  error: unknown;
}

export function useDashboardData(range: DayRange, tz: string) {
  const { start, end } = range;
  const [version, setVersion] = useState(0);
  const lastVersion = useRef(0);
  // Callers of reload() waiting for their version (or a later one) to be shown.
  const waiting = useRef<Array<{ version: number; done: () => void }>>([]);
  const rangeKey = `${start}/${end}/${tz}`;
  const key = `${rangeKey}/${version}`;
  const [state, setState] = useState<State>({ key: '', data: null, error: null });
  // The day picked in the timeline, kept across reloads of the same range.
  const picked = useRef<{ rangeKey: string; day: Day } | null>(null);
  const dayRequest = useRef(0);
  // Categories change only through the dashboard's own changes (a new version), not with the range.
  const categoriesCache = useRef<{ version: number; list: Category[] } | null>(null);
  const [dayLoading, setDayLoading] = useState<Day | null>(null);

  useEffect(() => {
    let live = true;
    const range = { start, end };
    const cached = categoriesCache.current?.version === version ? categoriesCache.current.list : null;
    const load = async (): Promise<DashboardData> => {
      const [report, previous, categories, planning] = await Promise.all([
        api.report({ query: reportQuery(range, tz, SUBJECT_LIMIT) }),
        api.report({ query: reportQuery(shiftRange(range, -1), tz, 1) }),
        cached ?? api.listCategories({}),
        loadPlanning(range, tz),
      ]);
      categoriesCache.current = { version, list: categories };
      // Read after the reports: a day picked meanwhile wins.
      const day = picked.current?.rangeKey === rangeKey ? picked.current.day : null;
      const timeline = day
        ? await api.timeline({ query: { date: day, tz } })
        : await defaultTimeline(range, report, tz);
      return { range, report, previous, categories, timeline, planning };
    };
    const settle = () => {
      const ready = waiting.current.filter((w) => w.version <= version);
      waiting.current = waiting.current.filter((w) => w.version > version);
      for (const w of ready) w.done();
    };
    load().then(
      (data) => {
        if (!live) return;
        setState({ key, data, error: null });
        settle();
      },
      (error: unknown) => {
        if (!live) return;
        setState((s) => ({ key, data: s.data, error }));
        settle();
      },
    );
    return () => {
      live = false;
    };
  }, [key, rangeKey, start, end, tz, version]);

  /** Loads everything again; resolves when the result (or its failure) is on screen. */
  const reload = useCallback(
    () =>
      new Promise<void>((done) => {
        const next = ++lastVersion.current;
        waiting.current.push({ version: next, done });
        setVersion(next);
      }),
    [],
  );

  /** Shows another day in the timeline; only the timeline is loaded again. */
  const selectDay = useCallback(
    async (day: Day): Promise<void> => {
      picked.current = { rangeKey, day };
      const request = ++dayRequest.current;
      setDayLoading(day);
      try {
        const timeline = await api.timeline({ query: { date: day, tz } });
        if (request !== dayRequest.current) return;
        setState((s) => (s.data ? { ...s, data: { ...s.data, timeline } } : s));
      } finally {
        if (request === dayRequest.current) setDayLoading(null);
      }
    },
    [rangeKey, tz],
  );

  return {
    data: state.data,
    loading: state.key !== key,
    error: state.key === key ? state.error : null,
    dayLoading,
    selectDay,
    reload,
  };
}
