import type { Notice } from '../hooks/useNotices.ts';

interface Props {
  notices: Notice[];
  onDismiss: (id: number) => void;
}

/**
 * Confirmations (a polite status region) and errors (an alert region) in the corner of the page. Both regions
 * are always present so that screen readers announce what appears in them.
 */
export function Notices({ notices, onDismiss }: Props) {
  const render = (kind: Notice['kind']) =>
    notices
      .filter((n) => n.kind === kind)
      .map((n) => (
        <div key={n.id} className={`toast toast-${n.kind}`}>
          <span>{n.text}</span>
          {n.action ? (
            <button
              type="button"
              className="button small toast-action"
              onClick={() => {
                onDismiss(n.id);
                n.action?.run();
              }}
            >
              {n.action.label}
            </button>
          ) : null}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ));
  return (
    <div className="toasts">
      <div role="status">{render('success')}</div>
      <div role="alert">{render('error')}</div>
    </div>
  );
}

/** Shown while Time Audit cannot be reached; the dashboard keeps trying. */
export function DisconnectedBanner({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="banner" role="alert">
      <strong>Disconnected.</strong> Time Audit is not reachable; is <code>timeaudit serve</code> still
      running? Retrying every few seconds.
      <button type="button" className="button small" onClick={onRetry}>
        Retry now
      </button>
    </div>
  );
}
