import type { ProductivityOrNone } from '../../../app/shared/report.ts';
import { PRODUCTIVITY_LABELS } from '../lib/productivity.ts';

/** A productivity as a small coloured label. */
export function ProductivityChip({ productivity }: { productivity: ProductivityOrNone }) {
  return <span className={`chip chip-${productivity}`}>{PRODUCTIVITY_LABELS[productivity]}</span>;
}
