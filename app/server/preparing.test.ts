/**
 * The daemon while a zone's summaries are being built: the API answers at once (health, ingest, short
 * reports), and a long report says it is being prepared instead of holding everything up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDays } from '../demo/synthetic.ts';
import { Store } from '../db/store.ts';
import { startTestServer, type TestServer } from './http.testing.ts';

const FIRST_DAY = Math.floor(Date.UTC(2025, 0, 1) / 86_400_000);
const DAYS = 200;
const NOW = (FIRST_DAY + DAYS) * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

let dir: string;
let store: Store;
let t: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-preparing-'));
  const file = path.join(dir, 'db.sqlite');
  const filler = Store.open({ file, now: () => NOW });
  for (const day of generateDays({ firstDay: FIRST_DAY, days: DAYS, tz: 'UTC' }, 3)) {
    filler.ingest('window', day.window);
    filler.ingest('idle', day.idle);
  }
  filler.close();
  store = Store.open({ file, now: () => NOW, zoneBuilds: 'background' });
  t = await startTestServer({ store, now: () => NOW });
});
afterAll(async () => {
  await t.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = (fromMs: number, tz: string) =>
  t.call({ path: `/v1/report?from=${iso(fromMs)}&to=${iso(NOW)}&tz=${encodeURIComponent(tz)}` });

describe('a zone being prepared', () => {
  it('answers 503 preparing with Retry-After for a long report, while health and short reports answer', async () => {
    const long = await report(FIRST_DAY * 86_400_000, 'America/Sao_Paulo');
    expect(long.status).toBe(503);
    expect(long.headers['retry-after']).toBe('2');
    expect(long.json).toEqual({
      error: {
        code: 'preparing',
        message: expect.stringMatching(/^the reports of America\/Sao_Paulo are being prepared \(\d+% done\)/),
      },
    });
    // The build goes on between requests: health answers while it is not done yet.
    let answeredWhileBuilding = 0;
    for (let i = 0; i < 10; i++) {
      expect((await t.call({ path: '/v1/health', headers: { authorization: null } })).status).toBe(200);
      if (!store.zoneProgress('America/Sao_Paulo').done) answeredWhileBuilding++;
    }
    expect(answeredWhileBuilding).toBeGreaterThan(0);
    const short = await report(NOW - 14 * 86_400_000, 'America/Sao_Paulo');
    expect(short.status).toBe(200);
    expect((short.json as { total_ms: number }).total_ms).toBeGreaterThan(0);

    // Asked again until ready, it answers the same as the CLI's inline build of the same data.
    let answer = long;
    for (let i = 0; answer.status === 503 && i < 500; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await report(FIRST_DAY * 86_400_000, 'America/Sao_Paulo');
    }
    expect(answer.status).toBe(200);
    const inline = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => NOW });
    try {
      expect(answer.json).toEqual(
        inline.report({ fromMs: FIRST_DAY * 86_400_000, toMs: NOW, tz: 'America/Sao_Paulo' }),
      );
    } finally {
      inline.close();
    }
  });
});
