/**
 * Helpers for the tests in this folder (not used by the app): a raw HTTP client on node:http, so that a test can
 * send any Host, Origin or Content-Type header, and a way to start a server on port 0 with a recording logger.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Store } from '../db/store.ts';
import { DailyBackups } from '../db/daily-backups.ts';
import http from 'node:http';
import type { Logger } from '../core/logger.ts';
import { createServer, type ServerOptions, type TimeAuditServer } from './server.ts';

export const TEST_TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
export const TEST_EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export interface RawRequest {
  method?: string;
  path: string;
  /** Sent exactly as given; `host` defaults to 127.0.0.1:PORT. A null value removes a default header. */
  headers?: Record<string, string | null>;
  body?: string | Buffer;
}

export function rawRequest(port: number, options: RawRequest): Promise<RawResponse> {
  const headers: Record<string, string> = { host: `127.0.0.1:${port}` };
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          settled = true;
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    // The server may answer and close before a large body has been sent (413): the answer is what counts.
    req.on('error', (error) => {
      if (!settled) setTimeout(() => (settled ? undefined : reject(error)), 200);
    });
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  extra?: object | undefined;
}

/** A logger that keeps its records instead of printing them. */
export function recordingLogger(records: LogRecord[] = []): Logger & { records: LogRecord[] } {
  const at =
    (level: LogRecord['level']) =>
    (message: string, extra?: object): void => {
      records.push({ level, message, extra });
    };
  return {
    records,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => recordingLogger(records),
  };
}

export interface TestServer {
  server: TimeAuditServer;
  port: number;
  log: ReturnType<typeof recordingLogger>;
  /** rawRequest with `Authorization: Bearer TEST_TOKEN` added unless the test sets its own. */
  call(options: RawRequest): Promise<RawResponse>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: Pick<ServerOptions, 'store'> & Partial<ServerOptions>,
): Promise<TestServer> {
  const log = recordingLogger();
  const server = createServer({
    token: TEST_TOKEN,
    extensionIds: [TEST_EXTENSION_ID],
    log,
    dashboardDir: null,
    ...options,
    port: 0,
  });
  const { port } = await server.listen();
  return {
    server,
    port,
    log,
    call: (request) =>
      rawRequest(port, {
        ...request,
        headers: { authorization: `Bearer ${TEST_TOKEN}`, ...request.headers },
      }),
    close: () => server.close(),
  };
}

/** A real Store on a fresh temporary file, served on port 0; close() stops both and removes the file. */
export interface StoreServer extends TestServer {
  store: Store;
  dir: string;
}

export async function startStoreServer(
  nowMs: number,
  given:
    | Partial<Omit<ServerOptions, 'store' | 'now'>>
    | ((store: Store, dir: string) => Partial<Omit<ServerOptions, 'store' | 'now'>>) = {},
): Promise<StoreServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'timeaudit-test-'));
  // As the daemon does: the settings' title redaction applies to what the store writes.
  const redaction = typeof given === 'function' ? undefined : given.settings?.redaction;
  const store = Store.open({ file: path.join(dir, 'db.sqlite'), now: () => nowMs, redaction });
  // Options that need the store or its folder (a sync service) are made once both exist.
  const options = typeof given === 'function' ? given(store, dir) : given;
  const backups = new DailyBackups({ dataDir: dir, database: store.db.name, now: () => nowMs });
  const t = await startTestServer({ backups, ...options, store, now: () => nowMs });
  return {
    ...t,
    store,
    dir,
    close: async () => {
      await t.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser event on the wire, with duration_ms matching its times. */
export function browserEvent(id: string, start: string, end: string, domain = 'github.com') {
  return {
    event_id: id,
    user_id: 'u1',
    domain,
    start_ts: start,
    end_ts: end,
    duration_ms: Math.max(0, Date.parse(end) - Date.parse(start)),
    reason_closed: 'tab_switch',
    schema_version: 1,
  };
}
