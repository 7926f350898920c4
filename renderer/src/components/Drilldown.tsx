import { useEffect, useRef } from 'react';
import { formatDuration } from '../../../app/shared/format.ts';
import type { Report, SubjectTotal } from '../../../app/shared/report.ts';
import { DaysView } from './DaysView.tsx';
import { SubjectList } from './SubjectList.tsx';
import { KIND_BADGES } from './SubjectTable.tsx';
import { TitlesView } from './TitlesView.tsx';

/** One level of a closer look: a category's subjects, or one subject (an app's titles, a site's days). */
export type DrillLevel =
  { kind: 'category'; name: string | null } | { kind: 'subject'; subject: SubjectTotal };

const levelName = (level: DrillLevel): string =>
  level.kind === 'category' ? (level.name ?? 'No category') : level.subject.name;

interface Props {
  /** From the list down to what is shown; never empty. */
  path: DrillLevel[];
  /** The list the path started from ("Apps", "Categories"). */
  rootLabel: string;
  report: Report;
  rangeText: string;
  /** Shows the first `depth` levels: 0 is the list again. */
  onNavigate: (depth: number) => void;
  onOpen: (subject: SubjectTotal) => void;
}

/** The closer look, with a breadcrumb back to the list; Escape goes back one level. */
export function Drilldown({ path, rootLabel, report, rangeText, onNavigate, onOpen }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const level = path[path.length - 1];
  // The view changes under the button that was clicked: the focus goes to the new heading.
  useEffect(() => heading.current?.focus(), [path.length, level]);
  if (!level) return null;
  const name = levelName(level);
  const subjects =
    level.kind === 'category'
      ? report.subjects.filter((s) => s.category === level.name && s.kind !== 'manual')
      : [];
  const logged =
    level.kind === 'category'
      ? report.subjects.filter((s) => s.category === level.name && s.kind === 'manual')
      : [];
  const inCategory = [...subjects, ...logged];
  const ms = level.kind === 'category' ? inCategory.reduce((sum, s) => sum + s.ms, 0) : level.subject.ms;
  return (
    <div
      className="drilldown"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        onNavigate(path.length - 1);
      }}
    >
      <div className="drill-bar">
        <nav aria-label="Where you are" className="breadcrumb">
          <ol>
            <li>
              <button type="button" className="link-button" onClick={() => onNavigate(0)}>
                {rootLabel}
              </button>
            </li>
            {path.slice(0, -1).map((p, i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => onNavigate(i + 1)}>
                  {levelName(p)}
                </button>
              </li>
            ))}
            <li aria-current="page">{name}</li>
          </ol>
        </nav>
        <button
          type="button"
          className="icon-button drill-close"
          aria-label={`Close ${name} (Escape)`}
          title="Close (Escape)"
          onClick={() => onNavigate(path.length - 1)}
        >
          ×
        </button>
      </div>
      <h3 className="drill-heading" ref={heading} tabIndex={-1}>
        {level.kind === 'subject' ? (
          <span className="kind" aria-hidden="true">
            {KIND_BADGES[level.subject.kind]}
          </span>
        ) : null}
        {name}
        <span className="drill-total">
          {formatDuration(ms)}
          {level.kind === 'subject' ? ` · ${level.subject.category ?? 'No category'}` : ''}
        </span>
      </h3>
      {level.kind === 'category' ? (
        <SubjectList
          subjects={inCategory}
          total={report.total_ms}
          caption={`Apps and sites in ${name}, ${rangeText}`}
          noun="apps and sites"
          empty={`Nothing in ${name} in this range.`}
          showKind
          onOpen={onOpen}
        />
      ) : level.subject.kind === 'app' ? (
        <TitlesView app={level.subject.name} report={report} rangeText={rangeText} />
      ) : (
        <DaysView kind={level.subject.kind} name={level.subject.name} report={report} />
      )}
    </div>
  );
}
