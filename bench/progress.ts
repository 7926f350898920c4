/**
 * Progress of a long benchmark step on stderr (stdout keeps the results): one line rewritten in place on a
 * terminal, else a line every few seconds so a log shows it moving.
 */
const LOG_EVERY_MS = 5_000;

export interface Progress {
  update(done: number, detail?: string): void;
  finish(detail?: string): void;
}

export function progress(label: string, total: number): Progress {
  const tty = process.stderr.isTTY === true;
  const started = performance.now();
  let lastPrint = -Infinity;
  const line = (done: number, detail: string | undefined): string => {
    const pct = total > 0 ? ` ${Math.floor((100 * done) / total)}%` : '';
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    return `${label}:${pct} (${done}/${total}) ${secs} s${detail ? `, ${detail}` : ''}`;
  };
  return {
    update(done, detail) {
      const now = performance.now();
      if (tty && now - lastPrint > 100) process.stderr.write(`\r${line(done, detail)}\x1b[K`);
      else if (!tty && now - lastPrint > LOG_EVERY_MS) process.stderr.write(`${line(done, detail)}\n`);
      else return;
      lastPrint = now;
    },
    finish(detail) {
      process.stderr.write(`${tty ? '\r' : ''}${line(total, detail)}${tty ? '\x1b[K' : ''}\n`);
    },
  };
}

/** A note on stderr about what the benchmark is doing. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
