import type { ReactNode } from 'react';

/**
 * The product's name and mark with the page's controls: `children` go beside the name (the preset ranges)
 * and on a row of their own below it (the period), laid out by the grid in styles/layout.css.
 */
export function Header({ children, status }: { children?: ReactNode; status?: ReactNode }) {
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="logo" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path
            d="M12 6.5V12l3.5 2.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
        <h1>Time Audit</h1>
      </div>
      {children}
      {status ? <div className="header-status">{status}</div> : null}
    </header>
  );
}
