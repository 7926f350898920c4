import { describe, expect, it } from 'vitest';
import { EVENT_BIT, FrameReader, MAX_PAYLOAD, encodeFrame } from './sway-ipc.ts';

const text = (frames: { type: number; payload: Buffer }[]) =>
  frames.map((f) => ({ type: f.type, body: f.payload.toString('utf8') }));

describe('FrameReader', () => {
  it('reads whole frames, and frames split across chunks at any byte', () => {
    const bytes = Buffer.concat([
      encodeFrame(4, '{"a":1}'),
      encodeFrame(EVENT_BIT | 3, '{"change":"focus"}'),
    ]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const reader = new FrameReader();
      const frames = [...reader.push(bytes.subarray(0, cut)), ...reader.push(bytes.subarray(cut))];
      expect(text(frames)).toEqual([
        { type: 4, body: '{"a":1}' },
        { type: (EVENT_BIT | 3) >>> 0, body: '{"change":"focus"}' },
      ]);
    }
  });

  it('skips garbage up to the next frame', () => {
    const reader = new FrameReader();
    const frames = [
      ...reader.push(Buffer.from('junk i3-ip')),
      ...reader.push(Buffer.concat([Buffer.from('x more junk'), encodeFrame(0, '[]')])),
    ];
    expect(text(frames)).toEqual([{ type: 0, body: '[]' }]);
  });

  it('throws on a length no sway would send, so the caller drops the connection', () => {
    const header = encodeFrame(4, '');
    header.writeUInt32LE(MAX_PAYLOAD + 1, 6);
    expect(() => new FrameReader().push(header)).toThrow(/corrupt/);
  });
});
