import { useState } from 'react';
import type { Report, SubjectKind, SubjectTotal } from '../../../app/shared/report.ts';
import { useActionsContext } from '../hooks/useActions.ts';
import { subjectPurge, usePurgeContext } from '../hooks/usePurge.ts';
import { Drilldown, type DrillLevel } from './Drilldown.tsx';
import { Section } from './Section.tsx';
import { CategoryList, SubjectList } from './SubjectList.tsx';
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
const NOUNS: Record<Exclude<TabKey, 'categories'>, string> = {
  domains: 'sites',
  apps: 'apps',
  logged: 'activities',
};

/**
 * Every domain, app and category of the range, searched, sorted and paged, each reclassified in place; the
 * activities logged by hand in a tab of their own when the range has any. A name opens a closer look: a
 * category's apps and sites, an app's window titles, a site's days.
 */
export function TopActivitiesSection({ report, rangeText }: { report: Report; rangeText: string }) {
  const { suggestions } = useActionsContext();
  const purge = usePurgeContext();
  const [tab, setTab] = useState<TabKey>('domains');
  const [path, setPath] = useState<DrillLevel[]>([]);
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
  const open = (level: DrillLevel) => setPath((p) => [...p, level]);
  const openSubject = (subject: SubjectTotal) => open({ kind: 'subject', subject });
  const selectTab = (key: TabKey) => {
    setTab(key);
    setPath([]);
  };
  return (
    <Section
      title="Top activities"
      subtitle="Everything tracked in the range, with its share of tracked time. Click a name for a closer look."
      className="span-12"
      id="activities"
      actions={
        suggestions.length > 0 ? (
          <a className="suggestions-link" href={`#${SUGGESTIONS_ID}`}>
            {suggestions.length} category {suggestions.length === 1 ? 'suggestion' : 'suggestions'}
          </a>
        ) : null
      }
    >
      <Tabs tabs={tabs} selected={selected} onSelect={selectTab} label="Activity breakdown">
        {path.length > 0 ? (
          <Drilldown
            path={path}
            rootLabel={`All ${tabs.find((t) => t.key === selected)?.label.toLowerCase() ?? ''}`}
            report={report}
            rangeText={rangeText}
            onNavigate={(depth) => setPath((p) => p.slice(0, depth))}
            onOpen={openSubject}
          />
        ) : selected === 'categories' ? (
          <CategoryList
            rows={report.categories}
            total={total}
            caption={`Categories, ${rangeText}`}
            onOpen={(row) => open({ kind: 'category', name: row.name })}
          />
        ) : (
          <SubjectList
            key={selected}
            subjects={report.subjects.filter((s) => s.kind === KIND_OF[selected])}
            total={total}
            caption={`${selected === 'logged' ? 'Logged activities' : selected === 'apps' ? 'Apps' : 'Domains'}, ${rangeText}`}
            noun={NOUNS[selected]}
            empty={EMPTY[selected]}
            onDelete={
              purge && selected !== 'logged'
                ? (s) => purge.ask(subjectPurge(selected === 'apps' ? 'app' : 'domain', s.name))
                : undefined
            }
            onOpen={openSubject}
          />
        )}
      </Tabs>
    </Section>
  );
}
