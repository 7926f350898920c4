/**
 * The store keeps its own invariants on text, whoever calls it (the API validates first; the CLI and the
 * desktop app call the store directly): no control character in a category name, a subject's name, a manual
 * entry's label or note, or a rule's pattern.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from './store.ts';
import { domainErrorOf } from './events.testing.ts';

const NOW = Date.UTC(2026, 4, 4, 12);
let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ta-text-'));
  store = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => NOW });
  store.createCategory('Sport', 'productive');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('control characters in what the store keeps', () => {
  it.each(['\u0000Gym', 'Gy\nm', 'Gym\u007f', 'G\u009bym'])('are refused: %j', (text) => {
    const names = store.listCategories().map((c) => c.name);
    const sport = store.listCategories().find((c) => c.name === 'Sport')!;
    expect(domainErrorOf(() => store.createCategory(text, 'neutral'))).toMatchObject({
      kind: 'invalid',
      field: 'name',
    });
    expect(domainErrorOf(() => store.updateCategory(sport.id, { name: text }))).toMatchObject({
      kind: 'invalid',
      field: 'name',
    });
    expect(domainErrorOf(() => store.setSubjectCategory('app', text, 'Sport'))).toMatchObject({
      kind: 'invalid',
      field: 'name',
    });
    const entry = { label: 'Gym', category: 'Sport', startMs: NOW - 3_600_000, endMs: NOW - 1_800_000 };
    expect(domainErrorOf(() => store.createManualEntry({ ...entry, label: text }))).toMatchObject({
      kind: 'invalid',
      field: 'label',
    });
    expect(domainErrorOf(() => store.createManualEntry({ ...entry, note: text }))).toMatchObject({
      kind: 'invalid',
      field: 'note',
    });
    for (const match of ['contains', 'regex'] as const)
      expect(
        domainErrorOf(() => store.createRule({ field: 'app', match, pattern: text, category: 'Sport' })),
      ).toMatchObject({ kind: 'invalid', field: 'pattern' });
    expect(store.listCategories().map((c) => c.name)).toEqual(names);
    expect(store.listRules()).toEqual([]);
    expect(store.listManualEntries(0, NOW)).toEqual([]);
    expect(store.db.prepare(`SELECT count(*) FROM subjects`).pluck().get()).toBe(0);
  });
});
