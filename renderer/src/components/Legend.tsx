export interface LegendItem {
  label: string;
  color: string;
}

/** The colour key of a chart, as a list (charts draw none of their own). */
export function Legend({ items, label }: { items: LegendItem[]; label: string }) {
  return (
    <ul className="legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.label}>
          <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
