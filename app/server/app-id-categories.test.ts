/**
 * The built-in categories know Linux apps by their display names and by the raw ids their desktops give
 * (default-categories.json): a window event whose app is named by a desktop entry the list lacks still lands in
 * its app id's category, over real HTTP against a real Store. The name wins where it is listed, the user's
 * choice and rules win over both, and an event without app_id is categorized by its name alone, as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, SubjectTotal } from '../shared/report.ts';
import { startStoreServer, type StoreServer } from './http.testing.ts';

const NOW = Date.parse('2026-05-06T12:00:00Z');
const json = { 'content-type': 'application/json' };
let t: StoreServer;
let n = 0;

const send = async (method: string, path: string, body: unknown) => {
  const res = await t.call({ method, path, headers: json, body: JSON.stringify(body) });
  expect(res.status, res.text).toBeLessThan(300);
  return res.json;
};

/** Posts a window event of `app` (`appId` as its app_id, if given), `minutes` long, an hour after the last. */
const postWindow = (app: string, appId: string | undefined, minutes: number) => {
  const start = Date.parse('2026-05-04T09:00:00Z') + n * 60 * 60_000;
  n++;
  return send('POST', '/v1/window/events', {
    events: [
      {
        event_id: `w${n}`,
        app,
        ...(appId === undefined ? {} : { app_id: appId }),
        title: '',
        start_ts: new Date(start).toISOString(),
        end_ts: new Date(start + minutes * 60_000).toISOString(),
        duration_ms: minutes * 60_000,
        schema_version: 1,
      },
    ],
  });
};

const subjects = async (): Promise<Record<string, Pick<SubjectTotal, 'category' | 'productivity'>>> => {
  const res = await t.call({ path: '/v1/report?from=2026-05-04T00:00:00Z&to=2026-05-05T00:00:00Z&tz=UTC' });
  expect(res.status).toBe(200);
  return Object.fromEntries(
    (res.json as Report).subjects.map((s) => [
      s.name,
      { category: s.category, productivity: s.productivity },
    ]),
  );
};

beforeAll(async () => {
  t = await startStoreServer(NOW);
  await send('POST', '/v1/categories', { name: 'Mine', productivity: 'unproductive' });
});
afterAll(() => t?.close());

describe('built-in categories by display name and raw app id, over HTTP', () => {
  it('an app whose name is not listed lands in its listed app id’s category', async () => {
    await postWindow('IDEA Ultimate 2026', 'jetbrains-idea', 30);
    await postWindow('Telegram Desktop Beta', 'org.telegram.desktop', 10);
    expect(await subjects()).toMatchObject({
      'IDEA Ultimate 2026': { category: 'Development', productivity: 'productive' },
      'Telegram Desktop Beta': { category: 'Communication', productivity: 'neutral' },
    });
  });

  it('a listed name wins over an app id listed under another category', async () => {
    await postWindow('Slack', 'jetbrains-idea', 10);
    expect((await subjects())['Slack']).toEqual({ category: 'Communication', productivity: 'neutral' });
  });

  it('the user’s choice and the user’s rules win over both', async () => {
    await send('PUT', '/v1/subjects/app/Kitty%20Nightly/category', { category: 'Mine' });
    await send('POST', '/v1/rules', { field: 'app', match: 'contains', pattern: 'Fancy', category: 'Mine' });
    await postWindow('Kitty Nightly', 'kitty', 10);
    await postWindow('Fancy Files', 'org.gnome.Nautilus', 10);
    await postWindow('Fancy Slack', 'Slack', 10); // an id that is also a listed name
    expect(await subjects()).toMatchObject({
      'Kitty Nightly': { category: 'Mine', productivity: 'unproductive' },
      'Fancy Files': { category: 'Mine' },
      'Fancy Slack': { category: 'Mine' },
    });
  });

  it('an event without app_id is categorized by its name alone, as before', async () => {
    await postWindow('kitty', undefined, 10);
    await postWindow('Unlisted Tool', undefined, 10);
    // The same display name as a subject categorized through its id: the subject is shared, already decided.
    await postWindow('IDEA Ultimate 2026', undefined, 10);
    expect(await subjects()).toMatchObject({
      kitty: { category: 'Development' },
      'Unlisted Tool': { category: null, productivity: 'uncategorized' },
      'IDEA Ultimate 2026': { category: 'Development' },
    });
  });
});
