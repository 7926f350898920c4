/**
 * Generated requests for the fuzz test (fuzz.test.ts): every writing endpoint of app/shared/routes.ts, with
 * bodies that are mostly plausible (so that writes happen and collide: names from small pools of Unicode case
 * variants, ids that exist, intervals that overlap) and often wrong: wrong types, huge numbers, control
 * characters, unknown keys, duplicate keys, truncated JSON, other content types, bodies sent in chunks split
 * anywhere (inside a UTF-8 character too), and requests whose body stops short of its Content-Length.
 */
import http from 'node:http';
import net from 'node:net';
import fc from 'fast-check';

export interface FuzzRequest {
  /** The route it addresses, as "METHOD /template" ("PATCH /v1/rules/:id"). */
  route: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** The body as sent (JSON text, or not), or none. */
  body?: string | undefined;
  /** Defaults to application/json; null sends none. */
  contentType?: string | null;
  /**
   * How the body travels: whole with its Content-Length, chunked at these byte offsets, or cut short of the
   * Content-Length it declares before the client closes its side.
   */
  transport: { kind: 'whole' } | { kind: 'chunked'; cuts: number[] } | { kind: 'short' };
}

export interface FuzzResponse {
  /** 0 when the server closed the connection without answering (a request cut short may get that). */
  status: number;
  text: string;
}

// ---- values ----

/** Names that are one name, or almost, under case folding: the same name in other cases and scripts. */
const NAMES = [
  'Dev', 'dev', 'DEV', 'Été', 'été', 'ÉTÉ', 'e\u0301te\u0301', 'K', 'k', '\u212A', 'Straße', 'STRASSE',
  'strasse', 'ẞ', 'ß', 'ss', 'ΟΔΟΣ', 'οδος', 'οδοσ', 'İ', 'i', 'I', 'ı', 'ﬁle', 'FILE', 'Ǆ', 'ǅ', 'ǆ',
  ' Dev ', 'Fun', 'fun',
]; // prettier-ignore
const CONTROLS = ['\u0000', '\t', '\n', '\r', '\u0001', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f'];
const ODD_STRINGS = ['', ' ', '   ', 'a'.repeat(65), 'a'.repeat(257), 'x'.repeat(3000), '\ud800', '\udfff x'];

const withControl = fc
  .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...CONTROLS), fc.nat())
  .map(([s, c, at]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + c + s.slice(i);
  });

export const name = fc.oneof(
  { weight: 24, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: withControl },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }) },
);

const hugeNumber = fc.constantFrom(
  -1, 0, 0.5, -0, 1e21, 1e308, -1e308, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 2 ** 64, Number.MAX_VALUE, Number.MIN_VALUE,
); // prettier-ignore
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), hugeNumber);

/** Anything JSON holds, of the wrong type for most fields. */
export const wrong: fc.Arbitrary<unknown> = fc.oneof(
  name,
  number,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(name, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'name', '__proto__'), name, { maxKeys: 2 }),
);

/** Mostly `good`, sometimes anything. */
const or = <T>(good: fc.Arbitrary<T>, wrongWeight = 1): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: good as fc.Arbitrary<unknown> },
    { weight: wrongWeight, arbitrary: wrong },
  );

/** An object of these fields, usually all of them, now and then an unknown one more. */
function body(
  fields: Record<string, fc.Arbitrary<unknown>>,
  options: { partial?: boolean } = {},
): fc.Arbitrary<unknown> {
  const all = fc.record(fields);
  const some = fc.record(fields, { requiredKeys: [] });
  return fc
    .tuple(
      options.partial ? some : fc.oneof({ weight: 5, arbitrary: all }, { weight: 1, arbitrary: some }),
      fc.oneof(
        { weight: 30, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('extra', 'Name', 'constructor'), wrong) },
      ),
    )
    .map(([b, extra]) => (extra ? { ...b, [extra[0]]: extra[1] } : b));
}

const NOW = Date.parse('2026-03-02T12:00:00Z');
const HALF_HOUR = 1_800_000;
/** An instant as the API writes it; past the last date JavaScript knows, a string that looks like one. */
const isoOf = (ms: number) => {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '+275760-09-14T00:00:00.000Z' : date.toISOString();
};
/** Instants in the last few days (so that entries overlap), the future, before 2000, and malformed ones. */
const instantMs = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -200, max: 4 }).map((k) => NOW + k * HALF_HOUR) },
  { weight: 1, arbitrary: fc.constantFrom(Date.UTC(1999, 11, 31), NOW + 10 * 86_400_000, 8.64e15) },
);
const iso = fc.oneof(
  { weight: 9, arbitrary: instantMs.map((ms) => isoOf(ms)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2026-02-30T00:00:00Z', '2026-03-01T10:00:00+05:45', '2026-03-01T10:00:00', '2026-03-01', 'now',
      '+275760-09-13T00:00:00.000Z', '2026-03-01T25:00:00Z', '2026-03-01T10:00:00.123456789Z',
    ), // prettier-ignore
  },
);
const id = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 25 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('0', '-1', 'abc', '1.5', '1e2', '0x10', '99999999999999999999', '%00', '1%00'),
  },
);
const segment = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%E0%A4%A'; // a lone surrogate cannot be encoded: send a malformed escape instead
  }
};

// ---- endpoints ----

const productivity = or(fc.constantFrom('productive', 'neutral', 'unproductive'));
const ruleFields = {
  field: or(fc.constantFrom('app', 'domain', 'title')),
  match: or(fc.constantFrom('exact', 'contains', 'regex', 'domain')),
  pattern: or(
    fc.oneof(
      name,
      fc.constantFrom('(a+)+$', '^docs\\.', '(a)\\1', 'x(?=y)', '[', '\u0000abc', 'git', '.*', '\\p{L}+'),
    ),
  ),
  category: or(name),
  position: or(fc.integer({ min: -1, max: 30 })),
};
const entryFields = (start: number, halfHours: number) => ({
  label: or(name),
  category: or(name),
  start: or(fc.oneof({ weight: 9, arbitrary: fc.constant(isoOf(start)) }, { weight: 1, arbitrary: iso })),
  end: or(
    fc.oneof(
      { weight: 9, arbitrary: fc.constant(isoOf(start + halfHours * HALF_HOUR)) },
      { weight: 1, arbitrary: iso },
    ),
  ),
  note: or(name),
});
const entry = (partial: boolean) =>
  fc
    .tuple(instantMs, fc.constantFrom(-1, 0, 1, 2, 3, 8, 337, 400))
    .chain(([start, n]) => body(entryFields(start, n), { partial }));
const goalFields = {
  category: or(name),
  direction: or(fc.constantFrom('at_most', 'at_least')),
  period: or(fc.constantFrom('day', 'week')),
  target_ms: or(fc.oneof(fc.constantFrom(60_000, 59_999, 86_400_000, 86_400_001, 604_800_000), number)),
};

const eventId = or(
  fc.oneof(
    fc.integer({ min: 0, max: 60 }).map((n) => `e${n}`),
    name,
  ),
);
const span = fc
  .tuple(instantMs, fc.integer({ min: -2, max: 6 }), fc.constantFrom(0, 0, 0, 999, 5000, -1))
  .map(([start, n, skew]) => ({
    start_ts: isoOf(start),
    end_ts: isoOf(start + n * HALF_HOUR),
    duration_ms: n * HALF_HOUR + skew,
  }));
const eventOf = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc
    .tuple(span, body({ event_id: eventId, schema_version: or(fc.constant(1)), ...fields }))
    .map(([times, rest]) => (rest !== null && typeof rest === 'object' ? { ...times, ...rest } : rest));
const events = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  body({ events: or(fc.array(or(eventOf(fields), 1), { maxLength: 6 })) });
const aTitle = fc.oneof(
  name,
  fc.integer({ min: 30, max: 2100 }).map((n) => `${'a'.repeat(n - 1)}!`),
);
const domain = fc.oneof(
  fc.constantFrom('github.com', 'GitHub.com.', 'docs.github.com', 'a.b.example', `${'a'.repeat(63)}.b`),
  name,
);

const PARAMS: Record<string, fc.Arbitrary<string>> = {
  id,
  kind: fc.constantFrom('app', 'domain', 'manual', 'window'),
  name: name.map(segment),
};
/** A path of the template ("/v1/rules/:id") with generated parameters. */
const pathOf = (template: string) =>
  fc
    .tuple(
      ...template
        .split(/(:[a-z]+)/)
        .map((part) => (part.startsWith(':') ? PARAMS[part.slice(1)]! : fc.constant(part))),
    )
    .map((parts) => parts.join(''));

/** A query string, for the routes that take their input there. */
type Query = fc.Arbitrary<string>;
type Route = [FuzzRequest['method'], string, fc.Arbitrary<unknown> | null, Query?];

/** DELETE /v1/data's selectors, right and wrong (never all=true: the other routes' rows must stay to be checked). */
const purgeQuery: Query = fc
  .oneof(
    fc.record({ app: name }),
    fc.record({ domain: fc.oneof(domain, name) }),
    fc.record({ from: iso, to: iso }),
    fc.record({ from: iso }),
    fc.record({ all: fc.constantFrom('false', '1', 'yes', '') }),
    fc.record({ app: name, domain }),
    fc.dictionary(fc.constantFrom('from', 'to', 'app', 'domain', 'all', 'x'), fc.string(), { maxKeys: 3 }),
  )
  .map(
    (q) =>
      `?${new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString()}`,
  );
/** DELETE /v1/categories/:id's target: none, a category that may exist, or junk. */
const reassignQuery: Query = fc
  .oneof(
    fc.constant({}),
    fc.record({ reassign_to: fc.oneof(name, fc.constantFrom('Games', 'Email', '')) }),
    fc.dictionary(fc.constantFrom('reassign_to', 'x'), fc.string(), { maxKeys: 2 }),
  )
  .map(
    (q) =>
      `?${new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)])).toString()}`,
  );
const awEvent = body({
  timestamp: or(iso),
  duration: or(fc.oneof(fc.integer({ min: 0, max: 7200 }), fc.double({ min: 0, max: 7200, noNaN: true }))),
  data: or(
    body(
      {
        app: or(name),
        title: or(aTitle),
        url: or(
          fc.constantFrom('https://GitHub.com/x', 'chrome://newtab/', 'http://a.b.example:8080/', 'no url'),
        ),
        status: or(fc.constantFrom('afk', 'not-afk')),
      },
      { partial: true },
    ),
  ),
});
/** An ActivityWatch export, as its Export button writes it, or some of it, or something else. */
const awExport = body({
  buckets: or(
    fc.dictionary(
      fc.constantFrom('aw-watcher-window_h', 'aw-watcher-afk_h', 'aw-watcher-web-chrome', 'x', '__proto__'),
      body({
        type: or(fc.constantFrom('currentwindow', 'afkstatus', 'web.tab.current', 'os.hid.input')),
        events: or(fc.array(awEvent, { maxLength: 6 })),
      }),
      { maxKeys: 4 },
    ),
  ),
});
/** Time Audit's raw export in its JSON form: the events' wire shapes with a `source`, and manual entries. */
const rawExport = body({
  format: or(fc.constant('timeaudit-raw')),
  schema_version: or(fc.constant(1)),
  events: or(
    fc.array(
      fc.oneof(
        eventOf({ source: or(fc.constant('window')), app: or(name), title: or(aTitle) }),
        eventOf({
          source: or(fc.constant('browser')),
          user_id: or(name),
          domain: or(domain),
          reason_closed: or(fc.constant('tab_switch')),
        }),
        eventOf({ source: or(fc.constantFrom('idle', 'telepathy')) }),
        eventOf({
          source: fc.constant('manual'),
          label: or(name),
          category: or(fc.option(name)),
          note: or(name),
        }),
      ),
      { maxLength: 6 },
    ),
  ),
});

const ROUTES_FUZZED: Route[] = [
  ['POST', '/v1/window/events', events({ app: or(name), title: or(aTitle) })],
  [
    'POST',
    '/v1/browser/events',
    events({
      user_id: or(name),
      domain: or(domain),
      reason_closed: or(fc.constantFrom('tab_switch', 'Bad')),
    }),
  ],
  ['POST', '/v1/idle/events', events({})],
  ['POST', '/v1/categories', body({ name: or(name), productivity })],
  [
    'PATCH',
    '/v1/categories/:id',
    body(
      { name: or(name), productivity, colour: or(fc.constantFrom('#12AB9f', '#000000', null, 'red')) },
      { partial: true },
    ),
  ],
  ['DELETE', '/v1/categories/:id', null, reassignQuery],
  ['PUT', '/v1/subjects/:kind/:name/category', body({ category: or(fc.option(name)) })],
  ['POST', '/v1/subjects/:kind/:name/reset', body({})],
  ['POST', '/v1/rules', body(ruleFields)],
  ['PATCH', '/v1/rules/:id', body(ruleFields, { partial: true })],
  ['DELETE', '/v1/rules/:id', null],
  [
    'POST',
    '/v1/rules/preview',
    body({
      field: ruleFields.field,
      match: ruleFields.match,
      pattern: ruleFields.pattern,
      from: or(fc.constant('2020-01-01T00:00:00Z')),
      to: or(iso),
      tz: or(fc.constantFrom('UTC', 'Europe/Berlin', 'Mars/Base')),
    }),
  ],
  ['POST', '/v1/manual-entries', entry(false)],
  ['PATCH', '/v1/manual-entries/:id', entry(true)],
  ['DELETE', '/v1/manual-entries/:id', null],
  ['POST', '/v1/goals', body(goalFields)],
  ['PATCH', '/v1/goals/:id', body(goalFields, { partial: true })],
  ['DELETE', '/v1/goals/:id', null],
  [
    'POST',
    '/v1/pause',
    body(
      { minutes: or(fc.integer({ min: 0, max: 1441 })), until: or(fc.constantFrom('tomorrow', null)) },
      { partial: true },
    ),
  ],
  ['POST', '/v1/resume', body({})],
  ['DELETE', '/v1/data', null, purgeQuery],
  // Not POST /v1/backup: it takes nothing but {} (app/server/data-backup.test.ts), and every copy it made would be
  // purged again by each DELETE /v1/data, turning the run into a measure of purge time per backup.
  [
    'PATCH',
    '/v1/settings',
    body(
      {
        idle_minutes: or(fc.integer({ min: 0, max: 121 })),
        poll_interval_ms: or(fc.integer({ min: 99, max: 60_001 })),
        excluded_apps: or(fc.array(name, { maxLength: 4 })),
        excluded_domains: or(fc.array(domain, { maxLength: 3 })),
        theme: or(fc.constantFrom('light', 'dark', 'system')),
        keep_titles_days: or(fc.option(fc.integer({ min: 0, max: 3651 }))),
        private_apps: or(fc.array(name, { maxLength: 3 })),
        redact_patterns: or(
          fc.array(fc.constantFrom('[0-9]{4}', 'a*', '(a)\\1', '(x', 'ok'), { maxLength: 3 }),
        ),
      },
      { partial: true },
    ),
  ],
  // Not POST /v1/sync/run: it takes nothing but {} (app/server/sync-api.test.ts) and starts a sync over the network.
  [
    'PATCH',
    '/v1/sync/settings',
    body(
      {
        enabled: or(fc.boolean()),
        bucket: or(fc.constantFrom('acme-time', 'Not A Bucket', '', 'a'.repeat(64))),
        prefix: or(name),
        endpoint: or(fc.constantFrom('http://127.0.0.1:9', 'ftp://x', null)),
        region: or(fc.constantFrom('us-east-1', '')),
        display_name: or(name),
        include_titles: or(fc.boolean()),
        interval_minutes: or(fc.integer({ min: 0, max: 20_000 })),
      },
      { partial: true },
    ),
  ],
  ['POST', '/v1/import/activitywatch', awExport],
  ['POST', '/v1/import/timeaudit', rawExport],
  [
    'POST',
    '/v1/retention/preview',
    body({
      keep_titles_days: or(fc.option(fc.integer({ min: 0, max: 3651 }))),
      keep_events_days: or(fc.option(fc.integer({ min: 0, max: 3651 }))),
    }),
  ],
];

/** The routes the fuzzer covers, as "METHOD /path", to check against app/shared/routes.ts. */
export const FUZZED_ROUTES = ROUTES_FUZZED.map(([method, template]) => `${method} ${template}`);

// ---- how the body is written ----

/** JSON text of the value, or a corruption of it. */
const text = (value: unknown): fc.Arbitrary<string> => {
  const json = JSON.stringify(value) ?? 'null';
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  const keys = isObject ? Object.keys(value) : [];
  const variants: Array<{ weight: number; arbitrary: fc.Arbitrary<string> }> = [
    { weight: 30, arbitrary: fc.constant(json) },
    { weight: 2, arbitrary: fc.nat({ max: Math.max(0, json.length - 1) }).map((n) => json.slice(0, n)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '', '[]', 'null', '"x"', '1e999', '{"__proto__":{"name":"x"}}', '{"constructor":{"prototype":{}}}',
        `${'['.repeat(50_000)}${']'.repeat(50_000)}`, `{"a":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_001)}`,
        '{"name":"\\ud800"}', '{"name":"\u0000"}', 'x'.repeat(1_100_000),
      ), // prettier-ignore
    },
  ];
  if (keys.length > 0) {
    // The same key twice: JSON.parse keeps the last, so put the wrong value first or last.
    const duplicate = fc.tuple(fc.constantFrom(...keys), wrong, fc.boolean()).map(([key, other, last]) => {
      const pair = `${JSON.stringify(key)}:${JSON.stringify(other) ?? 'null'}`;
      return last ? `${json.slice(0, -1)},${pair}}` : `{${pair},${json.slice(1)}`;
    });
    variants.push({ weight: 3, arbitrary: duplicate });
  }
  return fc.oneof(...variants);
};

const transport = (bytes: number): fc.Arbitrary<FuzzRequest['transport']> =>
  fc.oneof(
    { weight: 16, arbitrary: fc.constant({ kind: 'whole' as const }) },
    {
      weight: 3,
      arbitrary: fc
        .uniqueArray(fc.integer({ min: 1, max: Math.max(1, bytes - 1) }), { maxLength: 4 })
        .map((cuts) => ({ kind: 'chunked' as const, cuts: cuts.sort((a, b) => a - b) })),
    },
    { weight: bytes > 0 ? 1 : 0, arbitrary: fc.constant({ kind: 'short' as const }) },
  );

const contentType = fc.oneof(
  { weight: 30, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded',
      'application/json; charset=latin1', null,
    ), // prettier-ignore
  },
);

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc
  .constantFrom(...ROUTES_FUZZED)
  .chain(([method, template, bodies, query]) =>
    fc.record({
      route: fc.constant(`${method} ${template}`),
      method: fc.constant(method),
      path: query ? fc.tuple(pathOf(template), query).map(([p, q]) => p + q) : pathOf(template),
      body: bodies === null ? fc.constant(undefined) : bodies.chain(text),
      contentType: bodies === null ? fc.constant(null) : contentType,
    }),
  )
  .chain((r) => transport(Buffer.byteLength(r.body ?? '')).map((t): FuzzRequest => ({ ...r, transport: t })));

// ---- sending ----

/** Sends one request; rejects when no answer (nor a close) comes within `timeoutMs`. */
export function send(port: number, token: string, r: FuzzRequest, timeoutMs: number): Promise<FuzzResponse> {
  const body = r.body === undefined ? undefined : Buffer.from(r.body, 'utf8');
  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}` };
  if (r.contentType !== null && r.contentType !== undefined) headers['content-type'] = r.contentType;
  if (r.transport.kind === 'short') return sendShort(port, r, headers, body ?? Buffer.alloc(0), timeoutMs);
  if (body !== undefined && r.transport.kind === 'whole') headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const req = http.request(
      { host: '127.0.0.1', port, method: r.method, path: r.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    // The server may answer (413, 415) and close before the whole body is sent: the answer counts.
    req.on('error', () => {
      clearTimeout(timer);
      resolve({ status: 0, text: '' });
    });
    if (body !== undefined && r.transport.kind === 'chunked') {
      let at = 0;
      for (const cut of [...r.transport.cuts, body.length]) {
        if (cut > at) req.write(body.subarray(at, cut));
        at = cut;
      }
    } else if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A body that stops short of its Content-Length, the client then closing its side. */
function sendShort(
  port: number,
  r: FuzzRequest,
  headers: Record<string, string>,
  body: Buffer,
  timeoutMs: number,
): Promise<FuzzResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer or close within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(raw);
      resolve({ status: status ? Number(status[1]) : 0, text: raw.slice(raw.indexOf('\r\n\r\n') + 4) });
    };
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', done);
    socket.on('error', () => undefined); // a reset ends as a close
    const head = Object.entries({
      ...headers,
      'content-length': String(body.length + 10),
      connection: 'close',
    })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`${r.method} ${r.path} HTTP/1.1\r\n${head}\r\n`);
    socket.end(body.subarray(0, Math.floor(body.length / 2)));
  });
}
