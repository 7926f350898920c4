/**
 * Just enough of the Wayland wire protocol for a client that binds a few globals and listens to their events,
 * over the compositor's Unix socket ($XDG_RUNTIME_DIR/$WAYLAND_DISPLAY). Each message is
 *
 *   object id (u32) │ size << 16 | opcode (u32) │ arguments, each 4-byte aligned
 *
 * with size counting the 8-byte header. Integers, object ids and new ids are u32; a string is its length with
 * the NUL (u32), its bytes, the NUL, padding to 4. Nothing here sends or expects file descriptors.
 */
import net from 'node:net';
import path from 'node:path';

export const DISPLAY_ID = 1;
const HEADER = 8;

export function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0, 0);
  return b;
}

export function str(value: string): Buffer {
  const bytes = Buffer.from(`${value}\0`, 'utf8');
  const padded = Buffer.alloc(4 + Math.ceil(bytes.length / 4) * 4);
  padded.writeUInt32LE(bytes.length, 0);
  bytes.copy(padded, 4);
  return padded;
}

export function encodeMessage(objectId: number, opcode: number, args: Buffer[]): Buffer {
  const body = Buffer.concat(args);
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(objectId >>> 0, 0);
  header.writeUInt32LE((((HEADER + body.length) << 16) | opcode) >>> 0, 4);
  return Buffer.concat([header, body]);
}

/** Reads the arguments of one event in order; throws RangeError on a body shorter than announced. */
export class ArgReader {
  private offset = 0;
  private readonly body: Buffer;

  constructor(body: Buffer) {
    this.body = body;
  }

  u32(): number {
    const v = this.body.readUInt32LE(this.offset);
    this.offset += 4;
    return v;
  }

  str(): string {
    const length = this.u32();
    if (length === 0) return '';
    if (this.offset + length > this.body.length) throw new RangeError('Wayland string past the message end');
    const value = this.body.toString('utf8', this.offset, this.offset + length - 1);
    this.offset += Math.ceil(length / 4) * 4;
    return value;
  }
}

export interface WireMessage {
  objectId: number;
  opcode: number;
  body: Buffer;
}

/** Splits the byte stream into messages; a size below the header's own is a broken stream. */
export class MessageReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): WireMessage[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const messages: WireMessage[] = [];
    while (this.buffer.length >= HEADER) {
      const objectId = this.buffer.readUInt32LE(0);
      const word = this.buffer.readUInt32LE(4);
      const size = word >>> 16;
      if (size < HEADER) throw new Error(`Wayland message of ${size} bytes: the stream is corrupt`);
      if (this.buffer.length < size) break;
      messages.push({
        objectId,
        opcode: word & 0xffff,
        body: Buffer.from(this.buffer.subarray(HEADER, size)),
      });
      this.buffer = this.buffer.subarray(size);
    }
    return messages;
  }
}

/** The compositor's socket: $WAYLAND_DISPLAY when absolute, else under $XDG_RUNTIME_DIR; null when unknown. */
export function waylandSocketPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const display = env.WAYLAND_DISPLAY;
  if (!display) return null;
  if (path.isAbsolute(display)) return display;
  return env.XDG_RUNTIME_DIR ? path.join(env.XDG_RUNTIME_DIR, display) : null;
}

export function connectSocket(socketPath: string, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer from the Wayland socket ${socketPath} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}
