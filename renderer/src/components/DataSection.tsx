import type { ReactNode } from 'react';
import type { ImportSummary } from '../../../app/shared/api/data-import.ts';
import type { DayRange } from '../lib/ranges.ts';
import { ExportForm } from './ExportForm.tsx';
import { ImportForm } from './ImportForm.tsx';
import { PurgeForm } from './PurgeForm.tsx';
import { Section } from './Section.tsx';

interface Props {
  /** The range on screen: what is exported. */
  range: DayRange;
  rangeText: string;
  tz: string;
  /** What the last import did, kept by the dashboard across its reloads. */
  lastImport: ImportSummary | null;
  onImported: (summary: ImportSummary | null) => void;
  className: string;
  children?: ReactNode;
}

/** The user's data as a whole: taking it out, bringing history in, and deleting it. */
export function DataSection(props: Props) {
  const { range, rangeText, tz, lastImport, onImported, className, children } = props;
  return (
    <Section
      title="Your data"
      subtitle="In one file on this machine; take it out at any time, nothing leaves unless you move the file"
      className={`data-card ${className}`}
    >
      <div className="settings-grid">
        <ExportForm range={range} rangeText={rangeText} tz={tz} />
        <ImportForm summary={lastImport} onImported={onImported} />
        <PurgeForm />
        {children}
      </div>
    </Section>
  );
}
