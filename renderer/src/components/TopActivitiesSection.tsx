import { useState } from 'react';
import type { Report } from '../../../app/shared/report.ts';
import { CategoryTable } from './CategoryTable.tsx';
import { Section } from './Section.tsx';
import { SubjectTable } from './SubjectTable.tsx';
import { Tabs, type Tab } from './Tabs.tsx';

type TabKey = 'domains' | 'apps' | 'categories';
const TABS: Tab<TabKey>[] = [
  { key: 'domains', label: 'Domains' },
  { key: 'apps', label: 'Apps' },
  { key: 'categories', label: 'Categories' },
];
const TOP = 15;

/** The top domains, apps and categories of the range, each reclassified in place. */
export function TopActivitiesSection({ report, rangeText }: { report: Report; rangeText: string }) {
  const [tab, setTab] = useState<TabKey>('domains');
  const total = report.total_ms;
  return (
    <Section
      title="Top activities"
      subtitle={`The ${TOP} biggest, with their share of tracked time`}
      className="span-12"
    >
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} label="Activity breakdown">
        {tab === 'categories' ? (
          <CategoryTable
            rows={report.categories.slice(0, TOP)}
            total={total}
            caption={`Top categories, ${rangeText}`}
          />
        ) : (
          <SubjectTable
            subjects={report.subjects
              .filter((s) => s.kind === (tab === 'domains' ? 'domain' : 'app'))
              .slice(0, TOP)}
            total={total}
            caption={`Top ${tab}, ${rangeText}`}
            empty={
              tab === 'domains'
                ? 'No websites in this range. The browser extension reports the sites you visit.'
                : 'No apps in this range.'
            }
          />
        )}
      </Tabs>
    </Section>
  );
}
