import { useState } from 'react';
import { formatDuration } from '../../../app/shared/format.ts';
import type { Suggestion } from '../../../app/shared/planning.ts';
import { useActionsContext } from '../hooks/useActions.ts';
import type { Loaded } from '../lib/planning.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { Section } from './Section.tsx';
import { KIND_BADGES } from './SubjectTable.tsx';

/** Shown before "Show all". */
const FIRST = 6;

export const SUGGESTIONS_ID = 'suggestions';

interface Props {
  suggestions: Loaded<Suggestion[]>;
  onRetry: () => void;
  className: string;
}

/**
 * Categories the learned classifier proposes for apps and sites without one, the ones with the most recent
 * time first. Nothing is applied until the user accepts it (one click each).
 */
export function SuggestionsSection({ suggestions, onRetry, className }: Props) {
  const [all, setAll] = useState(false);
  const list = suggestions.ok ? suggestions.value : [];
  const shown = all ? list : list.slice(0, FIRST);
  return (
    <Section
      id={SUGGESTIONS_ID}
      title="Suggestions"
      subtitle="Categories for uncategorized apps and sites, learned from your own choices"
      className={className}
    >
      {!suggestions.ok ? (
        <LoadFailure what="suggestions" error={suggestions.error} onRetry={onRetry} />
      ) : list.length === 0 ? (
        <p className="empty-line">
          Nothing to suggest: the apps and sites you used lately all have a category.
        </p>
      ) : (
        <>
          <ul className="suggestions" aria-label="Suggested categories">
            {shown.map((s) => (
              <SuggestionRow key={`${s.kind}:${s.name}`} suggestion={s} />
            ))}
          </ul>
          {list.length > FIRST ? (
            <button type="button" className="link-button" onClick={() => setAll(!all)}>
              {all ? 'Show fewer' : `Show all ${list.length}`}
            </button>
          ) : null}
        </>
      )}
    </Section>
  );
}

function SuggestionRow({ suggestion: s }: { suggestion: Suggestion }) {
  const { setSubjectCategory } = useActionsContext();
  const [busy, setBusy] = useState(false);
  return (
    <li className="suggestion-row" data-suggestion={`${s.kind}:${s.name}`}>
      <span className="suggestion-subject">
        <span className="suggestion-line">
          <span className="kind" aria-hidden="true">
            {KIND_BADGES[s.kind]}
          </span>
          <span className="name-text" title={s.name}>
            {s.name}
          </span>
        </span>
        <span className="suggestion-detail">{formatDuration(s.recent_ms)} in the last 30 days</span>
      </span>
      <span className="suggestion-category">
        <span className="suggestion-line">
          <span className="swatch" style={{ background: `var(--${s.productivity})` }} aria-hidden="true" />
          <span className="name-text" title={s.category}>
            {s.category}
          </span>
        </span>
        <span className="suggestion-detail" title="How sure the classifier is">
          {Math.round(s.confidence * 100)}% sure
        </span>
      </span>
      <button
        type="button"
        className="button small"
        aria-label={`Accept ${s.category} for ${s.name}`}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void setSubjectCategory(s.kind, s.name, s.category).then((ok) => {
            if (!ok) setBusy(false);
          });
        }}
      >
        Accept
      </button>
      {/* "No category" as the user's own choice: the subject is decided, and no longer suggested for. */}
      <button
        type="button"
        className="icon-button small-icon ghost"
        aria-label={`Dismiss: keep ${s.name} without a category`}
        title="Keep it without a category"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void setSubjectCategory(s.kind, s.name, null).then((ok) => {
            if (!ok) setBusy(false);
          });
        }}
      >
        ×
      </button>
    </li>
  );
}
