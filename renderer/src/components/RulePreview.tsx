/**
 * What a rule being written would do, before it is saved: how many apps or sites it takes into its category
 * and their time in the range on screen, and which matching ones keep their own category (set by hand, or
 * decided by a rule tried earlier). Asked again a moment after each change of the form.
 */
import { useEffect, useState } from 'react';
import { formatDuration } from '../../../app/shared/format.ts';
import type { RulePreview as Preview } from '../../../app/shared/api/index.ts';
import type { RuleField, RuleMatch } from '../../../app/shared/planning.ts';
import { api, describeError } from '../lib/api.ts';
import { formatRange, rangeInstants, type DayRange } from '../lib/ranges.ts';

const DELAY_MS = 300;
const SHOWN = 4;

interface Props {
  field: RuleField;
  match: RuleMatch;
  pattern: string;
  range: DayRange;
}

type State = { kind: 'idle' } | { kind: 'ok'; preview: Preview } | { kind: 'error'; message: string };

const noun = (field: RuleField, n: number) =>
  field === 'app' ? (n === 1 ? 'app' : 'apps') : n === 1 ? 'site' : 'sites';

export function RulePreview({ field, match, pattern, range }: Props) {
  const [answer, setState] = useState<{ key: string; state: State }>({ key: '', state: { kind: 'idle' } });
  const trimmed = pattern.trim();
  const asking = trimmed !== '' && field !== 'title';
  // An answer shows only while the form still says what it was for.
  const key = JSON.stringify([field, match, trimmed, range]);
  const state: State = asking && answer.key === key ? answer.state : { kind: 'idle' };
  useEffect(() => {
    if (!asking) return;
    let live = true;
    const timer = setTimeout(() => {
      const { from, to } = rangeInstants(range);
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      api
        .previewRule({
          body: { field, match, pattern: trimmed, from: from.toISOString(), to: to.toISOString(), tz },
        })
        .then((preview) => live && setState({ key, state: { kind: 'ok', preview } }))
        .catch(
          (error: unknown) =>
            live && setState({ key, state: { kind: 'error', message: describeError(error) } }),
        );
    }, DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [asking, key, field, match, trimmed, range]);

  if (field === 'title')
    return (
      <p className="rule-preview muted small">A title rule’s time shows in the report once it is saved.</p>
    );
  if (state.kind === 'idle') return null;
  if (state.kind === 'error') return <p className="rule-preview muted small">{state.message}</p>;
  const { preview } = state;
  const kept = preview.matches.filter((m) => m.outcome !== 'applies');
  const applying = preview.matches.filter((m) => m.outcome === 'applies');
  return (
    <div className="rule-preview small" role="status" aria-label="What this rule matches">
      <p>
        {preview.subjects === 0 && preview.kept === 0 ? (
          <>Matches nothing with time in {formatRange(range)}.</>
        ) : (
          <>
            Takes <strong>{preview.subjects}</strong> {noun(field, preview.subjects)} ·{' '}
            <strong>{formatDuration(preview.ms)}</strong> in {formatRange(range)}
            {applying.length > 0 ? (
              <span className="muted">
                {' '}
                (
                {applying
                  .slice(0, SHOWN)
                  .map((m) => m.name)
                  .join(', ')}
                {preview.subjects > Math.min(SHOWN, applying.length) ? ', …' : ''})
              </span>
            ) : null}
          </>
        )}
      </p>
      {kept.length > 0 ? (
        <p className="muted">
          {preview.kept} keep{preview.kept === 1 ? 's' : ''} {preview.kept === 1 ? 'its' : 'their'} category (
          {formatDuration(preview.kept_ms)}):{' '}
          {kept
            .slice(0, SHOWN)
            .map(
              (m) =>
                `${m.name} → ${m.category ?? 'none'} (${m.outcome === 'kept_by_user' ? 'set by hand' : 'an earlier rule'})`,
            )
            .join('; ')}
          {preview.kept > Math.min(SHOWN, kept.length) ? '; …' : ''}
        </p>
      ) : null}
    </div>
  );
}
