import type { Report } from '../../../app/shared/report.ts';
import { Section } from './Section.tsx';
import { SubjectTable } from './SubjectTable.tsx';

const TOP = 10;

/** Where the most time went to unproductive categories; each one can be reclassified in place. */
export function ShrinkageSection({ report, rangeText }: { report: Report; rangeText: string }) {
  return (
    <Section title="Top shrinkage" subtitle="Time lost to unproductive categories" className="span-7">
      <SubjectTable
        subjects={report.shrinkage.slice(0, TOP)}
        total={report.total_ms}
        caption={`Subjects in unproductive categories, ${rangeText}`}
        showProductivity={false}
        showKind
        empty="Nothing unproductive in this range."
      />
    </Section>
  );
}
