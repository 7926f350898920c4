import type { ReactNode } from 'react';
import type { DayRange } from '../lib/ranges.ts';
import { ExportForm } from './ExportForm.tsx';
import { PurgeForm } from './PurgeForm.tsx';
import { Section } from './Section.tsx';

/** Your data, out (and, with their own forms, in and deleted): the dashboard's range is what is exported. */
export function DataSection(props: {
  range: DayRange;
  rangeText: string;
  tz: string;
  className: string;
  children?: ReactNode;
}) {
  const { range, rangeText, tz, className, children } = props;
  return (
    <Section
      title="Your data"
      subtitle="Take it out at any time; nothing leaves this machine unless you move the file"
      className={`data-card ${className}`}
    >
      <div className="settings-grid">
        <ExportForm range={range} rangeText={rangeText} tz={tz} />
        <PurgeForm />
        {children}
      </div>
    </Section>
  );
}
