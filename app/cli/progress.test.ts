import { describe, expect, it } from 'vitest';
import { ProgressBar, formatBytes } from './progress.ts';

const terminal = (isTTY: boolean) => {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
};

describe('the progress bar', () => {
  it('draws on a terminal: the share read of a file of known size, then the events stored, then clears', () => {
    const t = terminal(true);
    const bar = new ProgressBar(t, 4 * 1024 * 1024);
    bar.reading(4 * 1024 * 1024);
    expect(t.written.at(-1)).toBe(`\r\x1b[2Kreading ▕${'█'.repeat(28)}▏ 100% 4.0 MiB / 4.0 MiB`);
    bar.done();
    expect(t.written.at(-1)).toBe('\r\x1b[2K');
  });

  it('writes nothing where stderr is not a terminal (a pipe, a file)', () => {
    const t = terminal(false);
    const bar = new ProgressBar(t, 100);
    bar.reading(50);
    bar.storing(10);
    bar.done();
    expect(t.written).toEqual([]);
  });

  it('says sizes in binary units', () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(127 * 2 ** 20)]).toEqual([
      '512 B',
      '1.5 KiB',
      '127 MiB',
    ]);
  });
});
