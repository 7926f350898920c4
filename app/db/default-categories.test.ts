import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../shared/hostname.ts';
import { DEFAULT_CATEGORY_DB, defaultCategoryFor } from './default-categories.ts';

describe('the built-in category database', () => {
  it('is large enough, without duplicates, and every entry names one of its categories', () => {
    expect(DEFAULT_CATEGORY_DB.subjects.length).toBeGreaterThanOrEqual(300);
    const keys = DEFAULT_CATEGORY_DB.subjects.map((s) => `${s.kind}:${s.name.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
    const names = new Set(DEFAULT_CATEGORY_DB.categories.map((c) => c.name));
    expect(names.size).toBe(DEFAULT_CATEGORY_DB.categories.length);
    for (const s of DEFAULT_CATEGORY_DB.subjects)
      expect(names.has(s.category), `${s.name}: ${s.category}`).toBe(true);
    for (const s of DEFAULT_CATEGORY_DB.subjects.filter((x) => x.kind === 'domain')) {
      expect(normalizeDomain(s.name), s.name).toBe(s.name);
    }
    for (const kind of ['app', 'domain'] as const) {
      expect(DEFAULT_CATEGORY_DB.subjects.filter((s) => s.kind === kind).length).toBeGreaterThan(100);
    }
  });

  it('finds an app by name in any case, and a domain through its nearest listed parent', () => {
    expect(defaultCategoryFor('app', 'visual studio code')?.name).toBe('Development');
    expect(defaultCategoryFor('domain', 'gist.github.com')?.name).toBe('Development');
    expect(defaultCategoryFor('domain', 'mail.google.com')?.name).toBe('Email');
    expect(defaultCategoryFor('domain', 'www.google.com')?.name).toBe('Search');
    expect(defaultCategoryFor('domain', 'localhost')?.name).toBe('Development');
    expect(defaultCategoryFor('domain', 'unknown.example.test')).toBeNull();
    expect(defaultCategoryFor('app', 'Google Chrome')).toBeNull(); // a browser: its domains decide
  });

  it('knows the common Linux apps by their raw ids as well as by their names', () => {
    const expected: Record<string, string> = {
      'jetbrains-idea': 'Development',
      'Gnome-terminal': 'Development',
      konsole: 'Development',
      kitty: 'Development',
      Alacritty: 'Development',
      foot: 'Development',
      xterm: 'Development',
      'libreoffice-writer': 'Office & Planning',
      'org.gnome.Nautilus': 'Utilities',
      TelegramDesktop: 'Communication',
      'com.slack.Slack': 'Communication',
      'IntelliJ IDEA Ultimate': 'Development',
      Files: 'Utilities',
    };
    for (const [app, category] of Object.entries(expected))
      expect(defaultCategoryFor('app', app)?.name, app).toBe(category);
    expect(defaultCategoryFor('app', 'org.mozilla.firefox')).toBeNull(); // a browser
  });
});
