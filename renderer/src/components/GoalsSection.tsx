import { useState } from 'react';
import { formatDuration } from '../../../app/shared/format.ts';
import type { GoalProgress } from '../../../app/shared/planning.ts';
import type { PlanningActions } from '../hooks/usePlanningActions.ts';
import { STATE_TONES, describeGoal, describePeriod, describeState, progressPercent } from '../lib/goals.ts';
import type { Loaded } from '../lib/planning.ts';
import { GoalForm } from './GoalForm.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { Section } from './Section.tsx';

interface Props {
  goals: Loaded<GoalProgress[]>;
  actions: PlanningActions;
  onRetry: () => void;
}

/**
 * The user's goals with their progress in the current day or week (whatever range the page shows), and a
 * small form to add one.
 */
export function GoalsSection({ goals, actions, onRetry }: Props) {
  return (
    <Section title="Goals" subtitle="Progress today and this week" className="span-5 goals-section">
      {!goals.ok ? (
        <LoadFailure what="goals" error={goals.error} onRetry={onRetry} />
      ) : (
        <>
          {goals.value.length === 0 ? (
            <p className="empty-line goals-empty">
              No goals yet. Set a limit (at most 1h a day on social media) or a minimum (at least 20h a week
              of development).
            </p>
          ) : (
            <ul className="goals" aria-label="Goals">
              {goals.value.map((goal) => (
                <GoalRow key={goal.id} goal={goal} actions={actions} />
              ))}
            </ul>
          )}
          <GoalForm actions={actions} />
        </>
      )}
    </Section>
  );
}

function GoalRow({ goal, actions }: { goal: GoalProgress; actions: PlanningActions }) {
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const title = `${describeGoal(goal)} in ${goal.category}`;
  const figures = `${formatDuration(goal.done_ms)} of ${formatDuration(goal.target_ms)}`;
  const period = describePeriod(goal);
  const state = describeState(goal);
  return (
    <li className={`goal goal-${STATE_TONES[goal.state]}`} data-goal-id={goal.id} data-state={goal.state}>
      <div className="goal-head">
        <p className="goal-title">
          {describeGoal(goal)} <span className="muted">in</span> <strong>{goal.category}</strong>
        </p>
        <span className="goal-period">{period}</span>
        <button
          type="button"
          className="icon-button small-icon ghost"
          aria-label={`Edit goal: ${title}`}
          aria-expanded={editing}
          title="Edit this goal"
          onClick={() => setEditing(!editing)}
        >
          ✎
        </button>
        <button
          type="button"
          className="icon-button small-icon ghost"
          aria-label={`Delete goal: ${title}`}
          title="Delete this goal"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void actions.deleteGoal(goal).then((ok) => {
              if (!ok) setBusy(false);
            });
          }}
        >
          ×
        </button>
      </div>
      <div
        className="goal-bar"
        role="progressbar"
        aria-label={`${title}, ${period.toLowerCase()}`}
        aria-valuemin={0}
        aria-valuemax={Math.round(goal.target_ms / 60_000)}
        aria-valuenow={Math.round(Math.min(goal.done_ms, goal.target_ms) / 60_000)}
        aria-valuetext={`${figures}, ${state.toLowerCase()}`}
      >
        <span className="goal-fill" style={{ width: `${progressPercent(goal)}%` }} />
      </div>
      <p className="goal-figures">
        <span data-testid="goal-done">{figures}</span>
        <span className="goal-state">{state}</span>
      </p>
      {editing ? <GoalForm actions={actions} goal={goal} onDone={() => setEditing(false)} /> : null}
    </li>
  );
}
