/**
 * Title redaction at every door, on a real SQLite file behind a real HTTP server: the tracker's sink (the
 * store's saveTrackedWindow, as serve.ts wires it), POST /v1/window/events and an ActivityWatch import. The
 * hidden texts never reach the database file or its WAL; a change of the settings applies at once; rules and
 * suggestions work on the titles as stored.
 */
import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveSettings, memorySettings } from '../core/live-settings.ts';
import { startStoreServer, type StoreServer } from './http.testing.ts';

const NOW = Date.UTC(2026, 2, 10, 12);
const M = 60_000;
const json = { 'content-type': 'application/json' };

let t: StoreServer;
let settings: LiveSettings;
beforeEach(async () => {
  settings = new LiveSettings(memorySettings());
  t = await startStoreServer(NOW, { settings });
});
afterEach(() => t.close());

/** The database file and its WAL, as bytes an attacker with the disk would read. */
function fileBytes(): string {
  const file = t.store.file;
  return [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}

const SECRETS = ['vault-Kx81', 'Zq-sale-page', 'zoe.secret@mail.example.org', '4111222233334444'];

const wire = (id: string, app: string, title: string, startMs: number) => ({
  event_id: id,
  app,
  title,
  start_ts: new Date(startMs).toISOString(),
  end_ts: new Date(startMs + 10 * M).toISOString(),
  duration_ms: 10 * M,
  schema_version: 1,
});

const storedTitles = () =>
  t.store.db.prepare('SELECT app, title FROM window_events ORDER BY start_ms').all() as Array<{
    app: string;
    title: string;
  }>;

describe('redacted titles', () => {
  it('never reach the database, whichever door they come through', async () => {
    const base = NOW - 3 * 3_600_000;
    // The tracker's sink, a checkpoint re-saving the open event included.
    const tracked = { eventId: 't1', app: 'KeePassXC', title: 'bank vault-Kx81 - KeePassXC', startMs: base };
    t.store.saveTrackedWindow({ ...tracked, endMs: base + M });
    t.store.saveTrackedWindow({ ...tracked, endMs: base + 5 * M });
    // The API.
    const res = await t.call({
      method: 'POST',
      path: '/v1/window/events',
      headers: json,
      body: JSON.stringify({
        events: [
          wire('a1', 'Google-chrome', 'Zq-sale-page - Google Chrome (Incognito)', base + 10 * M),
          wire('a2', 'Thunderbird', 'Re: order from zoe.secret@mail.example.org', base + 20 * M),
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ accepted: 2, rejected: [] });
    // An import.
    const ts = (ms: number) => new Date(ms).toISOString();
    const exported = {
      buckets: {
        'aw-watcher-window_host': {
          id: 'aw-watcher-window_host',
          type: 'currentwindow',
          client: 'aw-watcher-window',
          hostname: 'host',
          events: [
            {
              timestamp: ts(base + 40 * M),
              duration: 300,
              data: { app: 'Slack', title: 'card 4111222233334444' },
            },
          ],
        },
      },
    };
    const imported = await t.call({
      method: 'POST',
      path: '/v1/import/activitywatch',
      headers: json,
      body: JSON.stringify(exported),
    });
    expect(imported.status).toBe(200);

    expect(storedTitles()).toEqual([
      { app: 'KeePassXC', title: '[hidden]' },
      { app: 'Google-chrome', title: '[hidden]' },
      { app: 'Thunderbird', title: 'Re: order from [email]' },
      { app: 'Slack', title: 'card [number]' },
    ]);
    t.store.refreshRollups();
    const bytes = fileBytes();
    for (const secret of SECRETS) expect(bytes).not.toContain(secret);
    // The app time stays: only the titles changed.
    const report = t.store.report({ fromMs: base - M, toMs: NOW, tz: 'UTC' });
    expect(report.total_ms).toBe(5 * M + 10 * M + 10 * M + 5 * M);
  });

  it('follow a change of the settings at once, and rules match the stored title', async () => {
    const patch = await t.call({
      method: 'PATCH',
      path: '/v1/settings',
      headers: json,
      body: JSON.stringify({ redact_patterns: ['ACME-[0-9]+'], private_apps: [] }),
    });
    expect(patch.status).toBe(200);
    await t.call({
      method: 'POST',
      path: '/v1/categories',
      headers: json,
      body: JSON.stringify({ name: 'Vault', productivity: 'neutral' }),
    });
    const rule = await t.call({
      method: 'POST',
      path: '/v1/rules',
      headers: json,
      body: JSON.stringify({ field: 'title', match: 'contains', pattern: '[hidden]', category: 'Vault' }),
    });
    expect(rule.status).toBe(201);
    const base = NOW - 3_600_000;
    await t.call({
      method: 'POST',
      path: '/v1/window/events',
      headers: json,
      body: JSON.stringify({
        events: [
          wire('b1', 'Code', 'ticket ACME-4417 notes', base),
          wire('b2', 'KeePassXC', 'kept vault-Kx81', base + 10 * M),
        ],
      }),
    });
    expect(storedTitles()).toEqual([
      { app: 'Code', title: 'ticket [hidden] notes' },
      { app: 'KeePassXC', title: 'kept vault-Kx81' }, // the user took KeePassXC off the list
    ]);
    const report = t.store.report({ fromMs: base - M, toMs: NOW, tz: 'UTC' });
    expect(report.subjects.map((s) => [s.name, s.category])).toContainEqual(['Code — [hidden]', 'Vault']);
    expect(fileBytes()).not.toContain('ACME-4417');
    // Suggestions read the stored titles: they answer, and never show what was hidden.
    const suggestions = await t.call({ path: '/v1/suggestions' });
    expect(suggestions.status).toBe(200);
    expect(suggestions.text).not.toContain('ACME-4417');
  });
});
