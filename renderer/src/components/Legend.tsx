export interface LegendItem {
  label: string;
  color: string;
  /** A longer explanation, shown on hover. */
  title?: string;
  /** An extra class of the swatch (the hatch of time logged by hand). */
  swatchClass?: string;
}

/** The colour key of a chart, as a list (charts draw none of their own). */
export function Legend({ items, label }: { items: LegendItem[]; label: string }) {
  return (
    <ul className="legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.label} title={item.title}>
          <span
            className={`swatch${item.swatchClass ? ` ${item.swatchClass}` : ''}`}
            style={{ background: item.color }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
