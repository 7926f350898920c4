import { describe, expect, it } from 'vitest';
import { checkBrowserEvent, checkIdleEvent, checkWindowEvent, normalizeDomain } from './events.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const browser = (over: Record<string, unknown> = {}) => ({
  event_id: '6f1c2b9e-0d7a-4a55-9d0e-2a0c7b1e9f00',
  user_id: 'u-1',
  domain: 'GitHub.com',
  start_ts: '2026-06-01T10:00:00Z',
  end_ts: '2026-06-01T12:15:00+02:00',
  duration_ms: 15 * 60_000,
  reason_closed: 'tab_switch',
  schema_version: 1,
  ...over,
});
const codeOf = (r: ReturnType<typeof checkBrowserEvent>) => (r.ok ? 'ok' : r.code);

describe('event checks', () => {
  it('parses a valid browser event to epoch ms and a lower-case domain', () => {
    const r = checkBrowserEvent(browser(), NOW);
    expect(r).toEqual({
      ok: true,
      value: {
        eventId: '6f1c2b9e-0d7a-4a55-9d0e-2a0c7b1e9f00',
        userId: 'u-1',
        domain: 'github.com',
        startMs: Date.parse('2026-06-01T10:00:00Z'),
        endMs: Date.parse('2026-06-01T10:15:00Z'),
        durationMs: 900_000,
        reasonClosed: 'tab_switch',
      },
    });
  });

  it('names what is wrong with each bad event', () => {
    expect(codeOf(checkBrowserEvent(browser({ end_ts: '2026-06-01T09:00:00Z', duration_ms: 0 }), NOW))).toBe(
      'end_before_start',
    );
    expect(codeOf(checkBrowserEvent(browser({ duration_ms: 15 * 60_000 + 1001 }), NOW))).toBe(
      'duration_mismatch',
    );
    expect(codeOf(checkBrowserEvent(browser({ duration_ms: 15 * 60_000 + 999 }), NOW))).toBe('ok');
    expect(codeOf(checkBrowserEvent(browser({ domain: 'https://github.com/x' }), NOW))).toBe(
      'invalid_domain',
    );
    expect(codeOf(checkBrowserEvent(browser({ domain: 'bad_host!.com' }), NOW))).toBe('invalid_domain');
    expect(codeOf(checkBrowserEvent(browser({ schema_version: 2 }), NOW))).toBe('unsupported_schema_version');
    expect(codeOf(checkBrowserEvent(browser({ start_ts: '2026-06-01T10:00:00' }), NOW))).toBe(
      'invalid_timestamp',
    );
    expect(
      codeOf(
        checkBrowserEvent(browser({ start_ts: '2027-01-01T00:00:00Z', end_ts: '2027-01-01T00:15:00Z' }), NOW),
      ),
    ).toBe('in_future');
    expect(codeOf(checkBrowserEvent(browser({ event_id: '' }), NOW))).toBe('invalid_event');
    expect(codeOf(checkBrowserEvent('not an object', NOW))).toBe('invalid_event');
    expect(codeOf(checkBrowserEvent(browser({ duration_ms: -5 }), NOW))).toBe('invalid_event');
  });

  it('checks window and idle events the same way', () => {
    const base = {
      event_id: 'w1',
      start_ts: '2026-06-01T10:00:00Z',
      end_ts: '2026-06-01T10:01:00Z',
      duration_ms: 60_000,
      schema_version: 1,
    };
    expect(checkWindowEvent({ ...base, app: 'Code', title: 'main.ts' }, NOW).ok).toBe(true);
    expect(checkWindowEvent({ ...base, app: '   ', title: '' }, NOW).ok).toBe(false);
    expect(checkIdleEvent(base, NOW).ok).toBe(true);
    expect(checkIdleEvent({ ...base, schema_version: '1' }, NOW).ok).toBe(false);
  });

  it("keeps a window's raw app id beside its display name, when it differs", () => {
    const base = {
      event_id: 'w1',
      start_ts: '2026-06-01T10:00:00Z',
      end_ts: '2026-06-01T10:01:00Z',
      duration_ms: 60_000,
      schema_version: 1,
      title: 'Main.kt',
    };
    const named = checkWindowEvent({ ...base, app: 'IntelliJ IDEA', app_id: 'jetbrains-idea' }, NOW);
    expect(named.ok && named.value).toMatchObject({ app: 'IntelliJ IDEA', appId: 'jetbrains-idea' });
    const same = checkWindowEvent({ ...base, app: 'kitty', app_id: 'kitty' }, NOW);
    expect(same.ok && 'appId' in same.value).toBe(false);
    expect(checkWindowEvent({ ...base, app: 'x', app_id: '' }, NOW)).toMatchObject({ ok: false });
    expect(checkWindowEvent({ ...base, app: 'x', app_id: 'y'.repeat(257) }, NOW)).toMatchObject({
      ok: false,
    });
    expect(checkWindowEvent({ ...base, app: 'x', app_id: 42 }, NOW)).toMatchObject({ ok: false });
  });

  it('normalizes hostnames and refuses anything else', () => {
    expect(normalizeDomain('Docs.RS.')).toBe('docs.rs');
    expect(normalizeDomain('localhost')).toBe('localhost');
    expect(normalizeDomain('a.example.test')).toBe('a.example.test');
    for (const bad of [
      '',
      'exa mple.com',
      '-x.com',
      'x-.com',
      'a..b',
      'http://x.com',
      'x.com:80',
      '[::1]',
      'ü.com',
    ]) {
      expect(normalizeDomain(bad), bad).toBeNull();
    }
  });
});
