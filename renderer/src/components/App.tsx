import { useCallback, useState } from 'react';
import { clearToken, readToken } from '../lib/token.ts';
import { Dashboard } from './Dashboard.tsx';
import { Pairing } from './Pairing.tsx';

/** Pairing until there is a token that works, then the dashboard. */
export function App() {
  const [token, setToken] = useState(readToken);
  const [rejected, setRejected] = useState(false);
  const onUnauthorized = useCallback(() => {
    clearToken();
    setRejected(true);
    setToken(null);
  }, []);
  if (!token) {
    return (
      <Pairing
        rejected={rejected}
        onPaired={(value) => {
          setRejected(false);
          setToken(value);
        }}
      />
    );
  }
  return <Dashboard key={token} onUnauthorized={onUnauthorized} />;
}
