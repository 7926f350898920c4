/**
 * The link to the app against fake apps (fetch) on two ports: which app and token each call reaches, the
 * connection state and message a failure leaves, and what the caches hold afterwards.
 */
import { describe, expect, it } from 'vitest';
import { createAppLink } from './app-link.ts';
import { testContext } from './context.testing.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

type App = 'down' | { token: string; userId: string };

/** Fake apps by port: each answers only its own token, like `timeaudit serve`. */
function setup(apps: Record<number, App>) {
  const t = testContext(T0);
  const calls: Array<{ port: number; path: string; token: string | null }> = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
  const fetch = async (input: string, init: RequestInit) => {
    const url = new URL(input);
    const port = Number(url.port);
    const token = new Headers(init.headers).get('authorization')?.replace('Bearer ', '') ?? null;
    calls.push({ port, path: url.pathname, token });
    const app = apps[port];
    if (!app || app === 'down') throw new TypeError('Failed to fetch');
    if (token !== app.token) return json({ error: { code: 'unauthorized', message: 'bad token' } }, 401);
    switch (url.pathname) {
      case '/v1/pairing':
        return json({ user_id: app.userId, version: '0.1.0', idle_seconds: 300 });
      case '/v1/report':
        return json({
          total_ms: 90_000,
          subjects: [
            { kind: 'domain', name: 'a.test', ms: 90_000, category: null, productivity: 'uncategorized' },
          ],
        });
      case '/v1/categories':
        return init.method === 'POST'
          ? json({ error: { code: 'conflict', message: 'There is a category "Work" already.' } }, 409)
          : json([{ id: 1, name: 'Work', productivity: 'productive' }]);
      default:
        if (url.pathname.endsWith('/category')) {
          const { category } = JSON.parse(String(init.body)) as { category: string };
          return json({ kind: 'domain', name: 'a.test', category, productivity: 'productive' });
        }
        return json({ error: { code: 'not_found', message: 'no such route' } }, 404);
    }
  };
  const link = createAppLink(t.ctx, { fetch: fetch as unknown as typeof globalThis.fetch });
  return { ...t, link, calls, apps };
}

describe('AppLink', () => {
  it('pairs with the app that accepts the token, and then talks to that app with it', async () => {
    const t = setup({ 47600: { token: 'one', userId: 'u1' }, 47601: { token: 'two', userId: 'u2' } });
    await expect(t.link.pair(47600, 'one')).resolves.toMatchObject({
      port: 47600,
      userId: 'u1',
      idleSeconds: 300,
    });
    expect(await t.link.refreshToday()).toBe(true);
    expect(t.calls.at(-1)).toMatchObject({ port: 47600, path: '/v1/report', token: 'one' });

    // Pairing again with another app: every call goes there from then on.
    await t.link.pair(47601, 'two');
    expect(await t.link.refreshToday()).toBe(true);
    expect(t.calls.at(-1)).toMatchObject({ port: 47601, path: '/v1/report', token: 'two' });
    expect((await t.store.get('pairing')).pairing).toMatchObject({ port: 47601, userId: 'u2' });
  });

  it('refuses a pairing the app refuses, in a sentence, and keeps the one it had', async () => {
    const t = setup({ 47600: { token: 'one', userId: 'u1' }, 47601: 'down' });
    await t.link.pair(47600, 'one');
    await expect(t.link.pair(47600, 'wrong')).rejects.toThrow(/refused the token/);
    await expect(t.link.pair(47601, 'two')).rejects.toThrow('Time Audit is not running on port 47601.');
    expect((await t.store.get('pairing')).pairing).toMatchObject({ port: 47600, token: 'one' });
    expect(await t.link.refreshToday()).toBe(true);
    expect(t.calls.at(-1)).toMatchObject({ port: 47600, token: 'one' });
  });

  it('keeps the connection state: offline while the app is down, connected when it is back', async () => {
    const t = setup({ 47600: { token: 'one', userId: 'u1' } });
    await t.link.pair(47600, 'one');
    t.apps[47600] = 'down';
    t.advance(60_000);
    expect(await t.link.refreshToday()).toBe(false);
    expect((await t.store.get('link')).link).toMatchObject({
      state: 'offline',
      message: 'Time Audit is not running on port 47600.',
      sinceMs: T0 + 60_000,
    });

    t.apps[47600] = { token: 'one', userId: 'u1' };
    t.advance(60_000);
    expect(await t.link.refreshToday()).toBe(true);
    const { link, today } = await t.store.get('link', 'today');
    expect(link).toMatchObject({ state: 'connected', message: null, sinceMs: T0 + 120_000 });
    expect(today).toMatchObject({ fetchedMs: T0 + 120_000, totalMs: 90_000, domains: [{ name: 'a.test' }] });
  });

  it('says when the app refused the token, and asks nothing once unpaired', async () => {
    const t = setup({ 47600: { token: 'one', userId: 'u1' } });
    await t.link.pair(47600, 'one');
    t.apps[47600] = { token: 'rotated', userId: 'u1' };
    await expect(t.link.setCategory('a.test', 'Work')).rejects.toThrow(/refused the token/);
    expect((await t.store.get('link')).link.state).toBe('unauthorized');

    await t.link.unpair();
    const before = t.calls.length;
    expect(await t.link.refreshToday()).toBe(false);
    await t.link.refreshCategories(0);
    await expect(t.link.setCategory('a.test', 'Work')).rejects.toThrow('Not paired with the app yet.');
    expect(t.calls).toHaveLength(before);
    expect(await t.store.get('link', 'today', 'categories')).toMatchObject({
      link: { state: 'unpaired' },
      today: null,
      categories: null,
    });
  });

  it("passes on the app's refusal of a request without calling the link broken", async () => {
    const t = setup({ 47600: { token: 'one', userId: 'u1' } });
    await t.link.pair(47600, 'one');
    await expect(t.link.createCategory('Work', 'productive')).rejects.toThrow(
      'There is a category "Work" already.',
    );
    expect((await t.store.get('link')).link.state).toBe('connected');
  });

  it("updates today's figures and the category list the popup reads", async () => {
    const t = setup({ 47600: { token: 'one', userId: 'u1' } });
    await t.link.pair(47600, 'one');
    await t.link.refreshToday();
    await t.link.refreshCategories(30_000);
    await t.link.setCategory('a.test', 'Work');
    const { today, categories } = await t.store.get('today', 'categories');
    expect(today?.domains).toEqual([
      { name: 'a.test', ms: 90_000, category: 'Work', productivity: 'productive' },
    ]);
    expect(categories).toEqual({
      fetchedMs: T0,
      list: [{ id: 1, name: 'Work', productivity: 'productive' }],
    });
  });
});
