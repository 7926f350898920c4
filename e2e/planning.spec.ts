/**
 * The dashboard's planning features in Debian's Chromium against a real daemon holding 60 days of demo data:
 * a suggested category accepted in one click (and reset to the default again), a goal created with its
 * progress as GET /v1/goals says, time logged by hand (backdated) that shows in every view without counting
 * anything twice, then edited and deleted, and the rules editor. Every change is checked through the API, and
 * shows without a reload. The new sections, filled, light and dark, are checked as a user sees them (no errors,
 * the theme applied, nothing wider than the window or its card) and screenshotted to test-results/screenshots.
 */
import { formatDuration } from '../app/shared/format.ts';
import type { ApiClient } from '../app/shared/client.ts';
import type { Suggestion } from '../app/shared/planning.ts';
import {
  expectSameDocument,
  markDocument,
  openLast30Days,
  postVisit,
  section,
  SHOTS,
} from './dashboard-helpers.ts';
import { expect, test, TZ } from './fixtures.ts';
import {
  collectErrors,
  expectChartsDrawn,
  expectHeadingsVisible,
  expectLaidOutAt,
  expectTheme,
} from './page-checks.ts';

const HOUR = 3_600_000;
/** The planning sections, as the screenshots show them filled in. */
const PLANNING = ['Goals', 'Score trend', 'Log time', 'Suggestions', 'Rules', 'Timeline'];
const MINUTE = 60_000;

/** The local calendar day of an instant in the test's zone, YYYY-MM-DD. */
function dayIn(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(ms);
}

/** The instant of wall-clock `time` on `day` in the test's zone (not across a DST change). */
function instantIn(day: string, time: string): Date {
  const guess = Date.parse(`${day}T${time}:00Z`);
  const wall = (ms: number, timeZone: string) =>
    Date.parse(new Date(ms).toLocaleString('en-US', { timeZone }));
  return new Date(guess - (wall(guess, TZ) - wall(guess, 'UTC')));
}

/** The latest weekday (Monday–Friday) at least two days back: demo data has tracked time on it. */
function recentWorkday(): string {
  for (let back = 2; ; back++) {
    const ms = Date.now() - back * 24 * HOUR;
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, weekday: 'short' }).format(ms);
    if (!['Sat', 'Sun'].includes(weekday)) return dayIn(ms);
  }
}

/**
 * What the classifier needs to suggest something: subjects categorized by the user (its training data), and
 * an uncategorized site with recent time, visited at night (`at`, local; 25 minutes, so sites of different
 * tests do not overlap) when no window was tracked. Resolves to the suggestion for the site.
 */
async function makeSuggestion(api: ApiClient, domain: string, at = '02:10'): Promise<Suggestion> {
  const taught: Record<string, string[]> = {
    Development: ['github.com', 'gitlab.com', 'stackoverflow.com', 'npmjs.com'],
    'Social & Video': ['youtube.com', 'reddit.com', 'x.com'],
    'Docs & Reference': ['docs.python.org', 'developer.mozilla.org', 'docs.rs', 'docs.docker.com'],
  };
  for (const [category, names] of Object.entries(taught)) {
    for (const name of names) {
      await api.setSubjectCategory({ params: { kind: 'domain', name }, body: { category } });
    }
  }
  const start = instantIn(dayIn(Date.now() - 24 * HOUR), at);
  const sent = await postVisit(api, `e2e-${domain}`, domain, start, new Date(start.getTime() + 25 * MINUTE));
  expect(sent.rejected).toEqual([]);
  // Accepted by an earlier test: back to no category (the site has no default).
  await api.resetSubjectCategory({ params: { kind: 'domain', name: domain }, body: {} });
  // A report brings the slot rollups up to date; the suggestions count recent time from them.
  const now = Date.now();
  await api.report({
    query: { from: new Date(now - 2 * 24 * HOUR).toISOString(), to: new Date(now).toISOString(), tz: TZ },
  });
  const suggestions = await api.listSuggestions({});
  const suggestion = suggestions.find((s) => s.name === domain);
  expect(suggestion, `a suggestion for ${domain} among ${JSON.stringify(suggestions)}`).toBeDefined();
  return suggestion!;
}

test('a suggested category is accepted in one click and updates every view without a reload; reset to default', async ({
  page,
  app,
}) => {
  const domain = 'python-docs.net';
  const expected = await makeSuggestion(app.api, domain);
  const now = new Date();

  // A top site the user moved away from its default category, to be reset below.
  const last30 = await app.api.report({
    query: { from: new Date(now.getTime() - 30 * 24 * HOUR).toISOString(), to: now.toISOString(), tz: TZ },
  });
  const chosen = last30.subjects.find((s) => s.kind === 'domain' && s.category === 'Search')!;
  await app.api.setSubjectCategory({
    params: { kind: 'domain', name: chosen.name },
    body: { category: 'News' },
  });

  const range = await openLast30Days(page, app.dashboard);
  const query = { ...range, tz: TZ };
  const before = await app.api.report({ query });
  await markDocument(page);

  const list = section(page, 'Suggestions');
  const row = list.locator(`[data-suggestion="domain:${domain}"]`);
  await expect(row).toContainText(expected.category);
  await expect(page.getByRole('link', { name: /category suggestions?$/ })).toBeVisible();
  await row.getByRole('button', { name: `Accept ${expected.category} for ${domain}` }).click();

  await expect(row).toHaveCount(0);
  const after = await app.api.report({ query });
  const subject = after.subjects.find((s) => s.kind === 'domain' && s.name === domain)!;
  expect(subject.category).toBe(expected.category);
  expect(after.by_productivity.uncategorized).toBe(before.by_productivity.uncategorized - subject.ms);
  await expect(page.getByTestId('prod-uncategorized')).toHaveText(
    formatDuration(after.by_productivity.uncategorized),
  );
  await expect(page.getByTestId(`prod-${subject.productivity}`)).toHaveText(
    formatDuration(after.by_productivity[subject.productivity]),
  );
  expect((await app.api.listSuggestions({})).some((s) => s.name === domain)).toBe(false);

  // "Reset to default" in a subject's category picker drops the user's choice: the built-in default is back.
  const top = section(page, 'Top activities');
  await top.getByRole('tab', { name: 'Domains' }).click();
  const picker = top.getByLabel(`Category of ${chosen.name}`, { exact: true });
  await expect(picker.locator('option:checked')).toHaveText('News');
  await picker.selectOption({ label: 'Reset to default' });
  await expect(picker.locator('option:checked')).not.toHaveText('News');
  const reset = (await app.api.report({ query })).subjects.find(
    (s) => s.kind === 'domain' && s.name === chosen.name,
  )!;
  expect(reset.category).toBe(chosen.category);
  await expect(picker.locator('option:checked')).toHaveText(chosen.category!);
  await expectSameDocument(page);
});

test('a suggestion can be dismissed: the site stays without a category, by choice, and is not suggested again', async ({
  page,
  app,
}) => {
  const domain = 'python-docs.org';
  await makeSuggestion(app.api, domain, '03:10');
  await openLast30Days(page, app.dashboard);
  const row = section(page, 'Suggestions').locator(`[data-suggestion="domain:${domain}"]`);
  await row.getByRole('button', { name: `Dismiss: keep ${domain} without a category` }).click();
  await expect(row).toHaveCount(0);
  expect((await app.api.listSuggestions({})).some((s) => s.name === domain)).toBe(false);
  const now = Date.now();
  const report = await app.api.report({
    query: { from: new Date(now - 2 * 24 * HOUR).toISOString(), to: new Date(now).toISOString(), tz: TZ },
  });
  expect(report.subjects.find((s) => s.name === domain)).toMatchObject({ category: null });
});

test('a goal created in the dashboard shows the progress GET /v1/goals gives, and is deleted', async ({
  page,
  app,
}) => {
  await openLast30Days(page, app.dashboard);
  await markDocument(page);
  const goals = section(page, 'Goals');
  const form = goals.getByRole('form', { name: 'New goal' });

  // What is not a duration is refused before anything is sent.
  await form.getByLabel('Goal time').fill('soon');
  await form.getByRole('button', { name: 'Add goal' }).click();
  await expect(form.getByRole('alert')).toContainText('1h 30m');
  expect(await app.api.listGoals({ query: { tz: TZ } })).toEqual([]);

  await form.getByLabel('Goal direction').selectOption({ label: 'At least' });
  await form.getByLabel('Goal time').fill('1h 30m');
  await form.getByLabel('Goal period').selectOption({ label: 'per week' });
  await form.getByLabel('Goal category').selectOption('Development');
  await form.getByRole('button', { name: 'Add goal' }).click();

  const row = goals.locator('li.goal');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('At least 1h 30m a week in Development');
  const [goal] = await app.api.listGoals({ query: { tz: TZ } });
  expect(goal).toMatchObject({
    category: 'Development',
    direction: 'at_least',
    period: 'week',
    target_ms: 90 * MINUTE,
  });
  await expect(row).toHaveAttribute('data-state', goal!.state);
  await expect(row.getByTestId('goal-done')).toHaveText(
    `${formatDuration(goal!.done_ms)} of ${formatDuration(goal!.target_ms)}`,
  );
  await expect(row.getByRole('progressbar')).toHaveAttribute(
    'aria-valuenow',
    String(Math.round(Math.min(goal!.done_ms, goal!.target_ms) / MINUTE)),
  );
  await expect(row).toContainText('This week');

  await row.getByRole('button', { name: /^Delete goal: / }).click();
  await expect(row).toHaveCount(0);
  expect(await app.api.listGoals({ query: { tz: TZ } })).toEqual([]);
  await expectSameDocument(page);
});

test('time logged by hand shows in the list, Logged and the totals, counts once, and is edited and deleted', async ({
  page,
  app,
}) => {
  const day = recentWorkday();
  const [start, end] = [instantIn(day, '17:00'), instantIn(day, '18:30')];
  const range = await openLast30Days(page, app.dashboard);
  const query = { ...range, tz: TZ };
  const before = await app.api.report({ query });
  const trackedBefore = await app.api.report({
    query: { from: start.toISOString(), to: end.toISOString(), tz: TZ },
  });
  expect(trackedBefore.total_ms, 'demo data has tracked time under the entry').toBeGreaterThan(0);
  await markDocument(page);

  const log = section(page, 'Log time');
  const form = log.getByRole('form', { name: 'Log time' });
  await form.getByLabel('Activity', { exact: true }).fill('Gym');
  // A category of its own, made from the picker (a new install has none to pick).
  await form.getByLabel('Category of the activity').selectOption({ label: 'New category…' });
  const newCategory = form.getByRole('group', { name: 'New category' });
  await newCategory.getByLabel('New category name').fill('Sport');
  await newCategory.getByLabel('Productivity of the new category').selectOption('neutral');
  await newCategory.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByLabel('Category of the activity')).toHaveValue('Sport');
  expect((await app.api.listCategories({})).find((c) => c.name === 'Sport')?.productivity).toBe('neutral');
  await form.getByLabel('Date', { exact: true }).fill(day);
  await form.getByLabel('Start', { exact: true }).fill('17:00');
  await form.getByLabel('End', { exact: true }).fill('18:30');
  await form.getByLabel(/^Note/).fill('legs');
  await form.getByRole('button', { name: 'Log time' }).click();

  const entries = log.locator('tr[data-entry-id]');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Gym');
  await expect(entries.first()).toContainText('17:00–18:30');
  await expect(entries.first()).toContainText('1h 30m');
  await expect(form.getByLabel('Activity', { exact: true })).toHaveValue(''); // ready for the next one

  // Nothing counts twice: the entry's hour and a half is the entry alone, and the range's total grew by what
  // the entry adds over the tracked time it replaces.
  const [entry] = await app.api.listManualEntries({ query: range });
  expect(entry).toMatchObject({ label: 'Gym', category: 'Sport', note: 'legs' });
  expect(Date.parse(entry!.start)).toBe(start.getTime());
  const inside = await app.api.report({ query: { from: entry!.start, to: entry!.end, tz: TZ } });
  expect(inside.total_ms).toBe(90 * MINUTE);
  expect(inside.subjects.map((s) => [s.kind, s.name])).toEqual([['manual', 'Gym']]);
  const after = await app.api.report({ query });
  expect(after.total_ms).toBe(before.total_ms - trackedBefore.total_ms + 90 * MINUTE);
  await expect(page.getByTestId('total-time')).toHaveText(formatDuration(after.total_ms));

  const top = section(page, 'Top activities');
  await top.getByRole('tab', { name: 'Logged' }).click();
  const logged = top.locator('tr[data-subject="manual:Gym"]');
  await expect(logged).toContainText('1h 30m');

  // The timeline of that day shows it hatched.
  const timeline = section(page, 'Timeline');
  await timeline.getByLabel('Day').fill(day);
  await expect(timeline.locator('.block.hatched')).toHaveCount(1);

  // What the API refuses is said next to the form, which keeps what was typed.
  await form.getByLabel('Activity', { exact: true }).fill('Overlap');
  await form.getByLabel('Category of the activity').selectOption('Sport');
  await form.getByLabel('Date', { exact: true }).fill(day);
  await form.getByLabel('Start', { exact: true }).fill('18:00');
  await form.getByLabel('End', { exact: true }).fill('19:00');
  await form.getByRole('button', { name: 'Log time' }).click();
  await expect(form.getByRole('alert')).toContainText(/overlaps/i);
  await expect(form.getByLabel('Activity', { exact: true })).toHaveValue('Overlap');
  await expect(form.getByLabel('Start', { exact: true })).toHaveValue('18:00');
  await form.getByLabel('Date', { exact: true }).fill(dayIn(Date.now() + 24 * HOUR));
  await form.getByRole('button', { name: 'Log time' }).click();
  await expect(form.getByRole('alert')).toContainText(/future/i);
  expect(await app.api.listManualEntries({ query: range })).toHaveLength(1);

  // Edit: the entry opens in the form; a longer end shows everywhere.
  await entries
    .first()
    .getByRole('button', { name: /^Edit Gym/ })
    .click();
  const edit = log.getByRole('form', { name: 'Edit Gym' });
  await expect(edit.getByLabel('Activity', { exact: true })).toHaveValue('Gym');
  await expect(edit.getByLabel('Note (optional)')).toHaveValue('legs');
  await edit.getByLabel('End', { exact: true }).fill('19:00');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(entries.first()).toContainText('17:00–19:00');
  await expect(entries.first()).toContainText('2h');
  await expect(logged).toContainText('2h');
  const [edited] = await app.api.listManualEntries({ query: range });
  expect(Date.parse(edited!.end) - Date.parse(edited!.start)).toBe(2 * HOUR);

  // Delete, at once with Undo in the message: the totals are what they were.
  await entries
    .first()
    .getByRole('button', { name: /^Delete Gym/ })
    .click();
  await expect(entries).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted Gym' })).toBeVisible();
  expect(await app.api.listManualEntries({ query: range })).toEqual([]);
  const restored = await app.api.report({ query });
  expect(restored.total_ms).toBe(before.total_ms);
  await expect(page.getByTestId('total-time')).toHaveText(formatDuration(before.total_ms));
  await expect(top.getByRole('tab', { name: 'Logged' })).toHaveCount(0);
  await expectSameDocument(page);
});

test('rules: a bad pattern is refused inline; rules are added, moved and deleted; a window-title rule gives its windows an app subject of their own', async ({
  page,
  app,
}) => {
  const range = await openLast30Days(page, app.dashboard);
  const rules = section(page, 'Rules');
  const form = rules.getByRole('form', { name: 'New rule' });
  await form.getByLabel('How the rule matches').selectOption({ label: 'matches regex' });
  await form.getByLabel('Rule pattern').fill('(unclosed');
  await form.getByLabel('Rule category').selectOption('News');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByRole('alert')).toContainText(/regular expression/i);
  await expect(form.getByLabel('Rule pattern')).toHaveAttribute('aria-invalid', 'true');
  expect(await app.api.listRules({})).toEqual([]);

  await form.getByLabel('Rule pattern').fill('^blog\\.');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules.locator('tr[data-rule-id]')).toHaveCount(1);
  await form.getByLabel('Rule applies to').selectOption({ label: 'App' });
  await form.getByLabel('How the rule matches').selectOption({ label: 'contains' });
  await form.getByLabel('Rule pattern').fill('jira');
  await form.getByLabel('Rule category').selectOption('Office & Planning');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules.locator('tr[data-rule-id]')).toHaveCount(2);

  await rules.getByRole('button', { name: 'Move up: App contains jira' }).click();
  await expect(rules.locator('tr[data-rule-id]').first()).toContainText('jira');
  expect((await app.api.listRules({})).map((r) => r.pattern)).toEqual(['jira', '^blog\\.']);

  await rules.getByRole('button', { name: 'Delete rule: App contains jira' }).click();
  await expect(rules.locator('tr[data-rule-id]')).toHaveCount(1);
  await rules.getByRole('button', { name: 'Delete rule: Site matches regex ^blog\\.' }).click();
  await expect(rules.locator('tr[data-rule-id]')).toHaveCount(0);
  expect(await app.api.listRules({})).toEqual([]);

  // A title rule: the demo's development windows are often titled "… — time-audit" (synthetic-catalog.ts).
  const query = { ...range, tz: TZ };
  const before = await app.api.report({ query });
  await form.getByLabel('Rule applies to').selectOption({ label: 'Window title' });
  await expect(form.getByLabel('How the rule matches').locator('option')).toHaveText([
    'contains',
    'matches regex',
  ]);
  await form.getByLabel('Rule pattern').fill('time-audit');
  await form.getByLabel('Rule category').selectOption('Office & Planning');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(rules.locator('tr[data-rule-id]')).toHaveCount(1);
  await expect(rules.locator('tr[data-rule-id] th')).toHaveText(
    /^title\s*contains time-audit · counts as “‹app› — time-audit”$/,
  );
  expect(await app.api.listRules({})).toMatchObject([
    { field: 'title', match: 'contains', pattern: 'time-audit', category: 'Office & Planning' },
  ]);
  const ruled = await app.api.report({ query });
  const apps = ruled.subjects.filter((s) => s.kind === 'app');
  const titled = apps.filter((s) => s.name.endsWith(' — time-audit'));
  expect(titled.map((s) => s.name)).toContain('Code — time-audit');
  for (const s of titled) {
    expect(s).toMatchObject({ category: 'Office & Planning', productivity: 'productive' });
  }
  // The time moved from the apps to their titled subjects; nothing else changed.
  const code = (r: typeof ruled) => r.subjects.find((s) => s.kind === 'app' && s.name === 'Code')?.ms ?? 0;
  expect(code(ruled)).toBe(code(before) - titled.find((s) => s.name === 'Code — time-audit')!.ms);
  expect(ruled.total_ms).toBe(before.total_ms);
  // In the Apps list like any app, shown without a reload.
  const top = section(page, 'Top activities');
  await top.getByRole('tab', { name: 'Apps' }).click();
  const shown = apps.slice(0, 15).find((s) => s.name.endsWith(' — time-audit'))!;
  await expect(top.getByLabel(`Category of ${shown.name}`)).toHaveValue('Office & Planning');

  await rules.getByRole('button', { name: 'Delete rule: Window title contains time-audit' }).click();
  await expect(rules.locator('tr[data-rule-id]')).toHaveCount(0);
  await expect(top.locator(`tr[data-subject="app:${shown.name}"]`)).toHaveCount(0);
  const after = await app.api.report({ query });
  expect(after.subjects.filter((s) => s.name.endsWith(' — time-audit'))).toEqual([]);
  expect(code(after)).toBe(code(before));
});

test('a planning call that fails is said in its section, and the rest of the page works', async ({
  page,
  app,
}) => {
  const goalsCall = (url: URL) => url.pathname === '/v1/goals';
  await page.route(goalsCall, (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'internal', message: 'the goals are unreadable' } }),
    }),
  );
  await openLast30Days(page, app.dashboard);
  const goals = section(page, 'Goals');
  await expect(goals.getByRole('status')).toContainText('Could not load goals: The goals are unreadable');
  await expect(section(page, 'Rules').getByRole('form', { name: 'New rule' })).toBeVisible();
  await expect(section(page, 'Log time').getByRole('form', { name: 'Log time' })).toBeVisible();
  await page.unroute(goalsCall);
  await goals.getByRole('button', { name: 'Retry' }).click();
  await expect(goals.getByRole('form', { name: 'New goal' })).toBeVisible();
});

test('the planning sections, filled, light and dark, at 1280 and 900 px: without errors, in the theme asked for, within the window and their cards (screenshots)', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  const day = recentWorkday();
  await app.api.createCategory({ body: { name: 'Sport', productivity: 'neutral' } }).catch(() => null);
  await app.api.createManualEntry({
    body: {
      label: 'Gym',
      category: 'Sport',
      start: instantIn(day, '17:00').toISOString(),
      end: instantIn(day, '18:30').toISOString(),
      note: 'legs',
    },
  });
  await app.api.createManualEntry({
    body: {
      label: 'Team offsite',
      category: 'Meetings',
      start: instantIn(day, '10:00').toISOString(),
      end: instantIn(day, '12:30').toISOString(),
    },
  });
  const goals = [
    { category: 'Social & Video', direction: 'at_most', period: 'day', target_ms: HOUR },
    { category: 'Development', direction: 'at_least', period: 'day', target_ms: 4 * HOUR },
    { category: 'Development', direction: 'at_least', period: 'week', target_ms: 20 * HOUR },
    { category: 'Entertainment', direction: 'at_most', period: 'week', target_ms: 30 * MINUTE },
  ] as const;
  for (const body of goals) await app.api.createGoal({ body });
  await makeSuggestion(app.api, 'python-docs.net');
  await app.api.createRule({
    body: { field: 'domain', match: 'domain', pattern: 'atlassian.net', category: 'Development' },
  });
  await app.api.createRule({
    body: { field: 'app', match: 'contains', pattern: 'jira', category: 'Office & Planning' },
  });
  await app.api.createRule({
    body: { field: 'title', match: 'regex', pattern: 'roadmap|sprint', category: 'Office & Planning' },
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme });
    await openLast30Days(page, app.dashboard);
    const timeline = section(page, 'Timeline');
    await timeline.getByLabel('Day').fill(day);
    await expect(timeline.locator('.block.hatched')).not.toHaveCount(0);
    await timeline.getByLabel('Day').blur(); // no focus ring in the picture
    // What was filled in shows, drawn, in the theme asked for, within the window and the cards.
    await expect(section(page, 'Goals').locator('li.goal')).toHaveCount(goals.length);
    await expect(section(page, 'Rules').locator('tr[data-rule-id]')).toHaveCount(3);
    await expect(section(page, 'Suggestions')).toContainText('python-docs.net');
    await expect(section(page, 'Log time')).toContainText('Team offsite');
    await expectChartsDrawn(page, ['Score trend']);
    await expectTheme(page, colorScheme);
    await expectHeadingsVisible(page, PLANNING);
    await expectLaidOutAt(page, 1280);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SHOTS}/planning-${colorScheme}.png`, fullPage: true });
    for (const heading of PLANNING) {
      const slug = heading.toLowerCase().replaceAll(' ', '-');
      await section(page, heading).screenshot({ path: `${SHOTS}/planning-${slug}-${colorScheme}.png` });
    }
    await expectLaidOutAt(page, 900);
    await expectHeadingsVisible(page, PLANNING);
  }
  await page.setViewportSize({ width: 900, height: 800 });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/planning-900px.png`, fullPage: true });
  expect(errors).toEqual([]);
});
