/** What every import takes and how it reports: options, progress, and the summary of what became of the file. */
import type { ImportSourceSummary, ImportSummary } from '../../shared/api/data-import.ts';
import type { Exclusions } from '../../core/exclusions.ts';

export interface ImportProgress {
  /** Reading the file (done: bytes), then storing what it holds (done: events). */
  phase: 'reading' | 'storing';
  done: number;
}

export interface ImportOptions {
  /** The clock that decides whether an event ends in the future. */
  now: () => number;
  /** Apps and domains the user never wants recorded (the settings): their events are skipped and counted. */
  exclusions?: Exclusions;
  /** More bytes than this is refused (TooLargeError), having stored nothing. */
  limitBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** Skipped events, counted by reason. */
export class SkipCounts {
  private readonly counts = new Map<string, number>();

  static of(reason: string, count: number): SkipCounts {
    const counts = new SkipCounts();
    if (count > 0) counts.counts.set(reason, count);
    return counts;
  }

  add(reason: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  list(): { reason: string; count: number }[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  }
}

export function summarize(
  format: ImportSummary['format'],
  bytes: number,
  sources: ImportSourceSummary[],
): ImportSummary {
  const sum = (f: (s: ImportSourceSummary) => number) => sources.reduce((n, s) => n + f(s), 0);
  return {
    format,
    bytes,
    events: sum((s) => s.events),
    stored: sum((s) => s.stored),
    duplicates: sum((s) => s.duplicates),
    skipped: sum((s) => s.skipped.reduce((n, k) => n + k.count, 0)),
    sources,
  };
}

/** A file larger than the import's limit: refused, having stored nothing. */
export class TooLargeError extends Error {}
