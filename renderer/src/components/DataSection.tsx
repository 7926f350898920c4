import { PurgeForm } from './PurgeForm.tsx';
import { Section } from './Section.tsx';

/** The Data card: what is recorded, out and gone. */
export function DataSection({ className }: { className: string }) {
  return (
    <Section title="Your data" subtitle="Everything stays in one file on this machine" className={className}>
      <PurgeForm />
    </Section>
  );
}
