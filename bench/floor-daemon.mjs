/**
 * The floor under the daemon's memory and start (bench/daemon.ts): the least a Node process needs to do what
 * the daemon does at all. It opens a SQLite file with better-sqlite3-multiple-ciphers in WAL mode (one small
 * STRICT table, one row), formats one date with Intl in a time zone, and answers GET /v1/health on node:http,
 * nothing else: no framework, no validation, no migrations, no logger.
 *
 *   node [flags] bench/floor-daemon.mjs <sqlite file> <time zone> <port>
 *
 * Plain JavaScript, so that Node's type stripping is not part of what it measures.
 */
import { createServer } from 'node:http';
import Database from 'better-sqlite3-multiple-ciphers';

const [file, timeZone = 'Europe/Berlin', port = '0'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/floor-daemon.mjs <sqlite file> <time zone> <port>\n');
  process.exit(2);
}

const db = new Database(file);
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS events (start_ms INTEGER NOT NULL, app TEXT NOT NULL) STRICT');
db.prepare('INSERT INTO events (start_ms, app) VALUES (?, ?)').run(Date.now(), 'floor');
const count = db.prepare('SELECT count(*) AS n FROM events').get().n;

const today = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'long' }).format(
  new Date(),
);

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/v1/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', today, events: count }));
  } else {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'not_found', message: 'not found' } }));
  }
});

server.listen(Number(port), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`Floor is running: http://127.0.0.1:${address.port}\n`);
});

const stop = () => {
  server.close();
  db.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
