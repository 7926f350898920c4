/**
 * The real localhost listener (app/server) on a Store, run in a worker thread as `timeaudit serve` runs it, so
 * that the benchmark's HTTP client does not share an event loop with the server it measures. Plus a tiny client
 * over node's fetch (keep-alive by default) with the bearer token.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { setLogLevel } from '../app/core/logger.ts';
import { Store } from '../app/db/store.ts';
import { createServer } from '../app/server/server.ts';
import { loadOrCreateToken } from '../app/server/token.ts';

interface Start {
  file: string;
  dataDir: string;
  /** A bare node:http server that only reads and parses each body: the transport's own ceiling. */
  bare?: boolean;
}

type FromWorker =
  { type: 'ready'; url: string; token: string } | { type: 'stopped' } | { type: 'failed'; message: string };

export interface BenchServer {
  url: string;
  token: string;
  /** GET or POST a path, returning the parsed JSON; throws on a status other than 2xx. */
  call<T = unknown>(method: 'GET' | 'POST', path: string, body?: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startServerWorker(start: Start): Promise<BenchServer> {
  const worker = new Worker(new URL(import.meta.url), { workerData: start });
  const next = (): Promise<FromWorker> =>
    new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const ready = await next();
  if (ready.type !== 'ready') {
    await worker.terminate();
    throw new Error(
      `the server worker did not start: ${ready.type === 'failed' ? ready.message : ready.type}`,
    );
  }
  const headers = { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' };
  return {
    url: ready.url,
    token: ready.token,
    async call<T>(method: 'GET' | 'POST', path: string, body?: string): Promise<T> {
      const response = await fetch(`${ready.url}${path}`, {
        method,
        headers: body === undefined ? { authorization: headers.authorization } : headers,
        body: body ?? null,
      });
      const text = await response.text();
      if (!response.ok)
        throw new Error(`${method} ${path.split('?')[0]} answered ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    },
    async stop() {
      const stopped = next();
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}

async function serveBare(port: NonNullable<typeof parentPort>): Promise<void> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const accepted = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: unknown[] }).events
        .length;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ accepted, duplicates: 0, rejected: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  port.once('message', () => {
    server.close(() => port.postMessage({ type: 'stopped' } satisfies FromWorker));
  });
  port.postMessage({ type: 'ready', url: `http://127.0.0.1:${bound}`, token: 'none' } satisfies FromWorker);
}

async function serveInWorker({ file, dataDir, bare }: Start): Promise<void> {
  const port = parentPort;
  if (!port) return;
  if (bare) return serveBare(port);
  setLogLevel('warn');
  const store = Store.open({ file });
  try {
    const token = loadOrCreateToken(dataDir);
    const server = createServer({ store, token, port: 0, extensionIds: [] });
    const { url } = await server.listen();
    port.once('message', async () => {
      await server.close();
      store.close();
      port.postMessage({ type: 'stopped' } satisfies FromWorker);
    });
    port.postMessage({ type: 'ready', url, token } satisfies FromWorker);
  } catch (error) {
    store.close();
    port.postMessage({ type: 'failed', message: String(error) } satisfies FromWorker);
  }
}

if (!isMainThread && (workerData as Start | undefined)?.file) await serveInWorker(workerData as Start);
