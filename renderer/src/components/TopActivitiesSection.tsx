import { useState } from 'react';
import type { Report, SubjectKind } from '../../../app/shared/report.ts';
import { useActionsContext } from '../hooks/useActions.ts';
import { subjectPurge, usePurgeContext } from '../hooks/usePurge.ts';
import { CategoryTable } from './CategoryTable.tsx';
import { Section } from './Section.tsx';
import { SubjectTable } from './SubjectTable.tsx';
import { SUGGESTIONS_ID } from './SuggestionsSection.tsx';
import { Tabs, type Tab } from './Tabs.tsx';

type TabKey = 'domains' | 'apps' | 'logged' | 'categories';
const KIND_OF: Record<Exclude<TabKey, 'categories'>, SubjectKind> = {
  domains: 'domain',
  apps: 'app',
  logged: 'manual',
};
const EMPTY: Record<Exclude<TabKey, 'categories'>, string> = {
  domains: 'No websites in this range. The browser extension reports the sites you visit.',
  apps: 'No apps in this range.',
  logged: 'Nothing logged by hand in this range.',
};
const TOP = 15;

/**
 * The top domains, apps and categories of the range, each reclassified in place; and the activities logged by
 * hand, in a tab of their own when the range has any.
 */
export function TopActivitiesSection({ report, rangeText }: { report: Report; rangeText: string }) {
  const { suggestions } = useActionsContext();
  const purge = usePurgeContext();
  const [tab, setTab] = useState<TabKey>('domains');
  const total = report.total_ms;
  const logged = report.subjects.some((s) => s.kind === 'manual');
  const tabs: Tab<TabKey>[] = [
    { key: 'domains', label: 'Domains' },
    { key: 'apps', label: 'Apps' },
    ...(logged ? [{ key: 'logged' as const, label: 'Logged' }] : []),
    { key: 'categories', label: 'Categories' },
  ];
  // A tab that went away (the last logged entry deleted) falls back to the first.
  const selected = tabs.some((t) => t.key === tab) ? tab : 'domains';
  return (
    <Section
      title="Top activities"
      subtitle={`The ${TOP} biggest, with their share of tracked time`}
      className="span-12"
      actions={
        suggestions.length > 0 ? (
          <a className="suggestions-link" href={`#${SUGGESTIONS_ID}`}>
            {suggestions.length} category {suggestions.length === 1 ? 'suggestion' : 'suggestions'}
          </a>
        ) : null
      }
    >
      <Tabs tabs={tabs} selected={selected} onSelect={setTab} label="Activity breakdown">
        {selected === 'categories' ? (
          <CategoryTable
            rows={report.categories.slice(0, TOP)}
            total={total}
            caption={`Top categories, ${rangeText}`}
          />
        ) : (
          <SubjectTable
            subjects={report.subjects.filter((s) => s.kind === KIND_OF[selected]).slice(0, TOP)}
            total={total}
            caption={`Top ${selected === 'logged' ? 'logged activities' : selected}, ${rangeText}`}
            empty={EMPTY[selected]}
            onDelete={
              purge && selected !== 'logged'
                ? (s) => purge.ask(subjectPurge(selected === 'apps' ? 'app' : 'domain', s.name))
                : undefined
            }
          />
        )}
      </Tabs>
    </Section>
  );
}
