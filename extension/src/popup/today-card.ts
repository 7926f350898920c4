/** Today's total and top five sites, each with a bar and its category's colour. */
import { formatDuration } from '../../../app/shared/format.ts';
import type { PopupStatus } from '../protocol.ts';
import { h } from './dom.ts';
import { timeOfDay } from './words.ts';

/** Figures older than this say when they are from (the app did not answer since). */
const STALE_MS = 120_000;

export function todayCard(status: PopupStatus): HTMLElement | null {
  const today = status.today;
  if (!today) return null;
  const max = Math.max(1, ...today.top.map((d) => d.ms));
  const stale = today.asOfMs !== null && status.nowMs - today.asOfMs > STALE_MS;
  return h(
    'section',
    { class: 'card', 'aria-label': 'Today' },
    h(
      'div',
      { class: 'row spread' },
      h('span', { class: 'label' }, stale ? `Today · as of ${timeOfDay(today.asOfMs ?? 0)}` : 'Today'),
      h('span', { class: 'total num', 'data-testid': 'today-total' }, formatDuration(today.totalMs)),
    ),
    today.top.length === 0
      ? h('p', { class: 'muted small' }, 'No websites yet today.')
      : h(
          'ol',
          { class: 'top5', 'data-testid': 'top-domains' },
          ...today.top.map((d) =>
            h(
              'li',
              { class: `tone-${d.productivity}` },
              h('span', { class: 'swatch', title: d.category ?? 'No category' }),
              h('span', { class: 'name', title: d.name }, d.name),
              h('span', { class: 'bar' }, h('span', { style: `width: ${Math.max(2, (d.ms / max) * 100)}%` })),
              h('span', { class: 'num' }, formatDuration(d.ms)),
            ),
          ),
        ),
  );
}
