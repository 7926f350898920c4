/** Placeholder cards while the first report loads. */
export function Skeleton() {
  return (
    <div className="grid" aria-hidden="true">
      {['span-5', 'span-7', 'span-5', 'span-7', 'span-12'].map((span, i) => (
        <div key={i} className={`card skeleton ${span}`}>
          <div className="skeleton-line short" />
          <div className="skeleton-block" />
        </div>
      ))}
    </div>
  );
}
