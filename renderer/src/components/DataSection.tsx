import type { ImportSummary } from '../../../app/shared/api/data-import.ts';
import { ImportForm } from './ImportForm.tsx';
import { Section } from './Section.tsx';

interface Props {
  /** What the last import did, kept by the dashboard across its reloads. */
  lastImport: ImportSummary | null;
  onImported: (summary: ImportSummary | null) => void;
  className: string;
}

/** The user's data as a whole: bringing history in (and, beside it, taking it out and deleting it). */
export function DataSection({ lastImport, onImported, className }: Props) {
  return (
    <Section title="Your data" subtitle="In one file on this machine" className={`data-card ${className}`}>
      <ImportForm summary={lastImport} onImported={onImported} />
    </Section>
  );
}
