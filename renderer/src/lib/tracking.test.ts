import { describe, expect, it } from 'vitest';
import type { AppStatus, SourceStatus } from '../../../app/shared/api/index.ts';
import { ago, describePort, describeSource, headline } from './tracking.ts';

const source = (over: Partial<SourceStatus>): SourceStatus => ({
  id: 'windows',
  label: 'Active window',
  state: 'tracking',
  reason: null,
  via: 'get-windows',
  last_seen: null,
  ...over,
});
const status = (windows: Partial<SourceStatus> | null, paused = false): AppStatus => ({
  pause: { paused, until: null },
  sources: windows ? [source(windows)] : [],
  api: { port: 47600, port_source: 'default', saved_port: 47600 },
});

describe('headline', () => {
  it('says tracking only when the window tracker runs and nothing is paused', () => {
    expect(headline(status({}), false)).toEqual({ tone: 'on', text: 'Tracking' });
    expect(headline(status({}, true), false)).toEqual({ tone: 'paused', text: 'Paused' });
  });
  it('names the reason when window tracking is off or failing', () => {
    expect(headline(status({ state: 'off', reason: 'started with --no-track', via: null }), false)).toEqual({
      tone: 'off',
      text: 'Not tracking: started with --no-track',
    });
    expect(headline(status({ state: 'failing', reason: 'x' }), false).tone).toBe('failing');
  });
  it('says the API is unreachable before anything it said last', () => {
    expect(headline(status({}), true)).toEqual({ tone: 'down', text: 'API unreachable' });
    expect(headline(null, false).tone).toBe('unknown');
    expect(headline(status(null), false).tone).toBe('unknown');
  });
});

describe('sources and port', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  it('says when the browser extension was last seen', () => {
    const seen = source({ id: 'browser', state: 'seen', via: null, last_seen: '2026-12-07T11:57:00Z' });
    expect(describeSource(seen, now)).toBe('Last seen 3 min ago');
    expect(ago('2026-12-07T11:59:40Z', now)).toBe('just now');
    expect(ago('2026-12-07T09:00:00Z', now)).toBe('3 h ago');
    expect(describeSource(source({ state: 'unseen', via: null }), now)).toBe(
      'Not seen since Time Audit started',
    );
    expect(describeSource(source({ state: 'off', reason: 'no display', via: null }), now)).toBe(
      'Off: no display',
    );
    expect(describeSource(source({ via: 'sway' }), now)).toBe('Tracking (sway)');
  });
  it('names where the port comes from', () => {
    expect(describePort({ port: 39211, port_source: 'flag', saved_port: 47600 })).toBe(
      'Port 39211, from the --port flag',
    );
  });
});
