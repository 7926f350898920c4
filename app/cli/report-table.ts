/** `timeaudit report` for people: totals, the productivity split, top subjects, categories and shrinkage. */
import { formatDuration, formatShare } from '../shared/format.ts';
import type { Report, SubjectTotal } from '../shared/report.ts';

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

export function formatReport(report: Report, top = 15): string {
  const total = report.total_ms;
  const out: string[] = [];
  out.push(`Time Audit report  ${report.from} → ${report.to}  (${report.tz})`);
  out.push('');
  if (total === 0) {
    out.push('No tracked time in this range.');
    return out.join('\n');
  }
  out.push(`Total tracked: ${formatDuration(total)}`);
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
  out.push(`Top ${Math.min(top, report.subjects.length)} of ${report.subjects.length} subjects`);
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
  return out.join('\n');
}
