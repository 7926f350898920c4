/**
 * The dashboard's files (the Vite build of renderer/), served from the listener's own origin so that its API
 * calls are same-origin. Everything outside /v1/ is public (see security.ts): the files hold no data, the API
 * behind them still needs the token. Every page gets a strict Content-Security-Policy.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the build lands: renderer/dist in a checkout, dist/renderer/dist beside the compiled app. */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../renderer/dist/', import.meta.url));

export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // chart.js sizes its canvas through style attributes
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Time Audit</title>
<body style="font:16px system-ui;margin:3rem;max-width:40rem">
<h1>Time Audit is running</h1>
<p>The dashboard has not been built in this checkout. Run <code>npm run build</code> (or <code>npm start</code>,
which builds it), then reload this page.</p>
<p>The API answers at <code>/v1/</code> meanwhile.</p>`;

export function registerDashboard(app: FastifyInstance, dir: string | null): void {
  if (dir === null) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/v1/')) {
      reply.header('content-security-policy', DASHBOARD_CSP);
      reply.header('x-frame-options', 'DENY');
      reply.header('referrer-policy', 'no-referrer');
    }
    return payload;
  });
  if (existsSync(path.join(dir, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuild needs no restart.
    void app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: true, index: 'index.html' });
  } else {
    app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT));
  }
}
