import { useState } from 'react';
import { titleSubjectName, type Rule } from '../../../app/shared/planning.ts';
import type { PlanningActions } from '../hooks/usePlanningActions.ts';
import type { Loaded } from '../lib/planning.ts';
import { FIELD_KINDS, FIELD_LABELS, MATCH_LABELS } from '../lib/rules.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { ProductivityChip } from './ProductivityChip.tsx';
import { RuleForm } from './RuleForm.tsx';
import { Section } from './Section.tsx';
import type { DayRange } from '../lib/ranges.ts';

interface Props {
  rules: Loaded<Rule[]>;
  actions: PlanningActions;
  onRetry: () => void;
  className: string;
  /** The range on screen: a rule being written says what it matches there. */
  range?: DayRange | undefined;
}

const describeRule = (rule: Rule) =>
  `${FIELD_LABELS[rule.field]} ${MATCH_LABELS[rule.match]} ${rule.pattern}`;

/**
 * The user's categorization rules, in the order they are tried (the first that matches decides), with moving,
 * deleting and a form to add one. A category chosen for a subject by hand still wins over every rule. A title
 * rule's row says what its windows count as ("Code — jira"), since that is the name the Apps list shows.
 */
export function RulesSection({ rules, actions, onRetry, className, range }: Props) {
  return (
    <Section
      title="Rules"
      subtitle="Tried from the top; the first match categorizes what you have not categorized by hand"
      className={className}
    >
      {!rules.ok ? (
        <LoadFailure what="the rules" error={rules.error} onRetry={onRetry} />
      ) : (
        <>
          {rules.value.length === 0 ? (
            <p className="empty-line">
              No rules yet. A rule categorizes every app or site it matches, now and later: say every
              subdomain of atlassian.net is Development, or every window whose title contains “jira” is Office
              & Planning.
            </p>
          ) : (
            <RuleList rules={rules.value} actions={actions} />
          )}
          <RuleForm actions={actions} range={range} />
        </>
      )}
    </Section>
  );
}

function RuleList({ rules, actions }: { rules: Rule[]; actions: PlanningActions }) {
  const [busy, setBusy] = useState<number | null>(null);
  const sorted = [...rules].sort((a, b) => a.position - b.position);
  const run = async (rule: Rule, call: () => Promise<boolean>) => {
    setBusy(rule.id);
    await call();
    setBusy(null);
  };
  return (
    <table className="ranked rule-table">
      <caption className="visually-hidden">Rules, in the order they are tried</caption>
      <thead>
        <tr>
          <th scope="col" className="rank">
            #
          </th>
          <th scope="col">When</th>
          <th scope="col">Category</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((rule, i) => {
          const before = sorted[i - 1];
          const after = sorted[i + 1];
          const what = describeRule(rule);
          return (
            <tr key={rule.id} data-rule-id={rule.id}>
              <td className="rank">{i + 1}</td>
              <th scope="row" className="rule-when">
                <span className="kind">{FIELD_KINDS[rule.field]}</span>
                {rule.match === 'domain' ? (
                  <>
                    <code>{rule.pattern}</code> <span className="muted">and subdomains</span>
                  </>
                ) : (
                  <>
                    <span className="muted">{MATCH_LABELS[rule.match]}</span> <code>{rule.pattern}</code>
                  </>
                )}
                {rule.field === 'title' ? (
                  <span className="muted rule-subject">
                    {' '}
                    · counts as “{titleSubjectName('‹app›', rule.pattern)}”
                  </span>
                ) : null}
              </th>
              <td className="rule-category">
                <span className="rule-category-name">{rule.category}</span>{' '}
                <ProductivityChip productivity={rule.productivity} />
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="icon-button small-icon ghost"
                  aria-label={`Move up: ${what}`}
                  title="Move up"
                  disabled={!before || busy !== null}
                  onClick={() => before && void run(rule, () => actions.moveRule(rule, before.position))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button small-icon ghost"
                  aria-label={`Move down: ${what}`}
                  title="Move down"
                  disabled={!after || busy !== null}
                  onClick={() => after && void run(rule, () => actions.moveRule(rule, after.position))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button small-icon ghost"
                  aria-label={`Delete rule: ${what}`}
                  title="Delete"
                  disabled={busy !== null}
                  onClick={() => void run(rule, () => actions.deleteRule(rule))}
                >
                  ×
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
