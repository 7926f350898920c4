interface Option<K extends string> {
  key: K;
  label: string;
}

interface Props<K extends string> {
  label: string;
  options: Option<K>[];
  value: K;
  onChange: (key: K) => void;
}

/** A segmented control: buttons with aria-pressed in a labelled group. */
export function ToggleGroup<K extends string>({ label, options, value, onChange }: Props<K>) {
  return (
    <div role="group" aria-label={label} className="segmented">
      {options.map((o) => (
        <button key={o.key} type="button" aria-pressed={o.key === value} onClick={() => onChange(o.key)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
