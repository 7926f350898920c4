/**
 * Colours for chart.js, read from the same CSS custom properties that style the page, so that canvases follow
 * the light or dark theme of `prefers-color-scheme` like everything else.
 */
import { useSyncExternalStore } from 'react';
import type { ProductivityOrNone } from '../../../app/shared/report.ts';

export interface Theme {
  dark: boolean;
  text: string;
  muted: string;
  grid: string;
  surface: string;
  productivity: Record<ProductivityOrNone, string>;
  /** Colours of the top categories, in rank order. */
  categories: string[];
  /** The rest of the categories together. */
  other: string;
  /** The pulse's line in the score trend. */
  pulse: string;
}

const DARK = '(prefers-color-scheme: dark)';
let cached: Theme | null = null;

function readTheme(): Theme {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return {
    dark: window.matchMedia(DARK).matches,
    text: v('--text'),
    muted: v('--text-muted'),
    grid: v('--grid'),
    surface: v('--surface'),
    productivity: {
      productive: v('--productive'),
      neutral: v('--neutral'),
      unproductive: v('--unproductive'),
      uncategorized: v('--uncategorized'),
    },
    categories: [1, 2, 3, 4, 5, 6].map((i) => v(`--cat-${i}`)),
    other: v('--cat-other'),
    pulse: v('--pulse'),
  };
}

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK);
  const listener = () => {
    cached = null;
    onChange();
  };
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

function snapshot(): Theme {
  cached ??= readTheme();
  return cached;
}

/** The current theme's colours; components re-render when the colour scheme changes. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, snapshot);
}
