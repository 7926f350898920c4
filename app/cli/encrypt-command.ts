/**
 * `timeaudit encrypt`, `timeaudit decrypt`, `timeaudit key export` and `timeaudit key import`: encryption at rest
 * of a data folder's database (app/db/cipher.ts, convert.ts; the key stores in app/db/keys/).
 *
 * A conversion replaces the database file: while the daemon or the desktop app runs on the folder, it asks that
 * process (POST /v1/encryption), which closes its store, converts and opens it again; otherwise it takes the
 * data folder's lock for its run. The key is stored (and read back) before the database is encrypted with it,
 * so no moment exists where the data is encrypted and the key kept nowhere.
 */
import { createInterface } from 'node:readline/promises';
import { claimWriter, viaDaemon } from './writer.ts';
import type { EncryptionChange } from '../shared/api/index.ts';
import { convertDatabase, type ConvertResult, type ConvertStep } from '../db/convert.ts';
import { databaseState, keyOpens } from '../db/cipher.ts';
import { KeyStores, unlockDatabase } from '../db/keys/choose.ts';
import { formatRecoveryKey, KeyStoreError, newKey, parseRecoveryKey } from '../db/keys/key-store.ts';
import { databasePath } from './paths.ts';

/** An encryption command asked for wrongly or not confirmed (exit code 2: nothing was changed). */
export class EncryptRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptRefusedError';
  }
}

const progressLine =
  (what: string) =>
  ({ step, done, total }: ConvertStep): void => {
    if (step === 'done') return;
    process.stderr.write(`${what}: ${step} (${done}/${total})\n`);
  };

function summary(result: ConvertResult): string[] {
  const lines: string[] = [];
  const n = result.backupsRewritten.length;
  if (n > 0)
    lines.push(
      `${n} backup${n === 1 ? '' : 's'} in backups/ ${result.encrypted ? 'encrypted' : 'decrypted'} too.`,
    );
  for (const f of result.backupsRemoved)
    lines.push(`Removed a backup that could not be read to encrypt it: ${f}`);
  for (const f of result.leftoversRemoved) lines.push(`Removed a database a restore had set aside: ${f}`);
  return lines;
}

const WARNING =
  'Without the key the data cannot be read: if this keychain or key file is lost, so is the data.\n' +
  'Run `timeaudit key export` now and keep the recovery key it prints somewhere safe.';

function daemonSummary(change: EncryptionChange): string[] {
  const lines = [
    change.encrypted
      ? `Encrypted by the running Time Audit (${change.rows} rows verified). The key is in ${change.key_store}.`
      : `Decrypted by the running Time Audit (${change.rows} rows verified): it is a plain SQLite file again.`,
  ];
  if (change.backups_rewritten > 0)
    lines.push(`${change.backups_rewritten} backup(s) in backups/ converted too.`);
  if (change.backups_removed > 0) lines.push(`${change.backups_removed} unreadable backup(s) removed.`);
  return lines;
}

export async function encryptCommand(opts: { dataDir: string }): Promise<void> {
  const file = databasePath(opts.dataDir);
  if (databaseState(file) === 'encrypted') throw new EncryptRefusedError('the database is encrypted already');
  const { api, lock } = claimWriter(opts.dataDir, 'encrypt');
  if (api) {
    const change = await viaDaemon(api.setEncryption({ body: { encrypted: true } }));
    for (const line of daemonSummary(change)) console.log(line);
    console.log(WARNING);
    return;
  }
  try {
    const stores = new KeyStores(opts.dataDir);
    const existing = stores.find().found;
    const store = existing?.store ?? stores.writable();
    const key = existing?.key ?? newKey();
    if (!existing) {
      store.write(key);
      if (!store.read()?.equals(key))
        throw new KeyStoreError(`the key written to ${store.where} did not read back`);
    }
    const result = convertDatabase(opts.dataDir, { from: null, to: key }, progressLine('encrypting'));
    console.log(`Encrypted ${file} (${result.rows} rows verified). The key is in ${store.where}.`);
    for (const line of summary(result)) console.log(line);
    console.log(WARNING);
  } finally {
    lock.release();
  }
}

async function confirmed(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

export async function decryptCommand(opts: { dataDir: string; yes?: boolean }): Promise<void> {
  const file = databasePath(opts.dataDir);
  if (databaseState(file) !== 'encrypted') throw new EncryptRefusedError('the database is not encrypted');
  const unlocked = unlockDatabase(file, opts.dataDir);
  if (!unlocked) throw new EncryptRefusedError('the database is not encrypted');
  if (!opts.yes && !process.stdin.isTTY)
    throw new EncryptRefusedError('decrypting writes your activity in plain text: confirm with --yes');
  if (
    !opts.yes &&
    !(await confirmed(`Decrypt ${file}? Anyone who can read the file can then read it. Type "yes": `))
  )
    throw new EncryptRefusedError('not confirmed: nothing changed');
  const { api, lock } = claimWriter(opts.dataDir, 'encrypt');
  if (api) {
    const change = await viaDaemon(api.setEncryption({ body: { encrypted: false } }));
    for (const line of daemonSummary(change)) console.log(line);
    return;
  }
  try {
    const result = convertDatabase(
      opts.dataDir,
      { from: unlocked.key, to: null },
      progressLine('decrypting'),
    );
    console.log(`Decrypted ${file} (${result.rows} rows verified): it is a plain SQLite file again.`);
    for (const line of summary(result)) console.log(line);
    console.log(`The key stays in ${unlocked.store.where}, for encrypted copies made with it.`);
  } finally {
    lock.release();
  }
}

export function keyExportCommand(opts: { dataDir: string }): void {
  const { found, lookedIn } = new KeyStores(opts.dataDir).find();
  if (!found) throw new EncryptRefusedError(`no key is stored for this data folder (looked in ${lookedIn})`);
  console.log(formatRecoveryKey(found.key));
  process.stderr.write(
    `This is the recovery key of ${opts.dataDir}, kept in ${found.store.where}.\n` +
      'Keep it somewhere safe (a password manager, on paper): `timeaudit key import` restores it.\n',
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function keyImportCommand(text: string | undefined, opts: { dataDir: string }): Promise<void> {
  const key = parseRecoveryKey(text ?? (await readStdin()).trim());
  if (!key)
    throw new EncryptRefusedError('that is not a recovery key: 64 hex digits, dashes and spaces allowed');
  const file = databasePath(opts.dataDir);
  if (databaseState(file) === 'encrypted' && !keyOpens(file, key))
    throw new EncryptRefusedError(`this key does not open ${file}: nothing stored`);
  const store = new KeyStores(opts.dataDir).writable();
  store.write(key);
  console.log(`The key is stored in ${store.where}.`);
}
