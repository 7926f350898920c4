/**
 * Control over what the dashboard counts, in Debian's Chromium against a real daemon holding 60 days of demo
 * data: the categories manager (recolour, rename, a name taken in another case refused, delete with the time
 * moved to another category, Undo), a rule's preview before it is saved (as POST /v1/rules/preview says), a goal
 * edited in place, Undo in the message of every delete, and a site excluded in Settings whose past time is then
 * deleted. Checked through the API; screenshots at 1280 and 390 px, light and dark, to test-results/screenshots.
 */
import type { Page } from '@playwright/test';
import { formatDuration } from '../app/shared/format.ts';
import { openLast30Days, section, SHOTS } from './dashboard-helpers.ts';
import { expect, startApp, test, TZ } from './fixtures.ts';
import { collectErrors, expectLaidOutAt, expectTheme } from './page-checks.ts';

const toast = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const undo = (page: Page, text: string | RegExp) => toast(page, text).getByRole('button', { name: 'Undo' });

test('categories: recolour, rename (a taken name is refused), delete into another category, and Undo', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  const query = await openLast30Days(page, app.dashboard);
  const report = () => app.api.report({ query: { ...query, tz: TZ } });
  const card = section(page, 'Categories');
  const before = await app.api.listCategories({});
  const news = before.find((c) => c.name === 'News')!;
  const row = card.locator(`li[data-category-id="${news.id}"]`);

  await row.getByLabel('Colour of News').fill('#aa33cc');
  await expect(toast(page, 'New colour for News')).toBeVisible();
  expect((await app.api.listCategories({})).find((c) => c.id === news.id)?.colour).toBe('#aa33cc');

  await row.getByRole('button', { name: 'Rename News' }).click();
  await row.getByLabel('New name').fill('ENTERTAINMENT');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByRole('alert')).toContainText('exists already');
  await row.getByLabel('New name').fill('Headlines');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.locator('.category-name')).toHaveText('Headlines');

  const was = await report();
  const ms = (r: typeof was, name: string) => r.categories.find((c) => c.name === name)?.ms ?? 0;
  await row.getByRole('button', { name: 'Delete Headlines…' }).click();
  await row.getByLabel('Move them to').selectOption('Entertainment');
  await row.getByRole('button', { name: 'Delete Headlines' }).click();
  await expect(toast(page, /^Deleted Headlines: .* moved to Entertainment/)).toBeVisible();
  await expect(card.locator(`li[data-category-id="${news.id}"]`)).toHaveCount(0);
  const after = await report();
  expect(ms(after, 'Entertainment')).toBe(ms(was, 'Entertainment') + ms(was, 'Headlines'));
  expect(after.total_ms).toBe(was.total_ms);

  await undo(page, 'Deleted Headlines').click();
  await expect(toast(page, 'Restored')).toBeVisible();
  await expect(card.locator(`li[data-category-id="${news.id}"] .category-name`)).toHaveText('Headlines');
  expect(await report()).toEqual(was);
  await app.api.updateCategory({ params: { id: news.id }, body: { name: 'News', colour: null } });
  // The one failed load is the refused rename's answer (409), which the card showed.
  expect(errors).toEqual([
    'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
  ]);
});

test('a rule says what it matches before it is saved, as POST /v1/rules/preview does', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  const query = await openLast30Days(page, app.dashboard);
  const rules = section(page, 'Rules');
  const form = rules.getByRole('form', { name: 'New rule' });
  await form.getByLabel('Rule applies to').selectOption('domain');
  await form.getByLabel('How the rule matches').selectOption('contains');
  await form.getByLabel('Rule pattern').fill('o');
  const expected = await app.api.previewRule({
    body: { field: 'domain', match: 'contains', pattern: 'o', ...query, tz: TZ },
  });
  expect(expected.subjects + expected.kept).toBeGreaterThan(0);
  const preview = form.getByRole('status', { name: 'What this rule matches' });
  await expect(preview).toContainText(`Takes ${expected.subjects} site`);
  await expect(preview).toContainText(formatDuration(expected.ms));
  await form.getByLabel('Rule pattern').fill('no-such-site-anywhere');
  await expect(preview).toContainText('Matches nothing');
  expect(await app.api.listRules({})).toEqual([]); // nothing saved
  expect(errors).toEqual([]);
});

test('a goal is edited in place; deleting a goal or a rule offers Undo, which restores it exactly', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  const goal = await app.api.createGoal({
    body: { category: 'Development', direction: 'at_least', period: 'day', target_ms: 2 * 3_600_000 },
  });
  const ruleA = await app.api.createRule({
    body: { field: 'app', match: 'contains', pattern: 'aaa', category: 'Games' },
  });
  const ruleB = await app.api.createRule({
    body: { field: 'app', match: 'contains', pattern: 'bbb', category: 'Games' },
  });
  await openLast30Days(page, app.dashboard);
  const goals = section(page, 'Goals');
  const row = goals.locator(`li[data-goal-id="${goal.id}"]`);
  await row.getByRole('button', { name: /^Edit goal: / }).click();
  const edit = row.getByRole('form', { name: 'Edit goal' });
  await edit.getByLabel('Goal time').fill('3h 30m');
  await edit.getByLabel('Goal period').selectOption('week');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  expect((await app.api.listGoals({ query: { tz: TZ } })).find((g) => g.id === goal.id)).toMatchObject({
    target_ms: 3.5 * 3_600_000,
    period: 'week',
    category: 'Development',
  });

  await row.getByRole('button', { name: /^Delete goal: / }).click();
  await expect(row).toHaveCount(0);
  await expect(undo(page, 'Goal deleted')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/control-undo-toast.png` });
  await undo(page, 'Goal deleted').click();
  await expect(goals.locator(`li[data-goal-id="${goal.id}"]`)).toHaveCount(1);

  const rules = section(page, 'Rules');
  await rules.getByRole('button', { name: 'Delete rule: App contains aaa' }).click();
  await expect(rules.locator(`tr[data-rule-id="${ruleA.id}"]`)).toHaveCount(0);
  await undo(page, 'Deleted the app rule “aaa”').click();
  await expect(rules.locator(`tr[data-rule-id="${ruleA.id}"]`)).toHaveCount(1);
  expect((await app.api.listRules({})).map((r) => [r.id, r.position])).toEqual([
    [ruleA.id, 0],
    [ruleB.id, 1],
  ]);
  for (const r of [ruleA, ruleB]) await app.api.deleteRule({ params: { id: r.id } });
  await app.api.deleteGoal({ params: { id: goal.id } });
  expect(errors).toEqual([]);
});

test('a site excluded in Settings: its past time can be deleted through the purge and its preview', async ({
  page,
}) => {
  // A purge rewrites the file and its backups: 3 days of demo data keep that short (as purge.spec.ts does).
  const app = await startApp(3);
  try {
    const query = await openLast30Days(page, app.dashboard);
    const all = await app.api.report({ query: { ...query, tz: TZ } });
    const site = all.subjects.find((s) => s.kind === 'domain')!;
    const card = section(page, 'Settings');
    const sites = card.getByRole('group', { name: 'Excluded sites' });
    await sites.getByRole('textbox', { name: 'Site to exclude' }).fill(site.name);
    await sites.getByRole('button', { name: 'Add' }).click();
    await expect(sites.getByText(`Also delete the time already recorded of ${site.name}?`)).toBeVisible();
    await sites.getByRole('button', { name: 'Delete its past time…' }).click();
    const preview = await app.api.previewPurge({ query: { domain: site.name } });
    const dialog = page.getByRole('dialog', { name: `Delete ${site.name} and its subdomains?` });
    await expect(dialog.locator('.purge-time')).toHaveText(
      `${formatDuration(preview.tracked_ms)} of tracked time`,
    );
    await dialog
      .getByRole('button', {
        name: `Delete ${formatDuration(preview.tracked_ms)} of ${site.name} and its subdomains`,
      })
      .click();
    await expect(toast(page, `Deleted ${site.name} and its subdomains:`)).toBeVisible();
    const now = await app.api.report({ query: { ...query, tz: TZ } });
    expect(now.subjects.find((s) => s.kind === 'domain' && s.name === site.name)).toBeUndefined();
  } finally {
    await app.stop();
  }
});

test('the categories and rules cards at 1280 and 390 px, light and dark: within the window (screenshots)', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  const goal = await app.api.createGoal({
    body: { category: 'Social & Video', direction: 'at_most', period: 'day', target_ms: 3_600_000 },
  });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme });
    await openLast30Days(page, app.dashboard);
    const categories = section(page, 'Categories');
    const games = categories.locator('li.category-row', { hasText: 'Games' });
    await games.getByRole('button', { name: 'Delete Games…' }).click();
    await section(page, 'Goals')
      .getByRole('button', { name: /^Edit goal: / })
      .click();
    const form = section(page, 'Rules').getByRole('form', { name: 'New rule' });
    await form.getByLabel('How the rule matches').selectOption('contains');
    await form.getByLabel('Rule pattern').fill('o');
    await expect(form.getByRole('status', { name: 'What this rule matches' })).toBeVisible();
    await expectTheme(page, colorScheme);
    for (const width of [1280, 390]) {
      await expectLaidOutAt(page, width);
      await categories.screenshot({ path: `${SHOTS}/control-categories-${width}-${colorScheme}.png` });
      await section(page, 'Rules').screenshot({ path: `${SHOTS}/control-rules-${width}-${colorScheme}.png` });
      await section(page, 'Goals').screenshot({ path: `${SHOTS}/control-goals-${width}-${colorScheme}.png` });
    }
  }
  await app.api.deleteGoal({ params: { id: goal.id } });
  expect(errors).toEqual([]);
});
