/** The data folder's lock as its holders see it, on real files; across processes in app/cli/one-writer.test.ts. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DataFolderBusyError, DataFolderLock, HOLDER_FILE, LOCK_FILE, readHolder } from './data-lock.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ta-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function busy(take: () => unknown): DataFolderBusyError {
  try {
    take();
  } catch (error) {
    if (error instanceof DataFolderBusyError) return error;
    throw error;
  }
  throw new Error('the lock was taken twice');
}

it('has one holder at a time, which others can name, and is free again once released', () => {
  const dir = tempDir();
  const daemon = DataFolderLock.acquire(dir, 'serve');
  daemon.listening('http://127.0.0.1:47600');
  const refused = busy(() => DataFolderLock.acquire(dir, 'serve'));
  expect(refused.holder).toEqual({
    pid: process.pid,
    command: 'serve',
    url: 'http://127.0.0.1:47600',
    sinceMs: expect.any(Number),
  });
  expect(refused.message).toMatch(
    /^Time Audit is already running on this data folder \(pid \d+, http:\/\/127\.0\.0\.1:47600, since \d\d:\d\d\); stop it first or use another --data-dir$/,
  );
  for (const file of [LOCK_FILE, HOLDER_FILE])
    expect(statSync(path.join(dir, file)).mode & 0o777, file).toBe(0o600);
  daemon.release();
  expect(readHolder(dir)).toBeNull();

  const command = DataFolderLock.acquire(dir, 'log');
  expect(busy(() => DataFolderLock.acquire(dir, 'serve')).message).toMatch(
    /^`timeaudit log` is writing to this data folder \(pid \d+, since \d\d:\d\d\); wait for it to finish or use another --data-dir$/,
  );
  command.release();
  DataFolderLock.acquire(dir, 'serve').release();
});

it('does not believe a holder file left by a process that is gone', () => {
  const dir = tempDir();
  const gone = spawnSync(process.execPath, ['-e', '0']).pid;
  writeFileSync(
    path.join(dir, HOLDER_FILE),
    JSON.stringify({ pid: gone, command: 'serve', url: 'http://127.0.0.1:1', sinceMs: 0 }),
  );
  expect(readHolder(dir)).toBeNull();
  const lock = DataFolderLock.acquire(dir, 'serve');
  expect(readHolder(dir)).toMatchObject({ pid: process.pid, command: 'serve', url: null });
  lock.release();
});
