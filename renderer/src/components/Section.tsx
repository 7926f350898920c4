import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  subtitle?: ReactNode;
  /** Controls at the right of the heading (toggles, tabs, a day picker). */
  actions?: ReactNode;
  className?: string;
  /** The card's element id, for links to it. */
  id?: string;
  children: ReactNode;
}

/** One card of the dashboard: a region named by its heading. */
export function Section({ title, subtitle, actions, className, id, children }: Props) {
  const headingId = useId();
  return (
    <section id={id} className={`card ${className ?? ''}`} aria-labelledby={headingId}>
      <header className="card-header">
        <div>
          <h2 id={headingId}>{title}</h2>
          {subtitle ? <p className="subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="card-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
