/**
 * What a user would see wrong on a page, checked where the screenshot tests take their pictures: errors in the
 * console, a page wider than the window, content sticking out of its card, a heading out of sight, a theme
 * that was not applied or text the colour of its background, a chart left blank.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/*
 * The little of the DOM that the in-page checks below use, typed here: the e2e tests compile without the DOM
 * library (as the rest of app/). In the page, `globalThis` is the window.
 */
interface DomRect {
  left: number;
  right: number;
  width: number;
  height: number;
}
interface DomElement {
  tagName: string;
  className: unknown;
  textContent: string | null;
  parentElement: DomElement | null;
  getBoundingClientRect(): DomRect;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}
interface DomCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  } | null;
}
interface DomWindow {
  document: {
    body: DomElement;
    scrollingElement: { scrollWidth: number; clientWidth: number } | null;
    querySelectorAll(selector: string): Iterable<DomElement>;
  };
  getComputedStyle(el: DomElement): {
    overflowX: string;
    clipPath: string;
    backgroundColor: string;
    color: string;
  };
}

/** Collects the page's console errors and uncaught exceptions from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/**
 * Elements of `cards` (every section.card of the page by default) that stick out of their card on the left or
 * the right. What a scrolling or clipping box inside the card holds is that box's business (it cannot stick
 * out, only scroll or be cut), so only the box itself is checked; visually hidden text (clip-path) is left out.
 */
export async function elementsOutsideTheirCard(cards: Locator): Promise<string[]> {
  const all = await cards.all();
  if (all.length === 0) return ['no card on the page'];
  const out: string[] = [];
  for (const card of all) {
    out.push(
      ...(await card.evaluate((node) => {
        const { getComputedStyle } = globalThis as unknown as DomWindow;
        const section = node as unknown as DomElement;
        const tolerance = 1; // sub-pixel rounding
        const box = section.getBoundingClientRect();
        const heading = section.querySelector('h2')?.textContent ?? '(a card)';
        const clipped = (el: DomElement): boolean => {
          for (let a = el.parentElement; a && a !== section; a = a.parentElement) {
            const style = getComputedStyle(a);
            if (style.overflowX !== 'visible' || style.clipPath !== 'none') return true;
          }
          return false;
        };
        const name = (el: DomElement) => {
          const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
          return `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}${text ? ` "${text}"` : ''}`;
        };
        const problems: string[] = [];
        for (const el of section.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (getComputedStyle(el).clipPath !== 'none' || clipped(el)) continue;
          if (r.left < box.left - tolerance || r.right > box.right + tolerance) {
            problems.push(
              `${heading}: ${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}, its card ${Math.round(box.left)}..${Math.round(box.right)}`,
            );
          }
        }
        return problems;
      })),
    );
  }
  return out;
}

/** Every card heading in `headings` is on the page and visible (scrolled to, as a user would). */
export async function expectHeadingsVisible(page: Page, headings: readonly string[]): Promise<void> {
  for (const name of headings) {
    const heading = page.getByRole('heading', { name, exact: true, level: 2 });
    await heading.scrollIntoViewIfNeeded();
    await expect(heading).toBeVisible();
    await expect(heading).toBeInViewport();
  }
  await page.evaluate('window.scrollTo(0, 0)');
}

/** The colours the page shows: the page's background, and each card heading's text over the card's. */
async function colours(page: Page) {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as DomWindow;
    const rgb = (css: string): [number, number, number, number] => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) throw new Error(`not an rgb colour: ${css}`);
      const [r, g, b, a = 1] = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r!, g!, b!, a];
    };
    /** The background behind `el`: its own, else the nearest ancestor's that is not transparent. */
    const background = (el: DomElement | null): string => {
      for (let e = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (rgb(bg)[3] > 0) return bg;
      }
      return 'rgb(255, 255, 255)'; // the browser's canvas
    };
    return {
      page: rgb(background(document.body)),
      text: rgb(getComputedStyle(document.body).color),
      headings: [...document.querySelectorAll('section.card h2')].map((h) => ({
        name: h.textContent ?? '',
        text: rgb(getComputedStyle(h).color),
        background: rgb(background(h)),
      })),
    };
  });
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** WCAG contrast ratio, 1 to 21. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The theme asked for is the one applied (a dark page in dark mode, a light one in light mode), and the
 * page's text and every card heading stand out from what is behind them (WCAG AA for normal text, 4.5:1).
 */
export async function expectTheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  const seen = await colours(page);
  const bg = luminance(seen.page);
  if (scheme === 'dark') expect(bg, 'the dark theme has a dark page').toBeLessThan(0.1);
  else expect(bg, 'the light theme has a light page').toBeGreaterThan(0.8);
  expect(contrast(seen.text, seen.page), 'text against the page').toBeGreaterThanOrEqual(4.5);
  expect(seen.headings.length).toBeGreaterThan(0);
  const faint = seen.headings
    .filter((h) => contrast(h.text, h.background) < 4.5)
    .map((h) => `${h.name}: ${contrast(h.text, h.background).toFixed(2)}:1`);
  expect(faint, 'card headings against their card').toEqual([]);
}

/**
 * Each card in `headings` holds a chart, and every chart in it is drawn: a canvas with a size and some pixels
 * painted. Polled, since chart.js draws its first frames after the data arrives.
 */
export async function expectChartsDrawn(page: Page, headings: readonly string[]): Promise<void> {
  for (const name of headings) {
    const card = page.locator('section.card', {
      has: page.getByRole('heading', { name, exact: true, level: 2 }),
    });
    await expect
      .poll(
        () =>
          card.locator('canvas').evaluateAll((canvases) => {
            const states = canvases.map((c) => {
              const canvas = c as unknown as DomCanvas;
              if (canvas.width === 0 || canvas.height === 0) return 'no size';
              const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
              for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return 'drawn';
              return 'blank';
            });
            return states.length === 0
              ? 'no chart'
              : states.every((s) => s === 'drawn')
                ? 'drawn'
                : states.join(', ');
          }),
        { message: `the charts in "${name}"` },
      )
      .toBe('drawn');
  }
}

/**
 * At `width` × 800, the page does not scroll sideways and nothing sticks out of `cards` (every card of the
 * page by default). Polled, since charts and wrapped rows settle a frame or two after a resize.
 */
export async function expectLaidOutAt(
  page: Page,
  width: number,
  cards: Locator = page.locator('section.card'),
): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const root = (globalThis as unknown as DomWindow).document.scrollingElement!;
          return root.scrollWidth - root.clientWidth;
        }),
      { message: `how much wider than the window the page is at ${width} px` },
    )
    .toBeLessThanOrEqual(0);
  await expect
    .poll(() => elementsOutsideTheirCard(cards), { message: `what sticks out of its card at ${width} px` })
    .toEqual([]);
}
