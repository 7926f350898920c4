/** Names and colour variables of the four productivities, in the order every view lists them. */
import { PRODUCTIVITY_KEYS, type ProductivityOrNone } from '../../../app/shared/report.ts';

export const PRODUCTIVITY_ORDER: readonly ProductivityOrNone[] = PRODUCTIVITY_KEYS;

export const PRODUCTIVITY_LABELS: Record<ProductivityOrNone, string> = {
  productive: 'Productive',
  neutral: 'Neutral',
  unproductive: 'Unproductive',
  uncategorized: 'Uncategorized',
};

/** The CSS custom property holding a productivity's colour (light and dark values in styles/base.css). */
export const productivityVar = (p: ProductivityOrNone): string => `var(--${p})`;

/** What a subject without a category is called in lists. */
export const NO_CATEGORY = 'No category';
