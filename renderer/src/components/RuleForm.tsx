import { useId, useState, type FormEvent } from 'react';
import { MATCHES_OF, RULE_FIELDS, type RuleField, type RuleMatch } from '../../../app/shared/planning.ts';
import type { Failure, PlanningActions } from '../hooks/usePlanningActions.ts';
import { FIELD_LABELS, MATCH_LABELS, PATTERN_EXAMPLES } from '../lib/rules.ts';
import { CategoryPicker } from './CategoryPicker.tsx';
import type { DayRange } from '../lib/ranges.ts';
import { RulePreview } from './RulePreview.tsx';

/** "[Site] [is, or a subdomain of] [github.com] → [Development] [Add rule]"; the API's refusals show below. */
export function RuleForm({ actions, range }: { actions: PlanningActions; range?: DayRange | undefined }) {
  const errorId = useId();
  const [field, setField] = useState<RuleField>('domain');
  const [match, setMatch] = useState<RuleMatch>('domain');
  const [pattern, setPattern] = useState('');
  const [category, setCategory] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pattern.trim()) return setFailure({ message: 'Give the pattern to match.', field: 'pattern' });
    if (!category) return setFailure({ message: 'Pick the category it gives.', field: 'category' });
    setBusy(true);
    const failed = await actions.createRule({ field, match, pattern: pattern.trim(), category });
    setBusy(false);
    setFailure(failed);
    if (!failed) setPattern('');
  };
  const edited = (apply: () => void) => {
    apply();
    setFailure(null);
  };
  const invalid = (name: string) => failure?.field === name || undefined;
  const describedBy = failure ? errorId : undefined;

  return (
    <form className="inline-form rule-form" aria-label="New rule" onSubmit={(e) => void submit(e)} noValidate>
      <span className="form-group grow">
        <select
          aria-label="Rule applies to"
          value={field}
          onChange={(e) =>
            edited(() => {
              const next = e.target.value as RuleField;
              setField(next);
              if (!MATCHES_OF[next].includes(match)) setMatch(MATCHES_OF[next][0]!);
            })
          }
        >
          {RULE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {FIELD_LABELS[f]}
            </option>
          ))}
        </select>
        <select
          aria-label="How the rule matches"
          value={match}
          aria-invalid={invalid('match')}
          onChange={(e) => edited(() => setMatch(e.target.value as RuleMatch))}
        >
          {MATCHES_OF[field].map((m) => (
            <option key={m} value={m}>
              {MATCH_LABELS[m]}
            </option>
          ))}
        </select>
        <input
          type="text"
          className="rule-pattern grows"
          aria-label="Rule pattern"
          placeholder={PATTERN_EXAMPLES[match]}
          maxLength={256}
          spellCheck={false}
          value={pattern}
          aria-invalid={invalid('pattern')}
          aria-describedby={describedBy}
          onChange={(e) => edited(() => setPattern(e.target.value))}
        />
      </span>
      <span className="form-group">
        <span className="muted" aria-hidden="true">
          →
        </span>
        <CategoryPicker
          label="Rule category"
          value={category}
          invalid={invalid('category')}
          describedBy={describedBy}
          onChange={(name) => edited(() => setCategory(name))}
        />
        <button type="submit" className="button primary" disabled={busy}>
          Add rule
        </button>
      </span>
      {failure ? (
        <p id={errorId} className="form-error form-error-line" role="alert">
          {failure.message}
        </p>
      ) : null}
      {range ? <RulePreview field={field} match={match} pattern={pattern} range={range} /> : null}
    </form>
  );
}
