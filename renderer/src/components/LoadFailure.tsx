import { describeError } from '../lib/api.ts';

/** What a section shows when its own data did not load; the rest of the page goes on working. */
export function LoadFailure({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <div className="notice-inline load-failure" role="status">
      <span>
        Could not load {what}: {describeError(error)}
      </span>
      <button type="button" className="button small" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
