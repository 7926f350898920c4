/**
 * The Settings card's encryption group: whether the database is encrypted and where its key is kept, and
 * Encrypt / Decrypt. Encrypting warns first that the data cannot be read without the key, then shows the
 * recovery key once, with a copy button, until the user says it is saved. Decrypting asks for a confirmation.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { EncryptionStatus } from '../../../app/shared/api/index.ts';
import { api, describeError } from '../lib/api.ts';

type Step = 'idle' | 'confirm-encrypt' | 'confirm-decrypt' | 'working';

export function EncryptionForm() {
  const [status, setStatus] = useState<EncryptionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('idle');
  const [understood, setUnderstood] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const errorId = useId();

  const load = useCallback(() => {
    api.getEncryption({}).then(setStatus, (e: unknown) => setError(describeError(e)));
  }, []);
  useEffect(load, [load]);

  const convert = async (encrypted: boolean) => {
    setStep('working');
    setError(null);
    try {
      const change = await api.setEncryption({ body: { encrypted } });
      setStatus(change);
      setRecoveryKey(change.recovery_key);
      setSaved(false);
      setCopied(false);
    } catch (e) {
      setError(describeError(e));
    }
    setStep('idle');
    setUnderstood(false);
  };

  const copy = async () => {
    if (!recoveryKey) return;
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied(true);
    } catch {
      setError('The browser did not let the key be copied: select it and copy it by hand.');
    }
  };

  if (!status)
    return (
      <div className="setting" aria-label="Encryption">
        <h4>Encryption at rest</h4>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="muted small">Loading…</p>
        )}
      </div>
    );

  return (
    <div className="setting encryption" aria-label="Encryption">
      <h4>Encryption at rest</h4>
      <p className="setting-hint" role="status">
        {status.encrypted ? (
          <>
            <span className="encryption-badge on">Encrypted</span> The key is kept in{' '}
            {status.key_store ?? 'a key store'}.
          </>
        ) : (
          <>
            <span className="encryption-badge">Not encrypted</span> The database is a plain SQLite file:
            anyone who can read your files can read it.
          </>
        )}
      </p>

      {recoveryKey && !saved ? (
        <div className="encryption-recovery" role="group" aria-label="Recovery key">
          <p className="encryption-warning">
            <strong>Save this recovery key now</strong> (in a password manager, or on paper). If the keychain
            or key file is lost, it is the only way to read your data again, with{' '}
            <code>timeaudit key import</code>. The dashboard shows it only this once;{' '}
            <code>timeaudit key export</code> prints it again.
          </p>
          <code className="encryption-key">{recoveryKey}</code>
          <div className="inline-form">
            <button type="button" className="button small" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <label className="export-check">
              <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />I have
              saved it
            </label>
          </div>
        </div>
      ) : null}

      {recoveryKey && !saved ? null : !status.can_convert ? (
        <p className="muted small">
          Stop Time Audit and run <code>timeaudit {status.encrypted ? 'decrypt' : 'encrypt'}</code> to change
          this.
        </p>
      ) : step === 'confirm-encrypt' ? (
        <div className="encryption-confirm">
          <p className="encryption-warning">
            A random key will be kept in your keychain (or a key file outside the data folder). Without it the
            data cannot be read: if the keychain is lost, so is your history, unless you keep the recovery key
            shown next. Backups in the data folder are encrypted too.
          </p>
          <label className="export-check">
            <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />I
            understand, and will save the recovery key
          </label>
          <div className="inline-form">
            <button
              type="button"
              className="button small primary"
              disabled={!understood}
              onClick={() => void convert(true)}
            >
              Encrypt now
            </button>
            <button type="button" className="button small" onClick={() => setStep('idle')}>
              Cancel
            </button>
          </div>
        </div>
      ) : step === 'confirm-decrypt' ? (
        <div className="encryption-confirm">
          <p className="encryption-warning">
            The database and its backups become plain files again: anyone who can read your files can read
            your activity. The key stays where it is.
          </p>
          <div className="inline-form">
            <button type="button" className="button small danger" onClick={() => void convert(false)}>
              Decrypt now
            </button>
            <button type="button" className="button small" onClick={() => setStep('idle')}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="inline-form">
          <button
            type="button"
            className="button small"
            disabled={step === 'working'}
            onClick={() => setStep(status.encrypted ? 'confirm-decrypt' : 'confirm-encrypt')}
          >
            {step === 'working'
              ? status.encrypted
                ? 'Decrypting…'
                : 'Encrypting…'
              : status.encrypted
                ? 'Decrypt…'
                : 'Encrypt…'}
          </button>
          {step === 'working' ? <span className="muted small">Copying and verifying every row…</span> : null}
        </div>
      )}
      {error ? (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
