import { describe, expect, it } from 'vitest';
import { parsePairingInput } from './pairing-input.ts';

describe('parsePairingInput', () => {
  it('takes a port and a token', () => {
    expect(parsePairingInput(' 47611 ', ' abc-123 ')).toEqual({ ok: true, port: 47611, token: 'abc-123' });
  });

  it('defaults to the port 47600', () => {
    expect(parsePairingInput('', 'tok')).toEqual({ ok: true, port: 47600, token: 'tok' });
  });

  it('reads both from the dashboard link', () => {
    expect(parsePairingInput('47600', 'http://127.0.0.1:51234/#token=s3cr%2Bt')).toEqual({
      ok: true,
      port: 51234,
      token: 's3cr+t',
    });
  });

  it.each([
    ['0', 'tok'],
    ['70000', 'tok'],
    ['port', 'tok'],
    ['47600', ''],
    ['47600', 'two words'],
  ])('refuses port %j with token %j', (port, token) => {
    expect(parsePairingInput(port, token)).toMatchObject({ ok: false });
  });
});
