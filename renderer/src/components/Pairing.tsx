import { useState, type FormEvent } from 'react';
import { api, describeError, isUnauthorized } from '../lib/api.ts';
import { clearToken, saveToken, tokenFromInput } from '../lib/token.ts';
import { Header } from './Header.tsx';

interface Props {
  /** Why pairing is asked for again: the saved token was refused. */
  rejected: boolean;
  onPaired: (token: string) => void;
}

/** Asks for the API token when the dashboard has none, or when the one it had is refused. */
export function Pairing({ rejected, onPaired }: Props) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    const value = tokenFromInput(token);
    if (!value) {
      setError(
        token.trim()
          ? 'This link holds no token: paste the one “timeaudit serve” prints.'
          : 'Paste the token first.',
      );
      return;
    }
    setBusy(true);
    saveToken(value);
    try {
      await api.listCategories({});
      onPaired(value);
    } catch (failure) {
      clearToken();
      setError(
        isUnauthorized(failure)
          ? 'Time Audit did not accept this token. Copy it again from “timeaudit token”.'
          : describeError(failure),
      );
      setBusy(false);
    }
  };

  return (
    <div className="app">
      <Header />
      <main className="pairing">
        <form className="card pairing-card" onSubmit={(e) => void connect(e)}>
          <h2>Connect to Time Audit</h2>
          {rejected ? (
            <p className="notice-inline" role="alert">
              The saved token was not accepted; it may have changed. Connect again.
            </p>
          ) : null}
          <p>
            The dashboard needs this machine&apos;s API token. Run <code>timeaudit token</code> and paste what
            it prints, or paste (or open) the link <code>timeaudit serve</code> printed: it carries the token.
          </p>
          <label className="label" htmlFor="api-token">
            API token
          </label>
          <div className="pairing-row">
            <input
              id="api-token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              value={token}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'pairing-error' : undefined}
              onChange={(e) => {
                setToken(e.target.value);
                setError(null);
              }}
            />
            <button type="submit" className="button primary" disabled={busy}>
              Connect
            </button>
          </div>
          {error ? (
            <p id="pairing-error" className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <p className="muted small">The token stays in this browser; the data never leaves this machine.</p>
        </form>
      </main>
    </div>
  );
}
