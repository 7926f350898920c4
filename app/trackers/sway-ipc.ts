/**
 * The i3/sway IPC wire format over one Unix socket: each message is the magic "i3-ipc", a u32 payload length,
 * a u32 type (both in the machine's byte order, little-endian everywhere sway runs) and a JSON payload.
 * Replies come in the order of the requests; events (type with the high bit set) arrive in between.
 *
 *   "i3-ipc" │ length │ type │ payload (length bytes of JSON)
 *    6 bytes   4        4
 *
 * Garbage before a frame is skipped up to the next magic; a length past MAX_PAYLOAD means the stream cannot be
 * trusted any more, and the connection is dropped.
 */
import net from 'node:net';

export const MAGIC = Buffer.from('i3-ipc', 'ascii');
const HEADER = MAGIC.length + 8;
export const MAX_PAYLOAD = 64 * 1024 * 1024;
export const EVENT_BIT = 0x80000000;

export const IPC = { RUN_COMMAND: 0, SUBSCRIBE: 2, GET_TREE: 4 } as const;

export interface Frame {
  type: number;
  payload: Buffer;
}

export function encodeFrame(type: number, payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(body.length, MAGIC.length);
  header.writeUInt32LE(type >>> 0, MAGIC.length + 4);
  return Buffer.concat([header, body]);
}

/** Accumulates bytes and yields whole frames; partial frames wait for the rest. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  /** Throws when a header announces more than MAX_PAYLOAD: the caller drops the connection. */
  push(chunk: Buffer): Frame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: Frame[] = [];
    for (;;) {
      const start = this.buffer.indexOf(MAGIC);
      if (start < 0) {
        // Keep a tail that could be the beginning of the next magic.
        this.buffer = this.buffer.subarray(Math.max(0, this.buffer.length - (MAGIC.length - 1)));
        return frames;
      }
      if (start > 0) this.buffer = this.buffer.subarray(start);
      if (this.buffer.length < HEADER) return frames;
      const length = this.buffer.readUInt32LE(MAGIC.length);
      const type = this.buffer.readUInt32LE(MAGIC.length + 4);
      if (length > MAX_PAYLOAD) throw new Error(`sway IPC frame of ${length} bytes: the stream is corrupt`);
      if (this.buffer.length < HEADER + length) return frames;
      frames.push({ type, payload: Buffer.from(this.buffer.subarray(HEADER, HEADER + length)) });
      this.buffer = this.buffer.subarray(HEADER + length);
    }
  }
}

export interface IpcConnection {
  request(type: number, payload?: string): Promise<unknown>;
  close(): void;
}

export interface IpcHandlers {
  /** An event (its type without the high bit) and its parsed payload; unparsable payloads are dropped. */
  onEvent(type: number, body: unknown): void;
  /** The connection ended or failed; called once. */
  onClose(error: Error | null): void;
}

/** Connects to the socket at `path`; resolves once connected. Each request times out after `timeoutMs`. */
export function connectIpc(path: string, handlers: IpcHandlers, timeoutMs: number): Promise<IpcConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(path);
    const reader = new FrameReader();
    const pending: {
      resolve: (v: unknown) => void;
      reject: (e: Error) => void;
      timer: NodeJS.Timeout;
    }[] = [];
    let connected = false;
    let closed = false;
    const end = (error: Error | null): void => {
      if (closed) return;
      closed = true;
      socket.destroy();
      for (const p of pending.splice(0)) {
        clearTimeout(p.timer);
        p.reject(error ?? new Error('sway IPC connection closed'));
      }
      if (connected) handlers.onClose(error);
      else reject(error ?? new Error('sway IPC connection closed before it opened'));
    };
    socket.setTimeout(timeoutMs);
    socket.once('timeout', () => {
      if (!connected) end(new Error(`no answer from sway IPC at ${path} within ${timeoutMs} ms`));
    });
    socket.on('error', (err) => end(err));
    socket.on('close', () => end(null));
    socket.on('data', (chunk: Buffer) => {
      let frames: Frame[];
      try {
        frames = reader.push(chunk);
      } catch (err) {
        end(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      for (const frame of frames) {
        let body: unknown;
        try {
          body = JSON.parse(frame.payload.toString('utf8'));
        } catch {
          body = undefined;
        }
        if (frame.type & EVENT_BIT) {
          if (body !== undefined) handlers.onEvent(frame.type & ~EVENT_BIT, body);
          continue;
        }
        const waiting = pending.shift();
        if (!waiting) continue; // a reply nobody asked for: ignore it
        clearTimeout(waiting.timer);
        if (body === undefined) waiting.reject(new Error(`sway IPC reply of type ${frame.type} is not JSON`));
        else waiting.resolve(body);
      }
    });
    socket.once('connect', () => {
      connected = true;
      socket.setTimeout(0);
      resolve({
        request(type, payload = '') {
          if (closed) return Promise.reject(new Error('sway IPC connection closed'));
          return new Promise((ok, fail) => {
            const timer = setTimeout(
              () => end(new Error(`sway IPC: no reply within ${timeoutMs} ms`)),
              timeoutMs,
            );
            pending.push({ resolve: ok, reject: fail, timer });
            socket.write(encodeFrame(type, payload));
          });
        },
        close: () => end(null),
      });
    });
  });
}
