import { useEffect, useId, useRef, useState } from 'react';
import type { PurgePreview } from '../../../app/shared/api/data-purge.ts';
import { formatDuration } from '../../../app/shared/format.ts';
import { describePurge, purgesNothing } from '../../../app/shared/purge-text.ts';
import { api, describeError } from '../lib/api.ts';
import type { Notice } from '../hooks/useNotices.ts';
import type { PurgeRequest } from '../hooks/usePurge.ts';

const SHOWN_SUBJECTS = 6;

type State =
  | { step: 'counting' }
  | { step: 'failed'; error: string }
  | { step: 'ready'; preview: PurgePreview }
  | { step: 'deleting'; preview: PurgePreview };

/**
 * "Delete reddit.com and its subdomains?": what the app counts it would take (events, time, the names), and
 * a button that names the time it deletes. Cancel has the focus; Escape cancels. Nothing is deleted before
 * the button is pressed, and deleting cannot be undone, which the dialog says.
 */
export function PurgeDialog(props: {
  request: PurgeRequest;
  onClose: () => void;
  reload: () => Promise<void>;
  notify: (kind: Notice['kind'], text: string) => void;
}) {
  const { request, onClose, reload, notify } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, setState] = useState<State>({ step: 'counting' });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    let live = true;
    api.previewPurge({ query: request.query }).then(
      (preview) => live && setState({ step: 'ready', preview }),
      (error: unknown) => live && setState({ step: 'failed', error: describeError(error) }),
    );
    return () => {
      live = false;
    };
  }, [request]);

  const remove = async (preview: PurgePreview) => {
    setState({ step: 'deleting', preview });
    try {
      const done = await api.purgeData({ query: request.query });
      await reload();
      const kept = done.copies.filter((c) => !c.purged).map((c) => c.file);
      notify(
        kept.length > 0 ? 'error' : 'success',
        `Deleted ${request.what}: ${describePurge(done)}` +
          (kept.length > 0 ? `. Could not purge ${kept.join(', ')}: delete it yourself.` : ''),
      );
      onClose();
    } catch (error) {
      setState({ step: 'failed', error: `Nothing was deleted: ${describeError(error)}` });
    }
  };

  const preview = state.step === 'ready' || state.step === 'deleting' ? state.preview : null;
  const empty = preview !== null && purgesNothing(preview);
  return (
    <dialog
      ref={ref}
      className="purge-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (state.step !== 'deleting') onClose();
      }}
    >
      <h2 id={titleId}>Delete {request.what}?</h2>
      {state.step === 'counting' ? (
        <p className="muted" role="status">
          Counting what would be deleted…
        </p>
      ) : null}
      {state.step === 'failed' ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {preview && empty ? <p>Nothing is recorded for {request.what}: there is nothing to delete.</p> : null}
      {preview && !empty ? (
        <>
          <p className="purge-time">
            <strong>{formatDuration(preview.tracked_ms)}</strong> of tracked time
          </p>
          <p className="purge-counts">{describePurge(preview).split(';')[0]}</p>
          {preview.subjects.length > 0 ? (
            <ul className="purge-subjects">
              {preview.subjects.slice(0, SHOWN_SUBJECTS).map((s) => (
                <li key={`${s.kind}:${s.name}`}>
                  <span className="purge-subject-name">{s.name}</span>
                  <span className="num">{formatDuration(s.ms)}</span>
                </li>
              ))}
              {preview.subjects.length > SHOWN_SUBJECTS ? (
                <li className="muted">and {preview.subjects.length - SHOWN_SUBJECTS} more</li>
              ) : null}
            </ul>
          ) : null}
          <p className="purge-warning">
            This cannot be undone. The events go from the database file and from the backups in your data
            folder; reports change at once.
          </p>
        </>
      ) : null}
      <div className="purge-actions">
        <button
          type="button"
          className="button"
          autoFocus
          onClick={onClose}
          disabled={state.step === 'deleting'}
        >
          {empty || state.step === 'failed' ? 'Close' : 'Cancel'}
        </button>
        {preview && !empty ? (
          <button
            type="button"
            className="button danger"
            disabled={state.step === 'deleting'}
            onClick={() => void remove(preview)}
          >
            {state.step === 'deleting'
              ? 'Deleting…'
              : `Delete ${formatDuration(preview.tracked_ms)} of ${request.what}`}
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
