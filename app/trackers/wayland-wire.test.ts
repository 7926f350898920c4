import { describe, expect, it } from 'vitest';
import { ArgReader, MessageReader, encodeMessage, str, u32, waylandSocketPath } from './wayland-wire.ts';

describe('the Wayland wire format', () => {
  it('encodes a message with its size in the header and strings padded to 4 bytes', () => {
    const message = encodeMessage(2, 0, [u32(7), str('wl_seat'), u32(1), u32(4)]);
    // header 8 + u32 4 + string (4 + "wl_seat\0" 8) + 4 + 4
    expect(message.length).toBe(32);
    expect(message.readUInt32LE(0)).toBe(2);
    expect(message.readUInt32LE(4)).toBe((32 << 16) | 0);
    const args = new ArgReader(message.subarray(8));
    expect([args.u32(), args.str(), args.u32(), args.u32()]).toEqual([7, 'wl_seat', 1, 4]);
  });

  it('splits a stream into messages across any chunking', () => {
    const bytes = Buffer.concat([
      encodeMessage(2, 0, [u32(1), str('ext_idle_notifier_v1'), u32(1)]),
      encodeMessage(6, 1, []),
    ]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const reader = new MessageReader();
      const messages = [...reader.push(bytes.subarray(0, cut)), ...reader.push(bytes.subarray(cut))];
      expect(messages.map((m) => [m.objectId, m.opcode])).toEqual([
        [2, 0],
        [6, 1],
      ]);
      const args = new ArgReader(messages[0]!.body);
      expect([args.u32(), args.str(), args.u32()]).toEqual([1, 'ext_idle_notifier_v1', 1]);
    }
  });

  it('rejects a size smaller than the header, and a string past the end', () => {
    const broken = Buffer.alloc(8);
    broken.writeUInt32LE(1, 0);
    broken.writeUInt32LE(4 << 16, 4);
    expect(() => new MessageReader().push(broken)).toThrow(/corrupt/);
    const short = Buffer.alloc(8);
    short.writeUInt32LE(100, 0);
    expect(() => new ArgReader(short).str()).toThrow(RangeError);
  });

  it('finds the socket from WAYLAND_DISPLAY and XDG_RUNTIME_DIR', () => {
    expect(waylandSocketPath({ WAYLAND_DISPLAY: 'wayland-1', XDG_RUNTIME_DIR: '/run/user/1000' })).toBe(
      '/run/user/1000/wayland-1',
    );
    expect(waylandSocketPath({ WAYLAND_DISPLAY: '/tmp/w', XDG_RUNTIME_DIR: '/x' })).toBe('/tmp/w');
    expect(waylandSocketPath({ WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(waylandSocketPath({})).toBeNull();
  });
});
