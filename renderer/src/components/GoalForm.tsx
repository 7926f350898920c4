import { useId, useState, type FormEvent } from 'react';
import { formatDuration } from '../../../app/shared/format.ts';
import {
  GOAL_DIRECTIONS,
  GOAL_PERIODS,
  type GoalDirection,
  type Goal,
  type GoalPeriod,
} from '../../../app/shared/planning.ts';
import type { Failure, PlanningActions } from '../hooks/usePlanningActions.ts';
import { parseDuration } from '../lib/durations.ts';
import { DIRECTION_LABELS } from '../lib/goals.ts';
import { CategoryPicker } from './CategoryPicker.tsx';

const PER: Record<GoalPeriod, string> = { day: 'per day', week: 'per week' };
const DAY_MS = 86_400_000;

interface Props {
  actions: PlanningActions;
  /** The goal being edited (the form then saves it), else a new one is added. */
  goal?: Goal | undefined;
  /** Called once an edit is saved, or cancelled. */
  onDone?: (() => void) | undefined;
}

/** "At most [1h 30m] per [day] in [category] [Add goal]": one line, wrapping in narrow cards. */
export function GoalForm({ actions, goal, onDone }: Props) {
  const errorId = useId();
  const [direction, setDirection] = useState<GoalDirection>(goal?.direction ?? 'at_most');
  const [amount, setAmount] = useState(goal ? formatDuration(goal.target_ms) : '');
  const [period, setPeriod] = useState<GoalPeriod>(goal?.period ?? 'day');
  const [category, setCategory] = useState(goal?.category ?? '');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = parseDuration(amount);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (parsed === null || parsed <= 0) {
      setFailure({ message: 'Write the time as 1h 30m, 90m or 1:30.', field: 'target_ms' });
      return;
    }
    if (period === 'day' && parsed > DAY_MS) {
      setFailure({ message: 'A daily goal is at most 24 hours.', field: 'target_ms' });
      return;
    }
    if (!category) {
      setFailure({ message: 'Pick the category the goal is about.', field: 'category' });
      return;
    }
    setBusy(true);
    const body = { category, direction, period, target_ms: parsed };
    const failed = goal ? await actions.updateGoal(goal, body) : await actions.createGoal(body);
    setBusy(false);
    setFailure(failed);
    if (failed) return;
    if (goal) onDone?.();
    else setAmount('');
  };

  const edited = (apply: () => void) => {
    apply();
    setFailure(null);
  };
  const invalid = (field: string) => failure?.field === field || undefined;

  return (
    <form
      className={`inline-form goal-form${goal ? ' goal-edit' : ''}`}
      aria-label={goal ? 'Edit goal' : 'New goal'}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <span className="form-group">
        <select
          aria-label="Goal direction"
          value={direction}
          onChange={(e) => edited(() => setDirection(e.target.value as GoalDirection))}
        >
          {GOAL_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {DIRECTION_LABELS[d]}
            </option>
          ))}
        </select>
        <span className="duration-input">
          <input
            type="text"
            inputMode="text"
            aria-label="Goal time"
            placeholder="1h 30m"
            size={7}
            value={amount}
            aria-invalid={invalid('target_ms')}
            aria-describedby={failure ? errorId : undefined}
            onChange={(e) => edited(() => setAmount(e.target.value))}
          />
          {parsed !== null && amount.trim() !== formatDuration(parsed) ? (
            <span className="duration-preview" aria-live="polite">
              = {formatDuration(parsed)}
            </span>
          ) : null}
        </span>
        <select
          aria-label="Goal period"
          value={period}
          onChange={(e) => edited(() => setPeriod(e.target.value as GoalPeriod))}
        >
          {GOAL_PERIODS.map((p) => (
            <option key={p} value={p}>
              {PER[p]}
            </option>
          ))}
        </select>
      </span>
      <span className="form-group grow">
        <span className="muted">in</span>
        <CategoryPicker
          className="grows"
          label="Goal category"
          value={category}
          invalid={invalid('category')}
          describedBy={failure ? errorId : undefined}
          onChange={(name) => edited(() => setCategory(name))}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {goal ? 'Save' : 'Add goal'}
        </button>
        {goal ? (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </span>
      {failure ? (
        <p id={errorId} className="form-error form-error-line" role="alert">
          {failure.message}
        </p>
      ) : null}
    </form>
  );
}
