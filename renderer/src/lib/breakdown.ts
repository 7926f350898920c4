/**
 * Series for the stacked bar charts, from a report's buckets: by productivity (four series), or by category,
 * the six biggest in the range and the rest as "Other".
 */
import { formatDuration } from '../../../app/shared/format.ts';
import type { ByProductivity, CategoryCell } from '../../../app/shared/report.ts';
import { PRODUCTIVITY_LABELS, PRODUCTIVITY_ORDER } from './productivity.ts';
import type { Theme } from './theme.ts';

export interface BarSeries {
  label: string;
  color: string;
  data: number[];
}

export const TOP_CATEGORIES = 6;

/** Four series, one per productivity; `scale[i]` divides bar i (averages per weekday). */
export function productivitySeries(
  buckets: ByProductivity[],
  theme: Theme,
  scale: number[] = [],
): BarSeries[] {
  return PRODUCTIVITY_ORDER.map((p) => ({
    label: PRODUCTIVITY_LABELS[p],
    color: theme.productivity[p],
    data: buckets.map((b, i) => b[p] / (scale[i] || 1)),
  }));
}

/**
 * The top categories as series, then "Other". `slotOf` maps a cell to its bar (hour 0–23, weekday 1–7 → 0–6);
 * time without a category is one more category, "No category", coloured as uncategorized.
 */
export function categorySeries<C extends CategoryCell>(
  cells: C[],
  bars: number,
  slotOf: (cell: C) => number,
  theme: Theme,
  scale: number[] = [],
  /** The colours the user chose for categories (the categories manager); the others take the palette's. */
  chosen: ReadonlyMap<string, string> = new Map(),
): BarSeries[] {
  const totals = new Map<string | null, number>();
  for (const c of cells) totals.set(c.category, (totals.get(c.category) ?? 0) + c.ms);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const top = ranked.slice(0, TOP_CATEGORIES);
  const rows = new Map(top.map((name) => [name, new Array<number>(bars).fill(0)]));
  const other = new Array<number>(bars).fill(0);
  for (const c of cells) {
    const row = rows.get(c.category) ?? other;
    const i = slotOf(c);
    row[i] = (row[i] ?? 0) + c.ms / (scale[i] || 1);
  }
  let colorIndex = 0;
  const series = top.map((name) => ({
    label: name ?? 'No category',
    color:
      name === null
        ? theme.productivity.uncategorized
        : (chosen.get(name) ?? theme.categories[colorIndex++] ?? theme.other),
    data: rows.get(name) ?? [],
  }));
  if (ranked.length > TOP_CATEGORIES) series.push({ label: 'Other', color: theme.other, data: other });
  return series;
}

/** A summary of bars for screen readers: the busiest one and how the biggest series spread. */
export function barsSummary(what: string, names: string[], series: BarSeries[], withTotals = true): string {
  const totals = names.map((_, i) => series.reduce((sum, s) => sum + (s.data[i] ?? 0), 0));
  const busiest = totals.reduce((best, ms, i) => (ms > (totals[best] ?? 0) ? i : best), 0);
  const parts = series
    .map((s) => ({ label: s.label, ms: s.data.reduce((a, b) => a + b, 0) }))
    .filter((s) => s.ms > 0)
    .map((s) => `${s.label} ${formatDuration(s.ms)}`);
  const busy = `${what}. Busiest: ${names[busiest] ?? ''}, ${formatDuration(totals[busiest] ?? 0)}.`;
  return withTotals && parts.length > 0 ? `${busy} In all: ${parts.join(', ')}.` : busy;
}

/** The colours the user chose, by category name. */
export function chosenColours(
  categories: ReadonlyArray<{ name: string; colour: string | null }>,
): Map<string, string> {
  return new Map(categories.flatMap((c) => (c.colour === null ? [] : [[c.name, c.colour] as const])));
}
