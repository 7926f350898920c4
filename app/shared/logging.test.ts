import { describe, expect, it } from 'vitest';
import { levelledLogger, type LogLevel } from './logging.ts';

describe('levelledLogger', () => {
  it('hands on the records at or above the threshold, asked at each record, with the child’s name', () => {
    const records: unknown[][] = [];
    let threshold: LogLevel = 'warn';
    const log = levelledLogger(
      'app',
      () => threshold,
      (...record) => records.push(record),
    ).child('db');
    log.info('not yet');
    log.warn('slow', { ms: 40 });
    threshold = 'debug';
    log.debug('now');
    threshold = 'silent';
    log.error('never');
    expect(records).toEqual([
      ['warn', 'app:db', 'slow', { ms: 40 }],
      ['debug', 'app:db', 'now', undefined],
    ]);
  });
});
