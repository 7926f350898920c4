import { formatShare } from '../../../app/shared/format.ts';

interface Props {
  ms: number;
  /** The share's denominator: the range's tracked time. */
  total: number;
  /** The longest row: the bar's full width. */
  max: number;
  color?: string;
}

/** A share of tracked time as a percentage and a thin bar scaled to the longest row. */
export function ShareBar({ ms, total, max, color }: Props) {
  const width = max > 0 ? Math.max(2, (ms / max) * 100) : 0;
  return (
    <div className="share">
      <span className="share-value">{formatShare(ms, total)}</span>
      <span className="share-track" aria-hidden="true">
        <span
          className="share-fill"
          style={{ width: `${width}%`, ...(color ? { background: color } : {}) }}
        />
      </span>
    </div>
  );
}
