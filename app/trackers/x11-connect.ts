/**
 * Opening one X connection for a source that keeps it (the window source, the idle source): the pure-JS `x11`
 * client, a deadline for the whole opening, and a set-up step (atoms, an extension) before it counts as open.
 * After that, socket errors go to the source, which drops the connection and reconnects at its next sample.
 */
import x11 from 'x11';
import type { X11Client } from 'x11';

export interface X11Opened<T> {
  client: X11Client;
  root: number;
  /** What the set-up step answered. */
  ready: T;
}

export interface X11ConnectOptions<T> {
  /** Defaults to $DISPLAY, read at each attempt. */
  display?: string | undefined;
  timeoutMs: number;
  /** Runs once the server answered; the connection counts as open when it resolves. */
  setup: (client: X11Client, root: number) => Promise<T>;
  /** An error on the connection once it is open. */
  onError: (client: X11Client, err: Error & { error?: number }) => void;
}

export function connectX11<T>(options: X11ConnectOptions<T>): Promise<X11Opened<T>> {
  const display = options.display ?? process.env.DISPLAY;
  if (!display) return Promise.reject(Object.assign(new Error('DISPLAY is not set'), { code: 'NO_DISPLAY' }));
  const { timeoutMs } = options;
  return new Promise<X11Opened<T>>((resolve, reject) => {
    let client: X11Client | undefined;
    let settled = false;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (client) terminateX11(client);
      reject(err);
    };
    const timer = setTimeout(
      () => fail(new Error(`no answer from X display ${display} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    try {
      client = x11.createClient({ display, shm: false }, (err, info) => {
        if (err) return fail(err);
        const root = info.screen[0]?.root;
        const c = client;
        if (root === undefined || !c) return fail(new Error(`X display ${display} has no screen`));
        options
          .setup(c, root)
          .then((ready) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({ client: c, root, ready });
          })
          .catch((setupErr: unknown) =>
            fail(setupErr instanceof Error ? setupErr : new Error(String(setupErr))),
          );
      });
    } catch (err) {
      // createClient throws synchronously for a DISPLAY it cannot parse.
      fail(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    const opened = client;
    opened.on('error', (err: Error & { error?: number }) => {
      if (!settled) fail(err);
      else options.onError(opened, err);
    });
  });
}

export function terminateX11(client: X11Client): void {
  try {
    client.terminate();
  } catch {
    // It never got a socket (connection refused), or the socket is already gone.
  }
}
