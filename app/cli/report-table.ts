/**
 * `timeaudit report` for people: the range in local time, totals, score and pulse, the productivity split, top
 * subjects, categories, shrinkage and the goals as they stand now.
 */
import { formatDuration, formatShare } from '../shared/format.ts';
import type { GoalProgress } from '../shared/planning.ts';
import type { Report, SubjectTotal } from '../shared/report.ts';
import { wallClock } from '../core/wall-clock.ts';
import { DAY_MS } from '../core/time.ts';
import { zoneFor } from '../core/zone.ts';

export function table(headers: string[], rows: string[][], alignRight: number[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (alignRight.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

function bar(part: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.round((part / total) * width) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

const subjectRows = (subjects: SubjectTotal[], total: number): string[][] =>
  subjects.map((s) => [
    s.name,
    s.kind,
    formatDuration(s.ms),
    formatShare(s.ms, total),
    s.category ?? '—',
    s.productivity,
  ]);

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const weekday = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';

/**
 * The range on the local clock of its zone: "Mon 2026-01-05 → Tue 2026-01-06 (2 days, Europe/Berlin)" for
 * whole days (the last one included), else "Mon 2026-01-05 09:00 → 12:30 (Europe/Berlin)".
 */
export function formatRange(fromMs: number, toMs: number, tz: string): string {
  const zone = zoneFor(tz);
  const a = wallClock(zone, fromMs);
  const b = wallClock(zone, toMs);
  const day = (date: string) => `${weekday(date)} ${date}`;
  if (a.time === '00:00' && b.time === '00:00') {
    const last = new Date(Date.parse(`${b.date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
    const days = Math.round((Date.parse(b.date) - Date.parse(a.date)) / DAY_MS);
    const span = days === 1 ? day(a.date) : `${day(a.date)} → ${day(last)}`;
    return `${span} (${days === 1 ? '1 day' : `${days} days`}, ${tz})`;
  }
  const end = a.date === b.date ? b.time : `${day(b.date)} ${b.time}`;
  return `${day(a.date)} ${a.time} → ${end} (${tz})`;
}

export interface ReportExtras {
  /** How many subjects the whole range has (the report may hold only the top ones). */
  subjectCount?: number;
  /** The goals as they stand in the current day or week. */
  goals?: GoalProgress[];
  /** How many subjects to show. */
  top?: number;
}

const GOAL_STATES: Record<GoalProgress['state'], string> = {
  under: 'under the limit',
  over: 'over the limit',
  met: 'met',
  short: 'not yet',
};

function goalLines(goals: GoalProgress[]): string[] {
  if (goals.length === 0) return [];
  const rows = goals.map((g) => [
    g.category,
    `${g.direction === 'at_most' ? 'at most' : 'at least'} ${formatDuration(g.target_ms)} a ${g.period}`,
    formatDuration(g.done_ms),
    GOAL_STATES[g.state],
  ]);
  return ['', 'Goals (today, this week)', table(['category', 'goal', 'so far', 'state'], rows, [2])];
}

export function formatReport(report: Report, extras: ReportExtras = {}): string {
  const top = extras.top ?? 15;
  const total = report.total_ms;
  const out: string[] = [];
  out.push(`Time Audit report  ${formatRange(Date.parse(report.from), Date.parse(report.to), report.tz)}`);
  out.push('');
  if (total === 0) {
    out.push('No tracked time in this range.');
    out.push(...goalLines(extras.goals ?? []));
    return out.join('\n');
  }
  out.push(`Total tracked: ${formatDuration(total)}`);
  out.push(
    `Score: ${report.score ?? '—'}% productive   Pulse: ${report.pulse ?? '—'} of 100 ` +
      '(productive time counts whole, neutral and uncategorized half)',
  );
  out.push('');
  const split = (['productive', 'neutral', 'unproductive', 'uncategorized'] as const).map((p) => [
    p,
    formatDuration(report.by_productivity[p]),
    formatShare(report.by_productivity[p], total),
    bar(report.by_productivity[p], total),
  ]);
  out.push(table(['productivity', 'time', 'share', ''], split, [1, 2]));
  out.push('');
  const headers = ['subject', 'kind', 'time', 'share', 'category', 'productivity'];
  const count = Math.max(extras.subjectCount ?? 0, report.subjects.length);
  const shown = Math.min(top, report.subjects.length);
  out.push(
    shown === count
      ? `All ${count} ${count === 1 ? 'subject' : 'subjects'}`
      : `Top ${shown} of ${count} subjects`,
  );
  out.push(table(headers, subjectRows(report.subjects.slice(0, top), total), [2, 3]));
  out.push('');
  out.push('Categories');
  out.push(
    table(
      ['category', 'time', 'share', 'productivity'],
      report.categories.map((c) => [
        c.name ?? '(none)',
        formatDuration(c.ms),
        formatShare(c.ms, total),
        c.productivity,
      ]),
      [1, 2],
    ),
  );
  if (report.shrinkage.length > 0) {
    out.push('');
    out.push('Top shrinkage (unproductive time)');
    out.push(table(headers, subjectRows(report.shrinkage.slice(0, 10), total), [2, 3]));
  }
  out.push(...goalLines(extras.goals ?? []));
  return out.join('\n');
}
