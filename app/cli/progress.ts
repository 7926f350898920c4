/**
 * A progress bar for long commands (an import), drawn on one line of stderr and only when stderr is a
 * terminal: piped or redirected output gets no control characters, only the command's result.
 */

/** What the bar is drawn on: process.stderr, or anything with the same two members. */
export interface Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

const WIDTH = 28;
const REDRAW_MS = 100;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export class ProgressBar {
  private readonly terminal: Terminal;
  private readonly totalBytes: number | null;
  private lastDrawMs = 0;
  private drawn = false;
  private suffix = '';

  /** `totalBytes`: the file's size when known (not for standard input). */
  constructor(terminal: Terminal, totalBytes: number | null) {
    this.terminal = terminal;
    this.totalBytes = totalBytes;
  }

  reading(bytes: number): void {
    if (this.totalBytes !== null && this.totalBytes > 0) {
      const share = Math.min(1, bytes / this.totalBytes);
      const filled = Math.round(share * WIDTH);
      this.draw(
        `reading ▕${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}▏ ${String(Math.floor(share * 100)).padStart(3)}% ` +
          `${formatBytes(bytes)} / ${formatBytes(this.totalBytes)}`,
        bytes === this.totalBytes,
      );
    } else this.draw(`reading ${formatBytes(bytes)}`, false);
  }

  storing(events: number): void {
    this.draw(`storing ${events.toLocaleString('en-US')} events`, false);
  }

  /** A few words after the bar (what happens next). */
  note(text: string): void {
    this.suffix = ` — ${text}`;
  }

  /** Clears the line, so that what follows starts on a clean one. */
  done(): void {
    if (this.drawn && this.terminal.isTTY) this.terminal.write('\r\x1b[2K');
  }

  private draw(line: string, force: boolean): void {
    if (!this.terminal.isTTY) return;
    const now = Date.now();
    if (!force && now - this.lastDrawMs < REDRAW_MS) return;
    this.lastDrawMs = now;
    this.drawn = true;
    this.terminal.write(`\r\x1b[2K${line}${this.suffix}`);
  }
}
